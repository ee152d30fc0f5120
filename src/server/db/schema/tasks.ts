import { bigserial, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.ts';
import { users } from './users.ts';

/**
 * Tasks (nhiệm vụ) a unit assigns to other units, usually from a section of a directive. The
 * directive is referenced by id only (no foreign key: the directives module owns its tables) and
 * by a free-text reference as printed ("Công văn số 35/VHTT"). `due_rule` is a DueRule (once,
 * daily, weekly, monthly in Asia/Ho_Chi_Minh; see modules/tasks/recurrence.ts); each deadline it
 * yields is one occurrence, keyed by its local date (YYYY-MM-DD) as `period`.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerUnitId: uuid('issuer_unit_id')
      .notNull()
      .references(() => units.id),
    directiveId: uuid('directive_id'),
    sourceRef: text('source_ref'),
    section: text('section'),
    title: text('title').notNull(),
    description: text('description'),
    dueRule: jsonb('due_rule').notNull(),
    /** Minutes before a deadline when units that have not reported are reminded. */
    reminderLeadMinutes: integer('reminder_lead_minutes').notNull().default(1440),
    /** active | closed */
    status: text('status').notNull().default('active'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tasks_issuer_idx').on(t.issuerUnitId), index('tasks_directive_idx').on(t.directiveId)],
);

/** The units a task is assigned to (recipient groups expanded when the task is created). */
export const taskAssignees = pgTable(
  'task_assignees',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index('task_assignees_unit_idx').on(t.unitId)],
);

/** Progress of one assignee on one occurrence: in_progress | done, with evidence {text, links}. */
export const taskProgress = pgTable(
  'task_progress',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    status: text('status').notNull(),
    evidence: jsonb('evidence').notNull(),
    updatedBy: uuid('updated_by'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId, t.period] })],
);

export const taskComments = pgTable(
  'task_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    /** The assignee the comment is about (null: about the whole task). */
    unitId: uuid('unit_id'),
    authorId: uuid('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_comments_task_idx').on(t.taskId, t.createdAt)],
);

/** The figures a task asks for each period: typed indicators (ReportFormSpec in tasks.schemas.ts). */
export const reportForms = pgTable('report_forms', {
  taskId: uuid('task_id')
    .primaryKey()
    .references(() => tasks.id, { onDelete: 'cascade' }),
  directiveId: uuid('directive_id'),
  name: text('name').notNull(),
  indicators: jsonb('indicators').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The current report of one unit for one period; earlier versions are in report_revisions. */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    values: jsonb('values').notNull(),
    revision: integer('revision').notNull().default(1),
    /** First submission after the deadline. */
    late: boolean('late').notNull().default(false),
    submittedBy: uuid('submitted_by'),
    /** Set when a parent unit submitted for this unit: the submitting unit. */
    onBehalfUnitId: uuid('on_behalf_unit_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('report_submissions_uq').on(t.taskId, t.unitId, t.period), index('report_submissions_task_period_idx').on(t.taskId, t.period)],
);

/**
 * One row per indicator (channel '') and per channel of a submission: what roll-ups aggregate
 * with one GROUP BY. Numeric types and yes/no (1/0) fill `num`; text, url and choice fill `txt`.
 */
export const reportValues = pgTable(
  'report_values',
  {
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => reportSubmissions.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    period: text('period').notNull(),
    indicator: text('indicator').notNull(),
    channel: text('channel').notNull().default(''),
    num: doublePrecision('num'),
    txt: text('txt'),
    /** When the submission was last written (what the "latest" aggregation orders by). */
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.indicator, t.channel] }), index('report_values_task_period_idx').on(t.taskId, t.period)],
);

/** Every version of a submission, in order (full history of edits). */
export const reportRevisions = pgTable(
  'report_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => reportSubmissions.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    values: jsonb('values').notNull(),
    late: boolean('late').notNull(),
    submittedBy: uuid('submitted_by'),
    onBehalfUnitId: uuid('on_behalf_unit_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('report_revisions_uq').on(t.submissionId, t.revision)],
);

/** Idempotency-Key of a submit, unique per submitting unit: a retry returns the recorded result. */
export const reportIdempotencyKeys = pgTable(
  'report_idempotency_keys',
  {
    unitId: uuid('unit_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    submissionId: uuid('submission_id'),
    revision: integer('revision'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.key] })],
);

/** In-app notices to a unit (report reminders, overdue notices to the parent unit). */
export const taskNotifications = pgTable(
  'task_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The unit the notice is for. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    /** The unit the notice is about (the one that has not reported). */
    aboutUnitId: uuid('about_unit_id').notNull(),
    period: text('period').notNull(),
    /** due | overdue | overdue_child */
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('task_notifications_uq').on(t.unitId, t.taskId, t.aboutUnitId, t.period, t.kind), index('task_notifications_unit_idx').on(t.unitId, t.createdAt)],
);
