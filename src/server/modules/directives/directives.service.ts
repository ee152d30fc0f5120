import type { Readable } from 'node:stream';
import type { Db } from '../../db/client.ts';
import { inTx } from '../../db/unit-of-work.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { renderDirectiveDocx, renderDirectivePdf } from './render/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { foldDiacritics, formatVnDate, vnDateKey } from '../../platform/text.ts';
import { authorize, can, hasGlobalScope, isWithin, systemActor } from '../access/index.ts';
import type { Actor, Permission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { GroupRule, editionLabel, expandRule, findUnitById, findUnitsByIds, inForceAt } from '../units/index.ts';
import * as attachmentsRepo from './attachments.repository.ts';
import type { AttachmentRow } from './attachments.repository.ts';
import { ATTACHMENT_FILE_TYPES, ATTACHMENT_MAX_BYTES, attachmentFileName, sniffAttachmentType } from './attachments.files.ts';
import { JOB_ID_PREFIX, notifyRecipientJob } from './directives.jobs.ts';
import type { NotifyKind } from './directives.jobs.ts';
import { enqueueMany } from '../../jobs/queue.ts';
import * as repo from './directives.repository.ts';
import type { DirectiveInsert, DirectiveRow, DirectiveWithPath } from './directives.repository.ts';
import { ATTACHMENT_KIND_LABELS, Attachment, Body, CcEntry, DOC_TYPES, LIMITS, PublicDirectivesQuery, STATUS_LABELS } from './directives.schemas.ts';
import type {
  AttachmentKind,
  CitationIn,
  CreateDirectiveInput,
  DirectiveStatus,
  DocType,
  IssueInput,
  PublicDirectivesInput,
  SearchInput,
  TrackingInput,
  UpdateDirectiveInput,
} from './directives.schemas.ts';
import { bodyText, formatNumber, fullSymbol, symbolKey, toParsedDispatch } from './dispatch.ts';

export interface ReminderPolicy {
  /** Remind a recipient that has not acknowledged this long after delivery. */
  remindAfterHours: number;
  /** Then tell its parent unit this long after delivery. */
  escalateAfterHours: number;
}
export const DEFAULT_REMINDERS: ReminderPolicy = { remindAfterHours: 48, escalateAfterHours: 96 };

const EMPTY_BODY: Body = { opening: [], sections: [], closing: [] };
const iso = (d: Date | null) => d?.toISOString() ?? null;
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function presentSummary(d: DirectiveRow) {
  return {
    id: d.id,
    issuerUnitId: d.issuerUnitId,
    issuer: d.issuer,
    docType: d.docType,
    number: formatNumber(d.number),
    symbol: d.symbol,
    fullSymbol: fullSymbol(d),
    year: d.year,
    date: d.date,
    subject: d.subject,
    urgency: d.urgency,
    status: d.status as DirectiveStatus,
    issuedAt: iso(d.issuedAt),
  };
}
export type DirectiveSummary = ReturnType<typeof presentSummary>;

function parseBody(v: unknown): Body {
  const parsed = Body.safeParse(v);
  return parsed.success ? parsed.data : EMPTY_BODY;
}

function invalidState(d: { status: string }, action: string): AppError {
  return new AppError('DIRECTIVE_INVALID_STATE', { status: STATUS_LABELS[d.status as DirectiveStatus] ?? d.status, action });
}

function citationRows(citations: readonly CitationIn[]) {
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
function contentPatch(input: UpdateDirectiveInput): Partial<DirectiveInsert> {
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

/** What the audit trail keeps of a directive. */
function auditView(d: DirectiveRow) {
  return {
    status: d.status,
    docType: d.docType,
    number: d.number,
    year: d.year,
    symbol: d.symbol,
    date: d.date,
    subject: d.subject,
    urgency: d.urgency,
    signerUserId: d.signerUserId,
    recipientUnitIds: d.recipientUnitIds,
    recipientGroupIds: d.recipientGroupIds,
  };
}

/** A document received outside Loa, as confirmed by the officer who imported it. */
export type ReceivedDirectiveInput = Omit<CreateDirectiveInput, 'references'> & {
  receiverUnitId: string;
  /** The printed number; kept only with a full date (the register is per year). */
  number?: number | null;
  date?: string | null;
  /** Where it came from (e.g. the import id), kept in the audit trail. */
  source?: string | null;
};

/** Statuses in which files may be added (the drafter can still change the draft) and removed. */
const ATTACH_FROM = ['draft', 'submitted', 'returned'] as const;
const DETACH_FROM = ['draft', 'returned'] as const;

export function presentAttachment(r: AttachmentRow) {
  const kind = r.kind as AttachmentKind;
  return {
    id: r.id,
    kind,
    kindLabel: ATTACHMENT_KIND_LABELS[kind] ?? r.kind,
    name: r.fileName,
    mediaType: r.mime,
    sizeBytes: r.size,
    sha256: r.sha256,
    url: `/api/directives/${r.directiveId}/attachments/${r.id}`,
    createdAt: r.createdAt.toISOString(),
  };
}
export type AttachmentView = ReturnType<typeof presentAttachment>;

/** What the public portal shows of an issued (or revoked) public directive: no internal fields. */
export function presentPublicDirective(d: DirectiveRow) {
  return {
    id: d.id,
    docType: d.docType,
    docTypeName: DOC_TYPES[d.docType as DocType] ?? d.docType,
    fullSymbol: fullSymbol(d),
    date: d.date,
    subject: d.subject,
    issuerParent: d.issuerParent,
    issuer: d.issuer,
    signerPosition: d.signerPosition,
    signerName: d.signerName,
    bodyText: d.bodyText,
    status: d.status === 'revoked' ? ('revoked' as const) : ('issued' as const),
    revokedAt: iso(d.revokedAt),
    updatedAt: d.updatedAt.toISOString(),
  };
}
export type PublicDirectiveView = ReturnType<typeof presentPublicDirective>;

/** The columns every new directive takes from its input and its issuing unit. */
function newDirectiveRow(
  issuer: { id: string; name: string },
  input: Pick<CreateDirectiveInput, 'issuer' | 'docType' | 'symbol' | 'subject' | 'body' | 'legalBases'>,
) {
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

/** 2025-07-01 → "ngày 01 tháng 07 năm 2025". */
function dateText(key: string): string {
  return formatVnDate(new Date(`${key}T12:00:00+07:00`));
}

/** The workflow steps someone waits on, the status a directive waits in, and who may take the step. */
const AWAITED_STEPS = [
  { step: 'redraft', status: 'returned', permission: 'directive.draft' },
  { step: 'approve', status: 'submitted', permission: 'directive.approve' },
  { step: 'sign', status: 'approved', permission: 'directive.sign' },
  { step: 'issue', status: 'signed', permission: 'directive.issue' },
] as const satisfies readonly { step: string; status: DirectiveStatus; permission: Permission }[];
export type AwaitedStep = (typeof AWAITED_STEPS)[number]['step'];

/** One notice job per (directive, unit) pair, id `<prefix>:<directiveId>:<unitId>`, in the caller's transaction. */
function enqueueNoticePairs(tx: Db, kind: NotifyKind, pairs: readonly { directiveId: string; unitId: string }[], runAt: Date): Promise<number> {
  return enqueueMany(
    tx,
    notifyRecipientJob,
    pairs.map(({ directiveId, unitId }) => ({ id: `${JOB_ID_PREFIX[kind]}:${directiveId}:${unitId}`, payload: { kind, directiveId, unitId }, runAt })),
  );
}

/** One notice per recipient unit of a directive (issued, revoked). */
function enqueueNotices(tx: Db, kind: NotifyKind, directiveId: string, unitIds: readonly string[], runAt: Date): Promise<number> {
  return enqueueNoticePairs(tx, kind, unitIds.map((unitId) => ({ directiveId, unitId })), runAt);
}

export function createDirectivesService(deps: { db: Db; clock: Clock; files: FileStore; reminders?: ReminderPolicy }) {
  const { db, clock, files } = deps;
  const reminders = deps.reminders ?? DEFAULT_REMINDERS;
  /** Told after a change that may alter what the public portal shows (issue, revoke, edit). */
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };

  async function loadOr404(id: string): Promise<DirectiveWithPath> {
    const d = await repo.findDirectiveById(db, id);
    if (!d) throw new AppError('NOT_FOUND');
    return d;
  }

  /** The issuer's scope may read; so may a recipient unit (and its parents) once it is issued. */
  async function canRead(actor: Actor, d: DirectiveWithPath): Promise<boolean> {
    if (can(actor, 'directive.read', { unitPath: d.issuerPath })) return true;
    if (d.status !== 'issued' && d.status !== 'revoked') return false;
    if (!can(actor, 'inbox.read', { unitPath: actor.unitPath })) return false;
    return repo.isRecipientUnder(db, d.id, actor.unitPath);
  }

  /** Loads a directive for a workflow step: 404 when the actor may not even read it, 403 without the permission. */
  async function loadFor(actor: Actor, id: string, permission: Permission) {
    const d = await loadOr404(id);
    const a = authorize(actor, permission, { unitPath: d.issuerPath }, 'directive.read');
    return { a, d };
  }

  /**
   * The recipients of a directive at a date: each Kính gửi entry (explicit units first, then groups)
   * with how many units in force it reaches, the distinct units with the group that brought each,
   * and the names of the entries that reach none (a unit out of force, a group of an old tree).
   */
  async function expandRecipients(tx: Db, d: DirectiveRow, date: string) {
    const unitIds = strings(d.recipientUnitIds);
    const units = await findUnitsByIds(tx, unitIds);
    const missingUnit = unitIds.find((u) => !units.some((x) => x.id === u));
    if (missingUnit) throw new AppError('UNKNOWN_UNIT', { unit: missingUnit });
    const groupIds = strings(d.recipientGroupIds);
    const groups = await repo.findGroupsByIds(tx, groupIds);
    const missingGroup = groupIds.find((g) => !groups.some((x) => x.id === g));
    if (missingGroup) throw new AppError('UNKNOWN_GROUP', { group: missingGroup });
    const via = new Map<string, string | null>();
    const entries: { kind: 'unit' | 'group'; id: string; name: string; reaches: number; editionLabel: string | null }[] = [];
    for (const id of unitIds) {
      const u = units.find((x) => x.id === id);
      if (!u) continue;
      const live = inForceAt(u, date);
      if (live) via.set(u.id, null);
      entries.push({ kind: 'unit', id: u.id, name: u.name, reaches: live ? 1 : 0, editionLabel: live ? null : editionLabel(u, date) });
    }
    for (const id of groupIds) {
      const g = groups.find((x) => x.id === id);
      if (!g) continue;
      const members = (await expandRule(tx, GroupRule.parse(g.rule), date)).filter((u) => inForceAt(u, date));
      for (const u of members) if (!via.has(u.id)) via.set(u.id, g.id);
      entries.push({ kind: 'group', id: g.id, name: g.name, reaches: members.length, editionLabel: null });
    }
    return { entries, via, unreached: entries.filter((e) => e.reaches === 0).map((e) => e.name) };
  }

  /** Units, groups, signer and reference named by a draft must exist and be usable by its issuer. */
  async function checkReferences(a: Actor, issuerPath: string, issuerName: string, input: UpdateDirectiveInput & { references?: CreateDirectiveInput['references'] }) {
    if (input.recipients) {
      const unitIds = [...new Set(input.recipients.units)];
      const found = new Set((await findUnitsByIds(db, unitIds)).map((u) => u.id));
      const missing = unitIds.find((id) => !found.has(id));
      if (missing) throw new AppError('UNKNOWN_UNIT', { unit: missing });
      const groupIds = [...new Set(input.recipients.groups)];
      const groups = await repo.findGroupsByIds(db, groupIds);
      // A group the drafter may not read is reported as unknown: its existence is not revealed.
      const usable = new Set(groups.filter((g) => can(a, 'group.read', { unitPath: g.ownerPath })).map((g) => g.id));
      const missingGroup = groupIds.find((id) => !usable.has(id));
      if (missingGroup) throw new AppError('UNKNOWN_GROUP', { group: missingGroup });
    }
    if (input.signer?.userId) await checkSigner(input.signer.userId, issuerPath, issuerName);
    if (input.references) {
      const target = await repo.findDirectiveById(db, input.references.directiveId);
      if (!target || target.status !== 'issued' || !can(a, 'directive.read', { unitPath: target.issuerPath }))
        throw new AppError('DIRECTIVE_REFERENCE_INVALID');
    }
  }

  /** Decree 30: the signer is a leader of the issuing unit, i.e. holds the approver role over it. */
  async function checkSigner(userId: string, issuerPath: string, issuerName: string): Promise<void> {
    const u = await repo.findUserForSigning(db, userId);
    const ok = u && !u.disabledAt && u.roles.includes('approver') && isWithin(issuerPath, u.unitPath);
    if (!ok) throw new AppError('SIGNER_NOT_ALLOWED', { unit: issuerName });
  }

  async function presentDetail(d: DirectiveRow, q: Db = db) {
    const [citations, citedBy, referencedBy, stored] = await Promise.all([
      repo.findCitations(q, d.id),
      d.number !== null && d.year !== null ? repo.findCitingDirectives(q, { number: d.number, symbolKey: d.symbolKey, year: d.year }) : [],
      repo.findReferencing(q, d.id),
      attachmentsRepo.listAttachments(q, d.id),
    ]);
    return {
      ...presentSummary(d),
      issuerParent: d.issuerParent,
      place: d.place,
      circulation: d.circulation,
      legalBases: strings(d.legalBases),
      citations: citations.map((c) => ({ type: c.type, number: c.number, symbol: c.symbol, date: c.date, directiveId: c.citedId })),
      citedBy: citedBy.filter((x) => x.id !== d.id).map(presentSummary),
      body: parseBody(d.body),
      addressees: strings(d.addressees),
      recipients: { units: strings(d.recipientUnitIds), groups: strings(d.recipientGroupIds) },
      cc: CcEntry.array().catch([]).parse(d.cc),
      archive: strings(d.archive),
      signer: { authority: d.signerAuthority, position: d.signerPosition, title: d.signerTitle, name: d.signerName, userId: d.signerUserId },
      attachments: Attachment.array().catch([]).parse(d.attachments),
      files: stored.map(presentAttachment),
      returnedFrom: d.returnedFrom,
      returnComment: d.returnComment,
      references: d.refersToId && d.refersAs ? { directiveId: d.refersToId, relation: d.refersAs as 'amends' | 'replaces' | 'revokes' } : null,
      referencedBy: referencedBy.map((r) => ({ ...presentSummary(r), relation: r.refersAs ?? '' })),
      revokedAt: iso(d.revokedAt),
      revokeReason: d.revokeReason,
      public: d.public,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  }

  /** A status step: claim the row in its expected status, stamp it, audit it, all in one transaction. */
  async function step(
    a: Actor,
    d: DirectiveWithPath,
    s: { from: readonly DirectiveStatus[]; to: DirectiveStatus; action: string; label: string; patch?: Partial<DirectiveInsert>; after?: Record<string, unknown> },
  ) {
    if (!s.from.includes(d.status as DirectiveStatus)) throw invalidState(d, s.label);
    const row = await db.transaction(async (tx) => {
      const updated = await repo.updateDirectiveIf(tx, d.id, s.from, { ...s.patch, status: s.to });
      if (!updated) throw invalidState((await repo.findDirectiveById(tx, d.id)) ?? d, s.label);
      await recordAudit(tx, a, {
        action: s.action,
        entity: 'directive',
        entityId: d.id,
        unitId: d.issuerUnitId,
        before: { status: d.status },
        after: { status: s.to, ...s.after },
      });
      return updated;
    });
    // Presented after commit: a query outside the transaction while it is open would wait for it.
    return presentDetail(row);
  }

  /** Revokes inside a transaction: the directive, its recipients' inbox items, one notice job per recipient. */
  async function revokeIn(tx: Db, a: Actor, d: DirectiveRow, reason: string, now: Date) {
    const updated = await repo.updateDirectiveIf(tx, d.id, ['issued'], { status: 'revoked', revokedBy: a.userId, revokedAt: now, revokeReason: reason });
    if (!updated) throw invalidState(d, 'thu hồi');
    const recipients = await repo.markRecipientsRevoked(tx, d.id, now);
    await enqueueNotices(tx, 'revoked', d.id, await repo.findRecipientUnitIds(tx, d.id), now);
    await recordAudit(tx, a, {
      action: 'directive.revoke',
      entity: 'directive',
      entityId: d.id,
      unitId: d.issuerUnitId,
      before: { status: 'issued' },
      after: { status: 'revoked', reason, recipients },
    });
    return updated;
  }

  return {
    /** Called after an issue, revocation or edit (the portal clears its page cache); returns the unsubscribe. */
    onPublicChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** The public portal's list (no actor): issued or revoked directives marked public, diacritic-insensitive search. */
    async listPublicDirectives(input: PublicDirectivesInput) {
      const q = PublicDirectivesQuery.parse(input);
      const words = foldDiacritics(q.q ?? '')
        .split(/\s+/)
        .filter((w) => w.length > 0)
        .slice(0, 10);
      const { rows, total } = await repo.listPublicDirectives(db, { words, limit: q.limit, offset: q.offset });
      return { items: rows.map(presentPublicDirective), total, words };
    },

    /** One public directive (issued or revoked, marked public), or null: anything else is not on the portal. */
    async getPublicDirective(id: string) {
      const row = await repo.findPublicDirective(db, id);
      return row ? presentPublicDirective(row) : null;
    },

    async createDirective(actor: Actor, input: CreateDirectiveInput) {
      const issuer = await findUnitById(db, input.issuerUnitId);
      if (!issuer) throw new AppError('UNKNOWN_UNIT', { unit: input.issuerUnitId });
      const a = authorize(actor, 'directive.draft', { unitPath: issuer.path }, 'directive.read');
      await checkReferences(a, issuer.path, issuer.name, input);
      const row = await db.transaction(async (tx) => {
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
      return presentDetail(row);
    },

    /**
     * Registers a document received outside Loa (a công văn import): stored as issued by its issuer
     * with the printed number and date (or none), and delivered to the receiving unit's inbox with
     * that unit's next arrival number. The actor needs `import.create` over the receiving unit only;
     * a printed number also advances the issuer's register so Loa never gives it out again.
     */
    async registerReceivedDirective(actor: Actor, input: ReceivedDirectiveInput, opts: InTx = {}) {
      // Every read too goes through the caller's transaction (PGlite runs one at a time).
      const q = opts.tx ?? db;
      const receiver = await findUnitById(q, input.receiverUnitId);
      if (!receiver) throw new AppError('UNKNOWN_UNIT', { unit: input.receiverUnitId });
      const a = authorize(actor, 'import.create', { unitPath: receiver.path }, 'inbox.read');
      const issuer = await findUnitById(q, input.issuerUnitId);
      if (!issuer) throw new AppError('UNKNOWN_UNIT', { unit: input.issuerUnitId });
      const now = clock.now();
      const date = input.date ?? null;
      const year = date ? Number(date.slice(0, 4)) : null;
      const number = year !== null ? (input.number ?? null) : null;
      const { signer: _signer, recipients: _recipients, ...content } = input;
      const row = await inTx(db, opts, async (tx) => {
        if (number !== null && year !== null) {
          if (await repo.isNumberTaken(tx, issuer.id, year, number)) throw new AppError('NUMBER_CONFLICT', { number: formatNumber(number) ?? '', year });
          await repo.raiseRegisterTo(tx, issuer.id, year, 'outgoing', number);
        }
        const created = await repo.insertDirective(tx, {
          ...contentPatch({ ...content, signer: { authority: input.signer?.authority ?? null, position: input.signer?.position ?? null, title: input.signer?.title ?? null, name: input.signer?.name ?? null } }),
          ...newDirectiveRow(issuer, input),
          recipientUnitIds: [receiver.id],
          recipientGroupIds: [],
          // Received from another authority: not this authority's to publish.
          public: false,
          status: 'issued',
          number,
          year,
          date,
          createdBy: a.userId,
          issuedBy: a.userId,
          issuedAt: now,
        });
        await repo.replaceCitations(tx, created.id, citationRows(input.citations ?? []));
        await repo.insertRecipients(tx, { directiveId: created.id, year: Number(vnDateKey(now).slice(0, 4)), deliveredAt: now }, [{ unitId: receiver.id, viaGroupId: null }]);
        const item = await repo.findRecipient(tx, created.id, receiver.id);
        await recordAudit(tx, a, {
          action: 'directive.receive.register',
          entity: 'directive',
          entityId: created.id,
          unitId: receiver.id,
          after: { ...auditView(created), receiverUnitId: receiver.id, arrivalNumber: item?.arrivalNumber ?? null, source: input.source ?? null },
        });
        return { created, item };
      });
      return { directive: await presentDetail(row.created, q), itemId: row.item?.id ?? null, arrivalNumber: formatNumber(row.item?.arrivalNumber ?? null) ?? '' };
    },

    async updateDirective(actor: Actor, id: string, input: UpdateDirectiveInput) {
      const { a, d } = await loadFor(actor, id, 'directive.draft');
      if (d.status !== 'draft' && d.status !== 'returned') throw invalidState(d, 'sửa');
      await checkReferences(a, d.issuerPath, d.issuer, input);
      const patch = contentPatch(input);
      if (input.body || input.legalBases) patch.bodyText = bodyText(input.body ?? parseBody(d.body), input.legalBases ?? strings(d.legalBases));
      const row = await db.transaction(async (tx) => {
        const updated = await repo.updateDirectiveIf(tx, id, ['draft', 'returned'], patch);
        if (!updated) throw invalidState((await repo.findDirectiveById(tx, id)) ?? d, 'sửa');
        if (input.citations) await repo.replaceCitations(tx, id, citationRows(input.citations));
        await recordAudit(tx, a, { action: 'directive.update', entity: 'directive', entityId: id, unitId: d.issuerUnitId, before: auditView(d), after: auditView(updated) });
        return updated;
      });
      changed();
      return presentDetail(row);
    },

    /** Amendment: a new draft that copies an issued directive and references it ("amends"). */
    async amendDirective(actor: Actor, id: string) {
      const { a, d } = await loadFor(actor, id, 'directive.draft');
      if (d.status !== 'issued') throw invalidState(d, 'sửa đổi, bổ sung');
      const row = await db.transaction(async (tx) => {
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
        await repo.replaceCitations(tx, created.id, citations.map(({ citedId: _c, directiveId: _d, ...c }) => c));
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
      return presentDetail(row);
    },

    async submitDirective(actor: Actor, id: string) {
      const { a, d } = await loadFor(actor, id, 'directive.draft');
      if (strings(d.recipientUnitIds).length + strings(d.recipientGroupIds).length === 0 && ['draft', 'returned'].includes(d.status))
        throw new AppError('NO_RECIPIENTS');
      return step(a, d, { from: ['draft', 'returned'], to: 'submitted', action: 'directive.submit', label: 'trình duyệt', patch: { submittedAt: clock.now(), returnedFrom: null, returnComment: null } });
    },

    async approveDirective(actor: Actor, id: string) {
      const { a, d } = await loadFor(actor, id, 'directive.approve');
      return step(a, d, { from: ['submitted'], to: 'approved', action: 'directive.approve', label: 'duyệt', patch: { approvedBy: a.userId, approvedAt: clock.now() } });
    },

    /** Returned with comments: by the approver before signing, by the clerk before issuing. */
    async returnDirective(actor: Actor, id: string, comment: string) {
      const d = await loadOr404(id);
      const permission: Permission = d.status === 'signed' ? 'directive.issue' : 'directive.approve';
      const a = authorize(actor, permission, { unitPath: d.issuerPath }, 'directive.read');
      return step(a, d, {
        from: ['submitted', 'approved', 'signed'],
        to: 'returned',
        action: 'directive.return',
        label: 'trả lại',
        patch: { returnedFrom: d.status, returnComment: comment },
        after: { comment, from: d.status },
      });
    },

    /** Only a leader of the issuing unit signs (approver role over it); a designated signer must sign in person. */
    async signDirective(actor: Actor, id: string) {
      const d = await loadOr404(id);
      const a = authorize(actor, 'directive.read', { unitPath: d.issuerPath }, 'directive.read');
      if (!can(a, 'directive.sign', { unitPath: d.issuerPath }) || (d.signerUserId && d.signerUserId !== a.userId))
        throw new AppError('SIGNER_NOT_ALLOWED', { unit: d.issuer });
      return step(a, d, {
        from: ['approved'],
        to: 'signed',
        action: 'directive.sign',
        label: 'ký',
        patch: { signedAt: clock.now(), signerUserId: a.userId, signerName: d.signerName ?? a.displayName },
        after: { signerUserId: a.userId },
      });
    },

    /**
     * Who a directive would reach if issued on `date` (default today): each Kính gửi entry with the
     * number of units it reaches, so the issue dialog can name the entries that reach none.
     */
    async previewRecipients(actor: Actor, id: string, q: { date?: string | undefined }) {
      const { d } = await loadFor(actor, id, 'directive.read');
      const date = q.date ?? vnDateKey(clock.now());
      const { entries, via, unreached } = await expandRecipients(db, d, date);
      return { date, entries, total: via.size, unreached };
    },

    /**
     * The clerk issues: the next number of the issuer's register for the year, the recipients expanded
     * at the directive's date with their arrival numbers, one e-mail job per recipient unit — one
     * transaction, so a failure leaves nothing behind and two clerks never share a number.
     */
    async issueDirective(actor: Actor, id: string, input: IssueInput = {}) {
      const { a, d } = await loadFor(actor, id, 'directive.issue');
      if (d.status !== 'signed') throw invalidState(d, 'ban hành');
      const now = clock.now();
      const date = input.date ?? vnDateKey(now);
      const year = Number(date.slice(0, 4));
      const arrivalYear = Number(vnDateKey(now).slice(0, 4));
      const row = await db.transaction(async (tx) => {
        const claimed = await repo.updateDirectiveIf(tx, id, ['signed'], { status: 'issued', issuedBy: a.userId, issuedAt: now, date, year });
        if (!claimed) throw invalidState((await repo.findDirectiveById(tx, id)) ?? d, 'ban hành');

        let number: number;
        if (input.number !== undefined) {
          if (await repo.isNumberTaken(tx, d.issuerUnitId, year, input.number)) throw new AppError('NUMBER_CONFLICT', { number: formatNumber(input.number) ?? '', year });
          await repo.raiseRegisterTo(tx, d.issuerUnitId, year, 'outgoing', input.number);
          number = input.number;
        } else {
          number = await repo.nextRegisterNumber(tx, d.issuerUnitId, year, 'outgoing');
        }
        let issued: DirectiveRow | undefined;
        try {
          issued = await repo.updateDirectiveIf(tx, id, ['issued'], { number });
        } catch (err) {
          if (repo.isUniqueViolation(err)) throw new AppError('NUMBER_CONFLICT', { number: formatNumber(number) ?? '', year });
          throw err;
        }
        if (!issued) throw invalidState(d, 'ban hành');

        // Expansion at the directive's date; a Kính gửi entry that reaches no unit is never dropped silently.
        const { via, unreached } = await expandRecipients(tx, d, date);
        const groupIds = strings(d.recipientGroupIds);
        if (via.size === 0 && unreached.length === 0) throw new AppError('NO_RECIPIENTS');
        if (via.size === 0 || (unreached.length > 0 && !input.allowUnreached))
          throw new AppError('RECIPIENTS_REACH_NONE', { date: dateText(date), names: unreached.join('; ') });
        const recipients = await repo.insertRecipients(
          tx,
          { directiveId: id, year: arrivalYear, deliveredAt: now },
          [...via].map(([unitId, viaGroupId]) => ({ unitId, viaGroupId })),
        );
        const mails = await enqueueNotices(tx, 'issued', id, await repo.findRecipientUnitIds(tx, id), now);
        await recordAudit(tx, a, {
          action: 'directive.issue',
          entity: 'directive',
          entityId: id,
          unitId: d.issuerUnitId,
          before: { status: 'signed' },
          after: { status: 'issued', number, year, date, fullSymbol: fullSymbol(issued), recipients, groups: groupIds, mailJobs: mails, ...(unreached.length ? { unreached } : {}) },
        });
        // A directive that replaces or revokes another takes it out of force when it is issued.
        if (d.refersToId && (d.refersAs === 'revokes' || d.refersAs === 'replaces')) {
          const target = await repo.findDirectiveById(tx, d.refersToId);
          if (target?.status === 'issued') await revokeIn(tx, a, target, `${d.refersAs === 'revokes' ? 'Thu hồi' : 'Thay thế'} bởi văn bản số ${fullSymbol(issued)}`, now);
        }
        return issued;
      });
      changed();
      return presentDetail(row);
    },

    async revokeDirective(actor: Actor, id: string, reason: string) {
      const { a, d } = await loadFor(actor, id, 'directive.revoke');
      if (d.status !== 'issued') throw invalidState(d, 'thu hồi');
      const updated = await db.transaction((tx) => revokeIn(tx, a, d, reason, clock.now()));
      changed();
      return presentDetail(updated);
    },

    /**
     * Attaches an uploaded file while the directive is a draft, submitted or returned (drafter of
     * the issuing unit). The type comes from the content; the bytes go to the file store first and
     * are removed again when the row cannot be written.
     */
    async addAttachment(actor: Actor, id: string, input: { kind: AttachmentKind; fileName: string; content: Buffer }): Promise<AttachmentView> {
      const { a, d } = await loadFor(actor, id, 'directive.draft');
      if (!(ATTACH_FROM as readonly string[]).includes(d.status)) throw invalidState(d, 'đính kèm tệp');
      if (input.content.length > ATTACHMENT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
      const type = sniffAttachmentType(input.content);
      if (!type) throw new AppError('ATTACHMENT_UNSUPPORTED_FILE');
      if ((await attachmentsRepo.countAttachments(db, id)) >= LIMITS.attachments)
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.file', message: `văn bản có tối đa ${LIMITS.attachments} tệp đính kèm` }]);
      const { mime, ext } = ATTACHMENT_FILE_TYPES[type];
      const stored = await files.save(input.content, ext);
      try {
        const row = await db.transaction(async (tx) => {
          const status = await attachmentsRepo.lockDirectiveStatus(tx, id);
          if (!status || !(ATTACH_FROM as readonly string[]).includes(status)) throw invalidState({ status: status ?? d.status }, 'đính kèm tệp');
          const created = await attachmentsRepo.insertAttachment(tx, {
            directiveId: id,
            kind: input.kind,
            fileName: attachmentFileName(input.fileName, type),
            mime,
            size: input.content.length,
            sha256: stored.sha256,
            storageKey: stored.key,
            createdBy: a.userId,
            createdAt: clock.now(),
          });
          await recordAudit(tx, a, {
            action: 'directive.attachment.add',
            entity: 'directive',
            entityId: id,
            unitId: d.issuerUnitId,
            after: { attachmentId: created.id, kind: created.kind, name: created.fileName, mime, size: created.size, sha256: created.sha256 },
          });
          return created;
        });
        return presentAttachment(row);
      } catch (err) {
        await files.remove(stored.key);
        throw err;
      }
    },

    /** Removes a file from a draft (or a returned draft); the stored bytes go when no other directive shares them. */
    async deleteAttachment(actor: Actor, id: string, attachmentId: string): Promise<void> {
      const { a, d } = await loadFor(actor, id, 'directive.draft');
      const existing = await attachmentsRepo.findAttachment(db, id, attachmentId);
      if (!existing) throw new AppError('NOT_FOUND');
      if (!(DETACH_FROM as readonly string[]).includes(d.status)) throw invalidState(d, 'xóa tệp đính kèm');
      const removed = await db.transaction(async (tx) => {
        const status = await attachmentsRepo.lockDirectiveStatus(tx, id);
        if (!status || !(DETACH_FROM as readonly string[]).includes(status)) throw invalidState({ status: status ?? d.status }, 'xóa tệp đính kèm');
        const row = await attachmentsRepo.deleteAttachment(tx, id, attachmentId);
        if (!row) throw new AppError('NOT_FOUND');
        await recordAudit(tx, a, {
          action: 'directive.attachment.delete',
          entity: 'directive',
          entityId: id,
          unitId: d.issuerUnitId,
          before: { attachmentId: row.id, kind: row.kind, name: row.fileName, mime: row.mime, size: row.size, sha256: row.sha256 },
        });
        return row;
      });
      if ((await attachmentsRepo.countByStorageKey(db, removed.storageKey)) === 0) await files.remove(removed.storageKey);
    },

    /** A file for download: whoever may read the directive (its issuer's scope, or a recipient once issued); anyone else gets 404. */
    async openAttachment(actor: Actor, id: string, attachmentId: string): Promise<{ fileName: string; mime: string; size: number; stream: Readable }> {
      const a = actor;
      const d = await loadOr404(id);
      if (!(await canRead(a, d))) throw new AppError('NOT_FOUND');
      const row = await attachmentsRepo.findAttachment(db, id, attachmentId);
      if (!row) throw new AppError('NOT_FOUND');
      const file = await files.open(row.storageKey);
      if (!file) throw new AppError('NOT_FOUND');
      return { fileName: row.fileName, mime: row.mime, size: file.size, stream: file.stream };
    },

    async getDirective(actor: Actor, id: string) {
      const a = actor;
      const d = await loadOr404(id);
      if (!(await canRead(a, d))) throw new AppError('NOT_FOUND');
      return presentDetail(d);
    },

    /** The structured dispatch the Decree 30 renderer reads. */
    async getDispatch(actor: Actor, id: string) {
      const a = actor;
      const d = await loadOr404(id);
      if (!(await canRead(a, d))) throw new AppError('NOT_FOUND');
      const detail = await presentDetail(d);
      return {
        fileName: `${d.docType}-${fullSymbol(d).replace(/[^\p{L}\p{N}-]+/gu, '_')}`,
        dispatch: toParsedDispatch({
          ...d,
          date: d.date,
          legalBases: detail.legalBases,
          citations: detail.citations,
          body: detail.body,
          addressees: detail.addressees,
          cc: detail.cc,
          archive: detail.archive,
        }),
      };
    },

    /** The directive in the Decree 30 layout; anything not yet issued carries the draft mark. */
    async renderDirective(actor: Actor, id: string, format: 'pdf' | 'docx') {
      const { fileName, dispatch } = await this.getDispatch(actor, id);
      const d = await loadOr404(id);
      const opts = { draft: d.status !== 'issued' };
      const body = format === 'pdf' ? await renderDirectivePdf(dispatch, opts) : await renderDirectiveDocx(dispatch, opts);
      return { fileName: `${fileName}.${format}`, body };
    },

    /**
     * What waits for the actor in the outgoing workflow (the start page): returned drafts, and
     * directives to approve, sign or issue, under the actor's unit, only for the steps the actor
     * may take (a viewer gets none; a designated signer's directive waits for that signer only).
     */
    async listAwaitingSteps(a: Actor, limit: number) {
      const out: { step: AwaitedStep; total: number; items: DirectiveSummary[] }[] = [];
      for (const s of AWAITED_STEPS) {
        if (!can(a, s.permission, { unitPath: a.unitPath })) continue;
        const { rows, total } = await repo.findAwaitingStep(db, { status: s.status, underPath: a.unitPath, signerUserId: s.step === 'sign' ? a.userId : undefined, limit });
        if (total > 0) out.push({ step: s.step, total, items: rows.map(presentSummary) });
      }
      return out;
    },

    /** Diacritic-insensitive search over symbol, subject and body, within the actor's scope. */
    async searchDirectives(actor: Actor, q: SearchInput) {
      const a = actor;
      authorize(a, 'directive.read', { unitPath: a.unitPath });
      const words = foldDiacritics(q.q ?? '')
        .split(/\s+/)
        .filter((w) => w.length > 0)
        .slice(0, 10);
      const { rows, total } = await repo.searchDirectives(db, {
        words,
        issuerId: q.issuerId,
        docType: q.type,
        year: q.year,
        status: q.status,
        underPath: hasGlobalScope(a) ? null : a.unitPath,
        limit: q.limit,
        offset: q.offset,
      });
      return { items: rows.map(presentSummary), total };
    },

    /** Per recipient: delivered, e-mailed, read, acknowledged (with times), and the counts. */
    async trackDirective(actor: Actor, id: string, q: TrackingInput) {
      const { d } = await loadFor(actor, id, 'directive.read');
      const [counts, rows] = await Promise.all([repo.countRecipients(db, d.id), repo.findTracking(db, { directiveId: d.id, ...q })]);
      return {
        counts,
        items: rows.map((r) => ({
          itemId: r.id,
          unitId: r.unitId,
          unitName: r.unitName,
          viaGroupId: r.viaGroupId,
          arrivalNumber: formatNumber(r.arrivalNumber) ?? '',
          deliveredAt: r.deliveredAt.toISOString(),
          emailedAt: iso(r.emailedAt),
          readAt: iso(r.readAt),
          acknowledgedAt: iso(r.acknowledgedAt),
          remindedAt: iso(r.remindedAt),
          revokedAt: iso(r.revokedAt),
        })),
      };
    },

    /** The reminder job: nudges silent recipients, then tells their parent units. */
    async runReminderScan() {
      const now = clock.now();
      let reminded = 0;
      let escalated = 0;
      for (;;) {
        const n = await db.transaction(async (tx) => {
          const due = await repo.markDueReminders(tx, { cutoff: new Date(now.getTime() - reminders.remindAfterHours * 3_600_000), now, limit: repo.FANOUT_BATCH });
          return enqueueNoticePairs(tx, 'reminder', due, now);
        });
        reminded += n;
        if (n < repo.FANOUT_BATCH) break;
      }
      for (;;) {
        const n = await db.transaction(async (tx) => {
          const due = await repo.markDueEscalations(tx, { cutoff: new Date(now.getTime() - reminders.escalateAfterHours * 3_600_000), now, limit: repo.FANOUT_BATCH });
          return enqueueNoticePairs(tx, 'escalation', due, now);
        });
        escalated += n;
        if (n === 0) break;
      }
      if (reminded || escalated)
        await recordAudit(db, systemActor('job:directives.reminder-scan'), { action: 'directive.reminders', entity: 'directive', entityId: null, unitId: null, after: { reminded, escalated } });
      return { reminded, escalated };
    },
  };
}

export type DirectivesService = ReturnType<typeof createDirectivesService>;
