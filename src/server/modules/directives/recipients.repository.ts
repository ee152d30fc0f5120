import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { directiveRecipients } from '../../db/schema/index.ts';

/** A Postgres array literal of uuids (or NULL) passed as ONE parameter: `{a,b,NULL}`. */
function uuidArray(ids: readonly (string | null)[]): string {
  return `{${ids.map((id) => id ?? 'NULL').join(',')}}`;
}

// Distribution

export const FANOUT_BATCH = 5000;

/**
 * Stores the recipients of an issued directive, each with the next number of its incoming register,
 * in batched statements: one counter upsert + one INSERT per batch (sorted ids: every issuer locks
 * counters in the same order, so concurrent issues cannot deadlock).
 */
export async function insertRecipients(
  db: Db,
  d: { directiveId: string; year: number; deliveredAt: Date },
  rows: readonly { unitId: string; viaGroupId: string | null }[],
): Promise<number> {
  const sorted = [...rows].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  let inserted = 0;
  for (let i = 0; i < sorted.length; i += FANOUT_BATCH) {
    const batch = sorted.slice(i, i + FANOUT_BATCH);
    const result = await db.execute(sql`
      WITH input AS (
        SELECT * FROM unnest(${uuidArray(batch.map((r) => r.unitId))}::uuid[], ${uuidArray(batch.map((r) => r.viaGroupId))}::uuid[])
          AS t(unit_id, via_group_id)
      ), numbered AS (
        INSERT INTO register_counters (unit_id, year, register, last)
        SELECT unit_id, ${d.year}, 'incoming', 1 FROM input ORDER BY unit_id
        ON CONFLICT (unit_id, year, register) DO UPDATE SET last = register_counters.last + 1
        RETURNING unit_id, last
      )
      INSERT INTO directive_recipients (directive_id, unit_id, via_group_id, arrival_year, arrival_number, delivered_at)
      SELECT ${d.directiveId}::uuid, n.unit_id, i.via_group_id, ${d.year}, n.last, ${d.deliveredAt.toISOString()}::timestamptz
      FROM numbered n JOIN input i USING (unit_id)
      RETURNING 1 AS x`);
    inserted += rowsOf(result).length;
  }
  return inserted;
}

/** The recipient units of a directive (the fan-out and revocation notices go to each). */
export async function findRecipientUnitIds(db: Db, directiveId: string): Promise<string[]> {
  const rows = await db.select({ unitId: directiveRecipients.unitId }).from(directiveRecipients).where(eq(directiveRecipients.directiveId, directiveId));
  return rows.map((r) => r.unitId);
}

export async function markRecipientsRevoked(db: Db, directiveId: string, at: Date): Promise<number> {
  const rows = await db
    .update(directiveRecipients)
    .set({ revokedAt: at })
    .where(and(eq(directiveRecipients.directiveId, directiveId), isNull(directiveRecipients.revokedAt)))
    .returning({ id: directiveRecipients.id });
  return rows.length;
}

/**
 * Reminders: marks at most `limit` recipients that have not acknowledged within the delay as reminded
 * (one statement, SKIP LOCKED) and returns them; the caller enqueues one reminder job each in the same
 * transaction.
 */
export async function markDueReminders(db: Db, p: { cutoff: Date; now: Date; limit: number }): Promise<{ directiveId: string; unitId: string }[]> {
  const result = await db.execute(sql`
    UPDATE directive_recipients r SET reminded_at = ${p.now.toISOString()}::timestamptz
    WHERE r.id IN (
      SELECT r2.id FROM directive_recipients r2 JOIN directives d ON d.id = r2.directive_id
      WHERE r2.acknowledged_at IS NULL AND r2.revoked_at IS NULL AND r2.reminded_at IS NULL
        AND r2.delivered_at <= ${p.cutoff.toISOString()}::timestamptz AND d.status = 'issued'
      ORDER BY r2.delivered_at LIMIT ${p.limit}
      FOR UPDATE OF r2 SKIP LOCKED)
    RETURNING r.directive_id AS "directiveId", r.unit_id AS "unitId"`);
  return rowsOf<{ directiveId: string; unitId: string }>(result);
}

/**
 * Escalation: marks at most `limit` recipients reminded and still silent after the second delay as
 * escalated, and returns each (directive, parent unit) pair once; the caller enqueues one job per pair.
 */
export async function markDueEscalations(db: Db, p: { cutoff: Date; now: Date; limit: number }): Promise<{ directiveId: string; unitId: string }[]> {
  const result = await db.execute(sql`
    WITH due AS (
      UPDATE directive_recipients r SET escalated_at = ${p.now.toISOString()}::timestamptz
      WHERE r.id IN (
        SELECT r2.id FROM directive_recipients r2 JOIN directives d ON d.id = r2.directive_id
        WHERE r2.acknowledged_at IS NULL AND r2.revoked_at IS NULL AND r2.reminded_at IS NOT NULL
          AND r2.escalated_at IS NULL AND r2.delivered_at <= ${p.cutoff.toISOString()}::timestamptz AND d.status = 'issued'
        ORDER BY r2.delivered_at LIMIT ${p.limit}
        FOR UPDATE OF r2 SKIP LOCKED)
      RETURNING r.directive_id, r.unit_id
    )
    SELECT DISTINCT due.directive_id AS "directiveId", u.parent_id AS "unitId"
    FROM due JOIN units u ON u.id = due.unit_id WHERE u.parent_id IS NOT NULL`);
  return rowsOf<{ directiveId: string; unitId: string }>(result);
}
