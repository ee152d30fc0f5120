/**
 * Tasks: creating them (with assignees from units, groups and rules, and a report form), reading
 * them (deny by default, see tasks.access.ts), the assignees × periods matrix, the start page's
 * report work and notifications. Submissions and the roll-up are their own files; this service
 * puts the three together.
 */
import type { Db } from '../../db/client.ts';
import { inTx } from '../../db/unit-of-work.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import './tasks.errors.ts';
import { authorize, can, hasGlobalScope } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { ChannelFigures } from '../broadcasts/index.ts';
import type { DeviceFigures } from '../devices/index.ts';
import { expandRule } from '../units/index.ts';
import type { UnitLookup } from '../units/index.ts';
import type { GroupsService } from '../units/index.ts';
import { deadlineText, isLate, lastClosedPeriod, localDateKey, nextOpening, periodFor, periodsBetween, ruleBounds } from './recurrence.ts';
import type { DueRule } from './recurrence.ts';
import { createPrefillService } from './report-prefill.ts';
import { createRollupService } from './rollup.service.ts';
import { createSubmissionsService } from './submissions.service.ts';
import { DAY_MS, MAX_PERIODS, createTaskAccess } from './tasks.access.ts';
import { formFromInput, formOf, periodRef, presentTask, unitRef } from './tasks.present.ts';
import type { PeriodRef, TaskView } from './tasks.present.ts';
import * as repo from './tasks.repository.ts';
import * as submissionsRepo from './submissions.repository.ts';
import type { TaskRow } from './tasks.repository.ts';
import { TASK_STATUS_LABELS } from './tasks.schemas.ts';
import type { CellStatus, CreateTaskInput, ReportFormInput } from './tasks.schemas.ts';

export { MAX_PERIODS } from './tasks.access.ts';
export { presentSubmission, presentTask } from './tasks.present.ts';
export type { SubmissionView } from './tasks.present.ts';
export type { RollupView } from './rollup.service.ts';

/** How far back the start page looks for periods a unit has missed. */
const LATE_LOOKBACK_DAYS = 35;

export function createTasksService(deps: { db: Db; clock: Clock; groups: GroupsService; units: UnitLookup; channels: ChannelFigures; deviceFigures: DeviceFigures }) {
  const { db, clock } = deps;
  const access = createTaskAccess(deps);
  const { prefillFor, readPrefill } = createPrefillService(deps, access);
  const { loadTask, loadUnit, readRootOf, readAccess, defaultRange } = access;

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

  return {
    /** Creates a task with its assignees and report form; inside the caller's transaction when `opts.tx` is given (an import's confirmation). */
    async createTask(actor: Actor, input: CreateTaskInput, opts: InTx = {}) {
      const issuer = await deps.units.byId(input.issuerUnitId, opts);
      if (!issuer) throw new AppError('UNKNOWN_UNIT', { unit: input.issuerUnitId });
      const a = authorize(actor, 'task.write', { unitPath: issuer.path }, 'task.read');
      const rule: DueRule = input.dueRule;
      const at = localDateKey(ruleBounds(rule).first ?? clock.now());
      const assignees = await expandAssignees(a, input.assignees, at, opts);
      if (assignees.length === 0)
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.assignees', message: 'không có đơn vị nào được giao (kiểm tra nhóm, quy tắc tại ngày bắt đầu)' }]);
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
        submissionsRepo.findSubmissions(db, task.id, keys),
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
    readPrefill,
    ...createSubmissionsService({ ...deps, prefillFor }, access),
    ...createRollupService(deps, access),
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
