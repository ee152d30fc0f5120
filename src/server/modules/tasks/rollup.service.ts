/** The roll-up of a task's reports (in the task's tree or today's) and its exports; the arithmetic is in rollup-math.ts. */
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import './tasks.errors.ts';
import { can, hasGlobalScope, isWithin } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import type { ChannelFigures } from '../broadcasts/index.ts';
import { inForceAt } from '../units/index.ts';
import type { UnitLookup, UnitRecord as UnitRow } from '../units/index.ts';
import { dayMonthYear, localDateKey, periodName, shortDeadlineText } from './recurrence.ts';
import type { DueRule } from './recurrence.ts';
import { letterheadFor } from './report-letterhead.ts';
import { toCsv, toDocx, toPdf, toXlsx } from './rollup-export.ts';
import type { ExportInput } from './rollup-export.ts';
import { NO_MEASURE, measuredByPeriod } from './rollup-channels.ts';
import { commonAncestorId, rollupPeriods } from './rollup-math.ts';
import { mapToToday } from './rollup-today.ts';
import type { MappedUnit } from './rollup-today.ts';
import type { TaskAccess } from './tasks.access.ts';
import { formOf, periodRef, unitRef } from './tasks.present.ts';
import * as repo from './tasks.repository.ts';
import * as rollupRepo from './rollup.repository.ts';
import * as submissionsRepo from './submissions.repository.ts';
import type { UnitBrief } from './tasks.repository.ts';
import type { RollupQueryInput } from './tasks.schemas.ts';

export function createRollupService(deps: { db: Db; clock: Clock; units: UnitLookup; channels: ChannelFigures }, access: TaskAccess) {
  const { db, clock } = deps;
  const { loadTask, loadUnit, readAccess, periodsIn } = access;

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
    const found = await deps.units.byIds(unitIds);
    const old = new Set(found.filter((u) => !inForceAt(u, day)).map((u) => u.id));
    const { targetOf, groups } = mapToToday(found, old, await deps.units.successorsOf([...old]));
    const targets = await deps.units.byIds(groups.map((g) => g.targetId));
    const shownId = commonAncestorId(targets.map((u) => u.path));
    return { rowsOf: (c: string) => targetOf.get(c) ?? c, rows: groups, unit: shownId ? await loadUnit(shownId) : root };
  }

  /** Units of a path, root first (the unit itself last). */
  async function chainOf(unit: UnitRow): Promise<UnitRow[]> {
    const ids = unit.path.split('.');
    const byId = new Map((await deps.units.byIds(ids)).map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id)).filter((u): u is UnitRow => Boolean(u));
  }

  /**
   * The upward report's letterhead: sent by the actor's unit (the issuing unit for an administrator
   * outside the tree) to the body that asked for the figures, signed by the sender's leader.
   */
  async function letterhead(actor: Actor, asker: UnitRow, name: string) {
    const own = hasGlobalScope(actor) ? undefined : await deps.units.byId(actor.unitId);
    const sender = own ?? asker;
    const leader = await repo.findUnitLeader(db, sender.id);
    return letterheadFor({
      sender: await chainOf(sender),
      asker: await chainOf(asker),
      leaderName: leader?.displayName ?? null,
      date: localDateKey(clock.now()),
      periodName: name,
    });
  }

  const service = {
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
        rollupRepo.rollupFigures(db, { ...base, periods: keys, latestIndicators }),
        rollupRepo.expectedPerChild(db, base),
        focusPeriod ? rollupRepo.lateAndMissing(db, { taskId: task.id, rootPath: root.path, period: focusPeriod.key, limit: 2000 }) : null,
      ]);
      const grouped = [...new Set([...expected.map((e) => e.child), ...figures.map((f) => f.child)])];
      const { rowsOf: groupOf, rows: groups, unit: shownRoot } = today ? await todayGroups(root, grouped) : taskGroups(root, grouped);
      const names = new Map(
        (
          await repo.findUnitBriefs(
            db,
            groups.map((g) => g.targetId),
          )
        ).map((u) => [u.id, u]),
      );
      const children = groups
        .map((g) => ({ u: names.get(g.targetId), formedFrom: g.formedFrom }))
        .filter((g): g is { u: UnitBrief; formedFrom: MappedUnit[] } => Boolean(g.u))
        .sort(({ u: x }, { u: y }) => (x.code ?? '\uffff').localeCompare(y.code ?? '\uffff') || x.name.localeCompare(y.name, 'vi'));
      // The measured channel (SMS the system sent to the subscribers of each row's units), per period
      // window [previous deadline, deadline). In today's tree per unit, under the task's root and today's.
      const channelFigures = await deps.channels.byPeriod({
        rootPath: root.path,
        rootDepth: root.depth,
        perUnit: today,
        alsoUnder: shownRoot.path === root.path ? [] : [shownRoot.path],
        windows: periods.map((p) => ({ period: p.key, from: p.start, to: p.deadline })),
      });
      const measured = measuredByPeriod(
        channelFigures,
        keys,
        children.map((c) => c.u.id),
        groupOf,
      );
      return {
        unit: unitRef(shownRoot),
        tree: { mode: today ? ('today' as const) : ('task' as const), outOfForce, taskUnit: unitRef(root) },
        indicators: form.indicators,
        periods: rollupPeriods({
          indicators: form.indicators,
          periods,
          rows: children,
          expected,
          figures,
          marker: submissionsRepo.SUBMITTED_MARKER,
          rowOf: groupOf,
          ref: unitRef,
        }).map(({ period, rows, ...rest }) => {
          const m = measured.get(period.key);
          return {
            ...periodRef(period),
            ...rest,
            measured: m?.total ?? NO_MEASURE,
            measuredOutside: m?.outside ?? NO_MEASURE,
            rows: rows.map((r) => ({ ...r, measured: m?.rows.get(r.unit.id) ?? NO_MEASURE })),
          };
        }),
        focus: focusPeriod && focus ? { period: focusPeriod.key, lateUnits: focus.late.map(unitRef), missingUnits: focus.missing.map(unitRef) } : null,
      };
    },

    /** The roll-up of one period (default: the current or last one) as CSV, XLSX, or the upward report as DOCX or PDF. */
    async exportRollup(actor: Actor, taskId: string, q: { unitId?: string | undefined; period?: string | undefined }, format: 'csv' | 'xlsx' | 'docx' | 'pdf') {
      const view = await service.rollup(actor, taskId, { unitId: q.unitId, from: q.period, to: q.period });
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
  };
  return service;
}

export type RollupView = Awaited<ReturnType<ReturnType<typeof createRollupService>['rollup']>>;
