// What the desk asks of others and tells the public (issue #15 points 3–4): confirmation requests (a task or a công
// văn to the competent body) and their answers, the hand-off to the police with legal bases and the evidence list,
// the press request, and the public correction — a portal article carrying ClaimReview, a broadcast draft and the
// social pages, in one transaction — after which every requester who left a contact is told (notify.jobs.ts).
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { RumorConfirmationCreate, RumorPoliceCreate, RumorPressCreate } from '../../../shared/contracts/rumors.ts';
import type { Actor } from '../access/index.ts';
import { CreateDirectiveBody } from '../directives/index.ts';
import { CreateTaskBody } from '../tasks/index.ts';
import type { UnitRecord } from '../units/index.ts';
import { confirmationInput, policeInput, pressInput } from './actions.document.ts';
import type { DocCase, InformantLine } from './actions.document.ts';
import * as actionsRepo from './actions.repository.ts';
import * as repo from './cases.repository.ts';
import type { RumorCaseRow } from './cases.repository.ts';
import { closeIfDone, createCaseStep } from './cases.service.ts';
import { clip } from './actions.kit.ts';
import type { ActionsDeps } from './actions.kit.ts';
import { createCorrectionService } from './correction.service.ts';
import { createLegalBasesService } from './legal-bases.service.ts';
import { deskUnit } from './rumors.context.ts';
import type { RumorsContext } from './rumors.context.ts';

export type { ActionsDeps, OpenIdentity } from './actions.kit.ts';
export { CORRECTION_SECTION } from './correction.service.ts';

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

export function createActionsService(ctx: RumorsContext, deps: ActionsDeps) {
  const { units } = ctx;
  const legal = createLegalBasesService(ctx);
  const { caseStep, audit } = createCaseStep(ctx, deps);
  const correction = createCorrectionService(ctx, deps);
  const { basesOf } = legal;

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

  return {
    /** For the notification job only (notify.jobs.ts): the vault's opener, bound in the module's create. */
    openIdentityForJob: deps.openIdentity,
    ...legal.service,
    publishCorrection: correction.publishCorrection,

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
        await audit(tx, a, row, { action: 'rumor.action.confirmation', after: { actionId: action.id, via: input.via, targetUnitId: t.id, directiveId, taskId } });
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
        if (row.closedAt) await audit(tx, a, row, { action: 'rumor.case.reopen', after: { closedAt: null, reason: 'police' } });
        await audit(tx, a, row, {
          action: 'rumor.action.police',
          after: { actionId: action.id, targetUnitId: t.id, directiveId: directive.id, legalBasisCodes: codes, evidence: chosen.length },
        });
        if (informants.length) {
          await audit(tx, a, row, {
            action: 'rumor.informant.attach',
            after: {
              actionId: action.id,
              directiveId: directive.id,
              reportCodes: informants.map((i) => i.reportCode),
              reason: input.attachInformants!.reason,
            },
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
        await audit(tx, a, row, {
          action: 'rumor.action.press',
          after: {
            actionId: action.id,
            targetUnitIds: targets.map((x) => x.id),
            groupId: input.recipientGroupId ?? null,
            directiveId: directive.id,
          },
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
        await audit(tx, a, row, { action: 'rumor.action.answer', after: { actionId: act.id, kind: act.kind, evidenceId: evidence.id } });
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
        await audit(tx, a, row, { action: 'rumor.action.cancel', after: { actionId: act.id, kind: act.kind, note } });
        await closeIfDone(ctx, tx, a, row.id);
      }),
  };
}

export type ActionsService = ReturnType<typeof createActionsService>;
