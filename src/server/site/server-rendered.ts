/**
 * The server-rendered toolkit: what every HTML page outside /api shares, whoever serves it (the
 * portal in site.routes.ts, the report page in tasks/report-page.routes.ts). One document shell, one
 * escaping, the page's session from the cookie, the form's CSRF field and check, and errors shown as
 * pages with the status and text of the one error catalogue (http/error-handler.ts).
 *
 * It imports no module: a module's routes may use it without a dependency back on the site.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { classifyError } from '../http/error-handler.ts';
import { SESSION_COOKIE } from '../http/session.ts';
import type { Api } from '../http/types.ts';
import { AppError, errorMessage, errorStatus } from '../platform/errors.ts';
import type { ErrorCode, FieldIssue } from '../platform/errors.ts';
import { esc } from './html.ts';

export { esc, htmlDocument } from './html.ts';

export const HTML = 'text/html; charset=utf-8';

/** A signed-in user on a server-rendered page: who they are and the token their forms carry. */
export interface PageSession<A = unknown> {
  actor: A;
  csrfToken: string;
}

/** Resolves a session token (users.resolveSession). */
export interface SessionResolver<A> {
  resolveSession(token: string, ip: string): Promise<PageSession<A> | null>;
}

/**
 * The session of a page outside /api. Such routes are public to the router (a missing session is the
 * page's to handle, e.g. by a redirect to sign-in), so the page resolves the cookie itself.
 */
export async function pageSession<A>(req: FastifyRequest, users: SessionResolver<A>): Promise<PageSession<A> | null> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return null;
  return users.resolveSession(token, req.ip);
}

/** The form field that carries the session's CSRF token (a plain form cannot send a header). */
export const CSRF_FIELD = '_csrf';

export function csrfInput(session: PageSession): string {
  return `<input type="hidden" name="${CSRF_FIELD}" value="${esc(session.csrfToken)}">`;
}

/** Refuses (CSRF_INVALID) a posted form whose token is not the session's. */
export function checkFormCsrf(session: PageSession, form: Record<string, unknown>): void {
  const sent = form[CSRF_FIELD];
  if (typeof sent !== 'string' || sent !== session.csrfToken) throw new AppError('CSRF_INVALID');
}

/** Sends a page that no cache may keep (a form, an error, anything for one user). */
export function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply.status(status).type(HTML).header('cache-control', 'no-store').send(html);
}

/** An error as a page shows it: the catalogue's code, status and Vietnamese text. */
export interface PageError {
  code: ErrorCode;
  status: number;
  message: string;
  issues: FieldIssue[];
}

export function pageError(err: unknown): PageError {
  const { code, params, issues } = classifyError(err);
  return { code, status: errorStatus(code), message: errorMessage(code, 'vi', params), issues };
}

/**
 * Errors in this scope become pages, not JSON: `render` gives the page for an error (if it fails too,
 * a bare page carries the text). Unexpected errors are logged under `what`.
 */
export function installErrorPages(scope: Api, what: string, render: (req: FastifyRequest, e: PageError) => string | Promise<string>): void {
  scope.setErrorHandler(async (err, req, reply) => {
    const e = pageError(err);
    if (e.code === 'INTERNAL') req.log.error({ err }, what);
    let body: string;
    try {
      body = await render(req, e);
    } catch {
      body = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Thông báo</title><p>${esc(e.message)}</p></html>`;
    }
    return sendPage(reply, e.status, body);
  });
}
