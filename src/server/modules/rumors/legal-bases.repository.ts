import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rumorLegalBases } from '../../db/schema/index.ts';

export type LegalBasisRow = typeof rumorLegalBases.$inferSelect;
export type LegalBasisInsert = typeof rumorLegalBases.$inferInsert;

export async function legalBasesOf(db: Db, unitId: string): Promise<LegalBasisRow[]> {
  return db.select().from(rumorLegalBases).where(eq(rumorLegalBases.unitId, unitId)).orderBy(asc(rumorLegalBases.position), asc(rumorLegalBases.code));
}

export async function legalBasesByCodes(db: Db, unitId: string, codes: readonly string[]): Promise<LegalBasisRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(rumorLegalBases)
    .where(and(eq(rumorLegalBases.unitId, unitId), inArray(rumorLegalBases.code, [...codes])))
    .orderBy(asc(rumorLegalBases.position), asc(rumorLegalBases.code));
}

export async function findLegalBasis(db: Db, id: string): Promise<LegalBasisRow | undefined> {
  const [r] = await db.select().from(rumorLegalBases).where(eq(rumorLegalBases.id, id));
  return r;
}

/** Inserts the rows; a code the unit already has is left as it is. Returns the rows inserted. */
export async function insertLegalBases(db: Db, rows: readonly LegalBasisInsert[]): Promise<LegalBasisRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(rumorLegalBases)
    .values([...rows])
    .onConflictDoNothing()
    .returning();
}

export async function updateLegalBasis(
  db: Db,
  id: string,
  patch: Partial<Pick<LegalBasisInsert, 'title' | 'excerpt' | 'active' | 'position'>>,
): Promise<LegalBasisRow | undefined> {
  const [r] = await db.update(rumorLegalBases).set(patch).where(eq(rumorLegalBases.id, id)).returning();
  return r;
}
