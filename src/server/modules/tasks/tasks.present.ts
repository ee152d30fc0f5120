/** How tasks, submissions, comments, periods and report forms are shown by the API (no database). */
import type { Period } from './recurrence.ts';
import type { DueRule } from './recurrence.ts';
import { TEMPLATES } from './report-form.ts';
import type { ReportFormSpec, StoredValue } from './report-form.ts';
import type { SubmissionRow } from './submissions.repository.ts';
import type { CommentRow, ReportFormRow, TaskRow, UnitBrief } from './tasks.repository.ts';
import { IndicatorSchema } from './tasks.schemas.ts';
import type { ReportFormInput } from './tasks.schemas.ts';

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

export function presentComment(c: CommentRow) {
  return { id: c.id, unitId: c.unitId, authorName: c.authorName, body: c.body, createdAt: c.createdAt.toISOString() };
}

export const unitRef = (u: Pick<UnitBrief, 'id' | 'code' | 'name'>) => ({ id: u.id, code: u.code, name: u.name });
export const periodRef = (p: Period) => ({ key: p.key, deadline: p.deadline.toISOString(), label: p.label });

export function formOf(row: ReportFormRow | undefined): ReportFormSpec | null {
  if (!row) return null;
  return { name: row.name, indicators: (row.indicators as unknown[]).map((i) => IndicatorSchema.parse(i)) };
}

export function formFromInput(input: ReportFormInput): ReportFormSpec {
  if ('template' in input) return TEMPLATES[input.template];
  return { name: input.name, indicators: input.indicators };
}

export type TaskView = ReturnType<typeof presentTask>;
export type PeriodRef = ReturnType<typeof periodRef>;
