// The feed fetcher on node:http(s): http and https only, one deadline for the whole fetch (10 s), at most 2 MB read
// (a larger answer is cut off and refused), conditional GET (ETag / Last-Modified → 304), at most 3 redirects.
// Link-local, "this network" and multicast addresses are refused, by name or literal, at every hop: a feed URL typed
// by staff must not reach the cloud's metadata service (169.254.169.254). Private and loopback addresses stay
// allowed: a province's press and official sites may sit on its own network.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { MONITORING_LIMITS } from '../../../shared/contracts/rumors-monitoring.ts';
import type { FeedFetchFailure, FeedFetchRequest, FeedFetchResult, FeedFetcher } from './port.ts';

export interface HttpFeedFetcherOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Addresses a feed may never be fetched from: 0.0.0.0/8, 169.254.0.0/16, multicast and above; IPv6 link-local and multicast. */
export function forbiddenAddress(ip: string): boolean {
  if (net.isIPv4(ip)) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    return a === 0 || (a === 169 && b === 254) || a >= 224;
  }
  if (net.isIPv6(ip)) {
    const l = ip.toLowerCase();
    if (l.startsWith('::ffff:') && net.isIPv4(l.slice(7))) return forbiddenAddress(l.slice(7));
    return /^fe[89ab]/.test(l) || l.startsWith('ff') || l === '::';
  }
  return false;
}

const FORBIDDEN_MESSAGE = 'Địa chỉ nguồn tin không được phép (địa chỉ nội bộ của máy chủ).';

/** dns.lookup that refuses the forbidden addresses (the connection is never opened). */
const guardedLookup: net.LookupFunction = (host, options, callback) => {
  dns.lookup(host, { ...options, all: true }, (err, list) => {
    if (err) return callback(err, '', 0);
    if (list.length === 0 || list.some((a) => forbiddenAddress(a.address))) {
      const e: NodeJS.ErrnoException = new Error(FORBIDDEN_MESSAGE);
      e.code = 'EFORBIDDEN';
      return callback(e, '', 0);
    }
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

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
      const r = (url.protocol === 'https:' ? https : http).request(url, { method: 'GET', headers, agent: false, lookup: guardedLookup });
      const timer = setTimeout(
        () => {
          finish(fail('timeout', `Nguồn tin không trả lời trong ${Math.max(1, Math.round(timeoutMs / 1000))} giây.`));
          r.destroy();
        },
        Math.max(0, deadline - Date.now()),
      );
      r.on('error', (e: NodeJS.ErrnoException) =>
        finish(e.code === 'EFORBIDDEN' ? fail('bad_url', FORBIDDEN_MESSAGE) : fail('network', `Không kết nối được tới nguồn tin (${e.code ?? e.message}).`)),
      );
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
        if (forbiddenAddress(url.hostname.replace(/^\[|\]$/g, ''))) return fail('bad_url', FORBIDDEN_MESSAGE);
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
