// The legal bases a desk picks for a police hand-off (issue #15 point 4a): an editable list per unit, seeded with
// the defaults on first use.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { RumorLegalBaseCreateInput, RumorLegalBaseUpdateInput, RumorLegalBaseView } from '../../../shared/contracts/rumors.ts';
import { can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as basesRepo from './legal-bases.repository.ts';
import type { LegalBasisRow } from './legal-bases.repository.ts';
import { deskUnit } from './rumors.context.ts';
import type { RumorsContext } from './rumors.context.ts';

/** The legal bases a unit starts with (editable; check against the texts in force before a hand-off). */
export const DEFAULT_LEGAL_BASES: readonly { code: string; title: string; excerpt: string }[] = [
  {
    code: 'nd-15-2020-dieu-101',
    title: 'Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ, Điều 101 (được sửa đổi, bổ sung bởi Nghị định số 14/2022/NĐ-CP ngày 27/01/2022)',
    excerpt:
      'Xử phạt vi phạm quy định về trách nhiệm sử dụng dịch vụ mạng xã hội: cung cấp, chia sẻ thông tin giả mạo, thông tin sai sự thật, xuyên tạc, vu khống, xúc phạm uy tín của cơ quan, tổ chức, danh dự, nhân phẩm của cá nhân.',
  },
  {
    code: 'luat-an-ninh-mang-2018-dieu-8-16',
    title: 'Luật An ninh mạng số 24/2018/QH14 ngày 12/6/2018, Điều 8 và Điều 16',
    excerpt:
      'Các hành vi bị nghiêm cấm về an ninh mạng; phòng ngừa, xử lý thông tin trên không gian mạng có nội dung sai sự thật gây hoang mang trong Nhân dân, gây thiệt hại cho hoạt động kinh tế - xã hội.',
  },
  {
    code: 'blhs-2015-dieu-288',
    title: 'Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017), Điều 288',
    excerpt: 'Tội đưa hoặc sử dụng trái phép thông tin mạng máy tính, mạng viễn thông.',
  },
];

const presentBasis = (r: LegalBasisRow): RumorLegalBaseView => ({ id: r.id, code: r.code, title: r.title, excerpt: r.excerpt, active: r.active, position: r.position });

export function createLegalBasesService(ctx: RumorsContext) {
  const { db, clock } = ctx;

  /** The unit's list, seeded with the defaults on first use (inside the caller's transaction). */
  async function basesOf(tx: Db, unitId: string, now: Date): Promise<LegalBasisRow[]> {
    const rows = await basesRepo.legalBasesOf(tx, unitId);
    if (rows.length > 0) return rows;
    await basesRepo.insertLegalBases(
      tx,
      DEFAULT_LEGAL_BASES.map((b, i) => ({ id: randomUUID(), unitId, code: b.code, title: b.title, excerpt: b.excerpt, position: (i + 1) * 10, createdAt: now })),
    );
    return basesRepo.legalBasesOf(tx, unitId);
  }

  /** GET /api/rumors/legal-bases: the unit's list (the actor's unit by default), seeded on first use. */
  async function listLegalBases(actor: Actor, unitId?: string): Promise<{ items: RumorLegalBaseView[]; capabilities: { edit: boolean } }> {
    const { unit, a } = await deskUnit(ctx, actor, unitId ?? actor.unitId, 'rumor.read');
    const rows = await db.transaction((tx) => basesOf(tx, unit.id, clock.now()));
    return { items: rows.map(presentBasis), capabilities: { edit: can(a, 'rumor.write', { unitPath: unit.path }) } };
  }

  async function createLegalBasis(actor: Actor, input: z.infer<typeof RumorLegalBaseCreateInput>): Promise<RumorLegalBaseView> {
    const { unit, a } = await deskUnit(ctx, actor, input.unitId ?? actor.unitId, 'rumor.write');
    return db.transaction(async (tx) => {
      const now = clock.now();
      const existing = await basesOf(tx, unit.id, now);
      const [row] = await basesRepo.insertLegalBases(tx, [
        {
          id: randomUUID(),
          unitId: unit.id,
          code: input.code,
          title: input.title,
          excerpt: input.excerpt,
          position: input.position ?? (existing.length + 1) * 10,
          createdAt: now,
        },
      ]);
      if (!row) throw new AppError('RUMOR_LEGAL_BASIS_TAKEN', { code: input.code });
      await recordAudit(tx, a, { action: 'rumor.legal_basis.create', entity: 'rumor_legal_basis', entityId: row.id, unitId: unit.id, after: presentBasis(row) });
      return presentBasis(row);
    });
  }

  async function updateLegalBasis(actor: Actor, id: string, input: z.infer<typeof RumorLegalBaseUpdateInput>): Promise<RumorLegalBaseView> {
    const before = await basesRepo.findLegalBasis(db, id);
    if (!before) throw new AppError('NOT_FOUND');
    const { a } = await deskUnit(ctx, actor, before.unitId, 'rumor.write');
    return db.transaction(async (tx) => {
      const row = await basesRepo.updateLegalBasis(tx, id, input);
      if (!row) throw new AppError('NOT_FOUND');
      await recordAudit(tx, a, {
        action: 'rumor.legal_basis.update',
        entity: 'rumor_legal_basis',
        entityId: id,
        unitId: row.unitId,
        before: presentBasis(before),
        after: presentBasis(row),
      });
      return presentBasis(row);
    });
  }
  return { basesOf, service: { listLegalBases, createLegalBasis, updateLegalBasis } };
}
