import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { inTx } from '../../db/unit-of-work.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize, can, hasGlobalScope, isWithin } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { expandRule, findUnitById, findUnitsByIds, inForceAt, successorsOf } from '../units/index.ts';
import type { GroupsService, UnitRow } from '../units/index.ts';
import { TEMPLATES, validateValues } from './report-form.ts';
import { toCsv, toDocx, toPdf, toXlsx } from './rollup-export.ts';
import { letterheadFor } from './report-letterhead.ts';
import { mapToToday } from './rollup-today.ts';
import type { MappedUnit } from './rollup-today.ts';
import type { ExportInput } from './rollup-export.ts';
import type { ReportFormSpec, StoredValue } from './report-form.ts';
import { dayMonthYear, deadlineText, isLate, lastClosedPeriod, localDateKey, localToUtc, nextOpening, periodName, periodByKey, shortDeadlineText, periodFor, periodsBetween, ruleBounds } from './recurrence.ts';
import type { DueRule, Period } from './recurrence.ts';
import * as repo from './tasks.repository.ts';
import type { CommentRow, SubmissionRow, TaskRow, UnitBrief } from './tasks.repository.ts';
import { IndicatorSchema, TASK_STATUS_LABELS } from './tasks.schemas.ts';
import type { CellStatus, CommentInput, CreateTaskInput, Indicator, ProgressInput, ReportFormInput, RollupQueryInput, SubmitInput } from './tasks.schemas.ts';

const DAY_MS = 86_400_000;
/** Organisations that act for the administrative area they sit in, and the areas (readRootOf). */
const AREA_OFFICE_KINDS: ReadonlySet<string> = new Set(['department', 'office', 'peoples_committee']);
const AREA_KINDS: ReadonlySet<string> = new Set(['province', 'district', 'commune']);
/** Periods shown at most in a matrix or a roll-up (a weekly rule over two years). */
export const MAX_PERIODS = 120;

export function presentTask(t: TaskRow) {
  return {
    id: t.id,
    issuerUnitId: t.issuerUnitId,
    directiveId: t.directiveId,
    sourceRef: t.sourceRef,
    section: t.section,
    title: t.title,
    description: t.description,
    dueRule: t.dueRule as DueRule,
    reminderLeadMinutes: t.reminderLeadMinutes,
    status: t.status,
    createdAt: t.createdAt.toISOString(),
  };
}

export function presentSubmission(s: SubmissionRow) {
  return {
    id: s.id,
    taskId: s.taskId,
    unitId: s.unitId,
    period: s.period,
    deadline: s.deadline.toISOString(),
    values: s.values as Record<string, StoredValue>,
    revision: s.revision,
    late: s.late,
    submittedBy: s.submittedBy,
    onBehalfUnitId: s.onBehalfUnitId,
    submittedAt: s.submittedAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
export type SubmissionView = ReturnType<typeof presentSubmission>;

function presentComment(c: CommentRow) {
  return { id: c.id, unitId: c.unitId, authorName: c.authorName, body: c.body, createdAt: c.createdAt.toISOString() };
}

type TaskView = ReturnType<typeof presentTask>;
type PeriodRef = ReturnType<typeof periodRef>;
/** How far back the start page looks for periods a unit has missed. */
const LATE_LOOKBACK_DAYS = 35;

const unitRef = (u: Pick<UnitBrief, 'id' | 'code' | 'name'>) => ({ id: u.id, code: u.code, name: u.name });
const periodRef = (p: Period) => ({ key: p.key, deadline: p.deadline.toISOString(), label: p.label });

function formOf(row: repo.ReportFormRow | undefined): ReportFormSpec | null {
  if (!row) return null;
  return { name: row.name, indicators: (row.indicators as unknown[]).map((i) => IndicatorSchema.parse(i)) };
}

function formFromInput(input: ReportFormInput): ReportFormSpec {
  if ('template' in input) return TEMPLATES[input.template];
  return { name: input.name, indicators: input.indicators };
}

/** A stable fingerprint of a submit request: the same key with another body is refused. */
function requestHash(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function sortedObject(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/** Aggregates of one child (or the whole subtree) for one indicator. */
interface Acc {
  sum: number;
  n: number;
  max: number | null;
  latest: number | string | null;
  latestAt: string | null;
}

function figureValue(ind: Indicator, a: Acc | undefined): number | string | null {
  if (!a) return null;
  switch (ind.aggregation) {
    case 'sum':
      return a.n ? a.sum : null;
    case 'avg':
      return a.n ? Math.round((a.sum / a.n) * 100) / 100 : null;
    case 'max':
      return a.max;
    case 'latest':
      return a.latest;
  }
}

function merge(into: Acc | undefined, r: Acc): Acc {
  if (!into) return { ...r };
  const newer = r.latestAt !== null && (into.latestAt === null || r.latestAt > into.latestAt);
  return {
    sum: into.sum + r.sum,
    n: into.n + r.n,
    max: into.max === null ? r.max : r.max === null ? into.max : Math.max(into.max, r.max),
    latest: newer ? r.latest : into.latest,
    latestAt: newer ? r.latestAt : into.latestAt,
  };
}

/** The deepest unit above (or equal to) every given path: the natural root of a roll-up. */
function commonAncestorId(paths: readonly string[]): string | null {
  if (paths.length === 0) return null;
  let prefix = (paths[0] ?? '').split('.');
  for (const p of paths) {
    const segs = p.split('.');
    let i = 0;
    while (i < prefix.length && i < segs.length && prefix[i] === segs[i]) i++;
    prefix = prefix.slice(0, i);
  }
  // A single assignee: roll up at its parent, so the row is the assignee itself.
  if (paths.length === 1 && prefix.length > 1) prefix = prefix.slice(0, -1);
  return prefix.at(-1) ?? null;
}

export function createTasksService(deps: { db: Db; clock: Clock; groups: GroupsService }) {
  const { db, clock } = deps;

  async function loadTask(id: string): Promise<TaskRow> {
    const task = await repo.findTaskById(db, id);
    if (!task) throw new AppError('NOT_FOUND');
    return task;
  }

  async function loadUnit(id: string): Promise<UnitRow> {
    const unit = await findUnitById(db, id);
    if (!unit) throw new AppError('NOT_FOUND');
    return unit;
  }

  /**
   * The subtree whose tasks a reader sees: its own unit's, or, for an office that acts for an
   * administrative area (the province's Sở, a district's Phòng, a UBND), the whole area: the
   * province office follows every task issued or assigned inside the province.
   */
  async function readRootOf(a: Actor): Promise<string> {
    const unit = await findUnitById(db, a.unitId);
    if (!unit?.parentId || !AREA_OFFICE_KINDS.has(unit.kind)) return a.unitPath;
    const area = await findUnitById(db, unit.parentId);
    return area && AREA_KINDS.has(area.kind) ? area.path : a.unitPath;
  }

  /**
   * Who may see a task (task.read, deny by default): readers whose read root holds the issuer see
   * all of it; readers whose read root holds an assignee see the assignees under it only. Anyone
   * else gets 404. `scope` is the path the reader is limited to, or null for the whole task.
   */
  async function readAccess(actor: Actor, task: TaskRow): Promise<{ actor: Actor; scope: string | null }> {
    const a = actor;
    const issuer = await loadUnit(task.issuerUnitId);
    if (can(a, 'task.read', { unitPath: issuer.path })) return { actor: a, scope: null };
    if (!can(a, 'task.read', { unitPath: a.unitPath })) throw new AppError('NOT_FOUND');
    const root = await readRootOf(a);
    if (isWithin(issuer.path, root)) return { actor: a, scope: null };
    if (await repo.hasAssigneeUnder(db, task.id, root)) return { actor: a, scope: root };
    throw new AppError('NOT_FOUND');
  }

  /** Rows of the roll-up in the task's tree: one per direct child of the root ('' is the root itself). */
  function taskGroups(root: UnitRow, children: readonly string[]) {
    const key = (c: string) => c || root.id;
    return { rowsOf: key, rows: [...new Set(children.map(key))].map((targetId) => ({ targetId, formedFrom: [] as MappedUnit[] })), unit: root };
  }

  /**
   * Rows of the roll-up in today's tree: each reporting unit out of force summed into its successor
   * (the rule is in rollup-today.ts), under the deepest unit above them all (today's province).
   */
  async function todayGroups(root: UnitRow, unitIds: readonly string[]) {
    const day = localDateKey(clock.now());
    const found = await findUnitsByIds(db, unitIds);
    const old = new Set(found.filter((u) => !inForceAt(u, day)).map((u) => u.id));
    const { targetOf, groups } = mapToToday(found, old, await successorsOf(db, [...old]));
    const targets = await findUnitsByIds(db, groups.map((g) => g.targetId));
    const shownId = commonAncestorId(targets.map((u) => u.path));
    return { rowsOf: (c: string) => targetOf.get(c) ?? c, rows: groups, unit: shownId ? await loadUnit(shownId) : root };
  }

  /** Units of a path, root first (the unit itself last). */
  async function chainOf(unit: UnitRow): Promise<UnitRow[]> {
    const ids = unit.path.split('.');
    const byId = new Map((await findUnitsByIds(db, ids)).map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id)).filter((u): u is UnitRow => Boolean(u));
  }

  /**
   * The upward report's letterhead: sent by the actor's unit (the issuing unit for an administrator
   * outside the tree) to the body that asked for the figures, signed by the sender's leader.
   */
  async function letterhead(actor: Actor, asker: UnitRow, name: string) {
    const own = hasGlobalScope(actor) ? undefined : await findUnitById(db, actor.unitId);
    const sender = own ?? asker;
    const leader = await repo.findUnitLeader(db, sender.id);
    return letterheadFor({ sender: await chainOf(sender), asker: await chainOf(asker), leaderName: leader?.displayName ?? null, date: localDateKey(clock.now()), periodName: name });
  }

  /** The units a task is assigned to (explicit units, groups, rules at `at`), read in the caller's transaction when given. */
  async function expandAssignees(actor: Actor, input: CreateTaskInput['assignees'], at: string, opts: InTx): Promise<string[]> {
    const q = opts.tx ?? db;
    const ids = new Set<string>();
    if (input.unitIds.length) {
      const found = new Set((await repo.findUnitBriefs(q, [...new Set(input.unitIds)])).map((u) => u.id));
      const missing = input.unitIds.find((id) => !found.has(id));
      if (missing) throw new AppError('UNKNOWN_UNIT', { unit: missing });
      for (const id of found) ids.add(id);
    }
    for (const groupId of input.groupIds) {
      let group;
      try {
        group = await deps.groups.getGroup(actor, groupId, opts);
      } catch (err) {
        if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) throw new AppError('UNKNOWN_GROUP', { group: groupId });
        throw err;
      }
      for (const u of await expandRule(q, group.rule, at)) ids.add(u.id);
    }
    for (const rule of input.rules) for (const u of await expandRule(q, rule, at)) ids.add(u.id);
    return [...ids];
  }

  function defaultRange(task: TaskRow): { from: Date; to: Date } {
    const rule = task.dueRule as DueRule;
    const now = clock.now();
    const { first, last } = ruleBounds(rule);
    const current = periodFor(rule, now);
    const to = current?.deadline ?? last ?? now;
    const from = first ?? new Date(Math.min(task.createdAt.getTime(), to.getTime()) - 7 * DAY_MS);
    return { from, to };
  }

  function periodsIn(task: TaskRow, fromKey?: string, toKey?: string): Period[] {
    const rule = task.dueRule as DueRule;
    const d = defaultRange(task);
    const from = fromKey ? localToUtc(fromKey, '00:00') : d.from;
    const to = toKey ? new Date(localToUtc(toKey, '23:59').getTime() + 59_999) : d.to;
    return periodsBetween(rule, from, to).slice(-MAX_PERIODS);
  }

  async function submitterFor(actor: Actor, task: TaskRow, unitId: string) {
    await readAccess(actor, task);
    const unit = await findUnitById(db, unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    // A unit's own reporter, or a reporter of an ancestor unit (on behalf); anyone else: 404/403.
    const a = authorize(actor, 'report.submit', { unitPath: unit.path }, 'report.read');
    if (!(await repo.isAssignee(db, task.id, unit.id))) throw new AppError('TASK_NOT_ASSIGNED', { unit: unit.name });
    return { a, unit };
  }

  return {
    /** Creates a task with its assignees and report form; inside the caller's transaction when `opts.tx` is given (an import's confirmation). */
    async createTask(actor: Actor, input: CreateTaskInput, opts: InTx = {}) {
      const issuer = await findUnitById(opts.tx ?? db, input.issuerUnitId);
      if (!issuer) throw new AppError('UNKNOWN_UNIT', { unit: input.issuerUnitId });
      const a = authorize(actor, 'task.write', { unitPath: issuer.path }, 'task.read');
      const rule: DueRule = input.dueRule;
      const at = localDateKey(ruleBounds(rule).first ?? clock.now());
      const assignees = await expandAssignees(a, input.assignees, at, opts);
      if (assignees.length === 0) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.assignees', message: 'không có đơn vị nào được giao (kiểm tra nhóm, quy tắc tại ngày bắt đầu)' }]);
      const form = input.reportForm ? formFromInput(input.reportForm) : null;
      return inTx(db, opts, async (tx) => {
        const task = await repo.insertTask(tx, {
          issuerUnitId: issuer.id,
          directiveId: input.directiveId ?? null,
          sourceRef: input.sourceRef ?? null,
          section: input.section ?? null,
          title: input.title,
          description: input.description ?? null,
          dueRule: rule,
          reminderLeadMinutes: input.reminderLeadMinutes,
          createdBy: a.userId,
        });
        await repo.insertAssignees(tx, task.id, assignees);
        if (form) await repo.upsertReportForm(tx, { taskId: task.id, directiveId: task.directiveId, name: form.name, indicators: form.indicators });
        await recordAudit(tx, a, {
          action: 'task.create',
          entity: 'task',
          entityId: task.id,
          unitId: issuer.id,
          after: { ...presentTask(task), assignees: assignees.length, reportForm: form?.name ?? null },
        });
        return { task: presentTask(task), assignees: assignees.length };
      });
    },

    async listTasks(actor: Actor, limit: number) {
      const a = authorize(actor, 'task.read', { unitPath: actor.unitPath });
      const rows = await repo.listTasksVisibleUnder(db, hasGlobalScope(a) ? null : await readRootOf(a), limit);
      return rows.map(presentTask);
    },

    async getTask(actor: Actor, id: string) {
      const task = await loadTask(id);
      const { scope } = await readAccess(actor, task);
      const assignees = await repo.findAssignees(db, task.id, scope);
      const rule = task.dueRule as DueRule;
      const now = clock.now();
      const current = periodFor(rule, now);
      const previous = lastClosedPeriod(rule, now);
      const next = current ? null : nextOpening(rule, now);
      return {
        task: presentTask(task),
        reportForm: formOf(await repo.findReportForm(db, task.id)),
        assignees: assignees.map(unitRef),
        /** The period open now (reports are on time until its deadline), or null. */
        currentPeriod: current ? periodRef(current) : null,
        /** The last period whose deadline has passed: a report for it is late. */
        previousPeriod: previous ? periodRef(previous) : null,
        /** When no period is open because the rule starts later: when the first one opens. */
        nextOpening: next ? { opensAt: next.opensAt.toISOString(), text: deadlineText(next.opensAt), period: periodRef(next.period) } : null,
      };
    },

    async setReportForm(actor: Actor, taskId: string, input: ReportFormInput) {
      const task = await loadTask(taskId);
      const issuer = await loadUnit(task.issuerUnitId);
      const a = authorize(actor, 'task.write', { unitPath: issuer.path }, 'task.read');
      const form = formFromInput(input);
      return db.transaction(async (tx) => {
        const before = formOf(await repo.findReportForm(tx, task.id));
        await repo.upsertReportForm(tx, { taskId: task.id, directiveId: task.directiveId, name: form.name, indicators: form.indicators });
        await recordAudit(tx, a, { action: 'task.report-form.update', entity: 'task', entityId: task.id, unitId: issuer.id, before, after: form });
        return form;
      });
    },

    /** Assignees × occurrences: each cell chưa thực hiện / đang thực hiện / hoàn thành / quá hạn. */
    async matrix(actor: Actor, taskId: string, range: { from?: string | undefined; to?: string | undefined }) {
      const task = await loadTask(taskId);
      const { scope } = await readAccess(actor, task);
      const rule = task.dueRule as DueRule;
      const d = defaultRange(task);
      const periods = periodsBetween(rule, range.from ? new Date(range.from) : d.from, range.to ? new Date(range.to) : d.to).slice(-MAX_PERIODS);
      const keys = periods.map((p) => p.key);
      const [assignees, submissions, progress] = await Promise.all([
        repo.findAssignees(db, task.id, scope),
        repo.findSubmissions(db, task.id, keys),
        repo.findProgress(db, task.id, keys),
      ]);
      const sub = new Map(submissions.map((s) => [`${s.unitId}|${s.period}`, s]));
      const prog = new Map(progress.map((p) => [`${p.unitId}|${p.period}`, p]));
      const now = clock.now();
      return {
        periods: periods.map(periodRef),
        rows: assignees.map((u) => ({
          unit: unitRef(u),
          cells: periods.map((p) => {
            const s = sub.get(`${u.id}|${p.key}`);
            const g = prog.get(`${u.id}|${p.key}`);
            let status: CellStatus;
            let late = false;
            if (s) {
              status = 'done';
              late = s.late;
            } else if (g?.status === 'done') {
              status = 'done';
              late = g.completedAt !== null && isLate(p.deadline, g.completedAt);
            } else if (isLate(p.deadline, now)) status = 'overdue';
            else status = g?.status === 'in_progress' ? 'in_progress' : 'not_started';
            return { period: p.key, status, label: TASK_STATUS_LABELS[status], late };
          }),
        })),
      };
    },

    async updateProgress(actor: Actor, taskId: string, unitId: string, period: string, input: ProgressInput) {
      const task = await loadTask(taskId);
      const { a, unit } = await submitterFor(actor, task, unitId);
      const p = periodByKey(task.dueRule as DueRule, period);
      if (!p) throw new AppError('REPORT_PERIOD_INVALID', { period: dayMonthYear(period) });
      const now = clock.now();
      return db.transaction(async (tx) => {
        const before = await repo.findProgressOne(tx, task.id, unit.id, p.key);
        const saved = await repo.upsertProgress(tx, {
          taskId: task.id,
          unitId: unit.id,
          period: p.key,
          status: input.status,
          evidence: { text: input.evidence.text ?? null, links: input.evidence.links },
          updatedBy: a.userId,
          completedAt: input.status === 'done' ? (before?.completedAt ?? now) : null,
          updatedAt: now,
        });
        const view = { status: saved.status, evidence: saved.evidence, completedAt: saved.completedAt?.toISOString() ?? null };
        await recordAudit(tx, a, {
          action: 'task.progress.update',
          entity: 'task',
          entityId: task.id,
          unitId: unit.id,
          before: before ? { status: before.status, evidence: before.evidence } : null,
          after: { period: p.key, ...view, onBehalfOf: a.unitId === unit.id ? null : unit.id },
        });
        return { unitId: unit.id, period: p.key, ...view };
      });
    },

    async addComment(actor: Actor, taskId: string, input: CommentInput) {
      const task = await loadTask(taskId);
      const { actor: a, scope } = await readAccess(actor, task);
      if (input.unitId) {
        const unit = await findUnitById(db, input.unitId);
        if (!unit || !(await repo.isAssignee(db, task.id, unit.id))) throw new AppError('TASK_NOT_ASSIGNED', { unit: input.unitId });
        if (scope && !isWithin(unit.path, scope)) throw new AppError('NOT_FOUND');
      }
      return db.transaction(async (tx) => {
        const c = await repo.insertComment(tx, { taskId: task.id, unitId: input.unitId ?? null, authorId: a.userId, authorName: a.displayName, body: input.body });
        await recordAudit(tx, a, { action: 'task.comment', entity: 'task', entityId: task.id, unitId: input.unitId ?? task.issuerUnitId, after: presentComment(c) });
        return presentComment(c);
      });
    },

    async listComments(actor: Actor, taskId: string) {
      const task = await loadTask(taskId);
      const { scope } = await readAccess(actor, task);
      const unitIds = scope ? (await repo.findAssignees(db, task.id, scope)).map((u) => u.id) : null;
      return (await repo.listComments(db, task.id, unitIds)).map(presentComment);
    },

    /**
     * Submits (or, before the deadline, replaces) a unit's report for a period. With an
     * Idempotency-Key, a retry returns the recorded submission and changes nothing, even when the
     * two requests race. A parent unit's reporter may submit for a child (recorded and audited).
     */
    async submitReport(actor: Actor, taskId: string, input: SubmitInput, idempotencyKey?: string): Promise<{ submission: SubmissionView; replayed: boolean }> {
      const task = await loadTask(taskId);
      const a0 = actor;
      const { a, unit } = await submitterFor(a0, task, input.unitId ?? a0.unitId);
      const form = formOf(await repo.findReportForm(db, task.id));
      if (!form) throw new AppError('TASK_HAS_NO_FORM');
      const rule = task.dueRule as DueRule;
      const now = clock.now();
      const period = input.period ? periodByKey(rule, input.period) : periodFor(rule, now);
      if (!period) throw input.period ? new AppError('REPORT_PERIOD_INVALID', { period: dayMonthYear(input.period) }) : new AppError('REPORT_NO_OPEN_PERIOD');
      const hash = requestHash({ taskId: task.id, unitId: unit.id, period: period.key, values: sortedObject(input.values) });

      const replay = async (): Promise<{ submission: SubmissionView; replayed: boolean } | null> => {
        if (!idempotencyKey) return null;
        const key = await repo.findIdempotencyKey(db, unit.id, idempotencyKey);
        if (!key) return null;
        if (key.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
        const s = key.submissionId ? await repo.findSubmissionById(db, key.submissionId) : undefined;
        if (!s) throw new AppError('CONFLICT');
        return { submission: presentSubmission(s), replayed: true };
      };
      const earlier = await replay();
      if (earlier) return earlier;

      const { values, rows } = validateValues(form.indicators, input.values);
      const onBehalfUnitId = a.unitId === unit.id ? null : a.unitId;
      const saved = await db.transaction(async (tx) => {
        if (idempotencyKey && !(await repo.claimIdempotencyKey(tx, unit.id, idempotencyKey, hash))) return null; // a concurrent twin won
        const before = await repo.findSubmission(tx, task.id, unit.id, period.key);
        const up = await repo.upsertSubmission(tx, {
          taskId: task.id,
          unitId: unit.id,
          period: period.key,
          deadline: period.deadline,
          values,
          late: isLate(period.deadline, now),
          submittedBy: a.userId,
          onBehalfUnitId,
          submittedAt: now,
        });
        if (!up) throw new AppError('REPORT_LOCKED', { period: periodName(rule, period.key), deadline: `hạn ${deadlineText(period.deadline)}` });
        const s = up.row;
        await repo.replaceValues(tx, s, rows);
        await repo.insertRevision(tx, { submissionId: s.id, revision: s.revision, values, late: s.late, submittedBy: a.userId, onBehalfUnitId, at: now });
        if (idempotencyKey) await repo.recordIdempotencyResult(tx, unit.id, idempotencyKey, s.id, s.revision);
        await recordAudit(tx, a, {
          action: up.inserted ? 'report.submit' : 'report.update',
          entity: 'report_submission',
          entityId: s.id,
          unitId: unit.id,
          before: before ? { revision: before.revision, values: before.values } : null,
          after: { taskId: task.id, period: s.period, revision: s.revision, late: s.late, values, onBehalfOfUnitId: onBehalfUnitId ? unit.id : null, submittedByUnitId: a.unitId },
        });
        return s;
      });
      if (saved) return { submission: presentSubmission(saved), replayed: false };
      const twin = await replay();
      if (!twin) throw new AppError('CONFLICT');
      return twin;
    },

    async getSubmission(actor: Actor, taskId: string, unitId: string, period: string) {
      const task = await loadTask(taskId);
      const { actor: a, scope } = await readAccess(actor, task);
      const unit = await loadUnit(unitId);
      // The task's readers see the reports of the units they see (the whole task, or their scope).
      if (!can(a, 'report.read', { unitPath: a.unitPath }) || (scope !== null && !isWithin(unit.path, scope))) throw new AppError('NOT_FOUND');
      const s = await repo.findSubmission(db, task.id, unit.id, period);
      if (!s) throw new AppError('NOT_FOUND');
      const revisions = await repo.listRevisions(db, s.id);
      return {
        submission: presentSubmission(s),
        revisions: revisions.map((r) => ({ revision: r.revision, values: r.values as Record<string, StoredValue>, late: r.late, submittedBy: r.submittedBy, onBehalfUnitId: r.onBehalfUnitId, at: r.at.toISOString() })),
      };
    },

    /**
     * Totals per period over a unit's subtree (default: the deepest unit above every assignee the
     * actor may see), one row per direct child unit, coverage, and late/missing units by name for the
     * last period. One GROUP BY over the units path does the aggregation. With tree=today, a task
     * whose tree is out of force shows one row per successor in today's tree instead, each old
     * unit's figures summed into it and the row marked with the units it was formed from.
     */
    async rollup(actor: Actor, taskId: string, q: RollupQueryInput) {
      const task = await loadTask(taskId);
      const { actor: a, scope } = await readAccess(actor, task);
      let rootId = q.unitId;
      if (!rootId) {
        const paths = (await repo.findAssignees(db, task.id, scope)).map((u) => u.path);
        // A limited reader's own area is the fallback root (the last segment of its scope path).
        const fallback = scope?.split('.').at(-1) ?? a.unitId;
        rootId = commonAncestorId(paths) ?? fallback;
        if (scope && rootId !== fallback && !isWithin((await loadUnit(rootId)).path, scope)) rootId = fallback;
      }
      const root = await loadUnit(rootId);
      // Readers on the issuer's side see their whole task wherever its assignees sit (a district
      // office asks the district's communes to report); other readers only inside their scope.
      if (scope !== null && !(isWithin(root.path, scope) && can(a, 'report.read', { unitPath: a.unitPath }))) throw new AppError('NOT_FOUND');
      const form = formOf(await repo.findReportForm(db, task.id));
      if (!form) throw new AppError('TASK_HAS_NO_FORM');
      const periods = periodsIn(task, q.from, q.to);
      const keys = periods.map((p) => p.key);
      // The task's tree is out of force today (a 2021 task in the 2025 tree): the roll-up may be
      // shown in today's tree on request (tree=today), each old unit summed into its successor.
      const outOfForce = !inForceAt(root, localDateKey(clock.now()));
      const today = q.tree === 'today' && outOfForce;
      const base = { taskId: task.id, rootPath: root.path, rootDepth: root.depth, perUnit: today };
      const latestIndicators = form.indicators.filter((i) => i.aggregation === 'latest').map((i) => i.key);
      const focusPeriod = periods.at(-1);
      const [figures, expected, focus] = await Promise.all([
        repo.rollupFigures(db, { ...base, periods: keys, latestIndicators }),
        repo.expectedPerChild(db, base),
        focusPeriod ? repo.lateAndMissing(db, { taskId: task.id, rootPath: root.path, period: focusPeriod.key, limit: 2000 }) : null,
      ]);
      const grouped = [...new Set([...expected.map((e) => e.child), ...figures.map((f) => f.child)])];
      const { rowsOf: groupOf, rows: groups, unit: shownRoot } = today ? await todayGroups(root, grouped) : taskGroups(root, grouped);
      const names = new Map((await repo.findUnitBriefs(db, groups.map((g) => g.targetId))).map((u) => [u.id, u]));
      const children = groups
        .map((g) => ({ u: names.get(g.targetId), formedFrom: g.formedFrom }))
        .filter((g): g is { u: UnitBrief; formedFrom: MappedUnit[] } => Boolean(g.u))
        .sort(({ u: x }, { u: y }) => (x.code ?? '\uffff').localeCompare(y.code ?? '\uffff') || x.name.localeCompare(y.name, 'vi'));
      const expectedBy = new Map<string, number>();
      for (const e of expected) expectedBy.set(groupOf(e.child), (expectedBy.get(groupOf(e.child)) ?? 0) + e.n);
      // Reports and late reports per row and period come from the marker rows of the same GROUP BY.
      const reportedBy = new Map<string, { reported: number; late: number }>();
      const accBy = new Map<string, Acc>();
      for (const f of figures) {
        const g = groupOf(f.child);
        if (f.indicator === repo.SUBMITTED_MARKER) {
          const r = reportedBy.get(`${g}|${f.period}`);
          reportedBy.set(`${g}|${f.period}`, { reported: (r?.reported ?? 0) + f.n, late: (r?.late ?? 0) + Math.round(f.sum ?? 0) });
          continue;
        }
        const k = `${g}|${f.period}|${f.indicator}`;
        accBy.set(k, merge(accBy.get(k), { sum: f.sum ?? 0, n: f.n, max: f.max, latest: f.latest ?? f.latestTxt, latestAt: f.latestAt }));
      }
      return {
        unit: unitRef(shownRoot),
        tree: { mode: today ? ('today' as const) : ('task' as const), outOfForce, taskUnit: unitRef(root) },
        indicators: form.indicators,
        periods: periods.map((p) => {
          const totals = new Map<string, Acc>();
          const cov = { expected: 0, reported: 0, late: 0 };
          const rows = children.map(({ u, formedFrom }) => {
            const k = u.id;
            const r = reportedBy.get(`${k}|${p.key}`);
            const row = {
              unit: unitRef(u),
              mapped: formedFrom.length > 0,
              formedFrom: formedFrom.map(unitRef),
              figures: [] as { indicator: string; value: number | string | null; reported: number }[],
              expected: expectedBy.get(k) ?? 0,
              reported: r?.reported ?? 0,
              late: r?.late ?? 0,
            };
            cov.expected += row.expected;
            cov.reported += row.reported;
            cov.late += row.late;
            for (const ind of form.indicators) {
              const acc = accBy.get(`${k}|${p.key}|${ind.key}`);
              if (acc) totals.set(ind.key, merge(totals.get(ind.key), acc));
              row.figures.push({ indicator: ind.key, value: figureValue(ind, acc), reported: acc?.n ?? 0 });
            }
            return row;
          });
          return {
            ...periodRef(p),
            totals: form.indicators.map((ind) => ({ indicator: ind.key, value: figureValue(ind, totals.get(ind.key)), reported: totals.get(ind.key)?.n ?? 0 })),
            coverage: cov,
            rows,
          };
        }),
        focus: focusPeriod && focus ? { period: focusPeriod.key, lateUnits: focus.late.map(unitRef), missingUnits: focus.missing.map(unitRef) } : null,
      };
    },

    /** The roll-up of one period (default: the current or last one) as CSV, XLSX, or the upward report as DOCX or PDF. */
    async exportRollup(actor: Actor, taskId: string, q: { unitId?: string | undefined; period?: string | undefined }, format: 'csv' | 'xlsx' | 'docx' | 'pdf') {
      const view = await this.rollup(actor, taskId, { unitId: q.unitId, from: q.period, to: q.period });
      const period = view.periods.at(-1);
      if (!period || (q.period && period.key !== q.period)) throw new AppError('REPORT_PERIOD_INVALID', { period: q.period ? dayMonthYear(q.period) : '' });
      const task = await loadTask(taskId);
      const issuer = await loadUnit(task.issuerUnitId);
      const rule = task.dueRule as DueRule;
      const deadline = new Date(period.deadline);
      const input: ExportInput = {
        taskTitle: task.title,
        sourceRef: task.sourceRef,
        unitName: view.unit.name,
        issuerName: issuer.name,
        indicators: view.indicators,
        period,
        lateUnits: view.focus?.lateUnits ?? [],
        missingUnits: view.focus?.missingUnits ?? [],
        generatedAt: clock.now(),
        deadlineText: shortDeadlineText(deadline),
        letterhead: await letterhead(actor, issuer, periodName(rule, period.key)),
      };
      const name = `tong-hop-${period.key}`;
      switch (format) {
        case 'csv':
          return { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(input) };
        case 'xlsx':
          return { filename: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await toXlsx(input) };
        case 'docx':
          return { filename: `bao-cao-${period.key}.docx`, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: await toDocx(input) };
        case 'pdf':
          return { filename: `bao-cao-${period.key}.pdf`, contentType: 'application/pdf', body: await toPdf(input) };
      }
    },

    /**
     * What waits for the actor in periodic reports (the start page). For a unit that reports: each
     * assigned task's open period not yet reported (with its deadline), and its latest missed
     * period of the last weeks. For a unit that assigns tasks: each task whose latest deadline has
     * passed with assignees still silent.
     */
    async listReportWork(actor: Actor) {
      const now = clock.now();
      const since = new Date(now.getTime() - LATE_LOOKBACK_DAYS * DAY_MS);
      const passed = (task: TaskRow) => periodsBetween(task.dueRule as DueRule, since, now).filter((p) => p.deadline < now);
      const due: { task: TaskView; period: PeriodRef }[] = [];
      const late: { task: TaskView; period: PeriodRef; missed: number }[] = [];
      const silent: { task: TaskView; period: PeriodRef; missing: number; expected: number }[] = [];
      if (can(actor, 'report.submit', { unitPath: actor.unitPath })) {
        for (const task of await repo.listActiveTasksAssignedTo(db, actor.unitId)) {
          const current = periodFor(task.dueRule as DueRule, now);
          const past = passed(task);
          const reported = await repo.findReportedPeriods(db, task.id, actor.unitId, [...past.map((p) => p.key), ...(current ? [current.key] : [])]);
          if (current && !reported.has(current.key)) due.push({ task: presentTask(task), period: periodRef(current) });
          const missed = past.filter((p) => !reported.has(p.key));
          const last = missed.at(-1);
          if (last) late.push({ task: presentTask(task), period: periodRef(last), missed: missed.length });
        }
      }
      if (can(actor, 'task.write', { unitPath: actor.unitPath })) {
        for (const task of await repo.listActiveTasksIssuedUnder(db, actor.unitPath)) {
          const last = passed(task).at(-1);
          if (!last) continue;
          const { missing, expected } = await repo.countMissingReports(db, task.id, last.key);
          if (missing > 0) silent.push({ task: presentTask(task), period: periodRef(last), missing, expected });
        }
      }
      return { due, late, silent };
    },

    async listNotifications(actor: Actor, limit: number) {
      const a = authorize(actor, 'task.read', { unitPath: actor.unitPath });
      return (await repo.listNotifications(db, a.unitId, limit)).map((n) => ({
        id: n.id,
        taskId: n.taskId,
        aboutUnitId: n.aboutUnitId,
        period: n.period,
        kind: n.kind,
        message: n.message,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      }));
    },
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
export type RollupView = Awaited<ReturnType<TasksService['rollup']>>;
