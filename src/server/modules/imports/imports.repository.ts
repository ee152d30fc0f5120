import { and, eq, inArray, isNull, lte, gte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { inAnySubtree } from '../../db/subtree.ts';
import { dispatchImports, unitHistory, units } from '../../db/schema/index.ts';

export type ImportRow = typeof dispatchImports.$inferSelect;
export type ImportInsert = typeof dispatchImports.$inferInsert;
export type ImportWithPath = ImportRow & { unitPath: string };

/** True when a database error (either driver, possibly wrapped by Drizzle) is a unique violation. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Administrative kinds: only those inside the importer's province are candidates. */
const ADMINISTRATIVE = ['nation', 'province', 'district', 'commune', 'village'];

export interface CandidateRow {
  id: string;
  name: string;
  kind: string;
  code: string | null;
  parentName: string | null;
  path: string;
}

/**
 * Matching candidates in force at a date: every unit of the given subtrees (the importer's
 * province and the provinces linked to it), plus every organisation of the directory (a Sở of
 * another province may write to us; the matcher ranks those below the home provinces').
 */
export async function findCandidateUnits(db: Db, p: { underPaths: readonly string[]; at: string }): Promise<CandidateRow[]> {
  const parent = alias(units, 'parent');
  return db
    .select({ id: units.id, name: units.name, kind: units.kind, code: units.code, parentName: parent.name, path: units.path })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(
      and(
        or(
          inAnySubtree(units.path, p.underPaths),
          sql`${units.kind} NOT IN (${sql.join(
            ADMINISTRATIVE.map((k) => sql`${k}`),
            sql`, `,
          )})`,
        ),
        or(isNull(units.validFrom), lte(units.validFrom, p.at)),
        or(isNull(units.validTo), gte(units.validTo, p.at)),
      ),
    );
}

/**
 * Every province (both editions) with the provinces linked to it: by the predecessor/successor
 * relation of the 2025 → 2026 crosswalk (unit_history), and, where no link was imported, by the
 * same name in the other edition (a province the reform left unchanged).
 */
export async function findRelatedProvinces(db: Db): Promise<{ related: Record<string, string[]>; paths: Map<string, string> }> {
  const provinces = await db.select({ id: units.id, path: units.path, folded: units.searchName }).from(units).where(eq(units.kind, 'province'));
  const ids = provinces.map((r) => r.id);
  const links = ids.length
    ? await db
        .select({ a: unitHistory.predecessorId, b: unitHistory.successorId })
        .from(unitHistory)
        .where(and(inArray(unitHistory.predecessorId, ids), inArray(unitHistory.successorId, ids)))
    : [];
  const related: Record<string, string[]> = Object.fromEntries(ids.map((id) => [id, [] as string[]]));
  const link = (a: string, b: string) => {
    if (a !== b && !related[a]?.includes(b)) related[a]?.push(b);
  };
  for (const { a, b } of links) {
    link(a, b);
    link(b, a);
  }
  for (const x of provinces) {
    if ((related[x.id] ?? []).length) continue;
    for (const y of provinces) if (y.id !== x.id && y.folded === x.folded && !(related[y.id] ?? []).some((z) => z !== x.id)) link(x.id, y.id);
  }
  return { related, paths: new Map(provinces.map((r) => [r.id, r.path])) };
}

export async function findUnitNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertImport(db: Db, row: ImportInsert): Promise<ImportRow> {
  const [created] = await db.insert(dispatchImports).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function findImportByHash(db: Db, unitId: string, contentHash: string): Promise<ImportRow | undefined> {
  const [row] = await db
    .select()
    .from(dispatchImports)
    .where(and(eq(dispatchImports.unitId, unitId), eq(dispatchImports.contentHash, contentHash)));
  return row;
}

export async function findImportById(db: Db, id: string): Promise<ImportWithPath | undefined> {
  const [row] = await db
    .select({ imp: dispatchImports, unitPath: units.path })
    .from(dispatchImports)
    .innerJoin(units, eq(units.id, dispatchImports.unitId))
    .where(eq(dispatchImports.id, id));
  return row ? { ...row.imp, unitPath: row.unitPath } : undefined;
}

/**
 * Claims a proposed import for confirmation ("confirming"), inside the confirming transaction: the
 * conditional update holds the row, so a concurrent confirm waits and then finds it taken.
 * Undefined when someone else holds or finished it.
 */
export async function claimForConfirm(db: Db, id: string, p: { userId: string; at: Date }): Promise<ImportRow | undefined> {
  const [row] = await db
    .update(dispatchImports)
    .set({ status: 'confirming', confirmedBy: p.userId, confirmedAt: p.at })
    .where(and(eq(dispatchImports.id, id), eq(dispatchImports.status, 'proposed')))
    .returning();
  return row;
}

export async function finishConfirm(db: Db, id: string, directiveId: string, result: unknown): Promise<ImportRow | undefined> {
  const [row] = await db.update(dispatchImports).set({ status: 'confirmed', directiveId, result }).where(eq(dispatchImports.id, id)).returning();
  return row;
}
