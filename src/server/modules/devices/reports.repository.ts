import { inArray, sql } from 'drizzle-orm';
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

/** Many devices heard from at once, each with what to merge into its last report (state, heartbeat): one statement. */
export async function touchDevicesWithReports(db: Db, rows: readonly { id: string; report: Record<string, unknown> }[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    UPDATE devices d SET last_seen_at = ${at.toISOString()}::timestamptz, last_state = coalesce(d.last_state, '{}'::jsonb) || x.r
    FROM jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ id: r.id, r: r.report })))}::jsonb) AS x(id uuid, r jsonb)
    WHERE d.id = x.id`);
}
