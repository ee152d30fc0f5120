/**
 * Device health: who is online (heard from since an instant), the offline list, and the offline
 * alerts (once per outage: `offline_alerted_at` older than `last_seen_at` means the device came back
 * since its last alert). Registry status `active` only: a device in maintenance is not missed.
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { devices, units, users } from '../../db/schema/index.ts';
import { inSubtree } from '../../db/subtree.ts';

export interface HealthCounts {
  online: number;
  offline: number;
  neverSeen: number;
  maintenance: number;
}

/** Active devices online (heard from since `onlineSince`), offline, never heard from; devices in maintenance. */
/** A unit's own devices, or those of its whole subtree. */
export type Scope = { unitId: string } | { path: string };
const inScope = (w: Scope) => ('unitId' in w ? eq(devices.unitId, w.unitId) : inSubtree(units.path, w.path));

export async function healthCounts(db: Db, where: Scope, onlineSince: Date): Promise<HealthCounts> {
  const since = onlineSince.toISOString();
  const [row] = await db
    .select({
      online: sql<number>`count(*) FILTER (WHERE ${devices.status} = 'active' AND ${devices.lastSeenAt} >= ${since}::timestamptz)`.mapWith(Number),
      offline: sql<number>`count(*) FILTER (WHERE ${devices.status} = 'active' AND ${devices.lastSeenAt} < ${since}::timestamptz)`.mapWith(Number),
      neverSeen: sql<number>`count(*) FILTER (WHERE ${devices.status} = 'active' AND ${devices.lastSeenAt} IS NULL)`.mapWith(Number),
      maintenance: sql<number>`count(*) FILTER (WHERE ${devices.status} = 'maintenance')`.mapWith(Number),
    })
    .from(devices)
    .innerJoin(units, eq(units.id, devices.unitId))
    .where(inScope(where));
  return row ?? { online: 0, offline: 0, neverSeen: 0, maintenance: 0 };
}

export interface OfflineDeviceRow {
  id: string;
  unitId: string;
  unitName: string;
  kind: string;
  name: string;
  village: string | null;
  lastSeenAt: Date | null;
  offlineAlertedAt: Date | null;
}

const offlineColumns = {
  id: devices.id,
  unitId: devices.unitId,
  unitName: units.name,
  kind: devices.kind,
  name: devices.name,
  village: devices.village,
  lastSeenAt: devices.lastSeenAt,
  offlineAlertedAt: devices.offlineAlertedAt,
};

/** Active devices of the subtree not heard from since `onlineSince` (never heard from last), longest silent first. */
export async function findOffline(db: Db, where: Scope, onlineSince: Date, limit: number): Promise<OfflineDeviceRow[]> {
  return db
    .select(offlineColumns)
    .from(devices)
    .innerJoin(units, eq(units.id, devices.unitId))
    .where(and(inScope(where), eq(devices.status, 'active'), or(isNull(devices.lastSeenAt), lt(devices.lastSeenAt, onlineSince))))
    .orderBy(sql`${devices.lastSeenAt} ASC NULLS LAST`, asc(units.path), asc(devices.name), asc(devices.id))
    .limit(limit);
}

/** Active devices of the subtree whose alert went out for their current outage (not heard from since). */
export async function findAlerted(db: Db, path: string, limit: number): Promise<OfflineDeviceRow[]> {
  return db
    .select(offlineColumns)
    .from(devices)
    .innerJoin(units, eq(units.id, devices.unitId))
    .where(and(inSubtree(units.path, path), eq(devices.status, 'active'), isNotNull(devices.offlineAlertedAt), gte(devices.offlineAlertedAt, devices.lastSeenAt)))
    .orderBy(asc(devices.lastSeenAt), asc(devices.id))
    .limit(limit);
}

/**
 * Marks the active devices silent since before `silentBefore` and not alerted for this outage as
 * alerted at `at`; returns them. Devices never heard from are not an outage (not installed yet).
 * Two scans at once alert each device once (the UPDATE takes the rows).
 */
export async function claimNewlyOffline(db: Db, silentBefore: Date, at: Date): Promise<{ id: string; unitId: string }[]> {
  return db
    .update(devices)
    .set({ offlineAlertedAt: at })
    .where(and(eq(devices.status, 'active'), lt(devices.lastSeenAt, silentBefore), or(isNull(devices.offlineAlertedAt), lt(devices.offlineAlertedAt, devices.lastSeenAt))))
    .returning({ id: devices.id, unitId: devices.unitId });
}

/** These devices, as the offline list shows them. */
export async function findOfflineByIds(db: Db, ids: readonly string[]): Promise<OfflineDeviceRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(offlineColumns)
    .from(devices)
    .innerJoin(units, eq(units.id, devices.unitId))
    .where(inArray(devices.id, [...ids]))
    .orderBy(asc(devices.name), asc(devices.id));
}

/** The e-mail addresses of a unit's enabled administrators (unit_admin) — who is told its devices went silent. */
export async function unitAdminEmails(db: Db, unitId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.unitId, unitId), sql`'unit_admin' = ANY(${users.roles})`, isNull(users.disabledAt), isNotNull(users.email)))
    .orderBy(asc(users.email));
  return rows.map((r) => r.email).filter((e): e is string => Boolean(e));
}
