import { and, asc, eq, getTableColumns, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { invitations, loginThrottles, sessions, units, users } from '../../db/schema/index.ts';
import { inSubtree } from '../../db/subtree.ts';

export type UserRow = typeof users.$inferSelect;
export type UserWithUnit = UserRow & { unitName: string; unitPath: string };

const userColumns = getTableColumns(users);
const withUnit = { unitName: units.name, unitPath: units.path };

export async function findUserByUsername(db: Db, username: string): Promise<UserWithUnit | undefined> {
  const [row] = await db
    .select({ ...userColumns, ...withUnit })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserWithUnit | undefined> {
  const [row] = await db
    .select({ ...userColumns, ...withUnit })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  return row;
}

export async function findUsersUnder(db: Db, unitId: string): Promise<UserWithUnit[]> {
  return db
    .select({ ...userColumns, ...withUnit })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.unitId, unitId))
    .orderBy(asc(users.username));
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow | undefined> {
  const [created] = await db.insert(users).values(row).onConflictDoNothing({ target: users.username }).returning();
  return created;
}

export async function updateUser(db: Db, id: string, patch: Partial<typeof users.$inferInsert>): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

// Sign-in throttling

export type ThrottleRow = typeof loginThrottles.$inferSelect;

const throttleKey = (username: string, source: string) => and(eq(loginThrottles.username, username), eq(loginThrottles.source, source));

export async function findThrottle(db: Db, username: string, source: string): Promise<ThrottleRow | undefined> {
  const [row] = await db.select().from(loginThrottles).where(throttleKey(username, source));
  return row;
}

/**
 * Counts a failed sign-in of the pair atomically and returns the new count; a count whose last
 * failure is older than `freshSince` starts again at 1.
 */
export async function countLoginFailure(db: Db, username: string, source: string, now: Date, freshSince: Date): Promise<number> {
  const [row] = await db
    .insert(loginThrottles)
    .values({ username, source, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: [loginThrottles.username, loginThrottles.source],
      set: {
        failures: sql`CASE WHEN ${loginThrottles.lastFailureAt} < ${freshSince} THEN 1 ELSE ${loginThrottles.failures} + 1 END`,
        lastFailureAt: now,
      },
    })
    .returning({ n: loginThrottles.failures });
  return row?.n ?? 1;
}

export async function lockThrottle(db: Db, username: string, source: string, until: Date): Promise<void> {
  await db.update(loginThrottles).set({ lockedUntil: until }).where(throttleKey(username, source));
}

export async function clearThrottle(db: Db, username: string, source: string): Promise<void> {
  await db.delete(loginThrottles).where(throttleKey(username, source));
}

/** Forgets pairs with no failure since `before` and no lock still running. */
export async function purgeStaleThrottles(db: Db, before: Date, now: Date): Promise<void> {
  await db.delete(loginThrottles).where(and(lt(loginThrottles.lastFailureAt, before), or(isNull(loginThrottles.lockedUntil), lt(loginThrottles.lockedUntil, now))));
}

export type LockoutRow = ThrottleRow & { userId: string; displayName: string; unitId: string; unitName: string };

/** Running locks of accounts in the subtree at `underPath` (every account when null), newest first. */
export async function findLockouts(db: Db, o: { underPath: string | null; now: Date; userId?: string }): Promise<LockoutRow[]> {
  return db
    .select({ ...getTableColumns(loginThrottles), userId: users.id, displayName: users.displayName, unitId: users.unitId, unitName: units.name })
    .from(loginThrottles)
    .innerJoin(users, eq(users.username, loginThrottles.username))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(gt(loginThrottles.lockedUntil, o.now), o.userId ? eq(users.id, o.userId) : undefined, o.underPath ? inSubtree(units.path, o.underPath) : undefined))
    .orderBy(sql`${loginThrottles.lastFailureAt} DESC`)
    .limit(500);
}

/** Removes the throttle of one pair, or of every source when `source` is omitted; returns what was removed. */
export async function deleteThrottles(db: Db, username: string, source?: string): Promise<ThrottleRow[]> {
  return db
    .delete(loginThrottles)
    .where(source === undefined ? eq(loginThrottles.username, username) : throttleKey(username, source))
    .returning();
}

// Sessions

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string, exceptTokenHash?: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), exceptTokenHash ? sql`${sessions.tokenHash} <> ${exceptTokenHash}` : undefined));
}

// Invitations

export async function insertInvitation(db: Db, row: typeof invitations.$inferInsert): Promise<void> {
  await db.insert(invitations).values(row);
}

/** Marks a live, unused invitation used and returns its user id (null if none). */
export async function consumeInvitation(db: Db, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await db
    .update(invitations)
    .set({ usedAt: now })
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
    .returning({ userId: invitations.userId });
  return row?.userId ?? null;
}
