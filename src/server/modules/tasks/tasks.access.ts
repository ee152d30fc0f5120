/**
 * Who sees what of a task (deny by default), and the lookups every task use case starts with:
 * the task, a unit, the reader's read root and scope, the periods shown, and who may submit for a unit.
 */
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import './tasks.errors.ts';
import { authorize, can, isWithin } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import type { UnitLookup, UnitRecord as UnitRow } from '../units/index.ts';
import { localToUtc, periodFor, periodsBetween, ruleBounds } from './recurrence.ts';
import type { DueRule, Period } from './recurrence.ts';
import * as repo from './tasks.repository.ts';
import type { TaskRow } from './tasks.repository.ts';

export const DAY_MS = 86_400_000;
/** Periods shown at most in a matrix or a roll-up (a weekly rule over two years). */
export const MAX_PERIODS = 120;

export function createTaskAccess(deps: { db: Db; clock: Clock; units: UnitLookup }) {
  const { db, clock } = deps;

  async function loadTask(id: string): Promise<TaskRow> {
    const task = await repo.findTaskById(db, id);
    if (!task) throw new AppError('NOT_FOUND');
    return task;
  }

  async function loadUnit(id: string): Promise<UnitRow> {
    const unit = await deps.units.byId(id);
    if (!unit) throw new AppError('NOT_FOUND');
    return unit;
  }

  /**
   * The subtree whose tasks a reader sees: its own unit's, or, for an office that acts for an
   * administrative area (the province's Sở, a district's Phòng, a UBND), the whole area: the
   * province office follows every task issued or assigned inside the province.
   */
  async function readRootOf(a: Actor): Promise<string> {
    return (await deps.units.areaPathOf(a.unitId)) ?? a.unitPath;
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
    const unit = await deps.units.byId(unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    // A unit's own reporter, or a reporter of an ancestor unit (on behalf); anyone else: 404/403.
    const a = authorize(actor, 'report.submit', { unitPath: unit.path }, 'report.read');
    if (!(await repo.isAssignee(db, task.id, unit.id))) throw new AppError('TASK_NOT_ASSIGNED', { unit: unit.name });
    return { a, unit };
  }

  return { loadTask, loadUnit, readRootOf, readAccess, defaultRange, periodsIn, submitterFor };
}

export type TaskAccess = ReturnType<typeof createTaskAccess>;
