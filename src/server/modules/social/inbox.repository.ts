import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';
import { socialAccounts, socialInboxItems, socialInboxReplies, users } from '../../db/schema/index.ts';
import type { InboxState, SocialPlatformName } from '../../../shared/contracts/social.ts';

type Stored = typeof socialInboxItems.$inferSelect;
export type InboxRow = Omit<Stored, 'state' | 'platform' | 'kind'> & { state: InboxState; platform: SocialPlatformName; kind: 'message' | 'comment' };
export type InboxListRow = InboxRow & { accountName: string; assigneeName: string | null };
export type InboxInsert = Omit<typeof socialInboxItems.$inferInsert, 'id' | 'state' | 'assigneeId' | 'tags' | 'questionId'>;

const asRow = (r: Stored): InboxRow => r as InboxRow;

/** Inserts webhook events; a replay (same account and event id) is skipped. Returns the ids inserted. */
export async function insertInboxItems(db: Db, rows: InboxInsert[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const r = await db.insert(socialInboxItems).values(rows).onConflictDoNothing().returning({ id: socialInboxItems.id });
  return r.map((x) => x.id);
}

const listColumns = { i: socialInboxItems, accountName: socialAccounts.displayName, assigneeName: users.displayName };

export async function listInbox(
  db: Db,
  q: { unitId: string; state?: InboxState | undefined; tag?: string | undefined; accountId?: string | undefined; limit: number },
): Promise<InboxListRow[]> {
  const where = [eq(socialInboxItems.unitId, q.unitId)];
  if (q.state) where.push(eq(socialInboxItems.state, q.state));
  if (q.accountId) where.push(eq(socialInboxItems.accountId, q.accountId));
  if (q.tag) where.push(sql`${q.tag} = ANY(${socialInboxItems.tags})`);
  const rows = await db
    .select(listColumns)
    .from(socialInboxItems)
    .innerJoin(socialAccounts, eq(socialAccounts.id, socialInboxItems.accountId))
    .leftJoin(users, eq(users.id, socialInboxItems.assigneeId))
    .where(and(...where))
    .orderBy(desc(socialInboxItems.receivedAt), socialInboxItems.id)
    .limit(q.limit);
  return rows.map((r) => ({ ...asRow(r.i), accountName: r.accountName, assigneeName: r.assigneeName }));
}

export async function findInboxItem(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<InboxListRow | undefined> {
  const q = db
    .select(listColumns)
    .from(socialInboxItems)
    .innerJoin(socialAccounts, eq(socialAccounts.id, socialInboxItems.accountId))
    .leftJoin(users, eq(users.id, socialInboxItems.assigneeId))
    .where(eq(socialInboxItems.id, id));
  const [r] = opts.forUpdate ? await q.for('update', { of: socialInboxItems }) : await q;
  return r ? { ...asRow(r.i), accountName: r.accountName, assigneeName: r.assigneeName } : undefined;
}

export async function updateInboxItem(db: Db, id: string, patch: Partial<Pick<Stored, 'state' | 'assigneeId' | 'tags' | 'questionId'>>, at: Date): Promise<void> {
  await db
    .update(socialInboxItems)
    .set({ ...patch, updatedAt: at })
    .where(eq(socialInboxItems.id, id));
}

/** The last time each (account, sender) wrote: the reply window runs from it. Keyed `account:hash`. */
export async function lastReceived(db: Db, pairs: readonly { accountId: string; senderHash: string }[]): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  if (pairs.length === 0) return out;
  const rows = await db
    .select({ accountId: socialInboxItems.accountId, senderHash: socialInboxItems.senderHash, at: max(socialInboxItems.receivedAt) })
    .from(socialInboxItems)
    .where(
      and(inArray(socialInboxItems.accountId, [...new Set(pairs.map((p) => p.accountId))]), inArray(socialInboxItems.senderHash, [...new Set(pairs.map((p) => p.senderHash))])),
    )
    .groupBy(socialInboxItems.accountId, socialInboxItems.senderHash);
  for (const r of rows) if (r.at) out.set(`${r.accountId}:${r.senderHash}`, new Date(r.at));
  return out;
}

export async function insertReply(db: Db, row: { itemId: string; text: string; platformId: string | null; createdBy: string | null; at: Date }): Promise<void> {
  await db.insert(socialInboxReplies).values({ itemId: row.itemId, text: row.text, platformId: row.platformId, createdBy: row.createdBy, createdAt: row.at });
}

export interface ReplyRow {
  id: string;
  itemId: string;
  text: string;
  createdAt: Date;
  byName: string | null;
}

export async function listReplies(db: Db, itemIds: readonly string[]): Promise<ReplyRow[]> {
  if (itemIds.length === 0) return [];
  return db
    .select({ id: socialInboxReplies.id, itemId: socialInboxReplies.itemId, text: socialInboxReplies.text, createdAt: socialInboxReplies.createdAt, byName: users.displayName })
    .from(socialInboxReplies)
    .leftJoin(users, eq(users.id, socialInboxReplies.createdBy))
    .where(inArray(socialInboxReplies.itemId, [...itemIds]))
    .orderBy(asc(socialInboxReplies.createdAt), socialInboxReplies.id);
}

/** Every tag used in the unit's inbox (the filter's choices). */
export async function unitTags(db: Db, unitId: string): Promise<string[]> {
  const r = await db.execute(sql`SELECT DISTINCT unnest(tags) AS tag FROM social_inbox_items WHERE unit_id = ${unitId} ORDER BY 1`);
  return rowsOf<{ tag: string }>(r).map((x) => x.tag);
}

/** The unit's enabled accounts with their roles (whom an item may be assigned to). */
export async function unitMembers(db: Db, unitId: string): Promise<{ id: string; displayName: string; roles: string[] }[]> {
  return db
    .select({ id: users.id, displayName: users.displayName, roles: users.roles })
    .from(users)
    .where(and(eq(users.unitId, unitId), isNull(users.disabledAt)))
    .orderBy(asc(users.displayName));
}
