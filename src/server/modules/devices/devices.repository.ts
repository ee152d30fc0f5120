import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';
import { deviceCredentials, deviceLogs, devices, units } from '../../db/schema/index.ts';
import { inSubtree } from '../../db/subtree.ts';

export type DeviceRow = Omit<typeof devices.$inferSelect, 'offlineAlertedAt'> & { unitName: string; unitPath: string; credentialIssuedAt: Date | null };
export type DeviceInsert = Omit<typeof devices.$inferInsert, 'id' | 'lastSeenAt' | 'lastState' | 'offlineAlertedAt' | 'createdAt' | 'updatedAt'>;

const INSERT_CHUNK = 1000;

const liveCredentialAt = sql<Date | null>`(SELECT max(c.created_at) FROM device_credentials c WHERE c.device_id = ${devices.id} AND c.revoked_at IS NULL)`.mapWith(
  (v: string | Date | null) => (v === null ? null : new Date(v)),
);

const deviceColumns = {
  id: devices.id,
  unitId: devices.unitId,
  kind: devices.kind,
  name: devices.name,
  vendor: devices.vendor,
  model: devices.model,
  serial: devices.serial,
  simNumber: devices.simNumber,
  village: devices.village,
  lat: devices.lat,
  lon: devices.lon,
  installedOn: devices.installedOn,
  status: devices.status,
  lastSeenAt: devices.lastSeenAt,
  lastState: devices.lastState,
  audience: devices.audience,
  createdBy: devices.createdBy,
  createdAt: devices.createdAt,
  updatedAt: devices.updatedAt,
  unitName: units.name,
  unitPath: units.path,
  credentialIssuedAt: liveCredentialAt,
};

/** The devices of a unit, or of its whole subtree (`path` given). */
export async function findDevices(db: Db, where: { unitId: string } | { path: string }): Promise<DeviceRow[]> {
  return db
    .select(deviceColumns)
    .from(devices)
    .innerJoin(units, eq(units.id, devices.unitId))
    .where('unitId' in where ? eq(devices.unitId, where.unitId) : inSubtree(units.path, where.path))
    .orderBy(asc(units.path), asc(devices.village), asc(devices.name), asc(devices.id));
}

export async function findDevice(db: Db, id: string): Promise<DeviceRow | undefined> {
  const [row] = await db.select(deviceColumns).from(devices).innerJoin(units, eq(units.id, devices.unitId)).where(eq(devices.id, id));
  return row;
}

/** Inserts in chunks of 1,000 rows; returns the ids in input order. */
export async function insertDevices(db: Db, rows: readonly DeviceInsert[], at: Date): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK).map((r) => ({ ...r, createdAt: at, updatedAt: at }));
    ids.push(...(await db.insert(devices).values(chunk).returning({ id: devices.id })).map((r) => r.id));
  }
  return ids;
}

export async function updateDevice(db: Db, id: string, patch: Partial<DeviceInsert>, at: Date): Promise<void> {
  await db
    .update(devices)
    .set({ ...patch, updatedAt: at })
    .where(eq(devices.id, id));
}

/** The (vendor, serial) pairs registered with these serials (other than `exceptId`), as `${vendor}\u0000${serial}` (vendor null → "null"). */
export async function takenSerials(db: Db, serialList: readonly string[], exceptId?: string): Promise<Set<string>> {
  if (serialList.length === 0) return new Set();
  const serials = [...new Set(serialList)];
  const rows = await db
    .select({ vendor: devices.vendor, serial: devices.serial })
    .from(devices)
    .where(and(inArray(devices.serial, serials), exceptId ? ne(devices.id, exceptId) : undefined));
  return new Set(rows.map((r) => `${r.vendor}\u0000${r.serial}`));
}

/** Revokes the device's live token; returns whether there was one. */
export async function revokeLiveCredential(db: Db, deviceId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(deviceCredentials)
    .set({ revokedAt: at })
    .where(and(eq(deviceCredentials.deviceId, deviceId), isNull(deviceCredentials.revokedAt)))
    .returning({ id: deviceCredentials.id });
  return rows.length > 0;
}

export async function insertCredential(db: Db, row: { deviceId: string; tokenHash: string; mosquittoHash: string; createdBy: string; at: Date }): Promise<void> {
  await db.insert(deviceCredentials).values({ deviceId: row.deviceId, tokenHash: row.tokenHash, mosquittoHash: row.mosquittoHash, createdBy: row.createdBy, createdAt: row.at });
}

export interface LiveCredential {
  deviceId: string;
  unitId: string;
  tokenHash: string;
}

/** The device a live token hash belongs to (a retired device's tokens are refused too). */
export async function findLiveCredential(db: Db, tokenHash: string): Promise<LiveCredential | undefined> {
  const [row] = await db
    .select({ deviceId: deviceCredentials.deviceId, unitId: devices.unitId, tokenHash: deviceCredentials.tokenHash })
    .from(deviceCredentials)
    .innerJoin(devices, eq(devices.id, deviceCredentials.deviceId))
    .where(and(eq(deviceCredentials.tokenHash, tokenHash), isNull(deviceCredentials.revokedAt), ne(devices.status, 'retired')));
  return row;
}

/** Every live token's Mosquitto hash, for the password file. */
export async function liveMosquittoHashes(db: Db): Promise<{ deviceId: string; mosquittoHash: string }[]> {
  return db
    .select({ deviceId: deviceCredentials.deviceId, mosquittoHash: deviceCredentials.mosquittoHash })
    .from(deviceCredentials)
    .innerJoin(devices, eq(devices.id, deviceCredentials.deviceId))
    .where(and(isNull(deviceCredentials.revokedAt), ne(devices.status, 'retired')))
    .orderBy(asc(deviceCredentials.deviceId));
}

export type DeviceLogInsert = Omit<typeof deviceLogs.$inferInsert, 'id' | 'receivedAt'>;

/** Stores the events not stored before (same device and event id); returns how many were new. */
export async function insertLogs(db: Db, rows: readonly DeviceLogInsert[], at: Date): Promise<number> {
  if (rows.length === 0) return 0;
  // One JSON parameter for the whole batch: building a 1,000-row VALUES list with eleven parameters per row cost more
  // than the insert itself (the khẩn cấp item's started logs of 10,000 devices arrive in a few such batches).
  const json = JSON.stringify(
    rows.map((r) => ({
      device_id: r.deviceId,
      unit_id: r.unitId,
      event_id: r.eventId,
      type: r.type,
      item_id: r.itemId,
      command_id: r.commandId,
      at: r.at.toISOString(),
      duration_ms: r.durationMs,
      detail: r.detail,
      source: r.source,
    })),
  );
  const inserted = await db.execute(sql`
    INSERT INTO device_logs (device_id, unit_id, event_id, type, item_id, command_id, at, duration_ms, detail, source, received_at)
    SELECT x.device_id, x.unit_id, x.event_id, x.type, x.item_id, x.command_id, x.at, x.duration_ms, x.detail, x.source, ${at.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${json}::jsonb) AS x(device_id uuid, unit_id uuid, event_id uuid, type text, item_id text, command_id uuid, at timestamptz, duration_ms integer, detail jsonb, source text)
    ON CONFLICT (device_id, event_id) DO NOTHING
    RETURNING 1 AS x`);
  return rowsOf(inserted).length;
}

/**
 * The device was heard from (any message). `report` is merged into the last report (`{ state }` from the
 * state topic, `{ heartbeat }` from the log), so a heartbeat does not erase the state and vice versa.
 */
export async function touchDevice(db: Db, deviceId: string, at: Date, report?: Record<string, unknown>): Promise<void> {
  await db
    .update(devices)
    .set(report === undefined ? { lastSeenAt: at } : { lastSeenAt: at, lastState: sql`coalesce(${devices.lastState}, '{}'::jsonb) || ${JSON.stringify(report)}::jsonb` })
    .where(eq(devices.id, deviceId));
}

/** A device's stored play logs, oldest first (tests and later reports). */
export async function findLogs(db: Db, deviceId: string): Promise<(typeof deviceLogs.$inferSelect)[]> {
  return db.select().from(deviceLogs).where(eq(deviceLogs.deviceId, deviceId)).orderBy(asc(deviceLogs.at), asc(deviceLogs.eventId));
}
