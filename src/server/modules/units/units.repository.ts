import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { rowsOf } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';
import { recipientGroups, unitHistory, units } from '../../db/schema/index.ts';
import { inSubtree } from '../../db/subtree.ts';
import type { HistoryLink } from './crosswalk.ts';
import type { EditionUnit } from './editions.ts';

export type UnitRow = typeof units.$inferSelect;
export type UnitWithCount = UnitRow & { childCount: number };
export type GroupRow = typeof recipientGroups.$inferSelect;

const unitColumns = getTableColumns(units);

/** A unit (of `t`, the table or an alias of it) in force at a date: validity dates include it, or are open. */
function validAt(at: string, t: { validFrom: AnyPgColumn; validTo: AnyPgColumn } = units): SQL {
  return sql`((${t.validFrom} IS NULL OR ${t.validFrom} <= ${at}::date) AND (${t.validTo} IS NULL OR ${t.validTo} >= ${at}::date))`;
}

/** Units in force at a date, or no condition without one. */
function inForceAt(at: string | null): SQL | undefined {
  return at ? validAt(at) : undefined;
}

function childCountAt(at: string | null): SQL<number> {
  const validity = at ? sql`AND (c.valid_from IS NULL OR c.valid_from <= ${at}::date) AND (c.valid_to IS NULL OR c.valid_to >= ${at}::date)` : sql``;
  return sql<number>`(SELECT count(*)::int FROM units c WHERE c.parent_id = "units"."id" ${validity})`;
}

function underPath(path: string): SQL {
  return inSubtree(units.path, path);
}

export async function findUnitById(db: Db, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row;
}

export async function findUnitsByIds(db: Db, ids: readonly string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(units)
    .where(inArray(units.id, [...ids]));
}

export async function findChildren(db: Db, parentId: string, at: string | null): Promise<UnitWithCount[]> {
  return db
    .select({ ...unitColumns, childCount: childCountAt(at) })
    .from(units)
    .where(and(eq(units.parentId, parentId), inForceAt(at)))
    .orderBy(sql`${units.kind} IN ('province','district','commune','village') DESC`, asc(units.code), asc(units.name));
}

export async function findWithCounts(db: Db, ids: readonly string[], at: string | null): Promise<UnitWithCount[]> {
  if (ids.length === 0) return [];
  return db
    .select({ ...unitColumns, childCount: childCountAt(at) })
    .from(units)
    .where(inArray(units.id, [...ids]));
}

/**
 * Every word of the folded query occurs in the folded name, in any order and with anything between:
 * "so van hoa lai chau" finds "Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu". LIKE wildcards in
 * the query are plain text.
 */
function nameHasWords(column: AnyPgColumn, folded: string): SQL {
  const words = folded.split(/[\s,.;:()/–-]+/).filter(Boolean);
  if (words.length === 0) return sql`FALSE`;
  return and(...words.map((w) => sql`${column} LIKE ${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`)) ?? sql`FALSE`;
}

/**
 * Diacritic-insensitive name search: substring on the folded name. Units in force at `at` only,
 * or with `outOfForce` also those of other editions, ranked after the units in force; best trigram
 * match first within each.
 */
export async function searchUnits(
  db: Db,
  q: { folded: string; at: string; limit: number; outOfForce?: boolean; underPath?: string | undefined; kinds?: readonly string[] | undefined },
): Promise<UnitWithCount[]> {
  const live = validAt(q.at);
  return db
    .select({ ...unitColumns, childCount: childCountAt(q.at) })
    .from(units)
    .where(
      and(
        nameHasWords(units.searchName, q.folded),
        q.outOfForce ? undefined : live,
        q.underPath ? underPath(q.underPath) : undefined,
        q.kinds && q.kinds.length ? inArray(units.kind, [...q.kinds]) : undefined,
      ),
    )
    .orderBy(sql`${live} DESC`, sql`similarity(${units.searchName}, ${q.folded}) DESC`, asc(units.depth), asc(units.name))
    .limit(q.limit);
}

/**
 * Units in force at `at` formed from a unit out of force whose name matches: searching a former
 * name ("thi tran tam duong") finds today's unit ("Xã Bình Lư"), with the former unit it matched.
 */
export async function searchSuccessorsByFormerName(
  db: Db,
  q: { folded: string; at: string; limit: number },
): Promise<(UnitWithCount & { formerId: string; formerName: string })[]> {
  const former = alias(units, 'former');
  return db
    .select({ ...unitColumns, childCount: childCountAt(q.at), formerId: former.id, formerName: former.name })
    .from(unitHistory)
    .innerJoin(former, eq(former.id, unitHistory.predecessorId))
    .innerJoin(units, eq(units.id, unitHistory.successorId))
    .where(and(nameHasWords(former.searchName, q.folded), sql`NOT ${validAt(q.at, former)}`, validAt(q.at)))
    .orderBy(sql`similarity(${former.searchName}, ${q.folded}) DESC`, asc(units.depth), asc(units.name))
    .limit(q.limit);
}

/** Near matches by trigram similarity (for fuzzy recipient matching). */
export async function findSimilarUnits(db: Db, folded: string, at: string | null, limit: number): Promise<(UnitRow & { score: number })[]> {
  return db
    .select({ ...unitColumns, score: sql<number>`similarity(${units.searchName}, ${folded})` })
    .from(units)
    .where(and(sql`${units.searchName} % ${folded}`, inForceAt(at)))
    .orderBy(sql`similarity(${units.searchName}, ${folded}) DESC`)
    .limit(limit);
}

export async function insertUnit(db: Db, row: typeof units.$inferInsert): Promise<UnitRow> {
  const [created] = await db.insert(units).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function updateUnit(db: Db, id: string, patch: Partial<typeof units.$inferInsert>): Promise<UnitRow | undefined> {
  const [row] = await db
    .update(units)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(units.id, id))
    .returning();
  return row;
}

const IMPORT_BATCH = 2000;

/**
 * Upserts GSO units of one edition in batches. Ids are deterministic, so a re-import updates
 * names in place and never duplicates. Returns how many rows were inserted or changed.
 */
export async function upsertEditionUnits(db: Db, edition: string, rows: readonly EditionUnit[], validity: { validFrom: string | null; validTo: string | null }): Promise<number> {
  let changed = 0;
  for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
    const batch = rows.slice(i, i + IMPORT_BATCH).map((u) => ({
      id: u.id,
      parentId: u.parentId,
      path: u.path,
      depth: u.depth,
      edition,
      code: u.code,
      name: u.name,
      kind: u.kind,
      validFrom: validity.validFrom,
      validTo: validity.validTo,
    }));
    const result = await db
      .insert(units)
      .values(batch)
      .onConflictDoUpdate({
        target: units.id,
        set: {
          name: sql`excluded.name`,
          parentId: sql`excluded.parent_id`,
          path: sql`excluded.path`,
          depth: sql`excluded.depth`,
          validFrom: sql`excluded.valid_from`,
          validTo: sql`excluded.valid_to`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`(${units.name}, ${units.parentId}, ${units.validFrom}, ${units.validTo}) IS DISTINCT FROM (excluded.name, excluded.parent_id, excluded.valid_from, excluded.valid_to)`,
      })
      .returning({ id: units.id });
    changed += result.length;
  }
  return changed;
}

export async function countEditionUnits(db: Db, edition: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ kind: units.kind, n: sql<number>`count(*)::int` })
    .from(units)
    .where(eq(units.edition, edition))
    .groupBy(units.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

/** Units of a kind under a unit, in force at a date: how rule-based groups expand. */
export async function findUnitsOfKindUnder(db: Db, kind: string, path: string, at: string | null): Promise<UnitRow[]> {
  return db
    .select()
    .from(units)
    .where(and(eq(units.kind, kind), underPath(path), sql`${units.path} <> ${path}`, inForceAt(at)))
    .orderBy(asc(units.code), asc(units.name));
}

// History between editions (predecessor → successor)

/**
 * Replaces the links of one crosswalk source with the given ones (only links whose both units
 * exist: a partial import of the lists keeps what it can). Returns how many links are stored.
 */
export async function replaceHistoryLinks(db: Db, source: string, links: readonly HistoryLink[]): Promise<number> {
  await db.delete(unitHistory).where(eq(unitHistory.source, source));
  let stored = 0;
  for (let i = 0; i < links.length; i += IMPORT_BATCH) {
    const batch = links.slice(i, i + IMPORT_BATCH);
    const values = sql.join(
      batch.map((l) => sql`(${l.predecessorId}::uuid, ${l.successorId}::uuid, ${l.partial}::boolean)`),
      sql`, `,
    );
    const result = await db.execute(sql`
      INSERT INTO unit_history (predecessor_id, successor_id, partial, source)
      SELECT v.p, v.s, v.partial, ${source}
      FROM (VALUES ${values}) AS v(p, s, partial)
      WHERE EXISTS (SELECT 1 FROM units WHERE id = v.p) AND EXISTS (SELECT 1 FROM units WHERE id = v.s)
      ON CONFLICT (predecessor_id, successor_id) DO UPDATE SET partial = excluded.partial, source = excluded.source
      RETURNING 1`);
    stored += rowsOf(result).length;
  }
  return stored;
}

export type HistoryRow = { unitId: string; otherId: string; partial: boolean; other: UnitRow };

/** For each given unit, the units on the other side of a link (successors or predecessors), by name. */
export async function findHistory(db: Db, direction: 'successors' | 'predecessors', unitIds: readonly string[]): Promise<HistoryRow[]> {
  if (unitIds.length === 0) return [];
  const from = direction === 'successors' ? unitHistory.predecessorId : unitHistory.successorId;
  const to = direction === 'successors' ? unitHistory.successorId : unitHistory.predecessorId;
  const rows = await db
    .select({ unitId: from, otherId: to, partial: unitHistory.partial, other: units })
    .from(unitHistory)
    .innerJoin(units, eq(units.id, to))
    .where(inArray(from, [...unitIds]))
    .orderBy(asc(units.name));
  return rows;
}

// Recipient groups

export async function findGroupsOwnedBy(db: Db, ownerUnitId: string): Promise<GroupRow[]> {
  return db.select().from(recipientGroups).where(eq(recipientGroups.ownerUnitId, ownerUnitId)).orderBy(asc(recipientGroups.name));
}

export async function findGroupById(db: Db, id: string): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(recipientGroups).where(eq(recipientGroups.id, id));
  return row;
}

export async function insertGroup(db: Db, row: typeof recipientGroups.$inferInsert): Promise<GroupRow> {
  const [created] = await db.insert(recipientGroups).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function updateGroup(db: Db, id: string, patch: Partial<typeof recipientGroups.$inferInsert>): Promise<GroupRow | undefined> {
  const [row] = await db
    .update(recipientGroups)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(recipientGroups.id, id))
    .returning();
  return row;
}

export async function deleteGroup(db: Db, id: string): Promise<void> {
  await db.delete(recipientGroups).where(eq(recipientGroups.id, id));
}
