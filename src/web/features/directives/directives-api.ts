// Typed client for the directives (văn bản đi) and inbox (văn bản đến) API. The shapes, vocabularies
// and limits are the shared contract (src/shared/contracts/directives.ts); every JSON response is
// checked against its schema. Pure module: no React, no DOM access at import time.
import type { z } from 'zod';
import { queryString, request, requestForm, requestParsed } from '../../api.ts';
import {
  DirectiveFileCreatedOut,
  DirectiveListOut,
  DirectiveOneOut,
  DocTypesOut,
  InboxAckOut,
  InboxListOut,
  InboxOpenOut,
  TrackingOut,
} from '../../../shared/contracts/directives.ts';
import type {
  CC_PURPOSES,
  CitationOut,
  DirectiveCapabilitiesOut,
  DirectiveFileOut,
  DirectiveOut,
  DirectiveSummaryOut,
  InboxItemOut,
  InboxQuery,
  SIGNER_AUTHORITIES,
  TrackingQuery,
  UpdateDirectiveBody,
  URGENCIES,
} from '../../../shared/contracts/directives.ts';

export { ATTACHMENT_KINDS, CC_PURPOSES, DIRECTIVE_STATUSES, LIMITS, SIGNER_AUTHORITIES, URGENCIES } from '../../../shared/contracts/directives.ts';
export type { AttachmentKind, Block, BodySection, CcEntry, DirectiveStatus, Run } from '../../../shared/contracts/directives.ts';

export type Urgency = (typeof URGENCIES)[number];
export type SignerAuthority = (typeof SIGNER_AUTHORITIES)[number];
export type CcPurpose = (typeof CC_PURPOSES)[number];

export type DirectiveSummary = z.infer<typeof DirectiveSummaryOut>;
export type Directive = z.infer<typeof DirectiveOut>;
export type DirectiveBody = Directive['body'];
export type Signer = Directive['signer'];
export type Citation = z.infer<typeof CitationOut>;
/** What the user may do with a directive now (the server's policy decides; the buttons follow). */
export type DirectiveCapabilities = z.infer<typeof DirectiveCapabilitiesOut>;
/** A stored file of a directive; `url` downloads it with the session cookie. */
export type DirectiveFile = z.infer<typeof DirectiveFileOut>;
export type DocTypeInfo = z.infer<typeof DocTypesOut>['items'][number];
export type Tracking = z.infer<typeof TrackingOut>;
export type TrackingItem = Tracking['items'][number];
export type TrackingFilter = z.infer<typeof TrackingQuery>['filter'];
export type InboxFilter = z.infer<typeof InboxQuery>['filter'];
export type InboxItem = z.infer<typeof InboxItemOut>;

/**
 * Editable content of a draft (PATCH body; POST adds issuerUnitId). Empty optional texts go as null.
 * The form sends a whole body and the document type picked from GET /api/directives/types.
 */
export type DirectiveInput = Omit<z.input<typeof UpdateDirectiveBody>, 'docType' | 'body'> & { docType?: string; body?: DirectiveBody };

export interface DirectiveFilter {
  q?: string;
  issuerId?: string;
  type?: string;
  year?: number | string;
  status?: z.infer<typeof DirectiveSummaryOut>['status'] | '';
  limit?: number;
  offset?: number;
}

const enc = encodeURIComponent;

export async function listDocTypes(): Promise<DocTypeInfo[]> {
  return (await requestParsed(DocTypesOut, 'GET', '/api/directives/types')).items;
}

export function searchDirectives(f: DirectiveFilter): Promise<{ items: DirectiveSummary[]; total: number }> {
  return requestParsed(DirectiveListOut, 'GET', `/api/directives${queryString({ ...f })}`);
}

export async function getDirective(id: string): Promise<Directive> {
  return (await requestParsed(DirectiveOneOut, 'GET', `/api/directives/${enc(id)}`)).directive;
}

export async function createDirective(input: DirectiveInput & { issuerUnitId: string }): Promise<Directive> {
  return (await requestParsed(DirectiveOneOut, 'POST', '/api/directives', input)).directive;
}

export async function updateDirective(id: string, patch: DirectiveInput): Promise<Directive> {
  return (await requestParsed(DirectiveOneOut, 'PATCH', `/api/directives/${enc(id)}`, patch)).directive;
}

export type WorkflowStep =
  | { step: 'submit' | 'approve' | 'sign' | 'amend' }
  | { step: 'return'; comment: string }
  | { step: 'issue'; date?: string; number?: number; allowUnreached?: boolean }
  | { step: 'revoke'; reason: string };

/** One workflow step; the server answers with the directive (amend: the new draft). */
export async function directiveStep(id: string, s: WorkflowStep): Promise<Directive> {
  let body: unknown;
  switch (s.step) {
    case 'return':
      body = { comment: s.comment };
      break;
    case 'revoke':
      body = { reason: s.reason };
      break;
    case 'issue':
      body = { ...(s.date ? { date: s.date } : {}), ...(s.number !== undefined ? { number: s.number } : {}), ...(s.allowUnreached ? { allowUnreached: true } : {}) };
      break;
    default:
      body = undefined;
  }
  return (await requestParsed(DirectiveOneOut, 'POST', `/api/directives/${enc(id)}/${s.step}`, body)).directive;
}

export function getTracking(id: string, filter: TrackingFilter = 'all'): Promise<Tracking> {
  return requestParsed(TrackingOut, 'GET', `/api/directives/${enc(id)}/tracking${queryString({ filter: filter === 'all' ? undefined : filter, limit: 1000 })}`);
}

export function listInbox(f: { unitId?: string; filter?: InboxFilter; year?: number | string }): Promise<{ items: InboxItem[]; total: number }> {
  return requestParsed(InboxListOut, 'GET', `/api/inbox${queryString({ unitId: f.unitId, filter: f.filter === 'all' ? undefined : f.filter, year: f.year, limit: 200 })}`);
}

/** Opens an incoming document (the server records the first reading by the recipient unit). */
export function openInboxItem(itemId: string): Promise<{ item: InboxItem; directive: Directive }> {
  return requestParsed(InboxOpenOut, 'GET', `/api/inbox/${enc(itemId)}`);
}

export async function acknowledgeInboxItem(itemId: string): Promise<InboxItem> {
  return (await requestParsed(InboxAckOut, 'POST', `/api/inbox/${enc(itemId)}/acknowledge`)).item;
}

/** Uploads one file (multipart "file" + "kind"); allowed while draft, submitted or returned. */
export async function uploadDirectiveAttachment(id: string, file: Blob, fileName: string, kind: DirectiveFile['kind']): Promise<DirectiveFile> {
  const fd = new FormData();
  fd.append('kind', kind);
  fd.append('file', file, fileName);
  return (await requestForm(DirectiveFileCreatedOut, `/api/directives/${enc(id)}/attachments`, fd)).file;
}

/** Removes an attached file (draft or returned only). */
export function deleteDirectiveAttachment(id: string, attachmentId: string): Promise<void> {
  return request('DELETE', `/api/directives/${enc(id)}/attachments/${enc(attachmentId)}`);
}
