import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { devices } from '../../db/schema/index.ts';

/** id → unit of the devices that exist among `ids` (one query for a batch of MQTT messages). */
export async function findDeviceUnits(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: devices.id, unitId: devices.unitId })
    .from(devices)
    .where(inArray(devices.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.unitId]));
}

/** Many devices heard from at once, with nothing to merge into their last report. */
export async function touchDevices(db: Db, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(devices)
    .set({ lastSeenAt: at })
    .where(inArray(devices.id, [...ids]));
}
