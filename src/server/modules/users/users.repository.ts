import { and, asc, eq, getTableColumns, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { invitations, sessions, units, users } from '../../db/schema/index.ts';

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
  const [row] = await db.update(users).set({ ...patch, updatedAt: new Date() }).where(eq(users.id, id)).returning();
  return row;
}

/** Counts a failed sign-in atomically and returns the new count. */
export async function incrementFailedLogins(db: Db, id: string): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(eq(users.id, id))
    .returning({ n: users.failedLogins });
  return row?.n ?? 0;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
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
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptTokenHash ? sql`${sessions.tokenHash} <> ${exceptTokenHash}` : undefined));
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
