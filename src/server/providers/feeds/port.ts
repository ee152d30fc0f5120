// The feed fetcher port: what press monitoring (rumors module) needs to read an RSS/Atom document over HTTP.
// Implementations: http.ts (node:http(s), production and tests against a local feed server), fake.ts (in memory).

export interface FeedFetchRequest {
  url: string;
  /** The validators of the last successful fetch: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
}

export type FeedFetchFailure = 'bad_url' | 'timeout' | 'too_large' | 'http_status' | 'too_many_redirects' | 'network';

export type FeedFetchResult =
  | { kind: 'ok'; status: number; body: Buffer; contentType: string | null; etag: string | null; lastModified: string | null; finalUrl: string }
  | { kind: 'not_modified'; etag: string | null; lastModified: string | null }
  /** `message` is Vietnamese: it is stored as the feed's last error and shown to the desk. */
  | { kind: 'error'; reason: FeedFetchFailure; message: string };

export interface FeedFetcher {
  fetch(req: FeedFetchRequest): Promise<FeedFetchResult>;
}
