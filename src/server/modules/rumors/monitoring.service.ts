import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { MONITORING_LIMITS } from '../../../shared/contracts/rumors-monitoring.ts';
import type {
  CreateFeedInput,
  CreateKeywordInput,
  DeskUnitQueryInput,
  FeedFetchStatus,
  FeedItemState,
  FeedItemView,
  FeedView,
  HandedReportView,
  KeywordView,
  MonitoringQueryInput,
  ReportFeedItemInput,
  UpdateFeedInput,
} from '../../../shared/contracts/rumors-monitoring.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { FeedFetcher } from '../../providers/feeds/port.ts';
import { foldKeyword } from './keyword-match.ts';
import * as repo from './monitoring.repository.ts';
import type { FeedItemListRow, FeedListRow, KeywordRow } from './monitoring.repository.ts';
import { createFeedReader } from './monitoring.jobs.ts';
import { fileReport } from './reports.core.ts';
import { deskUnit, mayIn } from './rumors.context.ts';
import type { RumorsContext } from './rumors.context.ts';
import { presentReport } from './rumors.present.ts';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export function presentFeed(f: FeedListRow): FeedView {
  return {
    id: f.id,
    unitId: f.unitId,
    name: f.name,
    url: f.url,
    active: f.active,
    lastFetchedAt: iso(f.lastFetchedAt),
    lastStatus: (f.lastStatus as FeedFetchStatus | null) ?? null,
    lastError: f.lastError,
    newItems: f.newItems,
    createdAt: f.createdAt.toISOString(),
  };
}

function presentKeyword(k: KeywordRow): KeywordView {
  return { id: k.id, unitId: k.unitId, keyword: k.keyword, folded: k.folded, createdAt: k.createdAt.toISOString() };
}

function presentItem(i: FeedItemListRow): FeedItemView {
  return {
    id: i.id,
    unitId: i.unitId,
    feed: { id: i.feedId, name: i.feedName },
    url: i.url,
    title: i.title,
    summary: i.summary,
    publishedAt: iso(i.publishedAt),
    matchedKeywords: i.matchedKeywords,
    state: i.state as FeedItemState,
    report: i.reportId && i.reportCode && i.caseId ? { id: i.reportId, code: i.reportCode, caseId: i.caseId } : null,
    fetchedAt: i.fetchedAt.toISOString(),
  };
}

/**
 * Press and web monitoring (issue #15 point 1): a desk's feeds and watch keywords, the items that matched waiting
 * for review, dismissed or turned into a report (channel 'monitoring') through the one report writer.
 */
export function createMonitoringService(ctx: RumorsContext & { fetcher: FeedFetcher }) {
  const { db, clock } = ctx;
  const reader = createFeedReader(ctx);

  /** The desk unit of a request: the one named, else the actor's own. */
  const desk = (actor: Actor, unitId: string | undefined, permission: 'rumor.read' | 'rumor.write', tx = db) => deskUnit(ctx, actor, unitId ?? actor.unitId, permission, tx);

  async function loadFeed(actor: Actor, id: string, permission: 'rumor.read' | 'rumor.write', tx = db, forUpdate = false) {
    const feed = await repo.findFeed(tx, id, { forUpdate });
    if (!feed) throw new AppError('NOT_FOUND');
    return { feed, ...(await deskUnit(ctx, actor, feed.unitId, permission, tx)) };
  }

  async function loadItem(actor: Actor, id: string, tx = db) {
    const item = await repo.findItem(tx, id, { forUpdate: true });
    if (!item) throw new AppError('NOT_FOUND');
    return { item, ...(await deskUnit(ctx, actor, item.unitId, 'rumor.write', tx)) };
  }

  return {
    // ── Feeds ──
    async listFeeds(actor: Actor, q: DeskUnitQueryInput): Promise<FeedView[]> {
      const { unit } = await desk(actor, q.unitId, 'rumor.read');
      return (await repo.listFeeds(db, unit.id)).map(presentFeed);
    },

    async createFeed(actor: Actor, input: CreateFeedInput): Promise<FeedView> {
      return db.transaction(async (tx) => {
        const { unit, a } = await desk(actor, input.unitId, 'rumor.write', tx);
        if ((await repo.countFeeds(tx, unit.id)) >= MONITORING_LIMITS.feeds) throw new AppError('RUMOR_FEED_LIMIT', { max: MONITORING_LIMITS.feeds });
        const feed = await repo.insertFeed(tx, { id: randomUUID(), unitId: unit.id, name: input.name, url: input.url, active: input.active, createdAt: clock.now() });
        if (!feed) throw new AppError('RUMOR_FEED_EXISTS');
        await recordAudit(tx, a, {
          action: 'rumor.feed_create',
          entity: 'rumor_feed',
          entityId: feed.id,
          unitId: unit.id,
          after: { name: feed.name, url: feed.url, active: feed.active },
        });
        return presentFeed({ ...feed, newItems: 0 });
      });
    },

    async updateFeed(actor: Actor, id: string, input: UpdateFeedInput): Promise<FeedView> {
      return db.transaction(async (tx) => {
        const { feed, unit, a } = await loadFeed(actor, id, 'rumor.write', tx, true);
        const url = input.url ?? feed.url;
        if (url !== feed.url && (await repo.feedByUrl(tx, unit.id, url))) throw new AppError('RUMOR_FEED_EXISTS');
        // A new address starts afresh: the old one's validators mean nothing there.
        const patch = { name: input.name ?? feed.name, url, active: input.active ?? feed.active, ...(url !== feed.url ? { etag: null, lastModified: null } : {}) };
        await repo.updateFeed(tx, id, patch);
        await recordAudit(tx, a, {
          action: 'rumor.feed_update',
          entity: 'rumor_feed',
          entityId: id,
          unitId: unit.id,
          before: { name: feed.name, url: feed.url, active: feed.active },
          after: { name: patch.name, url: patch.url, active: patch.active },
        });
        return presentFeed((await repo.feedWithCount(tx, id))!);
      });
    },

    async deleteFeed(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { feed, unit, a } = await loadFeed(actor, id, 'rumor.write', tx, true);
        const items = await repo.deleteFeed(tx, id);
        await recordAudit(tx, a, { action: 'rumor.feed_delete', entity: 'rumor_feed', entityId: id, unitId: unit.id, before: { name: feed.name, url: feed.url, items } });
      });
    },

    /** "Đọc ngay": fetches the feed now, as the scheduled job does; returns the feed and how many items were new. */
    async checkFeed(actor: Actor, id: string): Promise<{ feed: FeedView; added: number }> {
      await loadFeed(actor, id, 'rumor.write');
      const { added } = await reader.read(id);
      return { feed: presentFeed((await repo.feedWithCount(db, id))!), added };
    },

    // ── Keywords ──
    async listKeywords(actor: Actor, q: DeskUnitQueryInput): Promise<KeywordView[]> {
      const { unit } = await desk(actor, q.unitId, 'rumor.read');
      return (await repo.listKeywords(db, unit.id)).map(presentKeyword);
    },

    async createKeyword(actor: Actor, input: CreateKeywordInput): Promise<KeywordView> {
      return db.transaction(async (tx) => {
        const { unit, a } = await desk(actor, input.unitId, 'rumor.write', tx);
        const folded = foldKeyword(input.keyword);
        if (!/[a-z0-9]/.test(folded)) throw new AppError('VALIDATION_FAILED');
        if ((await repo.countKeywords(tx, unit.id)) >= MONITORING_LIMITS.keywords) throw new AppError('RUMOR_KEYWORD_LIMIT', { max: MONITORING_LIMITS.keywords });
        const k = await repo.insertKeyword(tx, { id: randomUUID(), unitId: unit.id, keyword: input.keyword, folded, createdAt: clock.now() });
        if (!k) throw new AppError('RUMOR_KEYWORD_EXISTS', { keyword: input.keyword });
        await recordAudit(tx, a, { action: 'rumor.keyword_create', entity: 'rumor_keyword', entityId: k.id, unitId: unit.id, after: { keyword: k.keyword } });
        return presentKeyword(k);
      });
    },

    async deleteKeyword(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const k = await repo.findKeyword(tx, id);
        if (!k) throw new AppError('NOT_FOUND');
        const { unit, a } = await deskUnit(ctx, actor, k.unitId, 'rumor.write', tx);
        await repo.deleteKeyword(tx, id);
        await recordAudit(tx, a, { action: 'rumor.keyword_delete', entity: 'rumor_keyword', entityId: id, unitId: unit.id, before: { keyword: k.keyword } });
      });
    },

    // ── Items ──
    async listItems(actor: Actor, q: MonitoringQueryInput): Promise<{ items: FeedItemView[]; total: number }> {
      const { unit } = await desk(actor, q.unitId, 'rumor.read');
      const { rows, total } = await repo.listItems(db, { unitId: unit.id, state: q.state, feedId: q.feedId, limit: q.limit, offset: q.offset });
      return { items: rows.map(presentItem), total };
    },

    async dismissItem(actor: Actor, id: string): Promise<FeedItemView> {
      return db.transaction(async (tx) => {
        const { item, unit, a } = await loadItem(actor, id, tx);
        if (item.state === 'reported') throw new AppError('RUMOR_ITEM_HANDLED', { state: 'đã chuyển thành phản ánh' });
        if (item.state !== 'dismissed') {
          await repo.setItemState(tx, id, { state: 'dismissed' });
          await recordAudit(tx, a, {
            action: 'rumor.feed_item_dismiss',
            entity: 'rumor_feed_item',
            entityId: id,
            unitId: unit.id,
            before: { state: item.state },
            after: { state: 'dismissed' },
          });
        }
        return presentItem((await repo.itemWithRefs(tx, id))!);
      });
    },

    /** Turns an item into a report (channel monitoring, the item's link, its publication as first seen); once. */
    async reportItem(actor: Actor, id: string, input: ReportFeedItemInput): Promise<HandedReportView & { item: FeedItemView }> {
      return db.transaction(async (tx) => {
        const { item, unit, a } = await loadItem(actor, id, tx);
        if (item.state === 'reported' && item.reportId) {
          const report = (await repo.findReport(tx, item.reportId))!;
          const kase = (await repo.findCaseBrief(tx, report.caseId))!;
          const view = presentItem((await repo.itemWithRefs(tx, id))!);
          return { report: presentReport(report, false), case: { id: kase.id, code: kase.code, title: kase.title }, opened: false, created: false, item: view };
        }
        const description = input.description ?? [item.title, item.summary].filter(Boolean).join('\n\n');
        const now = clock.now();
        const { report, kase, opened, mergedCaseIds } = await fileReport(
          tx,
          {
            unitId: unit.id,
            channel: 'monitoring',
            description,
            urls: item.url ? [item.url] : [],
            feedItemId: item.id,
            seenAt: item.publishedAt,
            title: item.title,
            createdBy: a.userId,
          },
          now,
        );
        await repo.setItemState(tx, id, { state: 'reported', reportId: report.id });
        await recordAudit(tx, a, {
          action: 'rumor.feed_item_report',
          entity: 'rumor_feed_item',
          entityId: id,
          unitId: unit.id,
          before: { state: item.state },
          after: { state: 'reported', reportId: report.id, reportCode: report.code, caseId: kase.id, opened, mergedCaseIds },
        });
        const view = presentItem((await repo.itemWithRefs(tx, id))!);
        return { report: presentReport(report, false), case: { id: kase.id, code: kase.code, title: kase.title }, opened, created: true, item: view };
      });
    },

    /** Items waiting for review in the actor's own unit (the start page); nothing for a role without rumor.write there. */
    async newItemsFor(actor: Actor): Promise<number> {
      if (!mayIn(actor, 'rumor.write', actor.unitPath)) return 0;
      return (await repo.newItemCounts(db, [actor.unitId])).get(actor.unitId) ?? 0;
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
