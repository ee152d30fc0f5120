import { and, asc, desc, eq, gt, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { capAlerts, units } from '../../db/schema/index.ts';
import { inAnySubtree, inSubtree } from '../../db/subtree.ts';
import type { AlertInfoText, AlertState, CapCategory, CapCertainty, CapMsgType, CapScope, CapSeverity, CapStatus, CapUrgency } from '../../../shared/contracts/alerts.ts';

type Stored = typeof capAlerts.$inferSelect;
export type AlertRow = Omit<Stored, 'state' | 'status' | 'msgType' | 'scope' | 'categories' | 'urgency' | 'severity' | 'certainty' | 'infoVi' | 'infoEn' | 'areaUnitIds'> & {
  state: AlertState;
  status: CapStatus;
  msgType: CapMsgType;
  scope: CapScope;
  categories: CapCategory[];
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  infoVi: AlertInfoText;
  infoEn: AlertInfoText | null;
  areaUnitIds: string[];
};

/** What the composer writes. */
export interface AlertWrite {
  status: CapStatus;
  scope: CapScope;
  categories: CapCategory[];
  event: string;
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  infoVi: AlertInfoText;
  infoEn: AlertInfoText | null;
  effective: Date | null;
  onset: Date | null;
  expires: Date;
  areaUnitIds: string[];
  note: string | null;
}

const asRow = (r: Stored): AlertRow => r as AlertRow;

export async function insertAlert(
  db: Db,
  row: AlertWrite & { id: string; unitId: string; chainId: string; previousId: string | null; msgType: CapMsgType; createdBy: string; at: Date },
): Promise<AlertRow> {
  const { at, ...rest } = row;
  const [r] = await db
    .insert(capAlerts)
    .values({ ...rest, createdAt: at, updatedAt: at })
    .returning();
  return asRow(r!);
}

export async function updateAlert(db: Db, id: string, row: AlertWrite, at: Date): Promise<void> {
  await db
    .update(capAlerts)
    .set({ ...row, updatedAt: at })
    .where(eq(capAlerts.id, id));
}

export async function findAlert(db: Db, id: string, o: { forUpdate?: boolean } = {}): Promise<AlertRow | undefined> {
  const q = db.select().from(capAlerts).where(eq(capAlerts.id, id));
  const [r] = o.forUpdate ? await q.for('update') : await q;
  return r ? asRow(r) : undefined;
}

/** A published message by its CAP identifier (drafts have none). */
export async function findPublishedXml(db: Db, identifier: string): Promise<{ xml: string; publishedAt: Date } | undefined> {
  const [r] = await db
    .select({ xml: capAlerts.xml, publishedAt: capAlerts.publishedAt })
    .from(capAlerts)
    .where(and(eq(capAlerts.identifier, identifier), eq(capAlerts.state, 'published')));
  return r?.xml && r.publishedAt ? { xml: r.xml, publishedAt: r.publishedAt } : undefined;
}

export async function submitAlert(db: Db, id: string, at: Date): Promise<boolean> {
  const r = await db
    .update(capAlerts)
    .set({ state: 'submitted', submittedAt: at, updatedAt: at })
    .where(and(eq(capAlerts.id, id), eq(capAlerts.state, 'draft')))
    .returning({ id: capAlerts.id });
  return r.length === 1;
}

export async function publishAlert(
  db: Db,
  id: string,
  p: { identifier: string; sender: string; sent: Date; references: string | null; xml: string; publishedBy: string; emergency: boolean; publishKey: string | null },
): Promise<void> {
  await db
    .update(capAlerts)
    .set({ ...p, state: 'published', publishedAt: p.sent, updatedAt: p.sent })
    .where(eq(capAlerts.id, id));
}

/** Every message of the chain, in the order they were composed. */
export async function chainOf(db: Db, chainId: string): Promise<AlertRow[]> {
  const rows = await db.select().from(capAlerts).where(eq(capAlerts.chainId, chainId)).orderBy(asc(capAlerts.createdAt), asc(capAlerts.id));
  return rows.map(asRow);
}

/** message id → the msgType of the published message that follows it (Update or Cancel). */
export async function publishedSuccessors(db: Db, ids: readonly string[]): Promise<Map<string, CapMsgType>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ previousId: capAlerts.previousId, msgType: capAlerts.msgType })
    .from(capAlerts)
    .where(and(inArray(capAlerts.previousId, [...ids]), eq(capAlerts.state, 'published')));
  return new Map(rows.flatMap((r) => (r.previousId ? [[r.previousId, r.msgType as CapMsgType] as const] : [])));
}

/**
 * The next sequence number of identifiers starting with the prefix (sender and day). A transaction-scoped advisory
 * lock on the prefix keeps two publications of the same day from taking the same number.
 */
export async function nextSequence(db: Db, prefix: string): Promise<number> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${prefix}))`);
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(capAlerts)
    .where(like(capAlerts.identifier, `${prefix.replace(/[\\%_]/g, '\\$&')}%`));
  return (r?.n ?? 0) + 1;
}

export type AlertListRow = AlertRow & { unitName: string };

/** Alerts of units under any of the paths (null: every unit), newest first. */
export async function listAlerts(db: Db, o: { unitPaths: string[] | null; unitId?: string | undefined; limit?: number }): Promise<AlertListRow[]> {
  const where = and(o.unitPaths ? inAnySubtree(units.path, o.unitPaths) : undefined, o.unitId ? eq(capAlerts.unitId, o.unitId) : undefined);
  const rows = await db
    .select({ a: capAlerts, unitName: units.name })
    .from(capAlerts)
    .innerJoin(units, eq(units.id, capAlerts.unitId))
    .where(where)
    .orderBy(desc(capAlerts.createdAt), desc(capAlerts.id))
    .limit(o.limit ?? 500);
  return rows.map((r) => ({ ...asRow(r.a), unitName: r.unitName }));
}

/**
 * The active feed: published, not expired at `now`, and not followed by a later published Update or Cancel
 * (a Cancel itself stays until its own expiry). Newest first.
 */
export async function activeFeed(db: Db, now: Date, limit: number): Promise<AlertRow[]> {
  const rows = await db
    .select()
    .from(capAlerts)
    .where(
      and(
        eq(capAlerts.state, 'published'),
        gt(capAlerts.expires, now),
        sql`NOT EXISTS (SELECT 1 FROM ${capAlerts} AS "next" WHERE "next"."previous_id" = ${capAlerts.id} AND "next"."state" = 'published')`,
      ),
    )
    .orderBy(desc(capAlerts.sent), desc(capAlerts.id))
    .limit(limit);
  return rows.map(asRow);
}

export interface AreaUnitRow {
  id: string;
  name: string;
  code: string | null;
  kind: string;
  edition: string | null;
  path: string;
}

const inForce = (day: string) => and(or(isNull(units.validTo), sql`${units.validTo} >= ${day}::date`), or(isNull(units.validFrom), sql`${units.validFrom} <= ${day}::date`));

/** The communes in force on the day under the path (the area picker), by name. */
export async function communesIn(db: Db, path: string, day: string): Promise<AreaUnitRow[]> {
  return db
    .select({ id: units.id, name: units.name, code: units.code, kind: units.kind, edition: units.edition, path: units.path })
    .from(units)
    .where(and(eq(units.kind, 'commune'), inSubtree(units.path, path), inForce(day)))
    .orderBy(asc(units.name));
}

/** The units asked for that are in force on the day (any kind); the caller checks they are in its area. */
export async function unitsInForce(db: Db, ids: readonly string[], day: string): Promise<AreaUnitRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: units.id, name: units.name, code: units.code, kind: units.kind, edition: units.edition, path: units.path })
    .from(units)
    .where(and(inArray(units.id, [...ids]), inForce(day)));
}
