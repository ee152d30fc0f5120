// Zalo Official Account provider on the OA Open API (docs/social.md): an article (`POST /v2.0/article/create`, type
// "normal", then `POST /v2.0/article/verify` with the returned token for the article id), a consultation message to a
// follower (`POST /v3.0/oa/message/cs`). The OA access token goes in the `access_token` header; answers are
// `{ error, message, data }` with error 0 on success. Webhooks: `X-ZEvent-Signature: mac=<sha256 hex of
// appId + rawBody + timestamp + OA secret key>`, and the `user_send_text` event.
import { createHash, timingSafeEqual } from 'node:crypto';
import { apiUrl, headerValue, httpCall, parseJson, transportError } from './http.ts';
import type { IncomingSocialEvent, SocialAccountCredentials, SocialError, SocialProvider, SocialResult } from './port.ts';

export const ZALO_OA_DEFAULT_URL = 'https://openapi.zalo.me';

export interface ZaloProviderOptions {
  /** OA API base (default ZALO_OA_DEFAULT_URL), or a local fake's URL. */
  baseUrl?: string;
  /** How long a call may go unanswered (default 15 s). */
  timeoutMs?: number;
  /** Zalo articles need a cover image URL: used when the post's photo has no `url` (e.g. the unit's logo on the portal). */
  defaultCoverUrl?: string;
  /** Author shown on articles (default "Loa"). */
  author?: string;
  /** Article verify: attempts while Zalo still processes the article (-214), and the pause between them. */
  verifyAttempts?: number;
  verifyDelayMs?: number;
}

/** The signature Zalo sends with a webhook (header X-ZEvent-Signature): `mac=` + sha256(appId + body + timestamp + OA secret). */
export function zaloSignature(appId: string, rawBody: Buffer | string, timestamp: string, oaSecretKey: string): string {
  return `mac=${createHash('sha256').update(appId).update(rawBody).update(timestamp).update(oaSecretKey).digest('hex')}`;
}

const TOKEN_CODES = new Set([-216, -124]);
// -213: the user does not follow the OA; -230/-232: outside the window in which the OA may message the user.
const NOT_ALLOWED_CODES = new Set([-213, -230, -232]);
const DEFAULT_RATE_RETRY_MS = 60_000;

/** Classifies a Zalo answer with a non-zero `error`, or an HTTP failure status. */
export function classifyZaloError(status: number, body: unknown): SocialError {
  const b = body as { error?: unknown; message?: unknown } | null;
  const code = typeof b?.error === 'number' ? b.error : null;
  const platformCode = code === null ? `http ${status}` : String(code);
  const said = `(Zalo ${platformCode}${typeof b?.message === 'string' && b.message ? `: ${b.message}` : ''})`;
  const err = (kind: SocialError['kind'], vi: string, retryAfterMs: number | null = null): SocialError => ({ kind, platformCode, message: `${vi} ${said}`, retryAfterMs });
  if (code !== null && TOKEN_CODES.has(code)) return err('token_invalid', 'Mã truy cập của Zalo OA không hợp lệ hoặc đã hết hạn: cần kết nối lại OA.');
  if (code === -32) return err('rate_limited', 'Zalo đang giới hạn số lần gọi của OA: Loa sẽ thử lại sau.', DEFAULT_RATE_RETRY_MS);
  if (code !== null && NOT_ALLOWED_CODES.has(code)) return err('not_allowed', 'Người nhận chưa quan tâm OA hoặc đã quá thời hạn OA được nhắn tin cho người này.');
  if (status >= 500 || (code === null && status !== 200))
    return err(status >= 500 ? 'temporary' : 'invalid', status >= 500 ? 'Zalo đang gặp sự cố: Loa sẽ thử lại.' : 'Zalo từ chối yêu cầu.');
  // -201 (invalid parameters) and every other negative code: the content or the request is refused.
  return err('invalid', 'Zalo từ chối nội dung (tham số không hợp lệ: tiêu đề, nội dung, ảnh bìa hoặc người nhận).');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createZaloProvider(options: ZaloProviderOptions = {}): SocialProvider {
  const base = options.baseUrl ?? ZALO_OA_DEFAULT_URL;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const verifyAttempts = options.verifyAttempts ?? 3;
  const verifyDelayMs = options.verifyDelayMs ?? 2000;

  async function call(a: SocialAccountCredentials, path: string, payload: unknown): Promise<{ ok: true; data: Record<string, unknown> } | { ok: false; error: SocialError }> {
    const o = await httpCall({
      method: 'POST',
      url: apiUrl(base, path),
      headers: { access_token: a.accessToken, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      timeoutMs,
    });
    if (!o.ok) return { ok: false, error: transportError(o, 'Zalo') };
    const json = parseJson(o.body) as { error?: unknown; data?: unknown } | null;
    if (o.status === 200 && json && json.error === 0) return { ok: true, data: json.data && typeof json.data === 'object' ? (json.data as Record<string, unknown>) : {} };
    return { ok: false, error: classifyZaloError(o.status, json) };
  }

  const local = (vi: string): SocialResult => ({ ok: false, error: { kind: 'invalid', platformCode: null, message: vi, retryAfterMs: null } });

  return {
    platform: 'zalo',

    async publish(a, post): Promise<SocialResult> {
      if (post.scheduledAt)
        return {
          ok: false,
          error: { kind: 'not_allowed', platformCode: null, message: 'Zalo OA không hỗ trợ hẹn giờ đăng bài qua API: Loa đăng vào thời điểm hẹn.', retryAfterMs: null },
        };
      const cover = post.photo?.url ?? options.defaultCoverUrl;
      if (!cover) return local('Bài viết Zalo cần ảnh bìa: thêm ảnh có địa chỉ công khai hoặc cấu hình ảnh bìa mặc định.');
      const title = post.title.trim().slice(0, 150);
      if (!title) return local('Bài viết Zalo cần tiêu đề.');
      const body: Array<{ type: 'text'; content: string }> = post.text
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((content) => ({ type: 'text', content }));
      if (post.link) body.push({ type: 'text', content: `Xem chi tiết: ${post.link}` });
      const created = await call(a, '/v2.0/article/create', {
        type: 'normal',
        title,
        author: (options.author ?? 'Loa').slice(0, 50),
        cover: { cover_type: 'photo', photo_url: cover, status: 'show' },
        description: post.text.replace(/\s+/g, ' ').trim().slice(0, 300),
        body,
        status: 'show',
        comment: 'show',
      });
      if (!created.ok) return created;
      const token = created.data.token;
      if (typeof token !== 'string' || !token)
        return {
          ok: false,
          error: { kind: 'ambiguous', platformCode: null, message: 'Zalo nhận bài nhưng không trả mã xử lý: bài có thể đã đăng, cần kiểm tra trên OA.', retryAfterMs: null },
        };
      // The article is created asynchronously: verify turns the token into its id (-214: still processing).
      let last: SocialError | null = null;
      for (let i = 0; i < verifyAttempts; i++) {
        if (i > 0) await sleep(verifyDelayMs);
        const v = await call(a, '/v2.0/article/verify', { token });
        if (v.ok && typeof v.data.id === 'string') return { ok: true, id: v.data.id, permalink: null };
        last = v.ok ? null : v.error;
        if (!v.ok && v.error.platformCode !== '-214' && v.error.kind !== 'temporary' && v.error.kind !== 'rate_limited') break;
      }
      return {
        ok: false,
        error: {
          kind: 'ambiguous',
          platformCode: last?.platformCode ?? null,
          message: `Zalo đã nhận bài (mã xử lý ${token}) nhưng chưa xác nhận mã bài: bài có thể đã đăng, cần kiểm tra trên OA trước khi đăng lại.${last ? ` ${last.message}` : ''}`,
          retryAfterMs: null,
        },
      };
    },

    async reply(a, reply): Promise<SocialResult> {
      if (reply.commentId)
        return {
          ok: false,
          error: { kind: 'not_allowed', platformCode: null, message: 'Zalo OA không cho trả lời bình luận qua API: hãy nhắn tin cho người dân.', retryAfterMs: null },
        };
      const r = await call(a, '/v3.0/oa/message/cs', { recipient: { user_id: reply.recipientId }, message: { text: reply.text.slice(0, 2000) } });
      if (!r.ok) return r;
      const id = r.data.message_id;
      return typeof id === 'string'
        ? { ok: true, id, permalink: null }
        : { ok: false, error: { kind: 'ambiguous', platformCode: null, message: 'Zalo trả lời không có mã tin nhắn.', retryAfterMs: null } };
    },

    verifyWebhook(a, request) {
      const sig = headerValue(request.headers, 'x-zevent-signature')?.trim();
      if (!sig || !a.appSecret || !a.appId) return false;
      const given = sig.toLowerCase().startsWith('mac=') ? sig.slice(4).toLowerCase() : sig.toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(given)) return false;
      const body = parseJson(request.rawBody) as { timestamp?: unknown } | null;
      const ts = typeof body?.timestamp === 'string' || typeof body?.timestamp === 'number' ? String(body.timestamp) : null;
      if (ts === null) return false;
      const expected = Buffer.from(zaloSignature(a.appId, request.rawBody, ts, a.appSecret).slice(4), 'utf8');
      return timingSafeEqual(Buffer.from(given, 'utf8'), expected);
    },

    parseWebhook(rawBody) {
      return parseZaloWebhook(rawBody);
    },
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

/** A verified Zalo webhook: the citizen's text message (`user_send_text`); other events (follows, OA echoes, media) are left out. */
export function parseZaloWebhook(rawBody: Buffer): IncomingSocialEvent[] {
  const b = parseJson(rawBody) as Record<string, unknown> | null;
  if (!b || b.event_name !== 'user_send_text') return [];
  const sender = str((b.sender as { id?: unknown } | undefined)?.id);
  const oa = str((b.recipient as { id?: unknown } | undefined)?.id);
  const message = b.message as { msg_id?: unknown; text?: unknown } | undefined;
  const msgId = str(message?.msg_id);
  const text = typeof message?.text === 'string' ? message.text : '';
  if (!sender || !oa || !msgId || !text.trim()) return [];
  const ts = Number(b.timestamp);
  return [{ platform: 'zalo', pageId: oa, kind: 'message', eventId: msgId, senderId: sender, senderName: null, text, postId: null, at: new Date(Number.isFinite(ts) ? ts : 0) }];
}
