// What the desk asks of others and tells the public (issue #15 points 3–4): confirmation requests (a task or a công
// văn to the competent body) and their answers, the hand-off to the police with legal bases and the evidence list,
// the press request, and the public correction — a portal article carrying ClaimReview, a broadcast draft and the
// social pages, in one transaction — after which every requester who left a contact is told (notify.jobs.ts).
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { RUMOR_VERDICT_LABELS } from '../../../shared/contracts/rumors.ts';
import type {
  RumorCaseDetail,
  RumorConfirmationCreate,
  RumorCorrectionCreate,
  RumorLegalBaseView,
  RumorPoliceCreate,
  RumorPressCreate,
  RumorVerdict,
} from '../../../shared/contracts/rumors.ts';
import type { z } from 'zod';
import type { RumorLegalBaseCreateInput, RumorLegalBaseUpdateInput } from '../../../shared/contracts/rumors.ts';
import { can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { CreateDirectiveBody } from '../directives/index.ts';
import { CreateTaskBody } from '../tasks/index.ts';
import type { Services } from '../module.ts';
import type { UnitRecord } from '../units/index.ts';
import { confirmationInput, policeInput, pressInput } from './actions.document.ts';
import type { DocCase, InformantLine } from './actions.document.ts';
import * as actionsRepo from './actions.repository.ts';
import * as repo from './cases.repository.ts';
import type { RumorCaseRow } from './cases.repository.ts';
import { caseDetail, closeIfDone } from './cases.service.ts';
import type { CasesDeps } from './cases.service.ts';
import { claimReview } from './claim-review.ts';
import * as basesRepo from './legal-bases.repository.ts';
import type { LegalBasisRow } from './legal-bases.repository.ts';
import { deskUnit, loadCase } from './rumors.context.ts';
import type { RumorsContext } from './rumors.context.ts';

/** The identity sealed for a report's informant (the vault), or null when none or erased. Opened only where attached. */
export type OpenIdentity = (tx: Db, informantId: string) => Promise<{ name: string | null; phone: string | null; email: string | null; socialId: string | null } | null>;

export interface ActionsDeps extends CasesDeps {
  directives: Pick<Services['directives'], 'createDirective'>;
  tasks: Pick<Services['tasks'], 'createTask'>;
  publishing: Pick<Services['publishing'], 'listSections' | 'createSection' | 'createPost' | 'publishPost'>;
  broadcasts: Pick<Services['broadcasts'], 'createBroadcast'>;
  bulletins: Pick<Services['bulletins'], 'createBulletin'>;
  socialAccounts: Pick<Services['socialAccounts'], 'listAccounts'>;
  socialPublishing: Pick<Services['socialPublishing'], 'publish'>;
  openIdentity: OpenIdentity;
}

/** The section of a desk's corrections (created for the desk's unit on first use). */
export const CORRECTION_SECTION = { slug: 'dinh-chinh-thong-tin-sai', name: 'Thông tin sai sự thật — đính chính' } as const;

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
const docCase = (r: RumorCaseRow): DocCase => ({
  code: r.code,
  title: r.title,
  claim: r.claim,
  firstAppearanceUrl: r.firstAppearanceUrl,
  firstSeenAt: r.firstSeenAt,
  reportCount: r.reportCount,
  verdict: r.verdict,
  verdictSummary: r.verdictSummary,
});
const escHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function createActionsService(ctx: RumorsContext, deps: ActionsDeps) {
  const { db, clock, units } = ctx;

  async function letterhead(unit: UnitRecord, tx: Db) {
    const chain = await units.byIds(unit.path.split('.'), { tx });
    const province = chain.find((u) => u.kind === 'province') ?? null;
    const parent = unit.parentId ? (chain.find((u) => u.id === unit.parentId) ?? null) : null;
    return { unit, parent, province };
  }

  async function target(unit: UnitRecord, id: string, tx: Db): Promise<UnitRecord> {
    const t = await units.byId(id, { tx });
    if (!t) throw new AppError('UNKNOWN_UNIT', { unit: id });
    if (t.id === unit.id) throw new AppError('RUMOR_SAME_UNIT');
    return t;
  }

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

  /** Loads the case for writing inside one transaction and runs the action; answers the detail read after the commit. */
  async function caseStep(
    actor: Actor,
    id: string,
    permission: 'rumor.write' | 'rumor.approve',
    work: (c: { row: RumorCaseRow; unit: UnitRecord; a: Actor; tx: Db; now: Date }) => Promise<void>,
  ): Promise<RumorCaseDetail> {
    const { unit, a } = await db.transaction(async (tx) => {
      const loaded = await loadCase(ctx, actor, id, permission, { tx, forUpdate: true });
      await work({ ...loaded, tx, now: clock.now() });
      return loaded;
    });
    return caseDetail(ctx, deps, a, (await repo.findCase(db, id))!, unit, db);
  }

  async function audit(tx: Db, a: Actor, row: RumorCaseRow, action: string, after: Record<string, unknown>) {
    await recordAudit(tx, a, { action, entity: 'rumor_case', entityId: row.id, unitId: row.unitId, after });
  }

  return {
    /** For the notification job only (notify.jobs.ts): the vault's opener, bound in the module's create. */
    openIdentityForJob: deps.openIdentity,

    /** GET /api/rumors/legal-bases: the unit's list (the actor's unit by default), seeded on first use. */
    async listLegalBases(actor: Actor, unitId?: string): Promise<{ items: RumorLegalBaseView[]; capabilities: { edit: boolean } }> {
      const { unit, a } = await deskUnit(ctx, actor, unitId ?? actor.unitId, 'rumor.read');
      const rows = await db.transaction((tx) => basesOf(tx, unit.id, clock.now()));
      return { items: rows.map(presentBasis), capabilities: { edit: can(a, 'rumor.write', { unitPath: unit.path }) } };
    },

    async createLegalBasis(actor: Actor, input: z.infer<typeof RumorLegalBaseCreateInput>): Promise<RumorLegalBaseView> {
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
    },

    async updateLegalBasis(actor: Actor, id: string, input: z.infer<typeof RumorLegalBaseUpdateInput>): Promise<RumorLegalBaseView> {
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
    },

    /**
     * A confirmation request to the competent body: a task assigned to it (due by `dueAt`, else the case's deadline)
     * or a công văn drafted through the directives module (the leader approves, signs and issues it). The case starts
     * verification if it had not.
     */
    requestConfirmation: (actor: Actor, id: string, input: RumorConfirmationCreate) =>
      caseStep(actor, id, 'rumor.write', async ({ row, unit, a, tx, now }) => {
        if (row.status === 'concluded') throw new AppError('RUMOR_BAD_STATE', { state: 'Đã kết luận' });
        const t = await target(unit, input.targetUnitId, tx);
        const answerBy = input.dueAt ? new Date(input.dueAt) : (row.respondBy ?? new Date(now.getTime() + 72 * 3_600_000));
        let directiveId: string | null = null;
        let taskId: string | null = null;
        if (input.via === 'directive') {
          const body = CreateDirectiveBody.parse(confirmationInput({ ...(await letterhead(unit, tx)), target: t, kase: docCase(row), question: input.question, answerBy }));
          directiveId = (await deps.directives.createDirective(a, body, { tx, permission: 'rumor.write' })).id;
        } else {
          const task = CreateTaskBody.parse({
            issuerUnitId: unit.id,
            title: clip(`Xác minh thông tin: ${row.title}`, 200),
            description: `${input.question}\n\nThông tin cần xác minh: “${clip(row.claim || row.title, 1500)}” (vụ việc ${row.code}).`,
            sourceRef: `Vụ việc ${row.code}`,
            dueRule: { kind: 'once', at: answerBy.toISOString() },
            assignees: { unitIds: [t.id] },
          });
          taskId = (await deps.tasks.createTask(a, task, { tx })).task.id;
        }
        const action = await actionsRepo.insertAction(tx, {
          id: randomUUID(),
          caseId: row.id,
          kind: 'confirmation',
          targetUnitId: t.id,
          question: input.question,
          directiveId,
          taskId,
          createdBy: a.userId,
          createdAt: now,
        });
        if (row.status === 'unverified') await repo.updateCase(tx, row.id, { status: 'verifying', updatedAt: now });
        else await repo.updateCase(tx, row.id, { updatedAt: now });
        await audit(tx, a, row, 'rumor.action.confirmation', { actionId: action.id, via: input.via, targetUnitId: t.id, directiveId, taskId });
      }),

    /**
     * The hand-off to the police (or the border guard): a công văn with the chosen legal bases and the evidence list.
     * The informants are named in it only when a desk lead (rumor.reveal) attaches them with a reason — audited with
     * the reports' codes, never the identity.
     */
    handOffToPolice: (actor: Actor, id: string, input: RumorPoliceCreate) =>
      caseStep(actor, id, 'rumor.write', async ({ row, unit, a, tx, now }) => {
        const t = await target(unit, input.targetUnitId, tx);
        const all = (await basesOf(tx, unit.id, now)).filter((b) => b.active);
        const codes = [...new Set(input.legalBasisCodes)];
        const bases = codes.map((c) => all.find((b) => b.code === c) ?? null);
        const missing = codes.find((_c, i) => !bases[i]);
        if (missing) throw new AppError('RUMOR_UNKNOWN_LEGAL_BASIS', { code: missing });
        const evidence = await actionsRepo.evidenceOfCase(tx, row.id);
        const chosen = input.evidenceIds ? evidence.filter((e) => input.evidenceIds!.includes(e.id)) : evidence;
        if (input.evidenceIds && chosen.length !== new Set(input.evidenceIds).size) throw new AppError('RUMOR_UNKNOWN_EVIDENCE');
        const informants: InformantLine[] = [];
        if (input.attachInformants) {
          await deskUnit(ctx, actor, unit.id, 'rumor.reveal', tx);
          const reports = await repo.reportsOfCase(tx, row.id);
          for (const reportId of new Set(input.attachInformants.reportIds)) {
            const r = reports.find((x) => x.id === reportId);
            const identity = r?.informantId ? await deps.openIdentity(tx, r.informantId) : null;
            if (!r || !identity) throw new AppError('RUMOR_REPORT_NOT_IN_CASE');
            informants.push({ reportCode: r.code, name: identity.name, phone: identity.phone, email: identity.email, socialId: identity.socialId });
          }
        }
        const body = CreateDirectiveBody.parse(
          policeInput({
            ...(await letterhead(unit, tx)),
            target: t,
            kase: docCase(row),
            legalBases: bases.map((b) => ({ title: b!.title, excerpt: b!.excerpt })),
            evidence: chosen.map((e) => ({ kind: e.kind, title: e.title, url: e.url, note: e.note })),
            note: input.note || null,
            informants,
          }),
        );
        const directive = await deps.directives.createDirective(a, body, { tx, permission: 'rumor.write' });
        const action = await actionsRepo.insertAction(tx, {
          id: randomUUID(),
          caseId: row.id,
          kind: 'police',
          targetUnitId: t.id,
          question: input.note || null,
          legalBasisCodes: codes,
          directiveId: directive.id,
          informantAttachedBy: informants.length ? a.userId : null,
          createdBy: a.userId,
          createdAt: now,
        });
        // A hand-off after closing reopens the case for retention: the informants' identity stays until the answer.
        await repo.updateCase(tx, row.id, { updatedAt: now, closedAt: null });
        if (row.closedAt) await audit(tx, a, row, 'rumor.case.reopen', { closedAt: null, reason: 'police' });
        await audit(tx, a, row, 'rumor.action.police', { actionId: action.id, targetUnitId: t.id, directiveId: directive.id, legalBasisCodes: codes, evidence: chosen.length });
        if (informants.length) {
          await audit(tx, a, row, 'rumor.informant.attach', {
            actionId: action.id,
            directiveId: directive.id,
            reportCodes: informants.map((i) => i.reportCode),
            reason: input.attachInformants!.reason,
          });
        }
      }),

    /** The press request once the conclusion is approved: carry the correction ("đồng loạt phản ánh để tạo dư luận đúng"). */
    requestPress: (actor: Actor, id: string, input: RumorPressCreate) =>
      caseStep(actor, id, 'rumor.write', async ({ row, unit, a, tx, now }) => {
        if (row.conclusionState !== 'approved') throw new AppError('RUMOR_NOT_CONCLUDED');
        const targets: UnitRecord[] = [];
        for (const tid of new Set(input.targetUnitIds)) targets.push(await target(unit, tid, tx));
        const correction = row.correctionPostId ? await deps.correction(row.correctionPostId, tx) : null;
        const body = CreateDirectiveBody.parse(
          pressInput({
            ...(await letterhead(unit, tx)),
            targets,
            groupIds: input.recipientGroupId ? [input.recipientGroupId] : [],
            kase: docCase(row),
            correctionUrl: correction?.url || null,
            note: input.note || null,
          }),
        );
        const directive = await deps.directives.createDirective(a, body, { tx, permission: 'rumor.write' });
        const action = await actionsRepo.insertAction(tx, {
          id: randomUUID(),
          caseId: row.id,
          kind: 'press',
          targetUnitId: targets[0]?.id ?? null,
          question: input.note || null,
          directiveId: directive.id,
          createdBy: a.userId,
          createdAt: now,
        });
        await repo.updateCase(tx, row.id, { updatedAt: now });
        await audit(tx, a, row, 'rumor.action.press', {
          actionId: action.id,
          targetUnitIds: targets.map((x) => x.id),
          groupId: input.recipientGroupId ?? null,
          directiveId: directive.id,
        });
      }),

    /** The answer of the body asked (or of the police): recorded on the action and attached as evidence 'answer'. */
    recordAnswer: (actor: Actor, id: string, actionId: string, response: string) =>
      caseStep(actor, id, 'rumor.write', async ({ row, a, tx, now }) => {
        const act = await actionsRepo.findAction(tx, row.id, actionId, { forUpdate: true });
        if (!act) throw new AppError('NOT_FOUND');
        if (act.state !== 'open') throw new AppError('RUMOR_ACTION_CLOSED');
        await actionsRepo.updateAction(tx, act.id, { state: 'answered', response, respondedAt: now });
        const t = act.targetUnitId ? await units.byId(act.targetUnitId, { tx }) : undefined;
        const evidence = await actionsRepo.insertEvidence(tx, {
          id: randomUUID(),
          caseId: row.id,
          kind: 'answer',
          title: `Trả lời của ${t?.name ?? 'cơ quan chức năng'}`,
          note: response,
          directiveId: act.directiveId,
          createdBy: a.userId,
          createdAt: now,
        });
        await repo.updateCase(tx, row.id, { updatedAt: now });
        await audit(tx, a, row, 'rumor.action.answer', { actionId: act.id, kind: act.kind, evidenceId: evidence.id });
        await closeIfDone(ctx, tx, a, row.id);
      }),

    /** Withdraws an open request (no answer will come): cancelled, the note kept as a note of the case; may close it. */
    cancelAction: (actor: Actor, id: string, actionId: string, note: string) =>
      caseStep(actor, id, 'rumor.write', async ({ row, a, tx, now }) => {
        const act = await actionsRepo.findAction(tx, row.id, actionId, { forUpdate: true });
        if (!act) throw new AppError('NOT_FOUND');
        if (act.state !== 'open') throw new AppError('RUMOR_ACTION_CLOSED');
        await actionsRepo.updateAction(tx, act.id, { state: 'cancelled', respondedAt: now });
        const t = act.targetUnitId ? await units.byId(act.targetUnitId, { tx }) : undefined;
        await actionsRepo.insertEvidence(tx, {
          id: randomUUID(),
          caseId: row.id,
          kind: 'note',
          title: `Hủy yêu cầu gửi ${t?.name ?? 'cơ quan chức năng'}`,
          note,
          createdBy: a.userId,
          createdAt: now,
        });
        await repo.updateCase(tx, row.id, { updatedAt: now });
        await audit(tx, a, row, 'rumor.action.cancel', { actionId: act.id, kind: act.kind, note });
        await closeIfDone(ctx, tx, a, row.id);
      }),

    /**
     * The public correction (rumor.approve: the leader who approved conclusions publishes it) in ONE transaction: the
     * correction section (created for the desk's unit on first use), the article carrying ClaimReview JSON-LD,
     * published; a broadcast draft (SMS) and a bulletin draft (loudspeakers) for the desk's area, which go through
     * their own approval; the social pages' publications queued; then the requesters' notifications.
     */
    async publishCorrection(actor: Actor, id: string, input: RumorCorrectionCreate): Promise<RumorCaseDetail> {
      const pre = await loadCase(ctx, actor, id, 'rumor.approve');
      const { unit, a } = pre;
      const sections = await deps.publishing.listSections(a);
      const pages =
        input.channels.social && can(a, 'social.read', { unitPath: unit.path })
          ? (await deps.socialAccounts.listAccounts(a, unit.id)).items.filter((p) => p.status === 'connected')
          : [];
      const areaPath = (await units.areaPathOf(unit.id)) ?? unit.path;
      const areaUnitId = areaPath.split('.').at(-1)!;
      const afterCommit: (() => void)[] = [];
      await db.transaction(async (tx) => {
        const { row } = await loadCase(ctx, actor, id, 'rumor.approve', { tx, forUpdate: true });
        if (row.conclusionState !== 'approved' || !row.verdict) throw new AppError('RUMOR_NOT_CONCLUDED');
        const label = RUMOR_VERDICT_LABELS[row.verdict as RumorVerdict];
        if (label.rating === null) throw new AppError('RUMOR_NO_RATING', { verdict: label.vi });
        if (row.correctionPostId) throw new AppError('RUMOR_CORRECTION_EXISTS');
        const now = clock.now();
        let section = sections.find((s) => s.ownerUnitId === unit.id && s.slug.startsWith(CORRECTION_SECTION.slug));
        if (!section) {
          const taken = sections.some((s) => s.slug === CORRECTION_SECTION.slug);
          section = await deps.publishing.createSection(
            a,
            { slug: taken ? `${CORRECTION_SECTION.slug}-${row.unitId.slice(0, 8)}` : CORRECTION_SECTION.slug, name: CORRECTION_SECTION.name, ownerUnitId: unit.id, position: 900 },
            { tx, permission: 'rumor.approve', afterCommit: (w) => afterCommit.push(w) },
          );
        }
        const slug = `dinh-chinh-${row.code.toLowerCase()}`;
        const base = ctx.publicUrl().replace(/\/$/, '');
        const url = `${base}/bai-viet/${slug}`;
        const reports = await repo.reportsOfCase(tx, row.id);
        const first = row.firstAppearanceUrl ?? reports.flatMap((r) => r.urls)[0] ?? null;
        const appearances = [...(first ? [first] : []), ...reports.flatMap((r) => r.urls)];
        const structuredData = claimReview({
          url,
          datePublished: now,
          headline: input.title,
          claimReviewed: row.title,
          verdict: row.verdict as RumorVerdict,
          appearances,
          firstAppearance: first ? { url: first, datePublished: row.firstSeenAt } : null,
          author: { name: unit.name, url: base },
        });
        const paragraphs = input.body
          .split(/\n{2,}|\r?\n/)
          .map((x) => x.trim())
          .filter(Boolean);
        const html = [
          `<p><strong>Kết luận: ${escHtml(label.vi)}.</strong> ${escHtml(row.verdictSummary ?? '')}</p>`,
          `<p><em>Thông tin được xác minh: “${escHtml(row.title)}”.</em></p>`,
          ...paragraphs.map((x) => `<p>${escHtml(x)}</p>`),
        ].join('\n');
        const post = await deps.publishing.createPost(
          a,
          {
            sectionId: section.id,
            title: input.title,
            slug,
            summary: clip(`${label.vi}: ${row.verdictSummary ?? row.title}`, 300),
            body: html,
            tags: ['đính chính'],
            authorUnitId: unit.id,
          },
          { tx, structuredData },
        );
        await deps.publishing.publishPost(a, post.id, undefined, { tx, afterCommit: (w) => afterCommit.push(w) });
        let broadcastId: string | null = null;
        if (input.channels.sms) {
          const smsText = `DINH CHINH: Thong tin "${clip(row.title, 60)}" la ${label.vi}. Chi tiet: ${url}`;
          broadcastId = (
            await deps.broadcasts.createBroadcast(
              a,
              { unitId: unit.id, title: clip(`Đính chính: ${row.title}`, 200), priority: 'uu_tien', smsText, unaccented: true, audience: { unitIds: [areaUnitId], listIds: [] } },
              { tx },
            )
          ).id;
        }
        let bulletinId: string | null = null;
        if (input.channels.loudspeaker) {
          bulletinId = (
            await deps.bulletins.createBulletin(
              a,
              {
                unitId: unit.id,
                title: clip(`Đính chính: ${row.title}`, 200),
                priority: 'uu_tien',
                source: 'tts',
                text: clip(`${input.title}. ${label.vi}. ${paragraphs.join(' ')}`, 2000),
                repeat: 1,
              },
              { tx },
            )
          ).id;
        }
        let publications = 0;
        if (pages.length) {
          const out = await deps.socialPublishing.publish(
            a,
            unit.id,
            { source: { kind: 'text', title: input.title, text: clip(`${label.vi}: ${row.verdictSummary ?? row.title}`, 4000), link: url }, accountIds: pages.map((p) => p.id) },
            undefined,
            { tx },
          );
          publications = out.publications.length;
        }
        await repo.updateCase(tx, row.id, { correctionPostId: post.id, correctionBroadcastId: broadcastId, updatedAt: now });
        await audit(tx, a, row, 'rumor.correction.publish', { postId: post.id, url, broadcastId, bulletinId, socialPublications: publications, verdict: row.verdict });
        await deps.notifyRequesters(tx, a, (await repo.findCase(tx, row.id))!, url);
        await closeIfDone(ctx, tx, a, row.id);
      });
      for (const w of afterCommit) w();
      return caseDetail(ctx, deps, a, (await repo.findCase(db, id))!, unit, db);
    },
  };
}

export type ActionsService = ReturnType<typeof createActionsService>;
