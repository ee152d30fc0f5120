import { and, asc, desc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { directiveRecipients, directives, units } from '../../db/schema/index.ts';
import { inSubtree } from '../../db/subtree.ts';
import type { DirectiveRow, RecipientRow } from './directives.repository.ts';

// Inbox and tracking

export type InboxRow = RecipientRow & { unitPath: string; directive: DirectiveRow };

const recipientColumns = getTableColumns(directiveRecipients);

export async function findRecipientItem(db: Db, itemId: string): Promise<InboxRow | undefined> {
  const [row] = await db
    .select({ ...recipientColumns, unitPath: units.path, directive: directives })
    .from(directiveRecipients)
    .innerJoin(units, eq(units.id, directiveRecipients.unitId))
    .innerJoin(directives, eq(directives.id, directiveRecipients.directiveId))
    .where(eq(directiveRecipients.id, itemId));
  return row;
}

export async function findRecipient(db: Db, directiveId: string, unitId: string): Promise<RecipientRow | undefined> {
  const [row] = await db
    .select()
    .from(directiveRecipients)
    .where(and(eq(directiveRecipients.directiveId, directiveId), eq(directiveRecipients.unitId, unitId)));
  return row;
}

/** Whether some unit under `path` received the directive (recipients may read what they got). */
export async function isRecipientUnder(db: Db, directiveId: string, path: string): Promise<boolean> {
  const [row] = await db
    .select({ id: directiveRecipients.id })
    .from(directiveRecipients)
    .innerJoin(units, eq(units.id, directiveRecipients.unitId))
    .where(and(eq(directiveRecipients.directiveId, directiveId), inSubtree(units.path, path)))
    .limit(1);
  return Boolean(row);
}

export async function findInbox(
  db: Db,
  f: { unitId: string; filter: 'all' | 'unread' | 'unacknowledged'; year?: number | undefined; limit: number; offset: number; oldestFirst?: boolean },
): Promise<{ rows: InboxRow[]; total: number }> {
  const where = and(
    eq(directiveRecipients.unitId, f.unitId),
    f.filter === 'unread' ? isNull(directiveRecipients.readAt) : undefined,
    f.filter === 'unacknowledged' ? and(isNull(directiveRecipients.acknowledgedAt), isNull(directiveRecipients.revokedAt)) : undefined,
    f.year ? eq(directiveRecipients.arrivalYear, f.year) : undefined,
  );
  const rows = await db
    .select({ ...recipientColumns, unitPath: units.path, directive: directives })
    .from(directiveRecipients)
    .innerJoin(units, eq(units.id, directiveRecipients.unitId))
    .innerJoin(directives, eq(directives.id, directiveRecipients.directiveId))
    .where(where)
    .orderBy(...(f.oldestFirst ? [asc(directiveRecipients.deliveredAt)] : [desc(directiveRecipients.arrivalYear), desc(directiveRecipients.arrivalNumber)]))
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(directiveRecipients)
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

export async function markRead(db: Db, itemId: string, userId: string, at: Date): Promise<RecipientRow | undefined> {
  const [row] = await db
    .update(directiveRecipients)
    .set({ readAt: at, readBy: userId })
    .where(and(eq(directiveRecipients.id, itemId), isNull(directiveRecipients.readAt)))
    .returning();
  return row;
}

/** Acknowledges ("đã nhận"); also counts as read. Undefined when already acknowledged or revoked. */
export async function markAcknowledged(db: Db, itemId: string, userId: string, at: Date): Promise<RecipientRow | undefined> {
  const [row] = await db
    .update(directiveRecipients)
    .set({
      acknowledgedAt: at,
      acknowledgedBy: userId,
      readAt: sql`coalesce(${directiveRecipients.readAt}, ${at.toISOString()}::timestamptz)`,
      readBy: sql`coalesce(${directiveRecipients.readBy}, ${userId}::uuid)`,
    })
    .where(and(eq(directiveRecipients.id, itemId), isNull(directiveRecipients.acknowledgedAt), isNull(directiveRecipients.revokedAt)))
    .returning();
  return row;
}

export async function markEmailed(db: Db, directiveId: string, unitId: string, at: Date): Promise<void> {
  await db
    .update(directiveRecipients)
    .set({ emailedAt: at })
    .where(and(eq(directiveRecipients.directiveId, directiveId), eq(directiveRecipients.unitId, unitId)));
}

export async function countRecipients(db: Db, directiveId: string) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      read: sql<number>`count(${directiveRecipients.readAt})::int`,
      acknowledged: sql<number>`count(${directiveRecipients.acknowledgedAt})::int`,
      emailed: sql<number>`count(${directiveRecipients.emailedAt})::int`,
      revoked: sql<number>`count(${directiveRecipients.revokedAt})::int`,
    })
    .from(directiveRecipients)
    .where(eq(directiveRecipients.directiveId, directiveId));
  return row ?? { total: 0, read: 0, acknowledged: 0, emailed: 0, revoked: 0 };
}

export async function findTracking(
  db: Db,
  f: { directiveId: string; filter: 'all' | 'unread' | 'unacknowledged' | 'acknowledged'; limit: number; offset: number },
): Promise<(RecipientRow & { unitName: string })[]> {
  return db
    .select({ ...recipientColumns, unitName: units.name })
    .from(directiveRecipients)
    .innerJoin(units, eq(units.id, directiveRecipients.unitId))
    .where(
      and(
        eq(directiveRecipients.directiveId, f.directiveId),
        f.filter === 'unread' ? isNull(directiveRecipients.readAt) : undefined,
        f.filter === 'unacknowledged' ? isNull(directiveRecipients.acknowledgedAt) : undefined,
        f.filter === 'acknowledged' ? sql`${directiveRecipients.acknowledgedAt} IS NOT NULL` : undefined,
      ),
    )
    .orderBy(asc(units.code), asc(units.name))
    .limit(f.limit)
    .offset(f.offset);
}

/** Child units of a parent that received a directive and have not acknowledged it (for escalation mail). */
export async function findSilentChildren(db: Db, directiveId: string, parentId: string): Promise<string[]> {
  const rows = await db
    .select({ name: units.name })
    .from(directiveRecipients)
    .innerJoin(units, eq(units.id, directiveRecipients.unitId))
    .where(and(eq(directiveRecipients.directiveId, directiveId), eq(units.parentId, parentId), isNull(directiveRecipients.acknowledgedAt), isNull(directiveRecipients.revokedAt)))
    .orderBy(asc(units.name));
  return rows.map((r) => r.name);
}
