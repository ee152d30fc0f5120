import type { Db } from '../../db/client.ts';
import * as attachmentsRepo from './attachments.repository.ts';
import type { AttachmentRow } from './attachments.repository.ts';
import * as repo from './directives.repository.ts';
import type { DirectiveRow } from './directives.repository.ts';
import { ATTACHMENT_KIND_LABELS, Attachment, Body, CcEntry, DOC_TYPES } from './directives.schemas.ts';
import type { AttachmentKind, DirectiveStatus, DocType } from './directives.schemas.ts';
import { formatNumber, fullSymbol } from './dispatch.ts';
import type { Capabilities } from './workflow.ts';

// How a directive is shown: summaries, the full detail, files, the public portal's view, the audit's view.

export const EMPTY_BODY: Body = { opening: [], sections: [], closing: [] };
export const iso = (d: Date | null) => d?.toISOString() ?? null;
export const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

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

export function parseBody(v: unknown): Body {
  const parsed = Body.safeParse(v);
  return parsed.success ? parsed.data : EMPTY_BODY;
}

/** What the audit trail keeps of a directive. */
export function auditView(d: DirectiveRow) {
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

/** The full detail of a directive, with what the actor may do with it now. */
export async function presentDetail(db: Db, d: DirectiveRow, capabilities: Capabilities) {
  const [citations, citedBy, referencedBy, stored] = await Promise.all([
    repo.findCitations(db, d.id),
    d.number !== null && d.year !== null ? repo.findCitingDirectives(db, { number: d.number, symbolKey: d.symbolKey, year: d.year }) : [],
    repo.findReferencing(db, d.id),
    attachmentsRepo.listAttachments(db, d.id),
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
    capabilities,
  };
}
export type DirectiveDetail = Awaited<ReturnType<typeof presentDetail>>;
