import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { inSubtree } from '../../db/subtree.ts';
import { reportForms, reportSubmissions, taskAssignees, taskComments, taskNotifications, taskProgress, tasks, units, users } from '../../db/schema/index.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type ReportFormRow = typeof reportForms.$inferSelect;
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

const underPath = (path: string) => inSubtree(units.path, path);

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
    ? sql`(EXISTS (SELECT 1 FROM units iu WHERE iu.id = ${tasks.issuerUnitId} AND ${inSubtree(sql.raw('iu.path'), path)})
        OR EXISTS (SELECT 1 FROM task_assignees ta JOIN units au ON au.id = ta.unit_id
                   WHERE ta.task_id = ${tasks.id} AND ${inSubtree(sql.raw('au.path'), path)}))`
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
  return db
    .select(unitBrief)
    .from(units)
    .where(inArray(units.id, [...ids]));
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
