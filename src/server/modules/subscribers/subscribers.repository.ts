import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { units } from '../../db/schema/index.ts';
import { subscriberLists, subscribers } from '../../db/schema/subscribers.ts';
import { inAnySubtree, inSubtree } from '../../db/subtree.ts';

export type ListRow = typeof subscriberLists.$inferSelect & { unitName: string; unitPath: string; subscribers: number; optedOut: number };
export type SubscriberRow = typeof subscribers.$inferSelect;

const INSERT_CHUNK = 1000;

const listColumns = {
  id: subscriberLists.id,
  unitId: subscriberLists.unitId,
  name: subscriberLists.name,
  kind: subscriberLists.kind,
  description: subscriberLists.description,
  createdBy: subscriberLists.createdBy,
  createdAt: subscriberLists.createdAt,
  updatedAt: subscriberLists.updatedAt,
  unitName: units.name,
  unitPath: units.path,
  subscribers: sql<number>`(SELECT count(*)::int FROM subscribers s WHERE s.list_id = ${subscriberLists.id})`,
  optedOut: sql<number>`(SELECT count(*)::int FROM subscribers s WHERE s.list_id = ${subscriberLists.id} AND s.opted_out_at IS NOT NULL)`,
};

/** The lists of a unit, or of its whole subtree (`path` given). */
export async function findLists(db: Db, where: { unitId: string } | { path: string }): Promise<ListRow[]> {
  return db
    .select(listColumns)
    .from(subscriberLists)
    .innerJoin(units, eq(units.id, subscriberLists.unitId))
    .where('unitId' in where ? eq(subscriberLists.unitId, where.unitId) : inSubtree(units.path, where.path))
    .orderBy(asc(units.path), asc(subscriberLists.name), asc(subscriberLists.id));
}

export async function findList(db: Db, id: string): Promise<ListRow | undefined> {
  const [row] = await db.select(listColumns).from(subscriberLists).innerJoin(units, eq(units.id, subscriberLists.unitId)).where(eq(subscriberLists.id, id));
  return row;
}

/** The unit (id and path) of each list found among the ids. */
export async function findListUnits(db: Db, ids: readonly string[]): Promise<{ id: string; unitId: string; unitPath: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: subscriberLists.id, unitId: subscriberLists.unitId, unitPath: units.path })
    .from(subscriberLists)
    .innerJoin(units, eq(units.id, subscriberLists.unitId))
    .where(inArray(subscriberLists.id, [...ids]));
}

export async function insertList(db: Db, row: { unitId: string; name: string; kind: string; description: string | null; createdBy: string; at: Date }): Promise<string> {
  const [r] = await db
    .insert(subscriberLists)
    .values({ unitId: row.unitId, name: row.name, kind: row.kind, description: row.description, createdBy: row.createdBy, createdAt: row.at, updatedAt: row.at })
    .returning({ id: subscriberLists.id });
  return r!.id;
}

export async function updateList(db: Db, id: string, patch: { name?: string; kind?: string; description?: string | null }, at: Date): Promise<void> {
  await db
    .update(subscriberLists)
    .set({ ...patch, updatedAt: at })
    .where(eq(subscriberLists.id, id));
}

export async function deleteList(db: Db, id: string): Promise<void> {
  await db.delete(subscriberLists).where(eq(subscriberLists.id, id));
}

export async function touchList(db: Db, id: string, at: Date): Promise<void> {
  await db.update(subscriberLists).set({ updatedAt: at }).where(eq(subscriberLists.id, id));
}

export async function findSubscribers(
  db: Db,
  listId: string,
  q: { search?: string | undefined; offset: number; limit: number },
): Promise<{ rows: SubscriberRow[]; total: number }> {
  const search = q.search?.trim();
  const digits = search?.replace(/\D/g, '') ?? '';
  const filter = search
    ? and(
        eq(subscribers.listId, listId),
        sql`(lower(loa_unaccent(coalesce(${subscribers.fullName}, '') || ' ' || coalesce(${subscribers.village}, ''))) LIKE ${`%${foldLike(search)}%`}${digits.length >= 3 ? sql` OR ${subscribers.phone} LIKE ${`%${digits}%`}` : sql``})`,
      )
    : eq(subscribers.listId, listId);
  const rows = await db
    .select()
    .from(subscribers)
    .where(filter)
    .orderBy(asc(subscribers.village), asc(subscribers.fullName), asc(subscribers.phone))
    .limit(q.limit)
    .offset(q.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(subscribers)
    .where(filter);
  return { rows, total: count?.n ?? 0 };
}

function foldLike(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function findSubscriber(db: Db, id: string): Promise<SubscriberRow | undefined> {
  const [row] = await db.select().from(subscribers).where(eq(subscribers.id, id));
  return row;
}

/** Every number of a list (for the import's comparison), locked against a concurrent import. */
export async function lockListSubscribers(db: Db, listId: string): Promise<SubscriberRow[]> {
  await db.execute(sql`SELECT id FROM subscriber_lists WHERE id = ${listId} FOR UPDATE`);
  return db.select().from(subscribers).where(eq(subscribers.listId, listId));
}

export interface SubscriberInsert {
  listId: string;
  unitId: string;
  fullName: string | null;
  phone: string;
  telco: string;
  village: string | null;
  at: Date;
}

/** Multi-row inserts, INSERT_CHUNK rows per statement. */
export async function insertSubscribers(db: Db, rows: readonly SubscriberInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db.insert(subscribers).values(
      rows.slice(i, i + INSERT_CHUNK).map((r) => ({
        listId: r.listId,
        unitId: r.unitId,
        fullName: r.fullName,
        phone: r.phone,
        telco: r.telco,
        village: r.village,
        createdAt: r.at,
        updatedAt: r.at,
      })),
    );
  }
}

/** A Postgres array literal as one parameter; null elements are NULL. */
function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

/** New name and village for existing rows, one statement per chunk (unnest of three arrays). */
export async function updateSubscriberDetails(db: Db, rows: readonly { id: string; fullName: string | null; village: string | null }[], at: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    await db.execute(sql`
      UPDATE subscribers s SET full_name = v.full_name, village = v.village, updated_at = ${at.toISOString()}::timestamptz
      FROM unnest(${arrayLiteral(chunk.map((r) => r.id))}::uuid[], ${arrayLiteral(chunk.map((r) => r.fullName))}::text[], ${arrayLiteral(chunk.map((r) => r.village))}::text[])
        AS v(id, full_name, village)
      WHERE s.id = v.id`);
  }
}

export async function setOptedOut(db: Db, where: { id: string } | { phone: string }, v: { source: string; reason: string | null; at: Date }): Promise<SubscriberRow[]> {
  return db
    .update(subscribers)
    .set({ optedOutAt: v.at, optOutSource: v.source, optOutReason: v.reason, updatedAt: v.at })
    .where(and('id' in where ? eq(subscribers.id, where.id) : eq(subscribers.phone, where.phone), isNull(subscribers.optedOutAt)))
    .returning();
}

export async function clearOptOut(db: Db, id: string, at: Date): Promise<SubscriberRow | undefined> {
  const [row] = await db
    .update(subscribers)
    .set({ optedOutAt: null, optOutSource: null, optOutReason: null, updatedAt: at })
    .where(and(eq(subscribers.id, id), isNotNull(subscribers.optedOutAt)))
    .returning();
  return row;
}

export interface RecipientRow {
  subscriberId: string;
  phone: string;
  telco: string;
  unitId: string;
}

/**
 * One row per distinct phone among the lists of the units' subtrees and the lists named. With
 * `includeOptedOut` false, a phone opted out in any of those rows is left out entirely.
 */
export async function findRecipients(db: Db, q: { unitPaths: readonly string[]; listIds: readonly string[]; includeOptedOut: boolean }): Promise<RecipientRow[]> {
  const inLists = q.listIds.length ? sql`s.list_id = ANY(${arrayLiteral(q.listIds)}::uuid[])` : sql`FALSE`;
  const r = await db.execute(sql`
    SELECT DISTINCT ON (s.phone) s.id AS "subscriberId", s.phone, s.telco, s.unit_id AS "unitId", bool_or(s.opted_out_at IS NOT NULL) OVER (PARTITION BY s.phone) AS "anyOptedOut"
    FROM subscribers s JOIN units u ON u.id = s.unit_id
    WHERE ${inAnySubtree(sql.raw('u.path'), q.unitPaths)} OR ${inLists}
    ORDER BY s.phone, s.created_at, s.id`);
  const rows = rowsOf<RecipientRow & { anyOptedOut: boolean }>(r);
  return rows.filter((x) => q.includeOptedOut || !x.anyOptedOut).map(({ subscriberId, phone, telco, unitId }) => ({ subscriberId, phone, telco, unitId }));
}
