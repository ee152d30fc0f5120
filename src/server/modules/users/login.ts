import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize, hasGlobalScope, systemActor } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { UnitLookup } from '../units/index.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import * as repo from './users.repository.ts';
import type { LockoutRow, UserWithUnit } from './users.repository.ts';
import './users.errors.ts';

/**
 * Sign-in throttling, per (username, source address): the first four failures cost nothing, each
 * further one makes the pair wait 30 s, 1 min, 2 min, … (doubling, at most an hour). A pair with no
 * failure for a day starts again. The correct password from another address is never affected.
 */
export const LOCKOUT = { freeFailures: 4, baseSeconds: 30, maxMinutes: 60, forgetAfterHours: 24 } as const;

/** How long a pair waits after its n-th consecutive failure (0: not at all). */
export function lockDelayMs(failures: number): number {
  if (failures <= LOCKOUT.freeFailures) return 0;
  return Math.min(LOCKOUT.baseSeconds * 1000 * 2 ** (failures - LOCKOUT.freeFailures - 1), LOCKOUT.maxMinutes * 60_000);
}

/**
 * The source a failure is counted against: the IPv4 address, or the /64 of an IPv6 address (one
 * subscriber usually holds a whole /64, so rotating inside it gains nothing).
 */
export function throttleSource(ip: string | null): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  const bare = ip.split('%')[0] ?? ip;
  if (isIP(bare) !== 6) return ip;
  const [head = '', tail] = bare.toLowerCase().split('::');
  const before = head ? head.split(':') : [];
  const after = tail ? tail.split(':') : [];
  const groups = tail === undefined ? before : [...before, ...Array<string>(Math.max(0, 8 - before.length - after.length)).fill('0'), ...after];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function lockedError(until: Date, now: Date): AppError {
  return new AppError('ACCOUNT_LOCKED', { minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) });
}

export function presentLockout(l: LockoutRow) {
  return {
    userId: l.userId,
    username: l.username,
    displayName: l.displayName,
    unitId: l.unitId,
    unitName: l.unitName,
    source: l.source,
    failures: l.failures,
    lockedUntil: l.lockedUntil?.toISOString() ?? null,
    lastFailureAt: l.lastFailureAt.toISOString(),
  };
}
export type LockoutView = ReturnType<typeof presentLockout>;

/**
 * Password sign-in and the lockouts unit admins see and lift. A known and an unknown username take
 * the same path: the same queries, one argon2 verification (against a dummy hash for an unknown
 * name or an account without a password), the same throttle, the same answer.
 */
export function createLogin<S>(deps: {
  db: Db;
  clock: Clock;
  units: UnitLookup;
  startSession: (user: UserWithUnit, meta: { ip: string | null; userAgent: string | null }) => Promise<S>;
}) {
  const { db, clock } = deps;
  let dummy: Promise<string> | null = null;
  const dummyHash = () => (dummy ??= hashPassword(randomBytes(24).toString('base64url')));
  const forgetBefore = (now: Date) => new Date(now.getTime() - LOCKOUT.forgetAfterHours * 3_600_000);

  async function countFailure(user: UserWithUnit | undefined, username: string, source: string, now: Date, ip: string | null): Promise<void> {
    await db.transaction(async (tx) => {
      const failures = await repo.countLoginFailure(tx, username, source, now, forgetBefore(now));
      const delay = lockDelayMs(failures);
      if (delay > 0) {
        const until = new Date(now.getTime() + delay);
        await repo.lockThrottle(tx, username, source, until);
        if (user) {
          await recordAudit(
            tx,
            { ...systemActor('auth:lockout'), ip },
            {
              action: 'user.lock',
              entity: 'user',
              entityId: user.id,
              unitId: user.unitId,
              after: { reason: 'failed_logins', source, failures, lockedUntil: until.toISOString() },
            },
          );
        }
      }
      await repo.purgeStaleThrottles(tx, forgetBefore(now), now);
    });
  }

  return {
    /** Password sign-in; returns what `startSession` makes of the user. */
    async login(input: { username: string; password: string }, meta: { ip: string | null; userAgent: string | null }): Promise<S> {
      const username = input.username.normalize('NFC').toLowerCase();
      const source = throttleSource(meta.ip);
      const now = clock.now();
      const user = await repo.findUserByUsername(db, username);
      const throttle = await repo.findThrottle(db, username, source);
      if (throttle?.lockedUntil && throttle.lockedUntil > now) throw lockedError(throttle.lockedUntil, now);
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
      if (!user?.passwordHash || !ok) {
        await countFailure(user, username, source, now, meta.ip);
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (user.disabledAt) throw new AppError('ACCOUNT_DISABLED');
      await db.transaction(async (tx) => {
        await repo.clearThrottle(tx, username, source);
        await repo.updateUser(tx, user.id, { lastLoginAt: now });
      });
      return deps.startSession(user, meta);
    },

    /** Running lockouts of accounts in a unit's subtree (default: the actor's scope). */
    async listLockouts(actor: Actor, q: { unitId?: string | undefined }): Promise<LockoutView[]> {
      let underPath: string | null;
      if (q.unitId) {
        const unit = await deps.units.byId(q.unitId);
        if (!unit) throw new AppError('NOT_FOUND');
        authorize(actor, 'user.read', { unitPath: unit.path });
        underPath = unit.path;
      } else {
        authorize(actor, 'user.read', { unitPath: actor.unitPath });
        underPath = hasGlobalScope(actor) ? null : actor.unitPath;
      }
      return (await repo.findLockouts(db, { underPath, now: clock.now() })).map(presentLockout);
    },

    /** Lifts the lock (and forgets the failures) of one source of an account, or of all its sources. Audited. */
    async unlock(actor: Actor, userId: string, source?: string): Promise<{ unlocked: number }> {
      const user = await repo.findUserById(db, userId);
      if (!user) throw new AppError('NOT_FOUND');
      const a = authorize(actor, 'user.write', { unitPath: user.unitPath }, 'user.read');
      const now = clock.now();
      const unlocked = await db.transaction(async (tx) => {
        const removed = await repo.deleteThrottles(tx, user.username, source);
        const locks = removed.filter((r) => r.lockedUntil && r.lockedUntil > now);
        if (locks.length > 0) {
          await recordAudit(tx, a, {
            action: 'user.unlock',
            entity: 'user',
            entityId: user.id,
            unitId: user.unitId,
            before: locks.map((r) => ({ source: r.source, failures: r.failures, lockedUntil: r.lockedUntil?.toISOString() ?? null })),
          });
        }
        return locks.length;
      });
      return { unlocked };
    },
  };
}
