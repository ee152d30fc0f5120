// Typed client for the tasks / periodic-reports API (/api/tasks/*, /api/report-templates).
// The shapes are the shared contract (src/shared/contracts/tasks.ts); every JSON response is checked
// against its schema. Pure module: no React, no DOM access at import time.
import type { z } from 'zod';
import { queryString, requestParsed } from '../../api.ts';
import { MatrixOut, ReportPrefillOut, RollupOut, TaskDetailOut, TaskListOut } from '../../../shared/contracts/tasks.ts';
import type { CellStatus, DueRuleOut, IndicatorOut, PeriodOut, ReportFormOut, RollupQuery as RollupQuerySchema, TaskOut, UnitRefOut } from '../../../shared/contracts/tasks.ts';

export { CELL_STATUSES } from '../../../shared/contracts/tasks.ts';
export type { CellStatus };

export type UnitRef = z.infer<typeof UnitRefOut>;
export type DueRule = z.infer<typeof DueRuleOut>;
/** dueRule is typed unknown by the server; see `asDueRule`. */
export type Task = z.infer<typeof TaskOut>;
/** unit: the unit of measure ("phút", "lượt", "người"), null for text indicators. */
export type Indicator = z.infer<typeof IndicatorOut>;
export type ReportForm = z.infer<typeof ReportFormOut>;
/** label: the period in words, Vietnamese: "Tuần 09/2021 (hạn 16:00 thứ Năm, 25/02/2021)". */
export type PeriodRef = z.infer<typeof PeriodOut>;
export type TaskDetail = z.infer<typeof TaskDetailOut>;
export type Matrix = z.infer<typeof MatrixOut>;
export type MatrixCell = Matrix['rows'][number]['cells'][number];
export type Rollup = z.infer<typeof RollupOut>;
export type RollupPeriod = Rollup['periods'][number];
/** mapped: the figures are those of old units (today's-tree view), summed from formedFrom. */
export type RollupRow = RollupPeriod['rows'][number];
export type Figure = RollupPeriod['totals'][number];
export type Coverage = RollupPeriod['coverage'];
/** The measured channel: SMS the system sent and saw delivered (never part of the reported figures). */
export type Measured = RollupPeriod['measured'];

const enc = encodeURIComponent;

const KNOWN_RULES = new Set(['once', 'daily', 'weekly', 'monthly']);

/** The server types dueRule loosely; accept it only when it has a known kind. */
export function asDueRule(v: unknown): DueRule | null {
  if (!v || typeof v !== 'object') return null;
  const kind = (v as { kind?: unknown }).kind;
  return typeof kind === 'string' && KNOWN_RULES.has(kind) ? (v as DueRule) : null;
}

export async function listTasks(limit = 200): Promise<Task[]> {
  return (await requestParsed(TaskListOut, 'GET', `/api/tasks${queryString({ limit })}`)).items;
}

export function getTask(id: string): Promise<TaskDetail> {
  return requestParsed(TaskDetailOut, 'GET', `/api/tasks/${enc(id)}`);
}

export function getMatrix(id: string, range: { from?: string; to?: string } = {}): Promise<Matrix> {
  return requestParsed(MatrixOut, 'GET', `/api/tasks/${enc(id)}/matrix${queryString(range)}`);
}

/** unitId, from/to period keys (YYYY-MM-DD; default: the periods up to now), tree=today: the old units' figures summed into their successors. */
export type RollupQuery = z.input<typeof RollupQuerySchema>;

export function getRollup(id: string, q: RollupQuery = {}): Promise<Rollup> {
  return requestParsed(RollupOut, 'GET', `/api/tasks/${enc(id)}/rollup${queryString({ unitId: q.unitId, from: q.from, to: q.to, tree: q.tree })}`);
}

export type ExportFormat = 'xlsx' | 'csv' | 'docx' | 'pdf';

/** Same-origin download URL of one period's roll-up (the cookie session authorizes the GET). */
export function exportUrl(id: string, format: ExportFormat, q: { unitId?: string | undefined; period?: string | undefined }): string {
  const path = format === 'docx' || format === 'pdf' ? `/api/tasks/${enc(id)}/report.${format}` : `/api/tasks/${enc(id)}/rollup.${format}`;
  return `${path}${queryString({ unitId: q.unitId, period: q.period })}`;
}

export type ReportPrefill = z.infer<typeof ReportPrefillOut>;

/** A unit's figures of a period from its devices' play logs (what the submission page pre-fills). */
export function getPrefill(id: string, unitId: string, period: string): Promise<ReportPrefill> {
  return requestParsed(ReportPrefillOut, 'GET', `/api/tasks/${enc(id)}/prefill/${enc(unitId)}/${enc(period)}`);
}

/** The server-rendered mobile submission page (outside the admin app). */
export function submissionPageUrl(taskId: string, unitId?: string): string {
  return `/bao-cao/${enc(taskId)}${queryString({ don_vi: unitId })}`;
}
