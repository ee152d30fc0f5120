/**
 * The loop of issue #13 point 7: a report form like seed 002's is pre-filled from what the unit's
 * loudspeakers and LED boards played in the period — [previous deadline, this deadline), as the SMS
 * channel of the roll-up — marked "từ nhật ký phát"; the commune confirms or corrects, and a value
 * that differs from the prefill is audited as a correction. The mapping and the comparison are pure.
 */
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import './tasks.errors.ts';
import { can, isWithin } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import type { DeviceFigureRow, DeviceFigures } from '../devices/index.ts';
import type { DeviceKind } from '../../../shared/contracts/devices.ts';
import { PREFILL_SOURCE_LABEL } from '../../../shared/contracts/tasks.ts';
import type { Channel, Indicator, ReportPrefillView } from '../../../shared/contracts/tasks.ts';
import { dayMonthYear, periodByKey } from './recurrence.ts';
import type { DueRule } from './recurrence.ts';
import type { StoredValue } from './report-form.ts';
import type { UnitRecord } from '../units/index.ts';
import type { TaskAccess } from './tasks.access.ts';
import { formOf } from './tasks.present.ts';
import * as repo from './tasks.repository.ts';
import type { TaskRow } from './tasks.repository.ts';

type Figure = 'items' | 'minutes' | 'plays' | 'listeners';

/** Which play-log figure fills which indicator: seed 002's keys (formFromParsed gives the same ones). */
const FIGURE_OF: Readonly<Record<string, Figure>> = { so_tin_bai: 'items', do_dai_tin_bai: 'minutes', so_luot_phat_song: 'plays', uoc_so_nguoi_nghe: 'listeners' };

/** The report channel a device kind's figures go to, for indicators broken down by channel. */
const CHANNEL_OF_KIND: Readonly<Record<DeviceKind, Channel>> = { loudspeaker_cluster: 'loudspeaker', led_board: 'led_board' };

/** Prefilled values: a number, or per channel with their total (as a submission stores them). */
export type PrefillValues = Record<string, number | { total: number; channels: Partial<Record<Channel, number>> }>;

/**
 * The values a unit's play logs give its form, from its figure rows of one period (all of its
 * groups): only the numeric indicators with a known key, only when something played.
 */
export function prefillFromFigures(indicators: readonly Indicator[], rows: readonly DeviceFigureRow[]): PrefillValues {
  const all = rows.filter((r) => r.kind === null);
  if (!all.some((r) => r.plays > 0 || r.minutes > 0)) return {};
  const sum = (rs: readonly DeviceFigureRow[], f: Figure) => Math.round(rs.reduce((n, r) => n + r[f], 0) * 100) / 100;
  const out: PrefillValues = {};
  for (const ind of indicators) {
    const figure = FIGURE_OF[ind.key];
    if (!figure) continue;
    if (!ind.byChannel) {
      out[ind.key] = sum(all, figure);
      continue;
    }
    const channels: Partial<Record<Channel, number>> = {};
    for (const [k, ch] of Object.entries(CHANNEL_OF_KIND) as [DeviceKind, Channel][]) {
      const v = sum(
        rows.filter((r) => r.kind === k),
        figure,
      );
      if (v > 0) channels[ch] = v;
    }
    out[ind.key] = { total: Object.values(channels).reduce((n, v) => n + v, 0), channels };
  }
  return out;
}

export interface Correction {
  indicator: string;
  /** The channel corrected ('' for a value without channels). */
  channel: string;
  prefill: number;
  submitted: number | null;
}

/** Where the submitted values differ from the prefill (channels: only those the prefill has). */
export function correctionsOf(prefill: PrefillValues, values: Readonly<Record<string, StoredValue>>): Correction[] {
  const out: Correction[] = [];
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  for (const [indicator, p] of Object.entries(prefill)) {
    const v = values[indicator];
    if (typeof p === 'number') {
      const submitted = num(typeof v === 'object' && v !== null ? v.total : v);
      if (submitted !== p) out.push({ indicator, channel: '', prefill: p, submitted });
      continue;
    }
    const channels = typeof v === 'object' && v !== null ? v.channels : {};
    for (const [channel, pv] of Object.entries(p.channels)) {
      const submitted = num(channels[channel as Channel]);
      if (submitted !== pv) out.push({ indicator, channel, prefill: pv, submitted });
    }
  }
  return out;
}

/** The prefill of a unit's report for a period; `readPrefill` checks the reader, `prefillFor` is for the submission's own use. */
export function createPrefillService(deps: { db: Db; deviceFigures: DeviceFigures }, access: TaskAccess) {
  const { db } = deps;
  const { loadTask, loadUnit, readAccess } = access;

  async function prefillFor(task: TaskRow, unit: UnitRecord, periodKey: string): Promise<ReportPrefillView> {
    const form = formOf(await repo.findReportForm(db, task.id));
    if (!form) throw new AppError('TASK_HAS_NO_FORM');
    const period = periodByKey(task.dueRule as DueRule, periodKey);
    if (!period) throw new AppError('REPORT_PERIOD_INVALID', { period: dayMonthYear(periodKey) });
    const rows = await deps.deviceFigures.byPeriod({ rootPath: unit.path, rootDepth: unit.depth, windows: [{ period: period.key, from: period.start, to: period.deadline }] });
    return {
      unitId: unit.id,
      period: period.key,
      from: period.start?.toISOString() ?? null,
      to: period.deadline.toISOString(),
      source: 'device_logs',
      label: PREFILL_SOURCE_LABEL,
      values: prefillFromFigures(form.indicators, rows),
    };
  }

  /** GET /api/tasks/:id/prefill/:unitId/:period: for the task's readers who see the unit (as its report). */
  async function readPrefill(actor: Actor, taskId: string, unitId: string, period: string): Promise<ReportPrefillView> {
    const task = await loadTask(taskId);
    const { actor: a, scope } = await readAccess(actor, task);
    const unit = await loadUnit(unitId);
    if (!can(a, 'report.read', { unitPath: a.unitPath }) || (scope !== null && !isWithin(unit.path, scope))) throw new AppError('NOT_FOUND');
    if (!(await repo.isAssignee(db, task.id, unit.id))) throw new AppError('TASK_NOT_ASSIGNED', { unit: unit.name });
    return prefillFor(task, unit, period);
  }

  return { prefillFor, readPrefill };
}
export type PrefillService = ReturnType<typeof createPrefillService>;
