// The feed fetcher on node:http(s): http and https only, one deadline for the whole fetch (10 s), at most 2 MB read
// (a larger answer is cut off and refused), conditional GET (ETag / Last-Modified → 304), at most 3 redirects.
import http from 'node:http';
import https from 'node:https';
import { MONITORING_LIMITS } from '../../../shared/contracts/rumors-monitoring.ts';
import type { FeedFetchFailure, FeedFetchRequest, FeedFetchResult, FeedFetcher } from './port.ts';

export interface HttpFeedFetcherOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Hop = { kind: 'redirect'; location: string } | FeedFetchResult;

function header(h: http.IncomingHttpHeaders, name: string): string | null {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

export function createHttpFeedFetcher(o: HttpFeedFetcherOptions = {}): FeedFetcher {
  const timeoutMs = o.timeoutMs ?? 10_000;
  const maxBytes = o.maxBytes ?? MONITORING_LIMITS.feedBytes;
  const maxRedirects = o.maxRedirects ?? 3;
  const userAgent = o.userAgent ?? 'Loa/0.1 (feed monitor)';
  const fail = (reason: FeedFetchFailure, message: string): FeedFetchResult => ({ kind: 'error', reason, message });

  function hop(url: URL, req: FeedFetchRequest, deadline: number): Promise<Hop> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (h: Hop) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(h);
      };
      const headers: Record<string, string> = {
        accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
        'accept-encoding': 'identity',
        'user-agent': userAgent,
      };
      if (req.etag) headers['if-none-match'] = req.etag;
      if (req.lastModified) headers['if-modified-since'] = req.lastModified;
      const r = (url.protocol === 'https:' ? https : http).request(url, { method: 'GET', headers, agent: false });
      const timer = setTimeout(
        () => {
          finish(fail('timeout', `Nguồn tin không trả lời trong ${Math.max(1, Math.round(timeoutMs / 1000))} giây.`));
          r.destroy();
        },
        Math.max(0, deadline - Date.now()),
      );
      r.on('error', (e: NodeJS.ErrnoException) => finish(fail('network', `Không kết nối được tới nguồn tin (${e.code ?? e.message}).`)));
      r.on('response', (res) => {
        const status = res.statusCode ?? 0;
        if (REDIRECTS.has(status)) {
          const location = header(res.headers, 'location');
          res.resume();
          finish(location ? { kind: 'redirect', location } : fail('http_status', `Nguồn tin chuyển hướng (mã ${status}) nhưng không cho địa chỉ mới.`));
          return;
        }
        if (status === 304) {
          res.resume();
          finish({ kind: 'not_modified', etag: header(res.headers, 'etag') ?? req.etag ?? null, lastModified: header(res.headers, 'last-modified') ?? req.lastModified ?? null });
          return;
        }
        if (status < 200 || status >= 300) {
          res.resume();
          finish(fail('http_status', `Nguồn tin trả lời mã HTTP ${status}.`));
          return;
        }
        const tooLarge = () => fail('too_large', `Nguồn tin lớn hơn ${Math.round(maxBytes / 1024 / 1024)} MB, không đọc.`);
        const declared = Number(header(res.headers, 'content-length') ?? NaN);
        if (Number.isFinite(declared) && declared > maxBytes) {
          finish(tooLarge());
          r.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            finish(tooLarge());
            r.destroy();
            return;
          }
          chunks.push(c);
        });
        res.on('end', () =>
          finish({
            kind: 'ok',
            status,
            body: Buffer.concat(chunks),
            contentType: header(res.headers, 'content-type'),
            etag: header(res.headers, 'etag'),
            lastModified: header(res.headers, 'last-modified'),
            finalUrl: url.toString(),
          }),
        );
        res.on('error', (e: NodeJS.ErrnoException) => finish(fail('network', `Kết nối tới nguồn tin bị ngắt (${e.code ?? e.message}).`)));
      });
      r.end();
    });
  }

  return {
    async fetch(req) {
      const deadline = Date.now() + timeoutMs;
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        return fail('bad_url', 'Địa chỉ nguồn tin không hợp lệ.');
      }
      for (let redirects = 0; ; redirects++) {
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('bad_url', 'Nguồn tin chỉ được dùng địa chỉ http:// hoặc https://.');
        const h = await hop(url, req, deadline);
        if (h.kind !== 'redirect') return h;
        if (redirects >= maxRedirects) return fail('too_many_redirects', `Nguồn tin chuyển hướng quá ${maxRedirects} lần.`);
        try {
          url = new URL(h.location, url);
        } catch {
          return fail('bad_url', 'Nguồn tin chuyển hướng tới một địa chỉ không hợp lệ.');
        }
      }
    },
  };
}
