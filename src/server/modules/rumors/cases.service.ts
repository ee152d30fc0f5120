import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { RUMOR_STATUS_LABELS, RUMOR_VERDICT_LABELS } from '../../../shared/contracts/rumors.ts';
import type {
  RumorActionView,
  RumorCaseDetail,
  RumorCaseListQueryInput,
  RumorCaseSummary,
  RumorCaseUpdate,
  RumorConclusion,
  RumorEvidenceCreate,
  RumorEvidenceKind,
  RumorEvidenceView,
  RumorStatus,
  RumorActionKind,
  RumorActionState,
  RumorVerdict,
} from '../../../shared/contracts/rumors.ts';
import { foldText, respondByFor } from './reports.core.ts';
import { authorize, can } from '../access/index.ts';
import type { Actor, Role } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { UnitRecord } from '../units/index.ts';
import * as repo from './cases.repository.ts';
import type { RumorCaseRow } from './cases.repository.ts';
import * as actionsRepo from './actions.repository.ts';
import type { ActionListRow, EvidenceRow } from './actions.repository.ts';
import { loadCase, mayIn, readablePrefix } from './rumors.context.ts';
import type { RumorsContext } from './rumors.context.ts';
import { presentCaseSummary, presentReport } from './rumors.present.ts';

/** The published correction as the case shows it (read from the portal: only a published post has a URL). */
export type CorrectionReader = (postId: string, tx: Db) => Promise<{ url: string; publishedAt: string | null } | null>;

export interface CasesDeps {
  /** The correction's public address and publication time (publishing.portal.postById). */
  correction: CorrectionReader;
  /** How many social publications carry the correction's link, as the actor may see them (0 without social.read). */
  socialCount?: (actor: Actor, unitId: string, link: string) => Promise<number>;
  /** Enqueues the requesters' notifications (notify.jobs.ts) in the caller's transaction; returns how many. */
  notifyRequesters: (tx: Db, a: Actor, row: RumorCaseRow, link: string | null) => Promise<number>;
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** The conclusion's audit view: the verdict and summary — never a reporter. */
const conclusionView = (r: RumorCaseRow) => ({ status: r.status, verdict: r.verdict, conclusionState: r.conclusionState, verdictSummary: r.verdictSummary });

/**
 * Closing (retention counts from closed_at): a case is closed once its conclusion is approved, no confirmation request
 * or police hand-off still waits for its answer (a press request expects none), and its outcome is public — the
 * correction published, or a verdict with nothing to correct (true, out of scope). Approving, answering the last open
 * request or publishing the correction closes it; a police hand-off made after closing reopens it until answered.
 */
export function closable(r: RumorCaseRow, openActions: number): boolean {
  if (r.conclusionState !== 'approved' || openActions > 0) return false;
  return r.correctionPostId !== null || r.verdict === 'true' || r.verdict === 'out_of_scope';
}

export async function closeIfDone(ctx: RumorsContext, tx: Db, a: Actor, caseId: string): Promise<void> {
  const row = await repo.findCase(tx, caseId);
  if (!row || row.closedAt) return;
  if (!closable(row, await actionsRepo.openActionCount(tx, caseId))) return;
  const now = ctx.clock.now();
  await repo.updateCase(tx, caseId, { closedAt: now, updatedAt: now });
  await recordAudit(tx, a, { action: 'rumor.case.close', entity: 'rumor_case', entityId: caseId, unitId: row.unitId, after: { closedAt: now.toISOString() } });
}

function presentEvidence(e: EvidenceRow, names: Map<string, string>): RumorEvidenceView {
  return {
    id: e.id,
    kind: e.kind as RumorEvidenceKind,
    title: e.title,
    url: e.url,
    note: e.note,
    file: e.fileId ? { id: e.fileId, type: e.fileType } : null,
    directiveId: e.directiveId,
    createdBy: e.createdBy ? { id: e.createdBy, name: names.get(e.createdBy) ?? '' } : null,
    createdAt: e.createdAt.toISOString(),
  };
}

function presentAction(r: ActionListRow, names: Map<string, string>): RumorActionView {
  return {
    id: r.id,
    kind: r.kind as RumorActionKind,
    targetUnit: r.targetUnitId ? { id: r.targetUnitId, name: r.targetUnitName ?? '' } : null,
    question: r.question,
    legalBasisCodes: r.legalBasisCodes,
    directiveId: r.directiveId,
    taskId: r.taskId,
    state: r.state as RumorActionState,
    response: r.response,
    respondedAt: iso(r.respondedAt),
    informantAttached: r.informantAttachedBy !== null,
    createdBy: r.createdBy ? { id: r.createdBy, name: names.get(r.createdBy) ?? '' } : null,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * A case as the desk sees it: reports (never who), evidence, actions, the correction and what the actor may do.
 * Read after the use case's commit (`tx` = the handle): the social publications are read through their own module.
 */
export async function caseDetail(ctx: RumorsContext, deps: CasesDeps, actor: Actor, row: RumorCaseRow, unit: UnitRecord, tx: Db): Promise<RumorCaseDetail> {
  const [reports, evidence, actions] = await Promise.all([repo.reportsOfCase(tx, row.id), actionsRepo.evidenceOfCase(tx, row.id), actionsRepo.actionsOfCase(tx, row.id)]);
  const kinds = await actionsRepo.contactKinds(
    tx,
    reports.flatMap((r) => (r.informantId ? [r.informantId] : [])),
  );
  const people = [row.assigneeId, row.proposedBy, row.approvedBy, ...evidence.map((e) => e.createdBy), ...actions.map((x) => x.createdBy)].filter((x): x is string => !!x);
  const names = await repo.userNames(tx, [...new Set(people)]);
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const summary = presentCaseSummary({ ...row, unitName: unit.name, assigneeName: row.assigneeId ? (names.get(row.assigneeId) ?? null) : null }, ctx.clock.now());
  let correction: RumorCaseDetail['correction'] = null;
  if (row.correctionPostId) {
    const c = await deps.correction(row.correctionPostId, tx);
    correction = {
      postId: row.correctionPostId,
      url: c?.url ?? '',
      publishedAt: c?.publishedAt ?? null,
      broadcastId: row.correctionBroadcastId,
      socialPublications: deps.socialCount && c?.url ? await deps.socialCount(actor, row.unitId, c.url) : 0,
    };
  }
  const write = mayIn(actor, 'rumor.write', unit.path);
  const approve = mayIn(actor, 'rumor.approve', unit.path);
  const rating = row.verdict ? RUMOR_VERDICT_LABELS[row.verdict as RumorVerdict].rating : null;
  return {
    ...summary,
    claim: row.claim,
    verdictSummary: row.verdictSummary,
    proposedBy: person(row.proposedBy),
    proposedAt: iso(row.proposedAt),
    approvedBy: person(row.approvedBy),
    approvedAt: iso(row.approvedAt),
    firstAppearanceUrl: row.firstAppearanceUrl,
    closedAt: iso(row.closedAt),
    requestersNotifiedAt: iso(row.requestersNotifiedAt),
    reports: reports.map((r) => presentReport(r, r.informantId ? (kinds.get(r.informantId) ?? null) !== null : false)),
    evidence: evidence.map((e) => presentEvidence(e, names)),
    actions: actions.map((x) => presentAction(x, names)),
    correction,
    capabilities: {
      canWrite: write,
      canApprove: approve && row.conclusionState === 'proposed' && row.proposedBy !== actor.userId,
      canReveal: mayIn(actor, 'rumor.reveal', unit.path),
      canPublish: approve && row.conclusionState === 'approved' && rating !== null && row.correctionPostId === null,
      canStartVerification: write && row.status === 'unverified',
      canPropose: write && row.status !== 'concluded' && row.conclusionState !== 'proposed',
    },
  };
}

/** Runs one step on a case: load and lock it, act (the step audits), commit; answers the case as it is after the commit. */
export function createCaseStep(ctx: RumorsContext, deps: CasesDeps) {
  const { db, clock } = ctx;

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

  async function audit(tx: Db, a: Actor, row: RumorCaseRow, { action, after }: { action: string; after: Record<string, unknown> }) {
    await recordAudit(tx, a, { action, entity: 'rumor_case', entityId: row.id, unitId: row.unitId, after });
  }

  return { caseStep, audit };
}

/** The desk's cases: lists, the detail, editing and assignment, evidence, the conclusion (proposed, approved or returned). */
export function createCasesService(ctx: RumorsContext, deps: CasesDeps) {
  const { db, clock } = ctx;

  const { caseStep: step } = createCaseStep(ctx, deps);

  const badState = (r: RumorCaseRow) =>
    new AppError('RUMOR_BAD_STATE', { state: r.conclusionState === 'proposed' ? 'Chờ lãnh đạo duyệt kết luận' : RUMOR_STATUS_LABELS[r.status as RumorStatus].vi });

  return {
    async listCases(actor: Actor, q: RumorCaseListQueryInput): Promise<{ cases: RumorCaseSummary[]; total: number }> {
      authorize(actor, 'rumor.read', { unitPath: actor.unitPath });
      const { rows, total } = await repo.listCases(db, {
        prefix: readablePrefix(actor),
        status: q.status,
        verdict: q.verdict,
        severity: q.severity,
        folded: q.q ? foldText(q.q) : undefined,
        assigneeId: q.mine ? actor.userId : undefined,
        limit: q.limit,
        offset: q.offset,
      });
      const now = clock.now();
      return { cases: rows.map((r) => presentCaseSummary(r, now)), total };
    },

    /** GET /api/rumors/cases/:id: 404 outside the actor's read scope. */
    async getCase(actor: Actor, id: string): Promise<RumorCaseDetail> {
      const { row, unit, a } = await loadCase(ctx, actor, id, 'rumor.read');
      return caseDetail(ctx, deps, a, row, unit, db);
    },

    /**
     * Title, claim, first appearance, severity (the deadline follows, from the first report), the assignee (a user of
     * the case's unit who may write cases), and starting verification (unverified → verifying). Not once concluded.
     */
    updateCase: (actor: Actor, id: string, input: RumorCaseUpdate) =>
      step(actor, id, 'rumor.write', async ({ row, unit, a, tx, now }) => {
        if (row.status === 'concluded') throw badState(row);
        const patch: repo.CasePatch = {};
        if (input.title !== undefined) patch.title = input.title;
        if (input.claim !== undefined) patch.claim = input.claim;
        if (input.firstAppearanceUrl !== undefined) patch.firstAppearanceUrl = input.firstAppearanceUrl;
        if (input.severity !== undefined && input.severity !== row.severity) {
          patch.severity = input.severity;
          patch.respondBy = respondByFor(input.severity, row.firstSeenAt ?? row.createdAt);
        }
        if (input.assigneeId !== undefined && input.assigneeId !== row.assigneeId) {
          if (input.assigneeId !== null) {
            const u = await actionsRepo.findUserBrief(tx, input.assigneeId);
            const writer =
              u &&
              !u.disabled &&
              u.unitId === unit.id &&
              can({ ...a, userId: u.id, unitId: u.unitId, unitPath: unit.path, roles: u.roles as Role[] }, 'rumor.write', { unitPath: unit.path });
            if (!writer) throw new AppError('RUMOR_BAD_ASSIGNEE');
          }
          patch.assigneeId = input.assigneeId;
        }
        if (input.status === 'verifying') {
          if (row.status !== 'unverified') throw badState(row);
          patch.status = 'verifying';
        }
        if (Object.keys(patch).length === 0) return;
        await repo.updateCase(tx, row.id, { ...patch, updatedAt: now });
        const pick = (r: Partial<RumorCaseRow>) => Object.fromEntries(Object.keys(patch).map((k) => [k, (r as Record<string, unknown>)[k] ?? null]));
        const step = input.status === 'verifying' ? 'verify' : patch.assigneeId !== undefined && Object.keys(patch).length === 1 ? 'assign' : 'update';
        await recordAudit(tx, a, {
          action: ({ verify: 'rumor.case.start_verification', assign: 'rumor.case.assign', update: 'rumor.case.update' } as const)[step],
          entity: 'rumor_case',
          entityId: row.id,
          unitId: row.unitId,
          before: pick(row),
          after: pick({ ...row, ...patch }),
        });
      }),

    /** Evidence: a document, a link or a note (answers come from recording an action's answer). */
    addEvidence: (actor: Actor, id: string, input: RumorEvidenceCreate) =>
      step(actor, id, 'rumor.write', async ({ row, a, tx, now }) => {
        const e = await actionsRepo.insertEvidence(tx, {
          id: randomUUID(),
          caseId: row.id,
          kind: input.kind,
          title: input.title,
          url: input.url ?? null,
          note: input.note ?? null,
          directiveId: input.directiveId ?? null,
          createdBy: a.userId,
          createdAt: now,
        });
        await repo.updateCase(tx, row.id, { updatedAt: now });
        await recordAudit(tx, a, {
          action: 'rumor.evidence.add',
          entity: 'rumor_case',
          entityId: row.id,
          unitId: row.unitId,
          after: { evidenceId: e.id, kind: e.kind, title: e.title, url: e.url },
        });
      }),

    /** The officer proposes the verdict (from unverified or verifying; again after a return): a leader approves it. */
    proposeConclusion: (actor: Actor, id: string, input: RumorConclusion) =>
      step(actor, id, 'rumor.write', async ({ row, a, tx, now }) => {
        if (row.status === 'concluded' || row.conclusionState === 'proposed') throw badState(row);
        const after = await repo.updateCase(tx, row.id, {
          status: 'verifying',
          verdict: input.verdict,
          verdictSummary: input.summary,
          conclusionState: 'proposed',
          proposedBy: a.userId,
          proposedAt: now,
          approvedBy: null,
          approvedAt: null,
          updatedAt: now,
        });
        await recordAudit(tx, a, {
          action: 'rumor.conclusion.propose',
          entity: 'rumor_case',
          entityId: row.id,
          unitId: row.unitId,
          before: conclusionView(row),
          after: conclusionView(after!),
        });
      }),

    /**
     * The leader approves the proposed conclusion: the case is concluded. Four eyes: the one who proposed it may not
     * approve it (RUMOR_OWN_PROPOSAL). A verdict with nothing to correct (true, out of scope) tells the requesters now;
     * the others are told when the correction is published.
     */
    approveConclusion: (actor: Actor, id: string) =>
      step(actor, id, 'rumor.approve', async ({ row, a, tx, now }) => {
        if (row.conclusionState !== 'proposed') throw badState(row);
        if (row.proposedBy === a.userId) throw new AppError('RUMOR_OWN_PROPOSAL');
        const after = await repo.updateCase(tx, row.id, { status: 'concluded', conclusionState: 'approved', approvedBy: a.userId, approvedAt: now, updatedAt: now });
        await recordAudit(tx, a, {
          action: 'rumor.conclusion.approve',
          entity: 'rumor_case',
          entityId: row.id,
          unitId: row.unitId,
          before: conclusionView(row),
          after: conclusionView(after!),
        });
        if (RUMOR_VERDICT_LABELS[row.verdict as RumorVerdict].rating === null || row.verdict === 'true') await deps.notifyRequesters(tx, a, after!, null);
        await closeIfDone(ctx, tx, a, row.id);
      }),

    /** The leader returns the proposal with a note (kept as a note of the case): the officer revises and proposes again. */
    returnConclusion: (actor: Actor, id: string, note: string) =>
      step(actor, id, 'rumor.approve', async ({ row, a, tx, now }) => {
        if (row.conclusionState !== 'proposed') throw badState(row);
        const after = await repo.updateCase(tx, row.id, { conclusionState: null, updatedAt: now });
        await actionsRepo.insertEvidence(tx, {
          id: randomUUID(),
          caseId: row.id,
          kind: 'note',
          title: `Lãnh đạo trả lại đề xuất kết luận "${RUMOR_VERDICT_LABELS[row.verdict as RumorVerdict].vi}"`,
          note,
          createdBy: a.userId,
          createdAt: now,
        });
        await recordAudit(tx, a, {
          action: 'rumor.conclusion.return',
          entity: 'rumor_case',
          entityId: row.id,
          unitId: row.unitId,
          before: conclusionView(row),
          after: { ...conclusionView(after!), note },
        });
      }),
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
