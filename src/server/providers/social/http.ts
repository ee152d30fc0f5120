// The one HTTP call the social adapters make, on node:http(s) rather than fetch so the outcome of a failure is known:
// nothing reached the platform (refused, reset or timed out before the request was fully written → `temporary`, safe to
// retry) or the request was written and no answer came (→ `ambiguous`: the post may exist, never resend blindly).
import http from 'node:http';
import https from 'node:https';
import { randomBytes } from 'node:crypto';
import type { SocialError } from './port.ts';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  body?: Buffer | string;
  timeoutMs: number;
}

export type HttpOutcome = { ok: true; status: number; headers: http.IncomingHttpHeaders; body: Buffer } | { ok: false; kind: 'temporary' | 'ambiguous'; reason: string };

/** Answers larger than this are cut off (the platforms answer a few hundred bytes). */
const MAX_RESPONSE_BYTES = 1024 * 1024;

export function httpCall(req: HttpRequest): Promise<HttpOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    let written = false;
    const finish = (o: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    const failure = (reason: string): HttpOutcome => ({ ok: false, kind: written ? 'ambiguous' : 'temporary', reason });
    const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
    const mod = req.url.protocol === 'https:' ? https : http;
    const r = mod.request(req.url, {
      method: req.method,
      headers: { accept: 'application/json', ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      agent: false,
    });
    const timer = setTimeout(() => {
      finish(failure(`no answer within ${req.timeoutMs} ms`));
      r.destroy();
    }, req.timeoutMs);
    r.on('finish', () => {
      written = true;
    });
    r.on('error', (e: NodeJS.ErrnoException) => finish(failure(e.code ?? e.message)));
    r.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_RESPONSE_BYTES) chunks.push(c);
      });
      res.on('end', () => finish({ ok: true, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', (e: NodeJS.ErrnoException) => finish({ ok: false, kind: 'ambiguous', reason: e.code ?? e.message }));
    });
    r.end(body);
  });
}

/** Parses a JSON answer; null when it is not JSON. */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

export type MultipartField = { name: string; value: string } | { name: string; filename: string; contentType: string; data: Buffer };

/** multipart/form-data (RFC 7578) for an upload: returns the body and its content-type header. */
export function multipart(fields: MultipartField[]): { body: Buffer; contentType: string } {
  const boundary = `----loa${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const f of fields) {
    const name = f.name.replace(/["\r\n]/g, '_');
    if ('data' in f) {
      const filename = f.filename.replace(/["\r\n]/g, '_');
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${f.contentType}\r\n\r\n`));
      parts.push(f.data, Buffer.from('\r\n'));
    } else {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${f.value}\r\n`));
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A header's value as one string (the first when repeated). */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name.toLowerCase()] ?? headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Joins a base URL that may carry a path (…/v26.0) with an API path. */
export function apiUrl(base: string, pathname: string, query: Record<string, string> = {}): URL {
  const u = new URL(base.replace(/\/+$/, '') + pathname);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  return u;
}

/** The operator's message for a call that ended without an answer. */
export function transportError(o: Extract<HttpOutcome, { ok: false }>, platform: 'Facebook' | 'Zalo'): SocialError {
  return o.kind === 'ambiguous'
    ? {
        kind: 'ambiguous',
        platformCode: null,
        message: `Đã gửi yêu cầu tới ${platform} nhưng không nhận được trả lời (${o.reason}): bài có thể đã đăng, cần kiểm tra trước khi gửi lại.`,
        retryAfterMs: null,
      }
    : { kind: 'temporary', platformCode: null, message: `Không kết nối được tới ${platform} (${o.reason}): Loa sẽ thử lại.`, retryAfterMs: null };
}
