/** Reports and progress of the assigned units: submitting (idempotent, on behalf), revisions, progress, comments. */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import './tasks.errors.ts';
import { can, isWithin } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { UnitLookup } from '../units/index.ts';
import { dayMonthYear, deadlineText, isLate, periodByKey, periodFor, periodName } from './recurrence.ts';
import type { DueRule } from './recurrence.ts';
import { validateValues } from './report-form.ts';
import { correctionsOf } from './report-prefill.ts';
import type { PrefillService } from './report-prefill.ts';
import type { StoredValue } from './report-form.ts';
import type { TaskAccess } from './tasks.access.ts';
import { formOf, presentComment, presentSubmission } from './tasks.present.ts';
import type { SubmissionView } from './tasks.present.ts';
import * as repo from './tasks.repository.ts';
import * as submissionsRepo from './submissions.repository.ts';
import type { CommentInput, ProgressInput, SubmitInput } from './tasks.schemas.ts';

/** A stable fingerprint of a submit request: the same key with another body is refused. */
function requestHash(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function sortedObject(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

export function createSubmissionsService(deps: { db: Db; clock: Clock; units: UnitLookup; prefillFor: PrefillService['prefillFor'] }, access: TaskAccess) {
  const { db, clock } = deps;
  const { loadTask, loadUnit, readAccess, submitterFor } = access;

  return {
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
        const unit = await deps.units.byId(input.unitId);
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
        const key = await submissionsRepo.findIdempotencyKey(db, unit.id, idempotencyKey);
        if (!key) return null;
        if (key.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
        const s = key.submissionId ? await submissionsRepo.findSubmissionById(db, key.submissionId) : undefined;
        if (!s) throw new AppError('CONFLICT');
        return { submission: presentSubmission(s), replayed: true };
      };
      const earlier = await replay();
      if (earlier) return earlier;

      const { values, rows } = validateValues(form.indicators, input.values);
      // Figures the commune changed from those its devices' play logs gave (read before the transaction).
      const corrections = correctionsOf((await deps.prefillFor(task, unit, period.key)).values, values);
      const onBehalfUnitId = a.unitId === unit.id ? null : a.unitId;
      const saved = await db.transaction(async (tx) => {
        if (idempotencyKey && !(await submissionsRepo.claimIdempotencyKey(tx, unit.id, idempotencyKey, hash))) return null; // a concurrent twin won
        const before = await submissionsRepo.findSubmission(tx, task.id, unit.id, period.key);
        const up = await submissionsRepo.upsertSubmission(tx, {
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
        await submissionsRepo.replaceValues(tx, s, rows);
        await submissionsRepo.insertRevision(tx, { submissionId: s.id, revision: s.revision, values, late: s.late, submittedBy: a.userId, onBehalfUnitId, at: now });
        if (idempotencyKey) await submissionsRepo.recordIdempotencyResult(tx, unit.id, idempotencyKey, s.id, s.revision);
        await recordAudit(tx, a, {
          action: up.inserted ? 'report.submit' : 'report.update',
          entity: 'report_submission',
          entityId: s.id,
          unitId: unit.id,
          before: before ? { revision: before.revision, values: before.values } : null,
          after: { taskId: task.id, period: s.period, revision: s.revision, late: s.late, values, onBehalfOfUnitId: onBehalfUnitId ? unit.id : null, submittedByUnitId: a.unitId },
        });
        if (corrections.length) {
          await recordAudit(tx, a, {
            action: 'report.prefill_correction',
            entity: 'report_submission',
            entityId: s.id,
            unitId: unit.id,
            before: { source: 'device_logs', values: Object.fromEntries(corrections.map((c) => [c.channel ? `${c.indicator}.${c.channel}` : c.indicator, c.prefill])) },
            after: { taskId: task.id, period: s.period, revision: s.revision, corrections },
          });
        }
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
      const s = await submissionsRepo.findSubmission(db, task.id, unit.id, period);
      if (!s) throw new AppError('NOT_FOUND');
      const revisions = await submissionsRepo.listRevisions(db, s.id);
      return {
        submission: presentSubmission(s),
        revisions: revisions.map((r) => ({
          revision: r.revision,
          values: r.values as Record<string, StoredValue>,
          late: r.late,
          submittedBy: r.submittedBy,
          onBehalfUnitId: r.onBehalfUnitId,
          at: r.at.toISOString(),
        })),
      };
    },
  };
}
