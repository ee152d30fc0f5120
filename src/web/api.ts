// Typed client for the Loa admin JSON API (same origin, cookie session).
// Pure module: no React, no DOM access at import time (unit-tested under node).
import type { z } from 'zod';
import { translate, type Lang } from './i18n.ts';
import type { HistoryRef } from '../shared/contracts/units.ts';

import type { Role } from '../shared/contracts/access.ts';
export { ROLES, type Role } from '../shared/contracts/access.ts';
export { ADDABLE_KINDS, UNIT_KINDS, type UnitKind } from '../shared/contracts/units.ts';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  unitId: string;
  unitName: string;
  roles: Role[];
}

export interface Session {
  user: Me;
  csrfToken: string;
}

export interface Unit {
  id: string;
  parentId: string | null;
  code: string | null;
  name: string;
  /** One of UNIT_KINDS; typed as string because the server may add kinds. */
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  childCount: number;
}

export interface UnitSearchHit extends Unit {
  pathText: string;
  /** In force at the search date; a unit that is not carries its list in `editionLabel`. */
  inForce: boolean;
  /** e.g. "Danh mục 2025 (trước sắp xếp)"; null for a unit in force. */
  editionLabel: string | null;
  /** For a unit out of force: the units it became part of. */
  nowPartOf: { id: string; name: string }[];
  /** Found through a former unit of the searched name. */
  formedFromMatch: { id: string; name: string } | null;
}

/** `current`: only the tree in force at the date; `all`: also the other editions, ranked after it. */
export type SearchEditions = 'current' | 'all';

export interface Contacts {
  emails: string[];
  phones: string[];
  address: string | null;
  website: string | null;
}

/** A unit across the 2025 → 2026 reform ("Hình thành từ …" / "Nay thuộc …"). */
export type UnitHistoryRef = HistoryRef;

export interface UnitDetail {
  unit: Unit;
  path: { id: string; name: string }[];
  contacts: Contacts;
  history: { formedFrom: UnitHistoryRef[]; nowPartOf: UnitHistoryRef[] };
}

export type GroupRule =
  | { type: 'explicit'; unitIds: string[] }
  | { type: 'kind_under'; kind: string; underUnitId: string };

export interface Group {
  id: string;
  ownerUnitId: string;
  name: string;
  description: string | null;
  rule: GroupRule;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  unitId: string;
  unitName: string;
  roles: Role[];
  disabled: boolean;
  lastLoginAt: string | null;
}

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  /** The user's name, or "Hệ thống" (with the job or command) for the system. */
  actorLabel: string;
  system: boolean;
  unitId: string | null;
  ip: string | null;
  action: string;
  /** In the language of the request, e.g. "Ban hành văn bản". */
  actionLabel: string;
  entity: string;
  entityKindLabel: string;
  entityId: string | null;
  /** The object by name (a user's name, a directive's number and subject); null when unknown. */
  entityLabel: string | null;
  /** The object's admin page (/admin/#/…). */
  href: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditFilter {
  actor?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  before?: string;
}

// ---------------------------------------------------------------------------
// Errors

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/**
 * Map an HTTP error response (status + raw body text) to an ApiError.
 * Uses the server's {"error":{"code","message"}} envelope when present,
 * otherwise a localized generic message.
 */
export function toApiError(status: number, bodyText: string, lang: Lang): ApiError {
  let code = `HTTP_${status}`;
  let message = '';
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed && typeof parsed === 'object' && 'error' in parsed) {
      const err = (parsed).error;
      if (err && typeof err === 'object') {
        const c = (err as { code?: unknown }).code;
        const m = (err as { message?: unknown }).message;
        if (typeof c === 'string' && c) code = c;
        if (typeof m === 'string' && m) message = m;
      }
    }
  } catch {
    // Not JSON (proxy error page, empty body...): fall through to generic text.
  }
  if (!message) {
    if (status === 401) message = translate(lang, 'error.unauthorized');
    else if (status === 403) message = translate(lang, 'error.forbidden');
    else if (status === 404) message = translate(lang, 'error.notFound');
    else if (status === 429) message = translate(lang, 'error.tooMany');
    else if (status >= 500) message = translate(lang, 'error.server', { status });
    else message = translate(lang, 'error.http', { status });
  }
  return new ApiError(status, code, message);
}

export function networkError(lang: Lang): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', translate(lang, 'error.network'));
}

/** Best-effort human message for anything thrown. */
export function errorMessage(err: unknown, lang: Lang): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return translate(lang, 'error.unknown');
}

// ---------------------------------------------------------------------------
// Transport

interface ClientState {
  lang: Lang;
  csrfToken: string | null;
  onUnauthorized: (() => void) | null;
  fetchImpl: typeof fetch | null;
}

const state: ClientState = { lang: 'vi', csrfToken: null, onUnauthorized: null, fetchImpl: null };

export function configureApi(opts: Partial<ClientState>): void {
  Object.assign(state, opts);
}

export function getCsrfToken(): string | null {
  return state.csrfToken;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Build "?a=1&b=2", skipping undefined/null/empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

interface RequestOptions {
  /** Do not fire the global "session expired" hook on 401 (login, me). */
  quiet401?: boolean;
}

/** One JSON call: the response's status and its parsed body (undefined for a 204 or an empty body). */
async function send(method: Method, path: string, body: unknown, opts: RequestOptions): Promise<{ status: number; data: unknown }> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': state.lang,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;

  const doFetch = state.fetchImpl ?? fetch;
  let res: Response;
  try {
    res = await doFetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw networkError(state.lang);
  }

  if (!res.ok) {
    const text = await res.text().catch(() => '');
    const err = toApiError(res.status, text, state.lang);
    if (res.status === 401 && !opts.quiet401) state.onUnauthorized?.();
    throw err;
  }
  if (res.status === 204) return { status: res.status, data: undefined };
  const text = await res.text();
  if (!text) return { status: res.status, data: undefined };
  try {
    return { status: res.status, data: JSON.parse(text) as unknown };
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', translate(state.lang, 'error.badResponse'));
  }
}

export async function request<T>(method: Method, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  return (await send(method, path, body, opts)).data as T;
}

/**
 * `request`, then the response checked against the shared contract's zod schema instead of cast:
 * a body of the wrong shape (an older server, a proxy page) is the same 'BAD_RESPONSE' ApiError as
 * unreadable JSON. A 204 or an empty body is checked as `undefined`.
 */
export async function requestParsed<T>(
  schema: z.ZodType<T>,
  method: Method,
  path: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<T> {
  const { status, data } = await send(method, path, body, opts);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiError(status, 'BAD_RESPONSE', translate(state.lang, 'error.badResponse'));
  return parsed.data;
}

// ---------------------------------------------------------------------------
// Auth

export async function login(username: string, password: string): Promise<Session> {
  const s = await request<Session>('POST', '/api/auth/login', { username, password }, { quiet401: true });
  state.csrfToken = s.csrfToken;
  return s;
}

/** Sets the password of an invited account (token from the e-mail link) and signs in. */
export async function acceptInvitation(token: string, password: string): Promise<Session> {
  const s = await request<Session>('POST', '/api/auth/accept-invitation', { token, password }, { quiet401: true });
  state.csrfToken = s.csrfToken;
  return s;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/api/auth/logout', undefined, { quiet401: true });
  } finally {
    state.csrfToken = null;
  }
}

/** Current session, or null when not logged in (401). */
export async function getMe(): Promise<Session | null> {
  try {
    const s = await request<Session>('GET', '/api/auth/me', undefined, { quiet401: true });
    state.csrfToken = s.csrfToken;
    return s;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return request<void>('POST', '/api/auth/password', { currentPassword, newPassword });
}

// ---------------------------------------------------------------------------
// Units

export async function getRootUnits(at: string): Promise<Unit[]> {
  return (await request<{ items: Unit[] }>('GET', `/api/units/roots${queryString({ at })}`)).items;
}

export function getUnit(id: string): Promise<UnitDetail> {
  return request<UnitDetail>('GET', `/api/units/${enc(id)}`);
}

export async function getUnitChildren(id: string, at: string): Promise<Unit[]> {
  return (await request<{ items: Unit[] }>('GET', `/api/units/${enc(id)}/children${queryString({ at })}`)).items;
}

export async function searchUnits(q: string, at: string, limit = 20, editions: SearchEditions = 'current'): Promise<UnitSearchHit[]> {
  return (await request<{ items: UnitSearchHit[] }>('GET', `/api/units/search${queryString({ q, at, limit, editions })}`))
    .items;
}

export interface NewUnit {
  parentId: string;
  name: string;
  kind: string;
  code?: string;
}

export async function createUnit(input: NewUnit): Promise<Unit> {
  return (await request<{ unit: Unit }>('POST', '/api/units', input)).unit;
}

export async function updateContacts(id: string, contacts: Contacts): Promise<Contacts> {
  return (await request<{ contacts: Contacts }>('PUT', `/api/units/${enc(id)}/contacts`, contacts)).contacts;
}

// ---------------------------------------------------------------------------
// Recipient groups

export async function listGroups(ownerUnitId: string): Promise<Group[]> {
  return (await request<{ items: Group[] }>('GET', `/api/groups${queryString({ ownerUnitId })}`)).items;
}

export async function getGroup(id: string): Promise<Group> {
  return (await request<{ group: Group }>('GET', `/api/groups/${enc(id)}`)).group;
}

export async function getGroupMembers(id: string, at: string): Promise<Unit[]> {
  return (await request<{ items: Unit[] }>('GET', `/api/groups/${enc(id)}/members${queryString({ at })}`)).items;
}

export interface NewGroup {
  ownerUnitId: string;
  name: string;
  description?: string;
  rule: GroupRule;
}

export async function createGroup(input: NewGroup): Promise<Group> {
  return (await request<{ group: Group }>('POST', '/api/groups', input)).group;
}

export interface GroupPatch {
  name?: string;
  description?: string | null;
  rule?: GroupRule;
}

export async function updateGroup(id: string, patch: GroupPatch): Promise<Group> {
  return (await request<{ group: Group }>('PATCH', `/api/groups/${enc(id)}`, patch)).group;
}

export function deleteGroup(id: string): Promise<void> {
  return request<void>('DELETE', `/api/groups/${enc(id)}`);
}

// ---------------------------------------------------------------------------
// Users

export async function listUsers(unitId: string): Promise<User[]> {
  return (await request<{ items: User[] }>('GET', `/api/users${queryString({ unitId })}`)).items;
}

export interface NewUser {
  username: string;
  displayName: string;
  email: string;
  unitId: string;
  roles: Role[];
}

export async function createUser(input: NewUser): Promise<User> {
  return (await request<{ user: User }>('POST', '/api/users', input)).user;
}

export interface UserPatch {
  displayName?: string;
  roles?: Role[];
  disabled?: boolean;
}

export async function updateUser(id: string, patch: UserPatch): Promise<User> {
  return (await request<{ user: User }>('PATCH', `/api/users/${enc(id)}`, patch)).user;
}

// ---------------------------------------------------------------------------
// Audit

export function listAudit(filter: AuditFilter): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const { limit = 50, ...rest } = filter;
  return request('GET', `/api/audit${queryString({ ...rest, limit })}`);
}

// ---------------------------------------------------------------------------
// Directives (văn bản đi) and inbox (văn bản đến). Shapes mirror
// src/server/modules/directives/directives.schemas.ts (the UI may not import it).

export const DIRECTIVE_STATUSES = ['draft', 'submitted', 'approved', 'signed', 'issued', 'returned', 'revoked'] as const;
export type DirectiveStatus = (typeof DIRECTIVE_STATUSES)[number];

export const URGENCIES = ['khan', 'thuong_khan', 'hoa_toc'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const SIGNER_AUTHORITIES = ['KT.', 'TL.', 'TM.', 'Q.', 'TUQ.'] as const;
export type SignerAuthority = (typeof SIGNER_AUTHORITIES)[number];

export const CC_PURPOSES = ['de_bao_cao', 'de_biet', 'de_thuc_hien', 'de_phoi_hop'] as const;
export type CcPurpose = (typeof CC_PURPOSES)[number];

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block = { kind: 'paragraph'; runs: Run[] } | { kind: 'bullets'; items: Run[][] };

export interface BodySection {
  number: string | null;
  heading: Run[] | null;
  addressees: string[];
  blocks: Block[];
}

export interface DirectiveBody {
  opening: Block[];
  sections: BodySection[];
  closing: Block[];
}

export interface CcEntry {
  name: string;
  purpose: CcPurpose | null;
}

export interface Signer {
  authority: string | null;
  position: string | null;
  title: string | null;
  name: string | null;
  userId: string | null;
}

export interface DocTypeInfo {
  code: string;
  name: string;
}

export interface DirectiveSummary {
  id: string;
  issuerUnitId: string;
  issuer: string;
  docType: string;
  /** "05" once issued, null before. */
  number: string | null;
  symbol: string;
  /** "05/STTTT-TTBCXB" once issued, "/STTTT-TTBCXB" before. */
  fullSymbol: string;
  year: number | null;
  date: string | null;
  subject: string;
  urgency: string | null;
  status: DirectiveStatus;
  issuedAt: string | null;
}

export interface Citation {
  type: string | null;
  number: number;
  symbol: string;
  date: string | null;
  directiveId: string | null;
}

export interface Directive extends DirectiveSummary {
  /** Shown on the public portal (/van-ban) once issued. */
  public: boolean;
  issuerParent: string | null;
  place: string | null;
  circulation: string | null;
  legalBases: string[];
  citations: Citation[];
  citedBy: DirectiveSummary[];
  body: DirectiveBody;
  addressees: string[];
  recipients: { units: string[]; groups: string[] };
  cc: CcEntry[];
  archive: string[];
  signer: Signer;
  returnedFrom: string | null;
  returnComment: string | null;
  references: { directiveId: string; relation: string } | null;
  referencedBy: (DirectiveSummary & { relation: string })[];
  revokedAt: string | null;
  revokeReason: string | null;
  /** Attached files (tệp đính kèm, tài liệu tuyên truyền kèm theo). */
  files: DirectiveFile[];
  createdAt: string;
  updatedAt: string;
}

export const ATTACHMENT_KINDS = ['attachment', 'propaganda_material'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** A stored file of a directive; `url` downloads it with the session cookie. */
export interface DirectiveFile {
  id: string;
  kind: AttachmentKind;
  kindLabel: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  url: string;
  createdAt: string;
}

/** Editable content of a draft (PATCH body; POST adds issuerUnitId). Empty optional texts go as null. */
export interface DirectiveInput {
  issuerParent?: string | null;
  issuer?: string | null;
  docType?: string;
  symbol?: string;
  place?: string | null;
  subject?: string;
  urgency?: Urgency | null;
  public?: boolean;
  body?: DirectiveBody;
  addressees?: string[];
  recipients?: { units: string[]; groups: string[] };
  cc?: CcEntry[];
  archive?: string[];
  signer?: { authority?: SignerAuthority | null; position?: string | null; title?: string | null; name?: string | null };
}

export interface DirectiveFilter {
  q?: string;
  issuerId?: string;
  type?: string;
  year?: number | string;
  status?: DirectiveStatus | '';
  limit?: number;
  offset?: number;
}

export interface TrackingItem {
  itemId: string;
  unitId: string;
  unitName: string;
  viaGroupId: string | null;
  arrivalNumber: string;
  deliveredAt: string;
  emailedAt: string | null;
  readAt: string | null;
  acknowledgedAt: string | null;
  remindedAt: string | null;
  revokedAt: string | null;
}

export interface Tracking {
  counts: { total: number; read: number; acknowledged: number; emailed: number; revoked: number };
  items: TrackingItem[];
}

export type TrackingFilter = 'all' | 'unread' | 'unacknowledged' | 'acknowledged';
export type InboxFilter = 'all' | 'unread' | 'unacknowledged';

export interface InboxItem {
  itemId: string;
  unitId: string;
  arrivalNumber: string;
  arrivalYear: number;
  deliveredAt: string;
  readAt: string | null;
  acknowledgedAt: string | null;
  revokedAt: string | null;
  directive: DirectiveSummary;
}

export async function listDocTypes(): Promise<DocTypeInfo[]> {
  return (await request<{ items: DocTypeInfo[] }>('GET', '/api/directives/types')).items;
}

export function searchDirectives(f: DirectiveFilter): Promise<{ items: DirectiveSummary[]; total: number }> {
  return request('GET', `/api/directives${queryString({ ...f })}`);
}

export async function getDirective(id: string): Promise<Directive> {
  return (await request<{ directive: Directive }>('GET', `/api/directives/${enc(id)}`)).directive;
}

export async function createDirective(input: DirectiveInput & { issuerUnitId: string }): Promise<Directive> {
  return (await request<{ directive: Directive }>('POST', '/api/directives', input)).directive;
}

export async function updateDirective(id: string, patch: DirectiveInput): Promise<Directive> {
  return (await request<{ directive: Directive }>('PATCH', `/api/directives/${enc(id)}`, patch)).directive;
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
  return (await request<{ directive: Directive }>('POST', `/api/directives/${enc(id)}/${s.step}`, body)).directive;
}

export function getTracking(id: string, filter: TrackingFilter = 'all'): Promise<Tracking> {
  return request('GET', `/api/directives/${enc(id)}/tracking${queryString({ filter: filter === 'all' ? undefined : filter, limit: 1000 })}`);
}

export function listInbox(f: { unitId?: string; filter?: InboxFilter; year?: number | string }): Promise<{ items: InboxItem[]; total: number }> {
  return request(
    'GET',
    `/api/inbox${queryString({ unitId: f.unitId, filter: f.filter === 'all' ? undefined : f.filter, year: f.year, limit: 200 })}`,
  );
}

/** Opens an incoming document (the server records the first reading by the recipient unit). */
export function openInboxItem(itemId: string): Promise<{ item: InboxItem; directive: Directive }> {
  return request('GET', `/api/inbox/${enc(itemId)}`);
}

export async function acknowledgeInboxItem(itemId: string): Promise<InboxItem> {
  return (await request<{ item: InboxItem }>('POST', `/api/inbox/${enc(itemId)}/acknowledge`)).item;
}

/** Uploads one file (multipart "file" + "kind"); allowed while draft, submitted or returned. */
export async function uploadDirectiveAttachment(id: string, file: Blob, fileName: string, kind: AttachmentKind): Promise<DirectiveFile> {
  const fd = new FormData();
  fd.append('kind', kind);
  fd.append('file', file, fileName);
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': state.lang };
  if (state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  const doFetch = state.fetchImpl ?? fetch;
  let res: Response;
  try {
    res = await doFetch(`/api/directives/${enc(id)}/attachments`, { method: 'POST', headers, credentials: 'same-origin', body: fd });
  } catch {
    throw networkError(state.lang);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) {
    if (res.status === 401) state.onUnauthorized?.();
    throw toApiError(res.status, text, state.lang);
  }
  try {
    return (JSON.parse(text) as { file: DirectiveFile }).file;
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', translate(state.lang, 'error.badResponse'));
  }
}

/** Removes an attached file (draft or returned only). */
export function deleteDirectiveAttachment(id: string, attachmentId: string): Promise<void> {
  return request('DELETE', `/api/directives/${enc(id)}/attachments/${enc(attachmentId)}`);
}
