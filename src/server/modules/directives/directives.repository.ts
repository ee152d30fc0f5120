import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { directiveCitations, directives, recipientGroups, units, users } from '../../db/schema/index.ts';
import type { directiveRecipients } from '../../db/schema/index.ts';

export type DirectiveRow = typeof directives.$inferSelect;
export type DirectiveInsert = typeof directives.$inferInsert;
export type DirectiveWithPath = DirectiveRow & { issuerPath: string };
export type RecipientRow = typeof directiveRecipients.$inferSelect;
export type CitationRow = typeof directiveCitations.$inferSelect;

/** Every column of a directive row (select lists of the other directive repositories). */
export const directiveColumns = getTableColumns(directives);

/** True when a database error (either driver, possibly wrapped by Drizzle) is a unique violation. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

// Directives

export async function insertDirective(db: Db, row: DirectiveInsert): Promise<DirectiveRow> {
  const [created] = await db.insert(directives).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function findDirectiveById(db: Db, id: string): Promise<DirectiveWithPath | undefined> {
  const [row] = await db
    .select({ ...directiveColumns, issuerPath: units.path })
    .from(directives)
    .innerJoin(units, eq(units.id, directives.issuerUnitId))
    .where(eq(directives.id, id));
  return row;
}

/**
 * Updates a directive only while it is in one of `from` statuses; returns undefined when it was
 * not (someone else moved it first). Two concurrent steps on one directive: one wins, one is told.
 */
export async function updateDirectiveIf(db: Db, id: string, from: readonly string[], patch: Partial<DirectiveInsert>): Promise<DirectiveRow | undefined> {
  const [row] = await db
    .update(directives)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(directives.id, id), inArray(directives.status, [...from])))
    .returning();
  return row;
}

export async function replaceCitations(db: Db, directiveId: string, rows: Omit<CitationRow, 'directiveId'>[]): Promise<void> {
  await db.delete(directiveCitations).where(eq(directiveCitations.directiveId, directiveId));
  if (rows.length) await db.insert(directiveCitations).values(rows.map((r) => ({ ...r, directiveId })));
}

/** The citations of a directive, each with the id of the cited document when Loa holds it. */
export async function findCitations(db: Db, directiveId: string): Promise<(CitationRow & { citedId: string | null })[]> {
  const rows = await db.execute(sql`
    SELECT c.directive_id AS "directiveId", c.position, c.type, c.number, c.symbol, c.symbol_key AS "symbolKey",
      to_char(c.date, 'YYYY-MM-DD') AS date,
      (SELECT d.id FROM directives d
        WHERE d.number = c.number AND d.symbol_key = c.symbol_key AND d.status IN ('issued','revoked')
          AND (c.date IS NULL OR d.year = extract(year FROM c.date)::int)
        ORDER BY d.year DESC LIMIT 1) AS "citedId"
    FROM directive_citations c WHERE c.directive_id = ${directiveId} ORDER BY c.position`);
  return rowsOf<CitationRow & { citedId: string | null }>(rows);
}

/** Issued documents that cite this one (by number, folded symbol and year). */
export async function findCitingDirectives(db: Db, d: { number: number; symbolKey: string; year: number }): Promise<DirectiveRow[]> {
  return db
    .selectDistinct(directiveColumns)
    .from(directives)
    .innerJoin(directiveCitations, eq(directiveCitations.directiveId, directives.id))
    .where(
      and(
        eq(directiveCitations.number, d.number),
        eq(directiveCitations.symbolKey, d.symbolKey),
        sql`(${directiveCitations.date} IS NULL OR extract(year FROM ${directiveCitations.date})::int = ${d.year})`,
        inArray(directives.status, ['issued', 'revoked']),
      ),
    )
    .orderBy(desc(directives.issuedAt));
}

export async function findReferencing(db: Db, id: string): Promise<DirectiveRow[]> {
  return db.select().from(directives).where(eq(directives.refersToId, id)).orderBy(asc(directives.createdAt));
}

// Lookups in other tables the directive rules need (read only)

export async function findGroupsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: recipientGroups.id, name: recipientGroups.name, rule: recipientGroups.rule, ownerPath: units.path })
    .from(recipientGroups)
    .innerJoin(units, eq(units.id, recipientGroups.ownerUnitId))
    .where(inArray(recipientGroups.id, [...ids]));
}

export async function findUserForSigning(db: Db, id: string) {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName, roles: users.roles, disabledAt: users.disabledAt, unitPath: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  return row;
}
