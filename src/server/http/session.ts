import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Api } from './types.ts';
import type { Actor } from '../modules/access/index.ts';
import type { UsersService } from '../modules/users/index.ts';
import { AppError } from '../platform/errors.ts';

export const SESSION_COOKIE = 'loa_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session. Every other /api route refuses an anonymous caller (401). */
    public?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    sessionToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a client calls before it has a session: they need no CSRF token. */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/accept-invitation']);

/**
 * Resolves the session cookie to an actor on every /api request, refuses anonymous callers on
 * routes not marked `config: { public: true }`, and enforces CSRF: an unsafe
 * method with a session must send X-CSRF-Token equal to the session's token (synchroniser token;
 * the cookie is also SameSite=Strict).
 */
export function installSession(app: Api, users: UsersService): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await users.resolveSession(token, req.ip);
      if (session) {
        req.actor = session.actor;
        req.csrfToken = session.csrfToken;
        req.sessionToken = token;
      }
    }
    // Deny by default: an anonymous caller learns nothing (not even body validation errors) from a
    // non-public route, since this runs before the body is parsed and validated.
    if (!req.actor && req.routeOptions.config?.public !== true) throw new AppError('UNAUTHENTICATED');
    if (SAFE_METHODS.has(req.method) || CSRF_EXEMPT.has(req.routeOptions.url ?? '')) return;
    if (req.actor && req.headers['x-csrf-token'] !== req.csrfToken) throw new AppError('CSRF_INVALID');
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, ttlHours: number): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: ttlHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function clientMeta(req: FastifyRequest) {
  return { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
}
