import { AppError } from '../../platform/errors.ts';
import { formatVnDate, vnDateKey } from '../../platform/text.ts';
import { SYSTEM_ACTOR, can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import './publishing.errors.ts';
import { recordAudit } from '../audit/index.ts';
import { authorizeSection, sectionOr404, sectionUnits } from './publishing.context.ts';
import type { PublishingContext } from './publishing.context.ts';
import * as repo from './publishing.repository.ts';
import type { SectionWithPaths } from './publishing.repository.ts';
import type { SituationField, SituationInput } from './publishing.schemas.ts';
import { presentSection, presentSituation } from './publishing.presenters.ts';
import type { SituationView } from './publishing.presenters.ts';
import type { MailOut } from './publishing.jobs.ts';

/** The daily situation figures of a section, and the 15:00 reminder of missing ones. */
export function createSituationService(ctx: PublishingContext) {
  const { db, clock, emit } = ctx;
  const deps = ctx;

  function situationFieldsOf(s: SectionWithPaths): SituationField[] {
    const fields = presentSection(s).situationFields;
    if (!fields) throw new AppError('NOT_A_SITUATION_SECTION');
    return fields;
  }

  return {
    /** Enters (or corrects) the figures of a date in a situation section; they are public at once. */
    async saveSituation(actor: Actor, sectionId: string, date: string, input: SituationInput): Promise<SituationView> {
      const section = await sectionOr404(db, sectionId);
      const a = authorizeSection(actor, 'situation.write', section);
      const fields = situationFieldsOf(section);
      const keys = new Set(fields.map((f) => f.key));
      const unknown = Object.keys(input.figures).find((k) => !keys.has(k));
      if (unknown) throw new AppError('UNKNOWN_SITUATION_FIELD', { field: unknown });
      const now = clock.now();
      if (date > vnDateKey(now)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'params.date', message: 'ngày chưa tới' }]);
      const unit = sectionUnits(section).find((u) => can(a, 'situation.write', { unitPath: u.path })) ?? { id: section.ownerUnitId };
      const saved = await db.transaction(async (tx) => {
        const before = await repo.findSituation(tx, sectionId, date);
        const row = await repo.upsertSituation(tx, {
          sectionId,
          date,
          unitId: unit.id,
          figures: input.figures,
          note: input.note ?? null,
          createdBy: a.userId === SYSTEM_ACTOR.userId ? null : a.userId,
          publishedAt: before?.publishedAt ?? now,
          createdAt: now,
          updatedAt: now,
        });
        await recordAudit(tx, a, {
          action: before ? 'situation.correct' : 'situation.publish',
          entity: 'situation',
          entityId: row.id,
          unitId: unit.id,
          before: before ? presentSituation(before) : null,
          after: presentSituation(row),
        });
        return row;
      });
      emit({ kind: 'situation', id: saved.id });
      return presentSituation(saved);
    },

    /** Any signed-in user reads a section's figures (they are published on the portal). */
    async listSituation(_actor: Actor, sectionId: string, limit = 60): Promise<SituationView[]> {
      await sectionOr404(db, sectionId);
      return (await repo.listSituation(db, sectionId, limit)).map(presentSituation);
    },

    /** For the 15:00 job: an e-mail to the health unit of every situation section without today's figures. */
    async situationReminders(): Promise<MailOut[]> {
      const now = clock.now();
      const today = vnDateKey(now);
      const out: MailOut[] = [];
      for (const s of await repo.listSections(db)) {
        if (!presentSection(s).situationFields) continue;
        if (await repo.findSituation(db, s.id, today)) continue;
        const unitId = s.delegateUnitId ?? s.ownerUnitId;
        const unit = (await repo.findUnitPaths(db, [unitId])).get(unitId);
        for (const to of unit?.emails ?? []) {
          out.push({
            to,
            subject: `Nhắc cập nhật số liệu tình hình ${formatVnDate(now)}`,
            text:
              `Kính gửi ${unit?.name ?? 'đơn vị'},\n\n` +
              `Đến 15 giờ ${formatVnDate(now)}, chuyên mục "${s.name}" trên cổng thông tin chưa có số liệu tình hình của ngày hôm nay.\n` +
              `Đề nghị đơn vị cập nhật tại: ${deps.publicUrl()}/admin/\n\nTrân trọng.\n`,
          });
        }
      }
      return out;
    },
  };
}
