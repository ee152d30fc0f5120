import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Api } from './types.ts';
import type { Actor } from '../modules/access/index.ts';
import { AppError } from '../platform/errors.ts';

export const SESSION_COOKIE = 'loa_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Reachable without a session (sign-in, the portal, feeds, the admin UI's static files). Part of
     * the route's definition and checked after routing, so the spelling of the URL cannot skip it:
     * every route without the flag refuses an anonymous caller with 401 before its body is read.
     */
    public?: boolean;
  }
  interface FastifyRequest {
    /**
     * The signed-in user. A non-public route always has one (an anonymous request never reaches its
     * handler); reading it where there is none throws UNAUTHENTICATED, so no request acts as nobody.
     */
    readonly actor: Actor;
    /** The resolved session of a non-public route (null on public routes, which resolve none). */
    session: { actor: Actor; csrfToken: string } | null;
    csrfToken: string | null;
    sessionToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What the session check needs from the users module (its service satisfies it): the HTTP layer
 * depends on this port, not on the module, so the module's routes can use the cookie helpers below.
 */
export interface SessionResolver {
  /** The live, enabled session behind a cookie token, or null. */
  resolveSession(token: string, ip: string): Promise<{ actor: Actor; csrfToken: string } | null>;
}

/** Marks every route registered in this scope (and its children) public: the portal, static files. */
export function markRoutesPublic(scope: Api): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, public: true };
  });
}

/**
 * Authentication by route, for every route (API or not): after routing, a route not marked
 * `config: { public: true }` resolves the session cookie to an actor or refuses the request (401),
 * and an unsafe method must send X-CSRF-Token equal to the session's token (synchroniser token; the
 * cookie is also SameSite=Strict). Public routes resolve no session and so cannot act for anyone;
 * an unknown address stays a 404.
 */
export function installSession(app: Api, users: SessionResolver): void {
  app.decorateRequest('session', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('actor', {
    getter(this: FastifyRequest): Actor {
      if (!this.session) throw new AppError('UNAUTHENTICATED');
      return this.session.actor;
    },
  });
  app.addHook('onRequest', async (req) => {
    if (req.is404 || req.routeOptions.config.public === true) return;
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await users.resolveSession(token, req.ip) : null;
    // Deny by default: an anonymous caller learns nothing (not even body validation errors), since
    // this runs before the body is parsed and validated.
    if (!token || !session) throw new AppError('UNAUTHENTICATED');
    req.session = { actor: session.actor, csrfToken: session.csrfToken };
    req.csrfToken = session.csrfToken;
    req.sessionToken = token;
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) throw new AppError('CSRF_INVALID');
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
