import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import {
  reportForms,
  reportIdempotencyKeys,
  reportRevisions,
  reportSubmissions,
  reportValues,
  taskAssignees,
  taskComments,
  taskNotifications,
  taskProgress,
  tasks,
  units,
  users,
} from '../../db/schema/index.ts';
import type { ValueRow } from './report-form.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type ReportFormRow = typeof reportForms.$inferSelect;
export type SubmissionRow = typeof reportSubmissions.$inferSelect;
export type RevisionRow = typeof reportRevisions.$inferSelect;
export type ProgressRow = typeof taskProgress.$inferSelect;
export type CommentRow = typeof taskComments.$inferSelect;
export type NotificationRow = typeof taskNotifications.$inferSelect;
export interface UnitBrief {
  id: string;
  code: string | null;
  name: string;
  path: string;
  parentId: string | null;
}

const unitBrief = { id: units.id, code: units.code, name: units.name, path: units.path, parentId: units.parentId };

function underPath(path: string): SQL {
  return sql`(${units.path} = ${path} OR ${units.path} LIKE ${`${path}.%`})`;
}

// Tasks

export async function insertTask(db: Db, row: typeof tasks.$inferInsert): Promise<TaskRow> {
  const [created] = await db.insert(tasks).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function findTaskById(db: Db, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  return row;
}

/** Tasks whose issuer or any assignee lies under a path (null: every task), newest first. */
export async function listTasksVisibleUnder(db: Db, path: string | null, limit: number): Promise<TaskRow[]> {
  const visible = path
    ? sql`(EXISTS (SELECT 1 FROM units iu WHERE iu.id = ${tasks.issuerUnitId} AND (iu.path = ${path} OR iu.path LIKE ${`${path}.%`}))
        OR EXISTS (SELECT 1 FROM task_assignees ta JOIN units au ON au.id = ta.unit_id
                   WHERE ta.task_id = ${tasks.id} AND (au.path = ${path} OR au.path LIKE ${`${path}.%`})))`
    : undefined;
  return db.select().from(tasks).where(visible).orderBy(desc(tasks.createdAt)).limit(limit);
}

export async function listActiveTasks(db: Db): Promise<TaskRow[]> {
  return db.select().from(tasks).where(eq(tasks.status, 'active'));
}

const ASSIGN_BATCH = 5000;

export async function insertAssignees(db: Db, taskId: string, unitIds: readonly string[]): Promise<void> {
  for (let i = 0; i < unitIds.length; i += ASSIGN_BATCH) {
    const batch = unitIds.slice(i, i + ASSIGN_BATCH).map((unitId) => ({ taskId, unitId }));
    await db.insert(taskAssignees).values(batch).onConflictDoNothing();
  }
}

/** Assignees of a task, optionally only those under a path, ordered by GSO code then name. */
export async function findAssignees(db: Db, taskId: string, under: string | null): Promise<UnitBrief[]> {
  return db
    .select(unitBrief)
    .from(taskAssignees)
    .innerJoin(units, eq(units.id, taskAssignees.unitId))
    .where(and(eq(taskAssignees.taskId, taskId), under ? underPath(under) : undefined))
    .orderBy(asc(units.code), asc(units.name));
}

export async function isAssignee(db: Db, taskId: string, unitId: string): Promise<boolean> {
  const rows = await db
    .select({ unitId: taskAssignees.unitId })
    .from(taskAssignees)
    .where(and(eq(taskAssignees.taskId, taskId), eq(taskAssignees.unitId, unitId)));
  return rows.length > 0;
}

/** True when any assignee of the task lies under the path. */
export async function hasAssigneeUnder(db: Db, taskId: string, path: string): Promise<boolean> {
  const rows = await db
    .select({ id: units.id })
    .from(taskAssignees)
    .innerJoin(units, eq(units.id, taskAssignees.unitId))
    .where(and(eq(taskAssignees.taskId, taskId), underPath(path)))
    .limit(1);
  return rows.length > 0;
}

export async function findUnitBriefs(db: Db, ids: readonly string[]): Promise<UnitBrief[]> {
  if (ids.length === 0) return [];
  return db.select(unitBrief).from(units).where(inArray(units.id, [...ids]));
}

// Report forms

export async function upsertReportForm(db: Db, row: typeof reportForms.$inferInsert): Promise<ReportFormRow> {
  const [saved] = await db
    .insert(reportForms)
    .values(row)
    .onConflictDoUpdate({ target: reportForms.taskId, set: { name: row.name, indicators: row.indicators, directiveId: row.directiveId ?? null, updatedAt: new Date() } })
    .returning();
  if (!saved) throw new Error('upsert returned no row');
  return saved;
}

export async function findReportForm(db: Db, taskId: string): Promise<ReportFormRow | undefined> {
  const [row] = await db.select().from(reportForms).where(eq(reportForms.taskId, taskId));
  return row;
}

// Progress and comments

export async function findProgress(db: Db, taskId: string, periods: readonly string[]): Promise<ProgressRow[]> {
  if (periods.length === 0) return [];
  return db
    .select()
    .from(taskProgress)
    .where(and(eq(taskProgress.taskId, taskId), inArray(taskProgress.period, [...periods])));
}

export async function upsertProgress(db: Db, row: typeof taskProgress.$inferInsert): Promise<ProgressRow> {
  const [saved] = await db
    .insert(taskProgress)
    .values(row)
    .onConflictDoUpdate({
      target: [taskProgress.taskId, taskProgress.unitId, taskProgress.period],
      set: { status: row.status, evidence: row.evidence, updatedBy: row.updatedBy, completedAt: row.completedAt ?? null, updatedAt: row.updatedAt ?? new Date() },
    })
    .returning();
  if (!saved) throw new Error('upsert returned no row');
  return saved;
}

export async function findProgressOne(db: Db, taskId: string, unitId: string, period: string): Promise<ProgressRow | undefined> {
  const [row] = await db
    .select()
    .from(taskProgress)
    .where(and(eq(taskProgress.taskId, taskId), eq(taskProgress.unitId, unitId), eq(taskProgress.period, period)));
  return row;
}

export async function insertComment(db: Db, row: typeof taskComments.$inferInsert): Promise<CommentRow> {
  const [created] = await db.insert(taskComments).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

/** Comments of a task; with `unitIds`, only those about these units or about the whole task. */
export async function listComments(db: Db, taskId: string, unitIds: readonly string[] | null): Promise<CommentRow[]> {
  const scope = unitIds ? sql`(${taskComments.unitId} IS NULL OR ${unitIds.length ? inArray(taskComments.unitId, [...unitIds]) : sql`false`})` : undefined;
  return db
    .select()
    .from(taskComments)
    .where(and(eq(taskComments.taskId, taskId), scope))
    .orderBy(asc(taskComments.createdAt));
}

// Submissions

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
    all.map((r) => ({ submissionId: s.id, taskId: s.taskId, unitId: s.unitId, period: s.period, indicator: r.indicator, channel: r.channel, num: r.num, txt: r.txt, at: s.updatedAt })),
  );
}

export async function insertRevision(db: Db, row: typeof reportRevisions.$inferInsert): Promise<void> {
  await db.insert(reportRevisions).values(row);
}

export async function listRevisions(db: Db, submissionId: string): Promise<RevisionRow[]> {
  return db.select().from(reportRevisions).where(eq(reportRevisions.submissionId, submissionId)).orderBy(asc(reportRevisions.revision));
}

// Roll-up

export interface FigureRow {
  child: string;
  period: string;
  indicator: string;
  sum: number | null;
  n: number;
  max: number | null;
  latest: number | null;
  latestTxt: string | null;
  latestAt: string | null;
}

/**
 * Where a roll-up groups: by the direct child of the root a unit sits under ('' for the root itself),
 * or with perUnit by the reporting unit's own id (the today's-tree roll-up maps each to its successor).
 */
export interface RollupGrouping {
  rootPath: string;
  rootDepth: number;
  perUnit?: boolean;
}

function groupKey(q: RollupGrouping) {
  return q.perUnit ? sql`u.id::text` : sql`split_part(u.path, '.', ${q.rootDepth + 2}::int)`;
}

/**
 * One GROUP BY over the subtree of `root`: figures per direct child of the root (its id is the
 * path segment after the root's; '' for the root itself), per period, per indicator (totals only,
 * channel ''), and the SUBMITTED_MARKER rows that give reports and late reports. Period keys are
 * local dates, so the range [first, last] selects exactly the rule's periods between them.
 * "latest" is computed only for the indicators that need it.
 */
export async function rollupFigures(
  db: Db,
  q: RollupGrouping & { taskId: string; periods: readonly string[]; latestIndicators: readonly string[] },
): Promise<FigureRow[]> {
  const first = q.periods[0];
  const last = q.periods.at(-1);
  if (!first || !last) return [];
  const latest = q.latestIndicators.length
    ? sql`(array_agg(v.num ORDER BY v.at DESC) FILTER (WHERE v.indicator IN ${q.latestIndicators} AND v.num IS NOT NULL))[1] AS latest,
          (array_agg(v.txt ORDER BY v.at DESC) FILTER (WHERE v.indicator IN ${q.latestIndicators} AND v.txt IS NOT NULL))[1] AS "latestTxt",
          max(v.at) FILTER (WHERE v.indicator IN ${q.latestIndicators}) AS "latestAt"`
    : sql`NULL::float8 AS latest, NULL::text AS "latestTxt", NULL::timestamptz AS "latestAt"`;
  const result = await db.execute(sql`
    SELECT ${groupKey(q)} AS child, v.period, v.indicator,
           sum(v.num) AS sum, count(v.num)::int AS n, max(v.num) AS max, ${latest}
    FROM report_values v JOIN units u ON u.id = v.unit_id
    WHERE v.task_id = ${q.taskId} AND v.channel = '' AND v.period >= ${first} AND v.period <= ${last}
      AND (u.path = ${q.rootPath} OR u.path LIKE ${`${q.rootPath}.%`})
    GROUP BY 1, 2, 3`);
  return rowsOf<FigureRow>(result).map((r) => ({
    ...r,
    sum: r.sum === null ? null : Number(r.sum),
    max: r.max === null ? null : Number(r.max),
    latest: r.latest === null ? null : Number(r.latest),
    latestAt: r.latestAt === null ? null : String(r.latestAt),
  }));
}

/** Assignees per direct child of the root (what coverage expects), or per assignee with perUnit. */
export async function expectedPerChild(db: Db, q: RollupGrouping & { taskId: string }): Promise<{ child: string; n: number }[]> {
  const result = await db.execute(sql`
    SELECT ${groupKey(q)} AS child, count(*)::int AS n
    FROM task_assignees a JOIN units u ON u.id = a.unit_id
    WHERE a.task_id = ${q.taskId} AND (u.path = ${q.rootPath} OR u.path LIKE ${`${q.rootPath}.%`})
    GROUP BY 1`);
  return rowsOf<{ child: string; n: number }>(result);
}

/** Assignees under the root that have not reported for a period, and those that reported late (by name). */
export async function lateAndMissing(
  db: Db,
  q: { taskId: string; rootPath: string; period: string; limit: number },
): Promise<{ late: UnitBrief[]; missing: UnitBrief[] }> {
  const rows = rowsOf<UnitBrief & { state: 'late' | 'missing' }>(
    await db.execute(sql`
      SELECT u.id, u.code, u.name, u.path, u.parent_id AS "parentId",
             CASE WHEN s.id IS NULL THEN 'missing' ELSE 'late' END AS state
      FROM task_assignees a JOIN units u ON u.id = a.unit_id
      LEFT JOIN report_submissions s ON s.task_id = a.task_id AND s.unit_id = a.unit_id AND s.period = ${q.period}
      WHERE a.task_id = ${q.taskId} AND (u.path = ${q.rootPath} OR u.path LIKE ${`${q.rootPath}.%`})
        AND (s.id IS NULL OR s.late)
      ORDER BY u.code NULLS LAST, u.name
      LIMIT ${q.limit}`),
  );
  const strip = ({ state: _s, ...u }: UnitBrief & { state: string }) => u;
  return { late: rows.filter((r) => r.state === 'late').map(strip), missing: rows.filter((r) => r.state === 'missing').map(strip) };
}

/** Assignees with no report for a period (reminders): with contacts and parent. */
export async function findMissingAssignees(db: Db, taskId: string, period: string) {
  return db
    .select({ id: units.id, name: units.name, emails: units.emails, parentId: units.parentId })
    .from(taskAssignees)
    .innerJoin(units, eq(units.id, taskAssignees.unitId))
    .where(
      and(
        eq(taskAssignees.taskId, taskId),
        sql`NOT EXISTS (SELECT 1 FROM report_submissions s WHERE s.task_id = ${taskId} AND s.unit_id = ${taskAssignees.unitId} AND s.period = ${period})`,
      ),
    );
}

/** The leader who signs a unit's reports: its first active approver (by account age), or undefined. */
export async function findUnitLeader(db: Db, unitId: string): Promise<{ displayName: string } | undefined> {
  const [row] = await db
    .select({ displayName: users.displayName })
    .from(users)
    .where(and(eq(users.unitId, unitId), sql`'approver' = ANY(${users.roles})`, sql`${users.disabledAt} IS NULL`))
    .orderBy(asc(users.createdAt))
    .limit(1);
  return row;
}

export async function findUnitContact(db: Db, id: string) {
  const [row] = await db.select({ id: units.id, name: units.name, emails: units.emails, parentId: units.parentId }).from(units).where(eq(units.id, id));
  return row;
}

// Notifications

/** Records an in-app notice once (unique per unit, task, subject unit, period and kind). */
export async function insertNotification(db: Db, row: typeof taskNotifications.$inferInsert): Promise<boolean> {
  const rows = await db.insert(taskNotifications).values(row).onConflictDoNothing().returning({ id: taskNotifications.id });
  return rows.length > 0;
}

export async function listNotifications(db: Db, unitId: string, limit: number): Promise<NotificationRow[]> {
  return db.select().from(taskNotifications).where(eq(taskNotifications.unitId, unitId)).orderBy(desc(taskNotifications.createdAt)).limit(limit);
}

// Start page

/** Active tasks assigned to a unit. */
export async function listActiveTasksAssignedTo(db: Db, unitId: string): Promise<TaskRow[]> {
  return db
    .select(getTableColumns(tasks))
    .from(tasks)
    .innerJoin(taskAssignees, eq(taskAssignees.taskId, tasks.id))
    .where(and(eq(taskAssignees.unitId, unitId), eq(tasks.status, 'active')))
    .orderBy(asc(tasks.createdAt));
}

/** Active tasks issued by a unit under a path. */
export async function listActiveTasksIssuedUnder(db: Db, path: string): Promise<TaskRow[]> {
  return db
    .select(getTableColumns(tasks))
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.issuerUnitId))
    .where(and(underPath(path), eq(tasks.status, 'active')))
    .orderBy(asc(tasks.createdAt));
}

/** The periods (of those given) for which a unit has reported on a task. */
export async function findReportedPeriods(db: Db, taskId: string, unitId: string, periods: readonly string[]): Promise<Set<string>> {
  if (periods.length === 0) return new Set();
  const rows = await db
    .select({ period: reportSubmissions.period })
    .from(reportSubmissions)
    .where(and(eq(reportSubmissions.taskId, taskId), eq(reportSubmissions.unitId, unitId), inArray(reportSubmissions.period, [...periods])));
  return new Set(rows.map((r) => r.period));
}

/** How many assignees of a task have not reported for a period, of how many. */
export async function countMissingReports(db: Db, taskId: string, period: string): Promise<{ missing: number; expected: number }> {
  const [row] = rowsOf<{ missing: number; expected: number }>(
    await db.execute(sql`
      SELECT count(*) FILTER (WHERE s.id IS NULL)::int AS missing, count(*)::int AS expected
      FROM task_assignees a
      LEFT JOIN report_submissions s ON s.task_id = a.task_id AND s.unit_id = a.unit_id AND s.period = ${period}
      WHERE a.task_id = ${taskId}`),
  );
  return row ?? { missing: 0, expected: 0 };
}
