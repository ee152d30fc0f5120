// Facebook Page provider on the Graph API (docs/social.md): page posts (`/{page-id}/feed`, `/{page-id}/photos`,
// scheduled with published=false + scheduled_publish_time), their permalink (`/{post-id}?fields=permalink_url`),
// replies by the Send API (`/{page-id}/messages`, messaging_type RESPONSE) or under a comment (`/{comment-id}/comments`).
// Every call carries appsecret_proof. Webhooks: X-Hub-Signature-256 (HMAC-SHA256 of the raw body with the App Secret),
// the GET verification handshake, and the `page` object's messaging and feed/comment events.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { apiUrl, headerValue, httpCall, multipart, parseJson, transportError } from './http.ts';
import type { MultipartField } from './http.ts';
import type { IncomingSocialEvent, SocialAccountCredentials, SocialError, SocialProvider, SocialResult } from './port.ts';

export const FACEBOOK_GRAPH_DEFAULT_URL = 'https://graph.facebook.com/v26.0';

export interface FacebookProviderOptions {
  /** Graph API base including the version (default FACEBOOK_GRAPH_DEFAULT_URL), or a local fake's URL. */
  baseUrl?: string;
  /** How long a call may go unanswered (default 15 s). */
  timeoutMs?: number;
}

/** HMAC-SHA256 of the access token with the App Secret, hex: Graph's `appsecret_proof`. */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

/** The `X-Hub-Signature-256` value Meta sends with a webhook: `sha256=<hex HMAC-SHA256(appSecret, rawBody)>`. */
export function facebookSignature(appSecret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The GET handshake Meta makes when a webhook is subscribed: `hub.mode=subscribe`, `hub.verify_token` (the token the
 * operator typed in the App Dashboard) and `hub.challenge`, which the route echoes with 200. Anything else: 403.
 */
export function facebookWebhookHandshake(query: Record<string, unknown>, verifyToken: string): { ok: true; challenge: string } | { ok: false } {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string' || !verifyToken) return { ok: false };
  if (!/^[\w.-]{1,200}$/.test(challenge)) return { ok: false };
  return safeEqual(token, verifyToken) ? { ok: true, challenge } : { ok: false };
}

interface GraphErrorBody {
  error?: { message?: string; type?: string; code?: number; error_subcode?: number; fbtrace_id?: string };
}

const RATE_CODES = new Set([4, 17, 32, 613, 80001]);
const DEFAULT_RATE_RETRY_MS = 10 * 60_000;

/** estimated_time_to_regain_access (minutes) from X-Business-Use-Case-Usage or X-App-Usage, in ms; null if absent. */
export function graphRetryAfterMs(headers: IncomingHttpHeaders): number | null {
  let minutes: number | null = null;
  const take = (v: unknown) => {
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) minutes = Math.max(minutes ?? 0, v);
  };
  for (const name of ['x-business-use-case-usage', 'x-app-usage', 'x-page-usage']) {
    const raw = headerValue(headers, name);
    if (!raw) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    if (!parsed || typeof parsed !== 'object') continue;
    take((parsed as Record<string, unknown>).estimated_time_to_regain_access);
    // BUC: { "<business or page id>": [ { type, call_count, …, estimated_time_to_regain_access } ] }
    for (const v of Object.values(parsed as Record<string, unknown>)) {
      if (Array.isArray(v)) for (const item of v) if (item && typeof item === 'object') take((item as Record<string, unknown>).estimated_time_to_regain_access);
    }
  }
  return minutes === null ? null : Math.max(minutes, 1) * 60_000;
}

/** Classifies a Graph answer that is not a success (docs/social.md, error mapping). */
export function classifyGraphError(status: number, headers: IncomingHttpHeaders, body: unknown): SocialError {
  const e = (body as GraphErrorBody | null)?.error;
  const code = typeof e?.code === 'number' ? e.code : null;
  const sub = typeof e?.error_subcode === 'number' ? e.error_subcode : null;
  const platformCode = code === null ? `http ${status}` : sub === null ? String(code) : `${code}/${sub}`;
  const said = `(Facebook ${platformCode}${e?.message ? `: ${e.message}` : ''}${e?.fbtrace_id ? `, fbtrace_id ${e.fbtrace_id}` : ''})`;
  const err = (kind: SocialError['kind'], vi: string, retryAfterMs: number | null = null): SocialError => ({ kind, platformCode, message: `${vi} ${said}`, retryAfterMs });
  if (code === 190 || code === 102) return err('token_invalid', 'Mã truy cập của trang Facebook đã hết hạn hoặc bị thu hồi: cần kết nối lại trang.');
  if (code !== null && RATE_CODES.has(code)) {
    return err('rate_limited', 'Facebook đang giới hạn số lần gọi của trang: Loa sẽ thử lại sau.', graphRetryAfterMs(headers) ?? DEFAULT_RATE_RETRY_MS);
  }
  if ((code === 10 && sub === 2018278) || code === 551)
    return err('not_allowed', 'Đã quá thời hạn nhắn tin của Facebook (24 giờ từ tin cuối của người dân) hoặc người nhận không nhận được tin.');
  if (code === 10 || (code !== null && code >= 200 && code <= 299))
    return err('not_allowed', 'Ứng dụng chưa được cấp quyền cần thiết trên trang Facebook (pages_manage_posts, pages_messaging…).');
  if (code === 368) return err('not_allowed', 'Facebook tạm chặn trang đăng bài vì vi phạm chính sách.');
  if (status >= 500 || code === 1 || code === 2) return err('temporary', 'Facebook đang gặp sự cố: Loa sẽ thử lại.');
  if (code === 100) return err('invalid', 'Facebook từ chối nội dung (tham số không hợp lệ: nội dung, liên kết, ảnh hoặc thời gian hẹn).');
  return err('invalid', 'Facebook từ chối yêu cầu.');
}

export function createFacebookProvider(options: FacebookProviderOptions = {}): SocialProvider {
  const base = options.baseUrl ?? FACEBOOK_GRAPH_DEFAULT_URL;
  const timeoutMs = options.timeoutMs ?? 15_000;

  const auth = (a: SocialAccountCredentials) => ({ access_token: a.accessToken, appsecret_proof: appSecretProof(a.accessToken, a.appSecret) });

  /** One Graph call: the parsed success body, or the classified error. */
  async function graph(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string>,
    body?: { data: Buffer | string; contentType: string },
  ): Promise<{ ok: true; json: Record<string, unknown> } | { ok: false; error: SocialError }> {
    const o = await httpCall({ method, url: apiUrl(base, path, query), timeoutMs, ...(body ? { body: body.data, headers: { 'content-type': body.contentType } } : {}) });
    if (!o.ok) return { ok: false, error: transportError(o, 'Facebook') };
    const json = parseJson(o.body);
    if (o.status >= 200 && o.status < 300 && json && typeof json === 'object' && !('error' in json)) return { ok: true, json: json as Record<string, unknown> };
    return { ok: false, error: classifyGraphError(o.status, o.headers, json) };
  }

  const form = (fields: Record<string, string>) => ({ data: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' });

  async function permalinkOf(a: SocialAccountCredentials, id: string): Promise<string> {
    const r = await graph('GET', `/${encodeURIComponent(id)}`, { fields: 'permalink_url', ...auth(a) });
    const url = r.ok ? r.json.permalink_url : null;
    // The post exists whatever this answer: without a permalink, the canonical https://www.facebook.com/{post-id}.
    return typeof url === 'string' && /^https?:\/\//.test(url) ? url : `https://www.facebook.com/${id}`;
  }

  return {
    platform: 'facebook',

    async publish(a, post): Promise<SocialResult> {
      const text = post.link && post.photo ? `${post.text}\n\n${post.link}` : post.text;
      const schedule: Record<string, string> = post.scheduledAt ? { published: 'false', scheduled_publish_time: String(Math.floor(post.scheduledAt.getTime() / 1000)) } : {};
      let r;
      if (post.photo) {
        const fields: MultipartField[] = [
          { name: 'caption', value: text },
          ...Object.entries({ ...schedule, ...auth(a) }).map(([name, value]) => ({ name, value })),
          { name: 'source', filename: post.photo.filename, contentType: post.photo.mime, data: post.photo.bytes },
        ];
        const m = multipart(fields);
        r = await graph('POST', `/${encodeURIComponent(a.pageId)}/photos`, {}, { data: m.body, contentType: m.contentType });
      } else {
        r = await graph('POST', `/${encodeURIComponent(a.pageId)}/feed`, {}, form({ message: text, ...(post.link ? { link: post.link } : {}), ...schedule, ...auth(a) }));
      }
      if (!r.ok) return r;
      // /photos answers { id: photo id, post_id: page-post id }; /feed { id: "<page>_<post>" }.
      const id = typeof r.json.post_id === 'string' ? r.json.post_id : typeof r.json.id === 'string' ? r.json.id : null;
      if (!id)
        return {
          ok: false,
          error: { kind: 'ambiguous', platformCode: null, message: 'Facebook trả lời không có mã bài: bài có thể đã đăng, cần kiểm tra trên trang.', retryAfterMs: null },
        };
      return { ok: true, id, permalink: await permalinkOf(a, id) };
    },

    async reply(a, reply): Promise<SocialResult> {
      if (reply.commentId) {
        const r = await graph('POST', `/${encodeURIComponent(reply.commentId)}/comments`, {}, form({ message: reply.text, ...auth(a) }));
        if (!r.ok) return r;
        return typeof r.json.id === 'string'
          ? { ok: true, id: r.json.id, permalink: null }
          : { ok: false, error: { kind: 'ambiguous', platformCode: null, message: 'Facebook trả lời không có mã bình luận.', retryAfterMs: null } };
      }
      const body = JSON.stringify({ recipient: { id: reply.recipientId }, messaging_type: 'RESPONSE', message: { text: reply.text } });
      const r = await graph('POST', `/${encodeURIComponent(a.pageId)}/messages`, auth(a), { data: body, contentType: 'application/json' });
      if (!r.ok) return r;
      return typeof r.json.message_id === 'string'
        ? { ok: true, id: r.json.message_id, permalink: null }
        : { ok: false, error: { kind: 'ambiguous', platformCode: null, message: 'Facebook trả lời không có mã tin nhắn.', retryAfterMs: null } };
    },

    verifyWebhook(a, request) {
      const sig = headerValue(request.headers, 'x-hub-signature-256');
      if (!sig || !a.appSecret || !/^sha256=[0-9a-f]{64}$/i.test(sig)) return false;
      return safeEqual(sig.toLowerCase(), facebookSignature(a.appSecret, request.rawBody));
    },

    parseWebhook(rawBody) {
      return parseFacebookWebhook(rawBody);
    },
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

interface MessagingEvent {
  sender?: { id?: unknown };
  timestamp?: unknown;
  message?: { mid?: unknown; text?: unknown; is_echo?: unknown };
}
interface FeedChange {
  field?: unknown;
  value?: { item?: unknown; verb?: unknown; comment_id?: unknown; post_id?: unknown; message?: unknown; created_time?: unknown; from?: { id?: unknown; name?: unknown } };
}
interface PageEntry {
  id?: unknown;
  messaging?: unknown;
  changes?: unknown;
}

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as T[]) : []);

/** The messages and new comments of a verified `page` webhook; echoes, edits and non-text events are left out. */
export function parseFacebookWebhook(rawBody: Buffer): IncomingSocialEvent[] {
  const body = parseJson(rawBody) as { object?: unknown; entry?: unknown } | null;
  if (!body || body.object !== 'page') return [];
  const out: IncomingSocialEvent[] = [];
  for (const entry of list<PageEntry>(body.entry)) {
    const pageId = str(entry.id);
    if (!pageId) continue;
    for (const m of list<MessagingEvent>(entry.messaging)) {
      const msg = m.message;
      const text = typeof msg?.text === 'string' ? msg.text : '';
      if (!msg || msg.is_echo === true || !text.trim()) continue;
      const mid = str(msg.mid);
      const sender = str(m.sender?.id);
      if (!mid || !sender || sender === pageId) continue;
      const ts = Number(m.timestamp);
      out.push({ platform: 'facebook', pageId, kind: 'message', eventId: mid, senderId: sender, senderName: null, text, postId: null, at: new Date(Number.isFinite(ts) ? ts : 0) });
    }
    for (const c of list<FeedChange>(entry.changes)) {
      const v = c.value;
      const text = typeof v?.message === 'string' ? v.message : '';
      if (c.field !== 'feed' || !v || v.item !== 'comment' || v.verb !== 'add' || !text.trim()) continue;
      const commentId = str(v.comment_id);
      const from = str(v.from?.id);
      if (!commentId || !from || from === pageId) continue;
      const t = typeof v.created_time === 'number' ? v.created_time * 1000 : Date.parse(String(v.created_time));
      out.push({
        platform: 'facebook',
        pageId,
        kind: 'comment',
        eventId: commentId,
        senderId: from,
        senderName: str(v.from?.name),
        text,
        postId: str(v.post_id),
        at: new Date(Number.isFinite(t) ? t : 0),
      });
    }
  }
  return out;
}
