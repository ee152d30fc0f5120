import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/client.ts';
import { jobs } from '../db/schema/index.ts';

export type JobRow = typeof jobs.$inferSelect;

/** Inserts a job unless one with the same id exists; returns true when inserted. */
export async function insertJob(db: Db, row: { id: string; name: string; payload: unknown; runAt: Date; maxAttempts: number }): Promise<boolean> {
  const inserted = await db.insert(jobs).values(row).onConflictDoNothing({ target: jobs.id }).returning({ id: jobs.id });
  return inserted.length > 0;
}

export type JobInsert = { id: string; name: string; payload: unknown; runAt: Date; maxAttempts: number };

/** Rows per multi-row INSERT in insertJobs (5 parameters a row: well under the driver's limit). */
export const JOB_INSERT_CHUNK = 1000;

/** A Postgres array literal passed as ONE parameter: `{"a","b"}` (each element quoted and escaped). */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Inserts many jobs, JOB_INSERT_CHUNK rows per multi-row INSERT (the columns go as five array
 * parameters and are unnested, so a chunk is one small statement), skipping ids that exist (or repeat
 * within `rows`); returns how many were inserted. Runs in `db`, which may be the caller's transaction.
 */
export async function insertJobs(db: Db, rows: readonly JobInsert[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += JOB_INSERT_CHUNK) {
    const chunk = rows.slice(i, i + JOB_INSERT_CHUNK);
    const result = await db.execute(sql`
      INSERT INTO jobs (id, name, payload, run_at, max_attempts)
      SELECT * FROM unnest(
        ${arrayLiteral(chunk.map((r) => r.id))}::text[],
        ${arrayLiteral(chunk.map((r) => r.name))}::text[],
        ${arrayLiteral(chunk.map((r) => JSON.stringify(r.payload)))}::jsonb[],
        ${arrayLiteral(chunk.map((r) => r.runAt.toISOString()))}::timestamptz[],
        ${`{${chunk.map((r) => r.maxAttempts).join(',')}}`}::int[])
      ON CONFLICT (id) DO NOTHING
      RETURNING 1 AS x`);
    inserted += rowsOf(result).length;
  }
  return inserted;
}

/**
 * Claims the next due job for a worker: SKIP LOCKED lets several workers poll one table without
 * taking the same job. Jobs left "running" by a dead worker are reclaimed after `staleAfterMs`.
 */
export async function claimNextJob(db: Db, workerId: string, now: Date, staleAfterMs: number): Promise<JobRow | null> {
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  const result = await db.execute(sql`
    UPDATE jobs SET status = 'running', locked_by = ${workerId}, locked_at = ${now.toISOString()}::timestamptz,
      attempts = attempts + 1
    WHERE id = (
      SELECT id FROM jobs
      WHERE (status = 'pending' AND run_at <= ${now.toISOString()}::timestamptz)
         OR (status = 'running' AND locked_at < ${staleBefore.toISOString()}::timestamptz)
      ORDER BY run_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, name, payload, status, run_at AS "runAt", attempts, max_attempts AS "maxAttempts",
      last_error AS "lastError", locked_by AS "lockedBy", locked_at AS "lockedAt", created_at AS "createdAt",
      finished_at AS "finishedAt"`);
  return rowsOf<JobRow>(result)[0] ?? null;
}

export async function markJobDone(db: Db, id: string, workerId: string, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'done', finishedAt: now, lockedBy: null, lockedAt: null })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId)));
}

export async function markJobFailed(db: Db, id: string, workerId: string, error: string, retryAt: Date | null, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set(
      retryAt
        ? { status: 'pending', runAt: retryAt, lastError: error, lockedBy: null, lockedAt: null }
        : { status: 'failed', finishedAt: now, lastError: error, lockedBy: null, lockedAt: null },
    )
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId)));
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

export async function distinctPendingJobNames(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: jobs.name })
    .from(jobs)
    .where(sql`${jobs.status} IN ('pending','running')`);
  return rows.map((r) => r.name);
}

/** Diagnostics and tests: the jobs whose id starts with `prefix` (a module's deterministic id prefix). */
export async function findJobsByIdPrefix(db: Db, prefix: string) {
  return db
    .select({ id: jobs.id, name: jobs.name, payload: jobs.payload, status: jobs.status })
    .from(jobs)
    .where(sql`${jobs.id} LIKE ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
}
