// Typed client for the tasks / periodic-reports API (/api/tasks/*, /api/report-templates).
// Shapes mirror src/server/modules/tasks/tasks.schemas.ts (the UI may not import it).
// Pure module: no React, no DOM access at import time.
import { queryString, request } from '../../api.ts';

export const CELL_STATUSES = ['not_started', 'in_progress', 'done', 'overdue'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export interface UnitRef {
  id: string;
  code: string | null;
  name: string;
}

export type DueRule =
  | { kind: 'once'; at: string }
  | { kind: 'daily'; time: string; from?: string | null; until?: string | null }
  | { kind: 'weekly'; weekday: number; time: string; from?: string | null; until?: string | null }
  | { kind: 'monthly'; day: number; time: string; from?: string | null; until?: string | null };

export interface Task {
  id: string;
  issuerUnitId: string;
  directiveId: string | null;
  sourceRef: string | null;
  section: string | null;
  title: string;
  description: string | null;
  /** Typed as unknown by the server; see `asDueRule`. */
  dueRule: unknown;
  reminderLeadMinutes: number;
  status: string;
  createdAt: string;
}

export interface Indicator {
  key: string;
  label: string;
  type: string;
  /** Unit of measure ("phút", "lượt", "người"), null for text indicators. */
  unit: string | null;
  options?: string[];
  aggregation: string;
  byChannel: boolean;
  required: boolean;
}

export interface ReportForm {
  name: string;
  indicators: Indicator[];
}

export interface PeriodRef {
  key: string;
  deadline: string;
  /** The period in words, Vietnamese: "Tuần 09/2021 (hạn 16:00 thứ Năm, 25/02/2021)". */
  label: string;
}

export interface TaskDetail {
  task: Task;
  reportForm: ReportForm | null;
  assignees: UnitRef[];
  currentPeriod: PeriodRef | null;
}

export interface MatrixCell {
  period: string;
  status: CellStatus;
  label: string;
  late: boolean;
}

export interface Matrix {
  periods: PeriodRef[];
  rows: { unit: UnitRef; cells: MatrixCell[] }[];
}

export interface Figure {
  indicator: string;
  value: number | string | null;
  reported: number;
}

export interface Coverage {
  expected: number;
  reported: number;
  late: number;
}

export interface RollupRow {
  unit: UnitRef;
  /** The figures are those of old units (today's-tree view), summed from formedFrom. */
  mapped: boolean;
  formedFrom: UnitRef[];
  figures: Figure[];
  expected: number;
  reported: number;
  late: number;
}

export interface RollupPeriod extends PeriodRef {
  totals: Figure[];
  coverage: Coverage;
  rows: RollupRow[];
}

export interface Rollup {
  unit: UnitRef;
  /** 'today': rows in the tree in force today; outOfForce: the task's tree is not (the toggle is offered). */
  tree: { mode: 'task' | 'today'; outOfForce: boolean; taskUnit: UnitRef };
  indicators: Indicator[];
  periods: RollupPeriod[];
  /** Late and missing units by name, for the last period of the range. */
  focus: { period: string; lateUnits: UnitRef[]; missingUnits: UnitRef[] } | null;
}

const enc = encodeURIComponent;

const KNOWN_RULES = new Set(['once', 'daily', 'weekly', 'monthly']);

/** The server types dueRule loosely; accept it only when it has a known kind. */
export function asDueRule(v: unknown): DueRule | null {
  if (!v || typeof v !== 'object') return null;
  const kind = (v as { kind?: unknown }).kind;
  return typeof kind === 'string' && KNOWN_RULES.has(kind) ? (v as DueRule) : null;
}

export async function listTasks(limit = 200): Promise<Task[]> {
  return (await request<{ items: Task[] }>('GET', `/api/tasks${queryString({ limit })}`)).items;
}

export function getTask(id: string): Promise<TaskDetail> {
  return request<TaskDetail>('GET', `/api/tasks/${enc(id)}`);
}

export function getMatrix(id: string, range: { from?: string; to?: string } = {}): Promise<Matrix> {
  return request<Matrix>('GET', `/api/tasks/${enc(id)}/matrix${queryString(range)}`);
}

export interface RollupQuery {
  unitId?: string | undefined;
  /** Period keys (YYYY-MM-DD); default: the periods up to now. */
  from?: string | undefined;
  to?: string | undefined;
  /** 'today': the old units' figures summed into their successors in today's tree. */
  tree?: 'today' | undefined;
}

export function getRollup(id: string, q: RollupQuery = {}): Promise<Rollup> {
  return request<Rollup>('GET', `/api/tasks/${enc(id)}/rollup${queryString({ unitId: q.unitId, from: q.from, to: q.to, tree: q.tree })}`);
}

export type ExportFormat = 'xlsx' | 'csv' | 'docx' | 'pdf';

/** Same-origin download URL of one period's roll-up (the cookie session authorizes the GET). */
export function exportUrl(id: string, format: ExportFormat, q: { unitId?: string | undefined; period?: string | undefined }): string {
  const path = format === 'docx' || format === 'pdf' ? `/api/tasks/${enc(id)}/report.${format}` : `/api/tasks/${enc(id)}/rollup.${format}`;
  return `${path}${queryString({ unitId: q.unitId, period: q.period })}`;
}

/** The server-rendered mobile submission page (outside the admin app). */
export function submissionPageUrl(taskId: string, unitId?: string): string {
  return `/bao-cao/${enc(taskId)}${queryString({ don_vi: unitId })}`;
}
