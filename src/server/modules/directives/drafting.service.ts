import { inTx } from '../../db/unit-of-work.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize, can, isWithin } from '../access/index.ts';
import type { Actor, Permission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as attachmentsRepo from './attachments.repository.ts';
import { invalidState, loadFor, presentFor } from './directives.deps.ts';
import type { DirectivesDeps } from './directives.deps.ts';
import { EMPTY_BODY, auditView, parseBody, strings } from './directives.present.ts';
import * as repo from './directives.repository.ts';
import type { DirectiveInsert } from './directives.repository.ts';
import type { CitationIn, CreateDirectiveInput, UpdateDirectiveInput } from './directives.schemas.ts';
import { bodyText, symbolKey } from './dispatch.ts';
import { WORKFLOW, isAllowedFrom } from './workflow.ts';

// Drafting: create, edit, amend (a new draft from an issued directive).

export function citationRows(citations: readonly CitationIn[]) {
  return citations.map((c, position) => ({
    position,
    type: c.type ?? null,
    number: c.number,
    symbol: c.symbol,
    symbolKey: symbolKey(c.symbol),
    date: c.date ?? null,
  }));
}

/** The columns an edit may set, from the fields present in the input. */
export function contentPatch(input: UpdateDirectiveInput): Partial<DirectiveInsert> {
  const p: Partial<DirectiveInsert> = {};
  if (input.issuerParent !== undefined) p.issuerParent = input.issuerParent;
  if (input.issuer) p.issuer = input.issuer;
  if (input.docType) p.docType = input.docType;
  if (input.symbol) {
    p.symbol = input.symbol;
    p.symbolKey = symbolKey(input.symbol);
  }
  if (input.place !== undefined) p.place = input.place;
  if (input.subject) p.subject = input.subject;
  if (input.urgency !== undefined) p.urgency = input.urgency;
  if (input.circulation !== undefined) p.circulation = input.circulation;
  if (input.legalBases) p.legalBases = input.legalBases;
  if (input.body) p.body = input.body;
  if (input.addressees) p.addressees = input.addressees;
  if (input.recipients) {
    p.recipientUnitIds = [...new Set(input.recipients.units)];
    p.recipientGroupIds = [...new Set(input.recipients.groups)];
  }
  if (input.cc) p.cc = input.cc;
  if (input.archive) p.archive = input.archive;
  if (input.signer) {
    const s = input.signer;
    if (s.authority !== undefined) p.signerAuthority = s.authority;
    if (s.position !== undefined) p.signerPosition = s.position;
    if (s.title !== undefined) p.signerTitle = s.title;
    if (s.name !== undefined) p.signerName = s.name;
    if (s.userId !== undefined) p.signerUserId = s.userId;
  }
  if (input.attachments) p.attachments = input.attachments;
  if (input.public !== undefined) p.public = input.public;
  return p;
}

/** The columns every new directive takes from its input and its issuing unit. */
export function newDirectiveRow(issuer: { id: string; name: string }, input: Pick<CreateDirectiveInput, 'issuer' | 'docType' | 'symbol' | 'subject' | 'body' | 'legalBases'>) {
  const body = input.body ?? EMPTY_BODY;
  const legalBases = input.legalBases ?? [];
  return {
    issuerUnitId: issuer.id,
    issuer: input.issuer ?? issuer.name,
    docType: input.docType,
    symbol: input.symbol,
    symbolKey: symbolKey(input.symbol),
    subject: input.subject,
    body,
    bodyText: bodyText(body, legalBases),
    legalBases,
  };
}

/** Decree 30: the signer is a leader of the issuing unit, i.e. holds the approver role over it. */
async function checkSigner(deps: DirectivesDeps, userId: string, issuerPath: string, issuerName: string): Promise<void> {
  const u = await repo.findUserForSigning(deps.db, userId);
  const ok = u && !u.disabledAt && u.roles.includes('approver') && isWithin(issuerPath, u.unitPath);
  if (!ok) throw new AppError('SIGNER_NOT_ALLOWED', { unit: issuerName });
}

/** Units, groups, signer and reference named by a draft must exist and be usable by its issuer. */
async function checkReferences(
  deps: DirectivesDeps,
  a: Actor,
  issuerPath: string,
  issuerName: string,
  input: UpdateDirectiveInput & { references?: CreateDirectiveInput['references'] },
  opts: InTx = {},
) {
  const { db } = deps;
  if (input.recipients) {
    const unitIds = [...new Set(input.recipients.units)];
    const found = new Set((await deps.units.byIds(unitIds, opts)).map((u) => u.id));
    const missing = unitIds.find((id) => !found.has(id));
    if (missing) throw new AppError('UNKNOWN_UNIT', { unit: missing });
    const groupIds = [...new Set(input.recipients.groups)];
    const groups = await repo.findGroupsByIds(db, groupIds);
    // A group the drafter may not read is reported as unknown: its existence is not revealed.
    const usable = new Set(groups.filter((g) => can(a, 'group.read', { unitPath: g.ownerPath })).map((g) => g.id));
    const missingGroup = groupIds.find((id) => !usable.has(id));
    if (missingGroup) throw new AppError('UNKNOWN_GROUP', { group: missingGroup });
  }
  if (input.signer?.userId) await checkSigner(deps, input.signer.userId, issuerPath, issuerName);
  if (input.references) {
    const target = await repo.findDirectiveById(db, input.references.directiveId);
    if (!target || target.status !== 'issued' || !can(a, 'directive.read', { unitPath: target.issuerPath })) throw new AppError('DIRECTIVE_REFERENCE_INVALID');
  }
}

/**
 * A new draft. With `opts.tx` it runs inside the caller's transaction (broadcasts: approving a telco request drafts
 * its công văn); `opts.permission` names what lets the actor draft it when that is not directive.draft (the approver
 * of a telco request holds broadcast.approve over the issuing unit).
 */
export async function createDirective(deps: DirectivesDeps, actor: Actor, input: CreateDirectiveInput, opts: InTx & { permission?: Permission } = {}) {
  // Inside a caller's transaction every read goes through it (a read outside would wait for it).
  const reader = opts.tx ? { ...deps, db: opts.tx } : deps;
  const issuer = await deps.units.byId(input.issuerUnitId, opts);
  if (!issuer) throw new AppError('UNKNOWN_UNIT', { unit: input.issuerUnitId });
  const a = authorize(actor, opts.permission ?? 'directive.draft', { unitPath: issuer.path }, 'directive.read');
  await checkReferences(reader, a, issuer.path, issuer.name, input, opts);
  const row = await inTx(deps.db, opts, async (tx) => {
    const created = await repo.insertDirective(tx, {
      ...contentPatch(input),
      ...newDirectiveRow(issuer, input),
      status: 'draft',
      createdBy: a.userId,
      refersToId: input.references?.directiveId ?? null,
      refersAs: input.references?.relation ?? null,
    });
    await repo.replaceCitations(tx, created.id, citationRows(input.citations ?? []));
    await recordAudit(tx, a, { action: 'directive.create', entity: 'directive', entityId: created.id, unitId: issuer.id, after: auditView(created) });
    return created;
  });
  return presentFor(reader, a, row, issuer.path);
}

export async function updateDirective(deps: DirectivesDeps, actor: Actor, id: string, input: UpdateDirectiveInput) {
  const { a, d } = await loadFor(deps, actor, id, 'directive.draft');
  if (!isAllowedFrom('edit', d.status)) throw invalidState(d, WORKFLOW.edit.label);
  await checkReferences(deps, a, d.issuerPath, d.issuer, input);
  const patch = contentPatch(input);
  if (input.body || input.legalBases) patch.bodyText = bodyText(input.body ?? parseBody(d.body), input.legalBases ?? strings(d.legalBases));
  const row = await deps.db.transaction(async (tx) => {
    const updated = await repo.updateDirectiveIf(tx, id, WORKFLOW.edit.from, patch);
    if (!updated) throw invalidState((await repo.findDirectiveById(tx, id)) ?? d, WORKFLOW.edit.label);
    if (input.citations) await repo.replaceCitations(tx, id, citationRows(input.citations));
    await recordAudit(tx, a, { action: 'directive.update', entity: 'directive', entityId: id, unitId: d.issuerUnitId, before: auditView(d), after: auditView(updated) });
    return updated;
  });
  deps.changed();
  return presentFor(deps, a, row, d.issuerPath);
}

/** Amendment: a new draft that copies an issued directive and references it ("amends"). */
export async function amendDirective(deps: DirectivesDeps, actor: Actor, id: string) {
  const { clock } = deps;
  const { a, d } = await loadFor(deps, actor, id, 'directive.draft');
  if (!isAllowedFrom('amend', d.status)) throw invalidState(d, WORKFLOW.amend.label);
  const row = await deps.db.transaction(async (tx) => {
    const { id: _id, number: _n, year: _y, date: _date, searchText: _s, issuerPath: _p, ...content } = d;
    const created = await repo.insertDirective(tx, {
      ...content,
      status: 'draft',
      refersToId: d.id,
      refersAs: 'amends',
      createdBy: a.userId,
      returnedFrom: null,
      returnComment: null,
      submittedAt: null,
      approvedBy: null,
      approvedAt: null,
      signedAt: null,
      signerUserId: null,
      issuedBy: null,
      issuedAt: null,
      revokedBy: null,
      revokedAt: null,
      revokeReason: null,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    const citations = await repo.findCitations(tx, d.id);
    await repo.replaceCitations(
      tx,
      created.id,
      citations.map(({ citedId: _c, directiveId: _d, ...c }) => c),
    );
    await attachmentsRepo.copyAttachments(tx, d.id, created.id, a.userId, clock.now());
    await recordAudit(tx, a, {
      action: 'directive.amend',
      entity: 'directive',
      entityId: created.id,
      unitId: d.issuerUnitId,
      after: { ...auditView(created), amends: d.id },
    });
    return created;
  });
  return presentFor(deps, a, row, d.issuerPath);
}
