import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bulletinTargets, bulletins, devices, units } from '../../db/schema/index.ts';
import { inAnySubtree, inSubtree } from '../../db/subtree.ts';
import type { BulletinSource, BulletinStatus, LedPage, Priority } from '../../../shared/contracts/bulletins.ts';

type Stored = typeof bulletins.$inferSelect;
export type BulletinRow = Omit<Stored, 'priority' | 'source' | 'status' | 'ledPages' | 'targetUnitIds' | 'audioContentType'> & {
  priority: Priority;
  source: BulletinSource;
  status: BulletinStatus;
  ledPages: LedPage[];
  targetUnitIds: string[];
  audioContentType: 'audio/mpeg' | 'audio/wav' | 'audio/ogg' | null;
};

/** What the composer writes (content, targets, validity). */
export interface BulletinWrite {
  title: string;
  priority: Priority;
  source: BulletinSource;
  text: string;
  streamUrl: string | null;
  ledPages: LedPage[];
  repeat: number;
  targetUnitIds: string[];
  validUntil: Date | null;
}

/** The audio a bulletin plays: synthesised from its text or uploaded (null fields: none yet). */
export interface BulletinAudio {
  spokenText: string | null;
  ttsVoice: string | null;
  audioKey: string | null;
  audioContentType: BulletinRow['audioContentType'];
  audioDurationMs: number | null;
  audioSha256: string | null;
}

/** Targets per INSERT (one JSON parameter each). */
const TARGETS_CHUNK = 5000;
const asRow = (r: Stored): BulletinRow => r as BulletinRow;

export async function insertBulletin(db: Db, row: BulletinWrite & { unitId: string; createdBy: string; at: Date }): Promise<BulletinRow> {
  const [r] = await db
    .insert(bulletins)
    .values({ ...row, createdAt: row.at, updatedAt: row.at })
    .returning();
  return asRow(r!);
}

export async function updateBulletin(db: Db, id: string, row: BulletinWrite, at: Date): Promise<void> {
  await db
    .update(bulletins)
    .set({ ...row, updatedAt: at })
    .where(eq(bulletins.id, id));
}

export async function setAudio(db: Db, id: string, audio: BulletinAudio, at: Date): Promise<void> {
  await db
    .update(bulletins)
    .set({ ...audio, updatedAt: at })
    .where(eq(bulletins.id, id));
}

export async function findBulletin(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<BulletinRow | undefined> {
  const q = db.select().from(bulletins).where(eq(bulletins.id, id));
  const [r] = opts.forUpdate ? await q.for('update') : await q;
  return r ? asRow(r) : undefined;
}

export async function findBulletins(db: Db, ids: readonly string[]): Promise<BulletinRow[]> {
  if (ids.length === 0) return [];
  return (
    await db
      .select()
      .from(bulletins)
      .where(inArray(bulletins.id, [...ids]))
  ).map(asRow);
}

/** What a step stamps besides the status. */
export type StatusStamp =
  | { to: 'submitted' }
  | { to: 'published'; approvedBy: string; emergency: boolean; approveKey: string | null }
  | { to: 'cancelled'; cancelledBy: string; reason: string | null }
  | { to: 'ended' };

/** Moves the status when the row is in `from`; false otherwise. */
export async function setStatus(db: Db, id: string, from: readonly BulletinStatus[], stamp: StatusStamp, at: Date): Promise<boolean> {
  const extra =
    stamp.to === 'submitted'
      ? { submittedAt: at }
      : stamp.to === 'published'
        ? { approvedBy: stamp.approvedBy, approvedAt: at, publishedAt: at, emergency: stamp.emergency, approveKey: stamp.approveKey }
        : stamp.to === 'cancelled'
          ? { cancelledAt: at, cancelledBy: stamp.cancelledBy, cancelReason: stamp.reason }
          : {};
  const r = await db
    .update(bulletins)
    .set({ status: stamp.to, updatedAt: at, ...extra })
    .where(and(eq(bulletins.id, id), inArray(bulletins.status, [...from])))
    .returning({ id: bulletins.id });
  return r.length > 0;
}

/** Bulletins issued within the reader's scope or addressed to a unit in it; of one unit, or of a subtree. */
export async function listBulletins(
  db: Db,
  q: { unitPaths: string[] | null; unitId?: string | undefined; underPath?: string | undefined; status?: BulletinStatus | undefined },
): Promise<(BulletinRow & { unitName: string })[]> {
  const conditions: SQL[] = [];
  if (q.unitPaths !== null) conditions.push(inAnySubtree(units.path, q.unitPaths));
  if (q.underPath) conditions.push(inSubtree(units.path, q.underPath));
  else if (q.unitId) conditions.push(eq(bulletins.unitId, q.unitId));
  if (q.status) conditions.push(eq(bulletins.status, q.status));
  const rows = await db
    .select({ b: bulletins, unitName: units.name })
    .from(bulletins)
    .innerJoin(units, eq(units.id, bulletins.unitId))
    .where(and(...conditions))
    .orderBy(desc(bulletins.createdAt), bulletins.id)
    .limit(500);
  return rows.map((r) => ({ ...asRow(r.b), unitName: r.unitName }));
}

/** The communes of a subtree in force on `day` (YYYY-MM-DD, Viet Nam). */
export async function communesUnder(db: Db, path: string, day: string): Promise<string[]> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        eq(units.kind, 'commune'),
        inSubtree(units.path, path),
        or(isNull(units.validTo), sql`${units.validTo} >= ${day}::date`),
        or(isNull(units.validFrom), sql`${units.validFrom} <= ${day}::date`),
      ),
    );
  return rows.map((r) => r.id);
}

/** The active devices of the communes. */
export async function activeDevicesOf(db: Db, unitIds: readonly string[]): Promise<{ id: string; unitId: string; kind: string }[]> {
  if (unitIds.length === 0) return [];
  return db
    .select({ id: devices.id, unitId: devices.unitId, kind: devices.kind })
    .from(devices)
    .where(and(inArray(devices.unitId, [...unitIds]), eq(devices.status, 'active')));
}

export type TargetInsert = Omit<typeof bulletinTargets.$inferInsert, 'dispatchedAt' | 'stoppedAt'>;

/** One JSON parameter per statement: a 10,000-device khẩn cấp item's targets in a few statements Drizzle need not build. */
export async function insertTargets(db: Db, rows: readonly TargetInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += TARGETS_CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + TARGETS_CHUNK).map((r) => ({ b: r.bulletinId, d: r.deviceId, u: r.unitId, k: r.kind, c: r.commandId })));
    await db.execute(sql`
      INSERT INTO bulletin_targets (bulletin_id, device_id, unit_id, kind, command_id)
      SELECT x.b, x.d, x.u, x.k, x.c FROM jsonb_to_recordset(${json}::jsonb) AS x(b uuid, d uuid, u uuid, k text, c uuid)
      ON CONFLICT DO NOTHING`);
  }
}

export interface ClaimedTarget {
  deviceId: string;
  kind: string;
  commandId: string;
}

/** Marks the targets not yet dispatched as dispatched and returns them: whoever claims a target sends it. */
export async function claimUndispatched(db: Db, bulletinId: string, at: Date): Promise<ClaimedTarget[]> {
  return db
    .update(bulletinTargets)
    .set({ dispatchedAt: at })
    .where(and(eq(bulletinTargets.bulletinId, bulletinId), isNull(bulletinTargets.dispatchedAt)))
    .returning({ deviceId: bulletinTargets.deviceId, kind: bulletinTargets.kind, commandId: bulletinTargets.commandId });
}

/** Marks the bulletin's targets dispatched (all sent right after publication). */
export async function markDispatched(db: Db, bulletinId: string, at: Date): Promise<void> {
  await db
    .update(bulletinTargets)
    .set({ dispatchedAt: at })
    .where(and(eq(bulletinTargets.bulletinId, bulletinId), isNull(bulletinTargets.dispatchedAt)));
}

/** Marks every target stopped (a cancelled bulletin) and returns the device ids. */
export async function stopTargets(db: Db, bulletinId: string, at: Date): Promise<string[]> {
  const r = await db
    .update(bulletinTargets)
    .set({ stoppedAt: at })
    .where(and(eq(bulletinTargets.bulletinId, bulletinId), isNull(bulletinTargets.stoppedAt)))
    .returning({ deviceId: bulletinTargets.deviceId });
  return r.map((x) => x.deviceId);
}

export async function isTarget(db: Db, bulletinId: string, deviceId: string): Promise<boolean> {
  const r = await db
    .select({ id: bulletinTargets.deviceId })
    .from(bulletinTargets)
    .where(and(eq(bulletinTargets.bulletinId, bulletinId), eq(bulletinTargets.deviceId, deviceId)));
  return r.length > 0;
}

/** Devices targeted, per bulletin. */
export async function targetCounts(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: bulletinTargets.bulletinId, n: sql<number>`count(*)::int` })
    .from(bulletinTargets)
    .where(inArray(bulletinTargets.bulletinId, [...ids]))
    .groupBy(bulletinTargets.bulletinId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/**
 * Published khẩn cấp bulletins still live (until valid_until, or `ttlMs` after publication without one) that target
 * the device and that it has not reported started: what the HTTP pull fallback hands it with its programme.
 */
export async function liveEmergenciesFor(db: Db, deviceId: string, now: Date, ttlMs: number): Promise<(BulletinRow & { commandId: string; kind: string })[]> {
  const rows = await db
    .select({ b: bulletins, commandId: bulletinTargets.commandId, kind: bulletinTargets.kind })
    .from(bulletinTargets)
    .innerJoin(bulletins, eq(bulletins.id, bulletinTargets.bulletinId))
    .where(
      and(
        eq(bulletinTargets.deviceId, deviceId),
        isNull(bulletinTargets.stoppedAt),
        eq(bulletins.status, 'published'),
        eq(bulletins.priority, 'khan_cap'),
        sql`coalesce(${bulletins.validUntil}, ${bulletins.publishedAt} + (${ttlMs} * interval '1 millisecond')) > ${now.toISOString()}::timestamptz`,
        sql`NOT EXISTS (SELECT 1 FROM device_logs l WHERE l.item_id = ${bulletins.id}::text AND l.device_id = ${deviceId} AND l.type = 'started')`,
      ),
    )
    .orderBy(bulletins.publishedAt);
  return rows.map((r) => ({ ...asRow(r.b), commandId: r.commandId, kind: r.kind }));
}
