/** Reports of the assigned units: submissions, their values and revisions, idempotency keys. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reportIdempotencyKeys, reportRevisions, reportSubmissions, reportValues } from '../../db/schema/index.ts';
import type { ValueRow } from './report-form.ts';

export type SubmissionRow = typeof reportSubmissions.$inferSelect;
export type RevisionRow = typeof reportRevisions.$inferSelect;

export async function findSubmission(db: Db, taskId: string, unitId: string, period: string): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .select()
    .from(reportSubmissions)
    .where(and(eq(reportSubmissions.taskId, taskId), eq(reportSubmissions.unitId, unitId), eq(reportSubmissions.period, period)));
  return row;
}

export async function findSubmissionById(db: Db, id: string): Promise<SubmissionRow | undefined> {
  const [row] = await db.select().from(reportSubmissions).where(eq(reportSubmissions.id, id));
  return row;
}

export async function findSubmissions(db: Db, taskId: string, periods: readonly string[]): Promise<Pick<SubmissionRow, 'unitId' | 'period' | 'late'>[]> {
  if (periods.length === 0) return [];
  return db
    .select({ unitId: reportSubmissions.unitId, period: reportSubmissions.period, late: reportSubmissions.late })
    .from(reportSubmissions)
    .where(and(eq(reportSubmissions.taskId, taskId), inArray(reportSubmissions.period, [...periods])));
}

/**
 * Claims an Idempotency-Key for a unit inside the caller's transaction. On PostgreSQL a concurrent
 * claim of the same key waits for this transaction and then finds the key taken; returns false then.
 */
export async function claimIdempotencyKey(db: Db, unitId: string, key: string, requestHash: string): Promise<boolean> {
  const rows = await db.insert(reportIdempotencyKeys).values({ unitId, key, requestHash }).onConflictDoNothing().returning({ key: reportIdempotencyKeys.key });
  return rows.length > 0;
}

export async function findIdempotencyKey(db: Db, unitId: string, key: string) {
  const [row] = await db
    .select()
    .from(reportIdempotencyKeys)
    .where(and(eq(reportIdempotencyKeys.unitId, unitId), eq(reportIdempotencyKeys.key, key)));
  return row;
}

export async function recordIdempotencyResult(db: Db, unitId: string, key: string, submissionId: string, revision: number): Promise<void> {
  await db
    .update(reportIdempotencyKeys)
    .set({ submissionId, revision })
    .where(and(eq(reportIdempotencyKeys.unitId, unitId), eq(reportIdempotencyKeys.key, key)));
}

/**
 * Inserts the unit's report for a period, or replaces it while its deadline has not passed (one
 * statement, so two concurrent first submissions make one row and two revisions). Returns
 * undefined when the report exists and is locked (deadline passed).
 */
export async function upsertSubmission(
  db: Db,
  row: Omit<typeof reportSubmissions.$inferInsert, 'revision' | 'updatedAt'> & { submittedAt: Date },
): Promise<{ row: SubmissionRow; inserted: boolean } | undefined> {
  const result = await db
    .insert(reportSubmissions)
    .values({ ...row, revision: 1, updatedAt: row.submittedAt })
    .onConflictDoUpdate({
      target: [reportSubmissions.taskId, reportSubmissions.unitId, reportSubmissions.period],
      set: {
        values: sql`excluded.values`,
        revision: sql`${reportSubmissions.revision} + 1`,
        submittedBy: sql`excluded.submitted_by`,
        onBehalfUnitId: sql`excluded.on_behalf_unit_id`,
        updatedAt: sql`excluded.updated_at`,
      },
      setWhere: sql`${reportSubmissions.deadline} >= excluded.updated_at`,
    })
    .returning();
  const saved = result[0];
  if (!saved) return undefined;
  return { row: saved, inserted: saved.revision === 1 };
}

/**
 * The row every submission adds besides its figures: indicator '*', num 1 when late else 0. The
 * roll-up's one GROUP BY counts reports (count) and late ones (sum) from it.
 */
export const SUBMITTED_MARKER = '*';

export async function replaceValues(db: Db, s: SubmissionRow, rows: readonly ValueRow[]): Promise<void> {
  await db.delete(reportValues).where(eq(reportValues.submissionId, s.id));
  const all = [...rows, { indicator: SUBMITTED_MARKER, channel: '', num: s.late ? 1 : 0, txt: null }];
  await db.insert(reportValues).values(
    all.map((r) => ({
      submissionId: s.id,
      taskId: s.taskId,
      unitId: s.unitId,
      period: s.period,
      indicator: r.indicator,
      channel: r.channel,
      num: r.num,
      txt: r.txt,
      at: s.updatedAt,
    })),
  );
}

export async function insertRevision(db: Db, row: typeof reportRevisions.$inferInsert): Promise<void> {
  await db.insert(reportRevisions).values(row);
}

export async function listRevisions(db: Db, submissionId: string): Promise<RevisionRow[]> {
  return db.select().from(reportRevisions).where(eq(reportRevisions.submissionId, submissionId)).orderBy(asc(reportRevisions.revision));
}
