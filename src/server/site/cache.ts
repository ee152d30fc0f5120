import { createHash } from 'node:crypto';

export interface Rendered {
  body: string;
  type: string;
  status?: number;
}

export interface CachedPage {
  body: string;
  type: string;
  etag: string;
  lastModified: Date;
  storedAt: number;
}

export interface CacheOptions {
  /** A page is served from memory without re-rendering for this long (matches max-age). */
  freshMs: number;
  /** After that it may still be served when rendering fails (stale-if-error). */
  staleIfErrorMs: number;
  maxEntries: number;
  now: () => Date;
}

/**
 * Rendered public pages in memory: a surge of readers costs one render per page per minute, and a
 * publish drops every page at once (`clear`). Concurrent misses of one page share a single render.
 * Each instance keeps its own cache; another instance's publish reaches it within `freshMs`.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly inflight = new Map<string, Promise<CachedPage | Rendered>>();
  private generation = 0;

  constructor(private readonly opts: CacheOptions) {}

  clear(): void {
    this.pages.clear();
    this.inflight.clear();
    this.generation++;
  }

  get size(): number {
    return this.pages.size;
  }

  /** The page for `key`: from memory while fresh, else rendered (once, however many ask at the same time). */
  async get(key: string, render: () => Promise<Rendered>): Promise<CachedPage | Rendered> {
    const now = this.opts.now();
    const hit = this.pages.get(key);
    if (hit && now.getTime() - hit.storedAt < this.opts.freshMs) return hit;
    const running = this.inflight.get(key);
    if (running) return running;
    const generation = this.generation;
    const job = (async (): Promise<CachedPage | Rendered> => {
      try {
        const r = await render();
        if ((r.status ?? 200) !== 200) return r;
        const page: CachedPage = { body: r.body, type: r.type, etag: etagOf(r.body), lastModified: secondPrecision(now), storedAt: now.getTime() };
        // A page rendered before a publish must not be stored after it.
        if (generation === this.generation) this.store(key, page);
        return page;
      } catch (err) {
        if (hit && now.getTime() - hit.storedAt < this.opts.freshMs + this.opts.staleIfErrorMs) return hit;
        throw err;
      }
    })();
    this.inflight.set(key, job);
    const done = () => {
      if (this.inflight.get(key) === job) this.inflight.delete(key);
    };
    job.then(done, done);
    return job;
  }

  private store(key: string, page: CachedPage): void {
    this.pages.delete(key);
    this.pages.set(key, page);
    while (this.pages.size > this.opts.maxEntries) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
    }
  }
}

export function isCachedPage(p: CachedPage | Rendered): p is CachedPage {
  return 'etag' in p;
}

function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

function secondPrecision(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/** True when the client's copy (If-None-Match, else If-Modified-Since) is still the current page. */
export function notModified(page: Pick<CachedPage, 'etag' | 'lastModified'>, headers: { 'if-none-match'?: string | undefined; 'if-modified-since'?: string | undefined }): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    return inm
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === page.etag || t === '*');
  }
  const ims = headers['if-modified-since'];
  if (ims) {
    const since = Date.parse(ims);
    return Number.isFinite(since) && page.lastModified.getTime() <= since;
  }
  return false;
}
