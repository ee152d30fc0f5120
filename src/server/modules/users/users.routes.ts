import { z } from 'zod';
import { clearSessionCookie, clientMeta, setSessionCookie } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { AppError } from '../../platform/errors.ts';
import type { UsersService } from './users.service.ts';
import {
  AcceptInvitationBody,
  ChangePasswordBody,
  CreateUserBody,
  LockoutOut,
  LockoutsQuery,
  LoginBody,
  SessionOut,
  UnlockBody,
  UpdateUserBody,
  UserIdParams,
  UserOut,
  UsersQuery,
} from './users.schemas.ts';

const auth = { tags: ['auth'] };
/**
 * Sign-in requests per source address: a backstop against floods. A whole office or commune behind
 * one NAT address signs in at 8:00, so this is generous; guessing is slowed per (username, address)
 * by the throttle in login.ts.
 */
export const LOGIN_RATE_LIMIT = { max: 60, timeWindow: '1 minute' } as const;
const users = { tags: ['users'] };

export function registerUserRoutes(app: Api, svc: UsersService, opts: { secureCookies: boolean; sessionTtlHours: number }): void {
  app.post(
    '/api/auth/login',
    {
      schema: { ...auth, body: LoginBody, response: { 200: SessionOut } },
      config: { public: true, rateLimit: LOGIN_RATE_LIMIT },
    },
    async (req, reply) => {
      const { token, session } = await svc.login(req.body, clientMeta(req));
      setSessionCookie(reply, token, opts.secureCookies, opts.sessionTtlHours);
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );
  app.post(
    '/api/auth/accept-invitation',
    { schema: { ...auth, body: AcceptInvitationBody, response: { 200: SessionOut } }, config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const { token, session } = await svc.acceptInvitation(req.body, clientMeta(req));
      setSessionCookie(reply, token, opts.secureCookies, opts.sessionTtlHours);
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );
  app.post('/api/auth/logout', { schema: { ...auth } }, async (req, reply) => {
    if (req.sessionToken) await svc.logout(req.sessionToken);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });
  app.get('/api/auth/me', { schema: { ...auth, response: { 200: SessionOut } } }, async (req) => {
    if (!req.sessionToken) throw new AppError('UNAUTHENTICATED');
    const session = await svc.resolveSession(req.sessionToken, req.ip);
    if (!session) throw new AppError('UNAUTHENTICATED');
    return { user: session.user, csrfToken: session.csrfToken };
  });
  app.post('/api/auth/password', { schema: { ...auth, body: ChangePasswordBody } }, async (req, reply) => {
    await svc.changePassword(req.actor, req.sessionToken ?? '', req.body);
    return reply.status(204).send();
  });

  app.get('/api/users', { schema: { ...users, querystring: UsersQuery, response: { 200: z.object({ items: z.array(UserOut) }) } } }, async (req) => ({
    items: await svc.listUsers(req.actor, req.query.unitId),
  }));
  app.post('/api/users', { schema: { ...users, body: CreateUserBody, response: { 201: z.object({ user: UserOut }) } } }, async (req, reply) => {
    const user = await svc.createUser(req.actor, req.body);
    return reply.status(201).send({ user });
  });
  app.patch('/api/users/:id', { schema: { ...users, params: UserIdParams, body: UpdateUserBody, response: { 200: z.object({ user: UserOut }) } } }, async (req) => ({
    user: await svc.updateUser(req.actor, req.params.id, req.body),
  }));
  app.get('/api/users/lockouts', { schema: { ...users, querystring: LockoutsQuery, response: { 200: z.object({ items: z.array(LockoutOut) }) } } }, async (req) => ({
    items: await svc.listLockouts(req.actor, req.query),
  }));
  app.post('/api/users/:id/unlock', { schema: { ...users, params: UserIdParams, body: UnlockBody, response: { 200: z.object({ unlocked: z.number() }) } } }, async (req) =>
    svc.unlock(req.actor, req.params.id, req.body.source),
  );
}
