// Typed client for the Loa admin JSON API (same origin, cookie session).
// Pure module: no React, no DOM access at import time (unit-tested under node).
import type { z } from 'zod';
import { translate, type Lang } from './i18n.ts';
import { SessionOut, type Session } from '../shared/contracts/users.ts';

export { ROLES, type Role } from '../shared/contracts/access.ts';
export { ADDABLE_KINDS, UNIT_KINDS, type UnitKind } from '../shared/contracts/units.ts';
export type { Me, Session } from '../shared/contracts/users.ts';

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
      const err = parsed.error;
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

interface RequestOptions {
  /** Do not fire the global "session expired" hook on 401 (login, me). */
  quiet401?: boolean;
  /** Sent as Idempotency-Key: a repeated click or a retry of the same step gets the first answer, not a second effect. */
  idempotencyKey?: string;
}

/** One JSON call: the response's status and its parsed body (undefined for a 204 or an empty body). */
async function send(method: Method, path: string, body: unknown, opts: RequestOptions): Promise<{ status: number; data: unknown }> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': state.lang,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;

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
export async function requestParsed<T>(schema: z.ZodType<T>, method: Method, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
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
// Session (sign-in itself and the per-module clients live beside their features: features/*/…-api.ts)

/** Current session, or null when not logged in (401). */
export async function getMe(): Promise<Session | null> {
  try {
    const s = await requestParsed(SessionOut, 'GET', '/api/auth/me', undefined, { quiet401: true });
    state.csrfToken = s.csrfToken;
    return s;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}
