import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rumorCases, rumorFeedItems, rumorFeeds, rumorKeywords, rumorReports } from '../../db/schema/index.ts';
import type { RumorFeedItemRow, RumorFeedRow, RumorReportRow } from '../../db/schema/rumors.ts';
import type { FeedItemState } from '../../../shared/contracts/rumors-monitoring.ts';

export type { RumorFeedItemRow, RumorFeedRow };
export type FeedInsert = typeof rumorFeeds.$inferInsert;
export type FeedPatch = Partial<Omit<FeedInsert, 'id' | 'unitId' | 'createdAt'>>;
export type KeywordRow = typeof rumorKeywords.$inferSelect;
export type FeedItemInsert = typeof rumorFeedItems.$inferInsert;

// ── Feeds ──

export type FeedListRow = RumorFeedRow & { newItems: number };

/** A unit's feeds by name, each with how many of its items wait for review. */
export async function listFeeds(db: Db, unitId: string): Promise<FeedListRow[]> {
  const rows = await db
    .select({
      f: rumorFeeds,
      newItems: sql<number>`(SELECT count(*)::int FROM rumor_feed_items i WHERE i.feed_id = "rumor_feeds"."id" AND i.state = 'new')`,
    })
    .from(rumorFeeds)
    .where(eq(rumorFeeds.unitId, unitId))
    .orderBy(asc(rumorFeeds.name), asc(rumorFeeds.id));
  return rows.map((r) => ({ ...r.f, newItems: r.newItems }));
}

export async function findFeed(db: Db, id: string, o: { forUpdate?: boolean } = {}): Promise<RumorFeedRow | undefined> {
  const q = db.select().from(rumorFeeds).where(eq(rumorFeeds.id, id));
  const [r] = await (o.forUpdate ? q.for('update') : q);
  return r;
}

export async function feedWithCount(db: Db, id: string): Promise<FeedListRow | undefined> {
  const feed = await findFeed(db, id);
  if (!feed) return undefined;
  return (await listFeeds(db, feed.unitId)).find((f) => f.id === id);
}

export async function countFeeds(db: Db, unitId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(rumorFeeds).where(eq(rumorFeeds.unitId, unitId));
  return r?.n ?? 0;
}

/** Inserts a feed; undefined when the unit watches that URL already. */
export async function insertFeed(db: Db, row: FeedInsert): Promise<RumorFeedRow | undefined> {
  const [r] = await db.insert(rumorFeeds).values(row).onConflictDoNothing().returning();
  return r;
}

export async function updateFeed(db: Db, id: string, patch: FeedPatch): Promise<RumorFeedRow | undefined> {
  const [r] = await db.update(rumorFeeds).set(patch).where(eq(rumorFeeds.id, id)).returning();
  return r;
}

/** Another feed of the unit with that URL (editing a feed onto a watched URL). */
export async function feedByUrl(db: Db, unitId: string, url: string): Promise<RumorFeedRow | undefined> {
  const [r] = await db
    .select()
    .from(rumorFeeds)
    .where(and(eq(rumorFeeds.unitId, unitId), eq(rumorFeeds.url, url)));
  return r;
}

/** Deletes a feed and its items (reports made from them keep their text and links). Returns how many items went. */
export async function deleteFeed(db: Db, id: string): Promise<number> {
  const gone = await db.delete(rumorFeedItems).where(eq(rumorFeedItems.feedId, id)).returning({ id: rumorFeedItems.id });
  await db.delete(rumorFeeds).where(eq(rumorFeeds.id, id));
  return gone.length;
}

/** Every active feed (the scheduled fetch). */
export async function activeFeedIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: rumorFeeds.id }).from(rumorFeeds).where(eq(rumorFeeds.active, true)).orderBy(asc(rumorFeeds.id));
  return rows.map((r) => r.id);
}

// ── Keywords ──

export async function listKeywords(db: Db, unitId: string): Promise<KeywordRow[]> {
  return db.select().from(rumorKeywords).where(eq(rumorKeywords.unitId, unitId)).orderBy(asc(rumorKeywords.folded));
}

export async function countKeywords(db: Db, unitId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(rumorKeywords).where(eq(rumorKeywords.unitId, unitId));
  return r?.n ?? 0;
}

/** Inserts a keyword; undefined when the unit has one folding the same. */
export async function insertKeyword(db: Db, row: typeof rumorKeywords.$inferInsert): Promise<KeywordRow | undefined> {
  const [r] = await db.insert(rumorKeywords).values(row).onConflictDoNothing().returning();
  return r;
}

export async function findKeyword(db: Db, id: string): Promise<KeywordRow | undefined> {
  const [r] = await db.select().from(rumorKeywords).where(eq(rumorKeywords.id, id));
  return r;
}

export async function deleteKeyword(db: Db, id: string): Promise<void> {
  await db.delete(rumorKeywords).where(eq(rumorKeywords.id, id));
}

// ── Items ──

/** Stores new items, multi-row; an item already stored for the feed (same guid) is left as it is. Returns how many were new. */
export async function insertItems(db: Db, rows: readonly FeedItemInsert[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const r = await db.insert(rumorFeedItems).values(chunk).onConflictDoNothing().returning({ id: rumorFeedItems.id });
    added += r.length;
  }
  return added;
}

export type FeedItemListRow = RumorFeedItemRow & { feedName: string; reportCode: string | null; caseId: string | null };

const itemColumns = { i: rumorFeedItems, feedName: rumorFeeds.name, reportCode: rumorReports.code, caseId: rumorReports.caseId };

export async function listItems(
  db: Db,
  f: { unitId: string; state: FeedItemState; feedId?: string | undefined; limit: number; offset: number },
): Promise<{ rows: FeedItemListRow[]; total: number }> {
  const rows = await db
    .select({ ...itemColumns, total: sql<number>`count(*) over ()::int` })
    .from(rumorFeedItems)
    .innerJoin(rumorFeeds, eq(rumorFeeds.id, rumorFeedItems.feedId))
    .leftJoin(rumorReports, eq(rumorReports.id, rumorFeedItems.reportId))
    .where(and(eq(rumorFeedItems.unitId, f.unitId), eq(rumorFeedItems.state, f.state), f.feedId ? eq(rumorFeedItems.feedId, f.feedId) : undefined))
    .orderBy(desc(sql`coalesce(${rumorFeedItems.publishedAt}, ${rumorFeedItems.fetchedAt})`), desc(rumorFeedItems.id))
    .limit(f.limit)
    .offset(f.offset);
  return { rows: rows.map((r) => ({ ...r.i, feedName: r.feedName, reportCode: r.reportCode, caseId: r.caseId })), total: rows[0]?.total ?? 0 };
}

export async function findItem(db: Db, id: string, o: { forUpdate?: boolean } = {}): Promise<RumorFeedItemRow | undefined> {
  const q = db.select().from(rumorFeedItems).where(eq(rumorFeedItems.id, id));
  const [r] = await (o.forUpdate ? q.for('update') : q);
  return r;
}

export async function itemWithRefs(db: Db, id: string): Promise<FeedItemListRow | undefined> {
  const [r] = await db
    .select(itemColumns)
    .from(rumorFeedItems)
    .innerJoin(rumorFeeds, eq(rumorFeeds.id, rumorFeedItems.feedId))
    .leftJoin(rumorReports, eq(rumorReports.id, rumorFeedItems.reportId))
    .where(eq(rumorFeedItems.id, id));
  return r ? { ...r.i, feedName: r.feedName, reportCode: r.reportCode, caseId: r.caseId } : undefined;
}

export async function setItemState(db: Db, id: string, patch: { state: FeedItemState; reportId?: string | null }): Promise<void> {
  await db.update(rumorFeedItems).set(patch).where(eq(rumorFeedItems.id, id));
}

/** New items per unit among these units (the start page). */
export async function newItemCounts(db: Db, unitIds: readonly string[]): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .select({ unitId: rumorFeedItems.unitId, n: count() })
    .from(rumorFeedItems)
    .where(and(inArray(rumorFeedItems.unitId, [...unitIds]), eq(rumorFeedItems.state, 'new')))
    .groupBy(rumorFeedItems.unitId);
  return new Map(rows.map((r) => [r.unitId, r.n]));
}

// ── Reports filed from an item or an inbox message (read back when the same one is handed again) ──

export async function findReport(db: Db, id: string): Promise<RumorReportRow | undefined> {
  const [r] = await db.select().from(rumorReports).where(eq(rumorReports.id, id));
  return r;
}

export async function reportOfSocialItem(db: Db, socialItemId: string): Promise<RumorReportRow | undefined> {
  const [r] = await db.select().from(rumorReports).where(eq(rumorReports.socialItemId, socialItemId));
  return r;
}

export async function findCaseBrief(db: Db, id: string): Promise<{ id: string; code: string; title: string } | undefined> {
  const [r] = await db.select({ id: rumorCases.id, code: rumorCases.code, title: rumorCases.title }).from(rumorCases).where(eq(rumorCases.id, id));
  return r;
}
