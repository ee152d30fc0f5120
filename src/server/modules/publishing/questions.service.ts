import { AppError } from '../../platform/errors.ts';
import { SYSTEM_ACTOR, can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import './publishing.errors.ts';
import { recordAudit } from '../audit/index.ts';
import { authorizeSection, canInSection, sectionOr404, sectionUnits } from './publishing.context.ts';
import type { PublishingContext } from './publishing.context.ts';
import * as repo from './publishing.repository.ts';
import type { AnswerInput, QuestionStatus } from './publishing.schemas.ts';
import { presentQuestion } from './publishing.presenters.ts';
import type { QuestionView } from './publishing.presenters.ts';
import { notifyAskerJob } from './publishing.jobs.ts';
import type { MailOut } from './publishing.jobs.ts';

/** Citizen questions: answering, recording, rejecting, and the e-mail to the asker. */
export function createQuestionsService(ctx: PublishingContext) {
  const { db, clock, emit } = ctx;
  const deps = ctx;

  return {
    async listQuestions(actor: Actor, status: QuestionStatus | undefined): Promise<QuestionView[]> {
      const a = actor;
      const sections = (await repo.listSections(db)).filter((s) => canInSection(a, 'question.answer', s));
      return (await repo.listQuestions(db, { sectionIds: sections.map((s) => s.id), status, limit: 200 })).map(presentQuestion);
    },

    async answerQuestion(actor: Actor, id: string, input: AnswerInput): Promise<QuestionView> {
      const q = await repo.findQuestionById(db, id);
      if (!q) throw new AppError('NOT_FOUND');
      const section = await sectionOr404(db, q.sectionId);
      const a = authorizeSection(actor, 'question.answer', section, 'question.answer');
      const unit = sectionUnits(section).find((u) => can(a, 'question.answer', { unitPath: u.path })) ?? { id: section.ownerUnitId };
      const now = clock.now();
      const updated = await db.transaction(async (tx) => {
        const row = await repo.updateQuestion(tx, id, {
          answer: input.answer,
          status: input.publish ? 'published' : 'pending',
          answeredBy: a.userId === SYSTEM_ACTOR.userId ? null : a.userId,
          answerUnitId: unit.id,
          answeredAt: now,
        });
        if (!row) throw new AppError('NOT_FOUND');
        await recordAudit(tx, a, {
          action: 'question.answer',
          entity: 'question',
          entityId: id,
          unitId: unit.id,
          before: { status: q.status, answer: q.answer },
          after: { status: row.status, answer: row.answer },
        });
        if (row.email) await deps.jobs.enqueue(tx, notifyAskerJob, { questionId: id }, { id: `question-answer:${id}` });
        return row;
      });
      if (updated.status === 'published' || q.status === 'published') emit({ kind: 'question', id });
      return presentQuestion(updated);
    },

    /** A question received by telephone or letter, entered with its answer and published as FAQ. */
    async recordAnsweredQuestion(actor: Actor, input: { sectionId: string; name: string; question: string; answer: string }): Promise<QuestionView> {
      const section = await sectionOr404(db, input.sectionId);
      const a = authorizeSection(actor, 'question.answer', section);
      const unit = sectionUnits(section).find((u) => can(a, 'question.answer', { unitPath: u.path })) ?? { id: section.ownerUnitId };
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertQuestion(tx, {
          sectionId: section.id,
          name: input.name,
          question: input.question,
          answer: input.answer,
          status: 'published',
          answeredBy: a.userId === SYSTEM_ACTOR.userId ? null : a.userId,
          answerUnitId: unit.id,
          answeredAt: now,
          createdAt: now,
        });
        await recordAudit(tx, a, { action: 'question.record', entity: 'question', entityId: created.id, unitId: unit.id, after: presentQuestion(created) });
        return created;
      });
      emit({ kind: 'question', id: row.id });
      return presentQuestion(row);
    },

    async rejectQuestion(actor: Actor, id: string): Promise<QuestionView> {
      const q = await repo.findQuestionById(db, id);
      if (!q) throw new AppError('NOT_FOUND');
      const section = await sectionOr404(db, q.sectionId);
      const a = authorizeSection(actor, 'question.answer', section, 'question.answer');
      const updated = await db.transaction(async (tx) => {
        const row = await repo.updateQuestion(tx, id, { status: 'rejected' });
        if (!row) throw new AppError('NOT_FOUND');
        await recordAudit(tx, a, {
          action: 'question.reject',
          entity: 'question',
          entityId: id,
          unitId: section.ownerUnitId,
          before: { status: q.status },
          after: { status: 'rejected' },
        });
        return row;
      });
      if (q.status === 'published') emit({ kind: 'question', id });
      return presentQuestion(updated);
    },

    /** For the notify-asker job: the e-mail telling the asker their question was answered. */
    async answerMail(questionId: string): Promise<MailOut | null> {
      const q = await repo.findQuestionById(db, questionId);
      if (!q?.email || !q.answer) return null;
      const base = deps.publicUrl();
      return {
        to: q.email,
        subject: 'Câu hỏi của bạn đã được trả lời',
        text:
          `Xin chào ${q.name},\n\nCâu hỏi bạn gửi: "${q.question}"\n\nTrả lời:\n${q.answer}\n\n` +
          (q.status === 'published' ? `Xem tại: ${base}/hoi-dap#q-${q.id}\n\n` : '') +
          'Trân trọng.\n',
      };
    },
  };
}
