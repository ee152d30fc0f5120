// In-memory feed fetcher for unit tests: documents by URL, conditional GET on the ETag.
import type { FeedFetchRequest, FeedFetchResult, FeedFetcher } from './port.ts';

export interface FakeFeedFetcher extends FeedFetcher {
  /** Serves `body` at `url` with this ETag (a new body should get a new ETag). */
  set(url: string, body: string, etag?: string): void;
  /** What was asked, in order. */
  readonly requests: FeedFetchRequest[];
}

export function createFakeFeedFetcher(): FakeFeedFetcher {
  const docs = new Map<string, { body: string; etag: string | null }>();
  const requests: FeedFetchRequest[] = [];
  return {
    requests,
    set(url, body, etag) {
      docs.set(url, { body, etag: etag ?? null });
    },
    async fetch(req): Promise<FeedFetchResult> {
      requests.push(req);
      const doc = docs.get(req.url);
      if (!doc) return { kind: 'error', reason: 'http_status', message: 'Nguồn tin trả lời mã HTTP 404.' };
      if (doc.etag && req.etag === doc.etag) return { kind: 'not_modified', etag: doc.etag, lastModified: null };
      return { kind: 'ok', status: 200, body: Buffer.from(doc.body, 'utf8'), contentType: 'application/rss+xml', etag: doc.etag, lastModified: null, finalUrl: req.url };
    },
  };
}
