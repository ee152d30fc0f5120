import type { Db } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../access/index.ts';
import type { Actor, Role } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { UnitLookup } from '../units/index.ts';
import { sendInvitationJob } from './invitation.job.ts';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords.ts';
import { createLogin } from './login.ts';
import { hashToken, newToken } from './tokens.ts';
import * as repo from './users.repository.ts';
import type { UserRow, UserWithUnit } from './users.repository.ts';
import type { CreateUserInput, UpdateUserInput } from './users.schemas.ts';
import './users.errors.ts';

export function presentMe(u: UserWithUnit) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    unitId: u.unitId,
    unitName: u.unitName,
    roles: u.roles as Role[],
  };
}

export function presentUser(u: UserWithUnit) {
  return { ...presentMe(u), disabled: u.disabledAt !== null, lastLoginAt: u.lastLoginAt?.toISOString() ?? null };
}

/** What the audit trail keeps of a user: never the password hash. */
function auditView(u: UserRow) {
  return { username: u.username, displayName: u.displayName, email: u.email, unitId: u.unitId, roles: u.roles, disabled: u.disabledAt !== null };
}

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  user: ReturnType<typeof presentMe>;
}

export function createUsersService(deps: { db: Db; clock: Clock; jobs: JobQueue; units: UnitLookup; sessionTtlHours: number }) {
  const { db, clock, units } = deps;

  function actorOf(user: UserWithUnit, ip: string | null): Actor {
    return { userId: user.id, username: user.username, displayName: user.displayName, unitId: user.unitId, unitPath: user.unitPath, roles: user.roles as Role[], ip };
  }

  async function toSession(user: UserWithUnit, csrfToken: string, ip: string | null): Promise<SessionInfo> {
    return {
      actor: actorOf(user, ip),
      csrfToken,
      user: presentMe(user),
    };
  }

  async function startSession(user: UserWithUnit, ip: string | null, userAgent: string | null) {
    const { token, hash } = newToken();
    const csrf = newToken().token;
    await repo.insertSession(db, {
      tokenHash: hash,
      userId: user.id,
      csrfToken: csrf,
      ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(clock.now().getTime() + deps.sessionTtlHours * 3_600_000),
    });
    return { token, session: await toSession(user, csrf, ip) };
  }

  async function loadUserInScope(actor: Actor, id: string, permission: 'user.read' | 'user.write') {
    const user = await repo.findUserById(db, id);
    if (!user) throw new AppError('NOT_FOUND');
    const a = authorize(actor, permission, { unitPath: user.unitPath }, 'user.read');
    return { a, user };
  }

  const signIn = createLogin({ db, clock, units, startSession: (user, meta) => startSession(user, meta.ip, meta.userAgent) });

  return {
    /** Password sign-in, throttled per (username, source address); lockouts for unit admins (login.ts). */
    ...signIn,

    async logout(token: string): Promise<void> {
      await repo.deleteSession(db, hashToken(token));
    },

    /** Resolves a session cookie to the acting user; null when absent, expired or disabled. */
    async resolveSession(token: string, ip: string | null): Promise<SessionInfo | null> {
      const session = await repo.findLiveSession(db, hashToken(token), clock.now());
      if (!session) return null;
      const user = await repo.findUserById(db, session.userId);
      if (!user || user.disabledAt) return null;
      return toSession(user, session.csrfToken, ip);
    },

    async changePassword(actor: Actor, token: string, input: { currentPassword: string; newPassword: string }) {
      const user = await repo.findUserById(db, actor.userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('WRONG_PASSWORD');
      assertStrongPassword(input.newPassword);
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, user.id, { passwordHash });
        await repo.deleteSessionsOfUser(tx, user.id, hashToken(token));
        await recordAudit(tx, actor, { action: 'user.password.change', entity: 'user', entityId: user.id, unitId: user.unitId });
      });
    },

    /** Sets the password of an invited user and signs them in. */
    async acceptInvitation(input: { token: string; password: string }, meta: { ip: string | null; userAgent: string | null }) {
      assertStrongPassword(input.password);
      const passwordHash = await hashPassword(input.password);
      const userId = await db.transaction(async (tx) => {
        const id = await repo.consumeInvitation(tx, hashToken(input.token), clock.now());
        if (!id) throw new AppError('INVITATION_INVALID');
        const invited = await repo.findUserById(tx, id);
        if (!invited) throw new AppError('INVITATION_INVALID');
        if (invited.disabledAt) throw new AppError('ACCOUNT_DISABLED');
        await repo.updateUser(tx, id, { passwordHash });
        // The invited person sets their own password: they are the actor.
        await recordAudit(tx, actorOf(invited, meta.ip), { action: 'user.invitation.accept', entity: 'user', entityId: id, unitId: invited.unitId });
        return id;
      });
      const user = await repo.findUserById(db, userId);
      if (!user) throw new AppError('INVITATION_INVALID');
      return startSession(user, meta.ip, meta.userAgent);
    },

    async listUsers(actor: Actor, unitId: string) {
      const unit = await units.byId(unitId);
      if (!unit) throw new AppError('NOT_FOUND');
      authorize(actor, 'user.read', { unitPath: unit.path });
      return (await repo.findUsersUnder(db, unit.id)).map(presentUser);
    },

    /**
     * Creates an account. With a password (CLI, demo) it is usable at once; otherwise an invitation
     * e-mail is queued in the same transaction.
     */
    async createUser(actor: Actor, input: CreateUserInput & { password?: string }) {
      const unit = await units.byId(input.unitId);
      if (!unit) throw new AppError('UNKNOWN_UNIT', { unit: input.unitId });
      const a = authorize(actor, 'user.write', { unitPath: unit.path }, 'unit.read');
      if (input.roles.includes('system_admin') && !a.roles.includes('system_admin')) throw new AppError('FORBIDDEN');
      if (input.password !== undefined) assertStrongPassword(input.password);
      const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
      const created = await db.transaction(async (tx) => {
        const row = await repo.insertUser(tx, {
          username: input.username,
          displayName: input.displayName,
          email: input.email ?? null,
          unitId: unit.id,
          roles: input.roles,
          passwordHash,
        });
        if (!row) throw new AppError('USERNAME_TAKEN');
        await recordAudit(tx, a, { action: 'user.create', entity: 'user', entityId: row.id, unitId: unit.id, after: auditView(row) });
        if (!passwordHash && row.email) await deps.jobs.enqueue(tx, sendInvitationJob, { userId: row.id }, { id: `invite:${row.id}` });
        return row;
      });
      const full = await repo.findUserById(db, created.id);
      if (!full) throw new AppError('NOT_FOUND');
      return presentUser(full);
    },

    async updateUser(actor: Actor, id: string, input: UpdateUserInput) {
      const { a, user } = await loadUserInScope(actor, id, 'user.write');
      // Only a system administrator grants the role, or touches an account that holds it.
      const touchesAdmin = input.roles?.includes('system_admin') || user.roles.includes('system_admin');
      if (touchesAdmin && !a.roles.includes('system_admin')) throw new AppError('FORBIDDEN');
      await db.transaction(async (tx) => {
        const updated = await repo.updateUser(tx, id, {
          ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
          ...(input.roles !== undefined ? { roles: input.roles } : {}),
          ...(input.disabled !== undefined ? { disabledAt: input.disabled ? (user.disabledAt ?? clock.now()) : null } : {}),
        });
        if (!updated) throw new AppError('NOT_FOUND');
        if (input.disabled) await repo.deleteSessionsOfUser(tx, id);
        await recordAudit(tx, a, { action: 'user.update', entity: 'user', entityId: id, unitId: user.unitId, before: auditView(user), after: auditView(updated) });
      });
      const full = await repo.findUserById(db, id);
      if (!full) throw new AppError('NOT_FOUND');
      return presentUser(full);
    },

    countUsers: () => repo.countUsers(db),
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
