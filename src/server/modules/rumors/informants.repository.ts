import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { rumorInformants, rumorReports, units, users } from '../../db/schema/index.ts';
import type { RumorInformantRow, RumorReportRow } from '../../db/schema/rumors.ts';

export type { RumorInformantRow };
export type InformantInsert = typeof rumorInformants.$inferInsert;

/** Chunk of a multi-row re-seal (each row is a few hundred bytes of ciphertext). */
const CHUNK = 200;

export async function insertInformant(db: Db, row: InformantInsert): Promise<RumorInformantRow> {
  const [r] = await db.insert(rumorInformants).values(row).returning();
  return r!;
}

export async function findInformant(db: Db, id: string): Promise<RumorInformantRow | undefined> {
  const [r] = await db.select().from(rumorInformants).where(eq(rumorInformants.id, id));
  return r;
}

export async function findReport(db: Db, id: string): Promise<RumorReportRow | undefined> {
  const [r] = await db.select().from(rumorReports).where(eq(rumorReports.id, id));
  return r;
}

/** The contact kinds of informants, by id (whether the outcome can reach them; never where). */
export async function contactKinds(db: Db, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: rumorInformants.id, kind: rumorInformants.contactKind })
    .from(rumorInformants)
    .where(inArray(rumorInformants.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.kind]));
}

/** Every live row not sealed under `keyId`, locked for the re-seal (rotation), oldest first. */
export async function sealedNotUnder(db: Db, keyId: string): Promise<{ id: string; keyId: string; sealed: string }[]> {
  return db
    .select({ id: rumorInformants.id, keyId: rumorInformants.keyId, sealed: rumorInformants.sealed })
    .from(rumorInformants)
    .where(and(isNull(rumorInformants.erasedAt), ne(rumorInformants.keyId, keyId)))
    .orderBy(asc(rumorInformants.createdAt), asc(rumorInformants.id))
    .for('update');
}

/** Writes re-sealed values (multi-row UPDATE … FROM (VALUES …) in chunks). */
export async function reseal(db: Db, keyId: string, rows: readonly { id: string; sealed: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = sql.join(
      rows.slice(i, i + CHUNK).map((r) => sql`(${r.id}::uuid, ${r.sealed}::text)`),
      sql`, `,
    );
    await db.execute(sql`
      UPDATE rumor_informants i SET key_id = ${keyId}, sealed = v.sealed
      FROM (VALUES ${values}) AS v(id, sealed)
      WHERE i.id = v.id`);
  }
}

/**
 * Erases the identities whose retention ended: every case the informant reported to closed at least `days` ago
 * (or an explicit erase_after passed). `sealed` and `key_id` become the erased marker, the contact kind goes.
 * Returns the erased rows' ids and units.
 */
export async function eraseDue(db: Db, now: Date, days: number, marker: string): Promise<{ id: string; unitId: string }[]> {
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const r = await db.execute(sql`
    UPDATE rumor_informants i SET sealed = ${marker}, key_id = ${marker}, contact_kind = NULL, erased_at = ${at}::timestamptz
    WHERE i.erased_at IS NULL
      AND (
        (i.erase_after IS NOT NULL AND i.erase_after <= ${at}::timestamptz)
        OR (
          EXISTS (SELECT 1 FROM rumor_reports r WHERE r.informant_id = i.id)
          AND NOT EXISTS (
            SELECT 1 FROM rumor_reports r JOIN rumor_cases c ON c.id = r.case_id
            WHERE r.informant_id = i.id AND (c.closed_at IS NULL OR c.closed_at > ${cutoff}::timestamptz)
          )
        )
      )
    RETURNING i.id, i.unit_id`);
  return rowsOf<{ id: string; unit_id: string }>(r).map((x) => ({ id: x.id, unitId: x.unit_id }));
}

/**
 * The unit receiving the portal's reports: that of an enabled desk-lead account, the highest in the unit tree
 * (fewest path segments), the oldest account on a tie; null when there is no desk lead.
 */
export async function receivingUnitId(db: Db): Promise<string | null> {
  const [r] = await db
    .select({ unitId: users.unitId })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(isNull(users.disabledAt), sql`'desk_lead' = ANY(${users.roles})`))
    .orderBy(sql`length(${units.path}) - length(replace(${units.path}, '.', ''))`, asc(users.createdAt), asc(users.id))
    .limit(1);
  return r?.unitId ?? null;
}
