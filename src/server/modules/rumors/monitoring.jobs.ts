/**
 * The scheduled fetch of the desks' feeds (issue #15 point 1): every 15 minutes (Viet Nam time) a scan enqueues one
 * fetch per active feed (id per feed and slot, so a slot runs once across instances); a fetch reads the document
 * (conditional GET), keeps the items matching one of the unit's watch keywords (new guids only) and records the
 * outcome on the feed — a failure is a Vietnamese `last_error`, and nothing stored before is touched.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineJob, exponentialBackoff } from '../../jobs/queue.ts';
import type { JobDefinition, Schedule } from '../../jobs/queue.ts';
import type { FeedFetcher } from '../../providers/feeds/port.ts';
import { FeedParseError, parseFeed } from './feed-parser.ts';
import { matchingKeywords } from './keyword-match.ts';
import * as repo from './monitoring.repository.ts';
import type { RumorsContext } from './rumors.context.ts';

export const feedsScanJob = defineJob({
  name: 'rumors.feeds-scan',
  payload: z.object({}),
  maxAttempts: 3,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('rumors.feeds-scan: handler not bound')),
});

export const feedFetchJob = defineJob({
  name: 'rumors.feed-fetch',
  payload: z.object({ feedId: z.uuid() }),
  // A failed fetch is recorded on the feed and tried again at the next slot; the job itself retries only crashes.
  maxAttempts: 2,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('rumors.feed-fetch: handler not bound')),
});

/** Every 15 minutes, Viet Nam time. */
export const FEEDS_SCHEDULE: Schedule = { key: 'rumors-feeds', cron: '*/15 * * * *', job: feedsScanJob.name, payload: {} };

const SLOT_MS = 15 * 60_000;

/** The document's text: UTF-8 unless its XML declaration names another encoding this runtime decodes. */
function decodeBody(body: Buffer): string {
  const head = body.subarray(0, 200).toString('latin1');
  const label = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  if (label && !/^utf-?8$/i.test(label)) {
    try {
      return new TextDecoder(label).decode(body);
    } catch {
      // An encoding the runtime does not know: read it as UTF-8 (the parser will say if it is not XML).
    }
  }
  return new TextDecoder('utf-8').decode(body);
}

/** Reads one feed now: fetch, parse, keep the matching new items, record the outcome. */
export function createFeedReader(ctx: RumorsContext & { fetcher: FeedFetcher }) {
  const { db, clock, fetcher } = ctx;
  return {
    async read(feedId: string): Promise<{ added: number }> {
      const feed = await repo.findFeed(db, feedId);
      if (!feed) return { added: 0 };
      const res = await fetcher.fetch({ url: feed.url, etag: feed.etag, lastModified: feed.lastModified });
      const now = clock.now();
      if (res.kind === 'error') {
        await repo.updateFeed(db, feedId, { lastFetchedAt: now, lastStatus: 'error', lastError: res.message });
        return { added: 0 };
      }
      if (res.kind === 'not_modified') {
        await repo.updateFeed(db, feedId, { lastFetchedAt: now, lastStatus: 'not_modified', lastError: null, etag: res.etag, lastModified: res.lastModified });
        return { added: 0 };
      }
      let items;
      try {
        items = parseFeed(decodeBody(res.body)).items;
      } catch (e) {
        // Validators are not kept: the next fetch reads the whole document again.
        const message = e instanceof FeedParseError ? e.message : 'Không đọc được nội dung nguồn tin.';
        await repo.updateFeed(db, feedId, { lastFetchedAt: now, lastStatus: 'error', lastError: message });
        return { added: 0 };
      }
      return db.transaction(async (tx) => {
        const keywords = await repo.listKeywords(tx, feed.unitId);
        const rows = items.flatMap((it) => {
          const matched = matchingKeywords(`${it.title} ${it.summary}`, keywords);
          return matched.length === 0
            ? []
            : [
                {
                  id: randomUUID(),
                  feedId,
                  unitId: feed.unitId,
                  guid: it.guid,
                  url: it.url,
                  title: it.title || '(không có tiêu đề)',
                  summary: it.summary,
                  publishedAt: it.publishedAt,
                  matchedKeywords: matched.map((k) => k.keyword),
                  state: 'new',
                  fetchedAt: now,
                },
              ];
        });
        const added = await repo.insertItems(tx, rows);
        await repo.updateFeed(tx, feedId, { lastFetchedAt: now, lastStatus: 'ok', lastError: null, etag: res.etag, lastModified: res.lastModified });
        return { added };
      });
    },
  };
}

/** The handlers, bound to the module's context. */
export function bindMonitoringJobs(ctx: RumorsContext & { fetcher: FeedFetcher }): JobDefinition[] {
  const reader = createFeedReader(ctx);
  const scan = defineJob({
    ...feedsScanJob,
    async handle() {
      const now = ctx.clock.now();
      const slot = new Date(Math.floor(now.getTime() / SLOT_MS) * SLOT_MS).toISOString();
      const ids = await repo.activeFeedIds(ctx.db);
      await ctx.jobs.enqueueMany(
        ctx.db,
        feedFetchJob,
        ids.map((feedId) => ({ id: `rumor-feed:${feedId}:${slot}`, payload: { feedId } })),
      );
    },
  });
  const fetch = defineJob({
    ...feedFetchJob,
    async handle({ feedId }) {
      await reader.read(feedId);
    },
  });
  return [scan, fetch] as JobDefinition[];
}
