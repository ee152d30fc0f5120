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

/** A multipart POST (a file upload), its response checked against the contract like `requestParsed`. */
export async function requestForm<T>(schema: z.ZodType<T>, path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': state.lang };
  if (state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  const doFetch = state.fetchImpl ?? fetch;
  let res: Response;
  try {
    res = await doFetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch {
    throw networkError(state.lang);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) {
    if (res.status === 401) state.onUnauthorized?.();
    throw toApiError(res.status, text, state.lang);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', translate(state.lang, 'error.badResponse'));
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiError(res.status, 'BAD_RESPONSE', translate(state.lang, 'error.badResponse'));
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
