// A local Zalo OA Open API for tests and the demo (docs/social.md): article create + verify and the consultation
// message zalo.ts calls, answering `{ error, message, data }` — -216 for an unknown token, -124 for an expired one,
// -32 past the call limit, -201 for bad parameters, -213 to a user who does not follow the OA — and signed webhooks
// (`user_send_text`, X-ZEvent-Signature mac) POSTed to Loa. Loopback only, in process.
import { randomBytes } from 'node:crypto';
import { createCallWindow, createFakeSwitches, postWebhook, startFakeHttp } from './fake-http.ts';
import type { FakeSwitches } from './fake-http.ts';
import type { FakeAnswer, FakeRequest, WebhookSendOptions } from './fake-http.ts';
import { zaloSignature } from './zalo.ts';

export interface FakeZaloOptions {
  port?: number;
  /** OA id → OA access token. */
  oaTokens: Record<string, string>;
  /** The app id and the OA secret key the webhook MAC uses. */
  appId: string;
  oaSecretKey: string;
  /** Calls per OA in `rateWindowMs` before error -32 (default: no limit). */
  rateLimitAfter?: number;
  rateWindowMs?: number;
  /** Article verify answers -214 (still processing) this many times per article first (default 0). */
  processingRounds?: number;
  now?: () => number;
}

export interface FakeZaloArticle {
  id: string;
  token: string;
  oaId: string;
  title: string;
  author: string;
  coverUrl: string;
  description: string;
  body: Array<{ type: string; content?: string; url?: string }>;
  status: string;
}

export interface FakeZaloMessage {
  id: string;
  oaId: string;
  userId: string;
  text: string;
}

export interface FakeZaloEvent {
  oaId: string;
  userId: string;
  text: string;
  msgId?: string;
}

export interface FakeZalo extends FakeSwitches {
  url: string;
  articles: FakeZaloArticle[];
  messages: FakeZaloMessage[];
  requests: Array<{ path: string; headers: Record<string, string | string[] | undefined>; json: unknown }>;
  /** Users who follow the OA (a message to anyone else is -213); sendWebhook adds its sender. */
  addFollower(oaId: string, userId: string): void;
  webhookBody(event: FakeZaloEvent): string;
  sendWebhook(target: string, event: FakeZaloEvent, options?: WebhookSendOptions): Promise<{ status: number; body: string; rawBody: string }>;
  close(): Promise<void>;
}

const zaloError = (error: number, message: string): FakeAnswer => ({ status: 200, body: { error, message } });
const ok = (data: unknown): FakeAnswer => ({ status: 200, body: { error: 0, message: 'Success', data } });

export async function startFakeZalo(options: FakeZaloOptions): Promise<FakeZalo> {
  const now = options.now ?? Date.now;
  const window = createCallWindow(options.rateLimitAfter, options.rateWindowMs ?? 60_000, now);
  const followers = new Set<string>();
  const pending = new Map<string, { article: FakeZaloArticle; rounds: number }>();
  const articles: FakeZaloArticle[] = [];
  const messages: FakeZaloMessage[] = [];
  const requests: FakeZalo['requests'] = [];
  // An expired OA token answers -124; a failing call HTTP 502 (temporary).
  const sw = createFakeSwitches();

  const id = () => BigInt(`0x${randomBytes(7).toString('hex')}`).toString();

  function authorize(req: FakeRequest): { oaId: string } | FakeAnswer {
    const token = req.headers.access_token;
    const oaId = typeof token === 'string' ? Object.keys(options.oaTokens).find((o) => options.oaTokens[o] === token) : undefined;
    if (!oaId) return zaloError(-216, 'Access token is invalid');
    if (sw.isExpired(oaId)) return zaloError(-124, 'Access token has expired');
    if (window.hit(oaId)) return zaloError(-32, 'Application has exceeded the rate limit');
    return { oaId };
  }

  function createArticle(oaId: string, b: Record<string, unknown>): FakeAnswer {
    const cover = b.cover as { cover_type?: unknown; photo_url?: unknown; status?: unknown } | undefined;
    const body = Array.isArray(b.body) ? (b.body as Array<Record<string, unknown>>) : [];
    if (b.type !== 'normal') return zaloError(-201, 'type is invalid');
    if (typeof b.title !== 'string' || !b.title.trim() || b.title.length > 150) return zaloError(-201, 'title is invalid');
    if (typeof b.author !== 'string' || b.author.length > 50) return zaloError(-201, 'author is invalid');
    if (typeof b.description !== 'string' || b.description.length > 300) return zaloError(-201, 'description is invalid');
    if (cover?.cover_type !== 'photo' || typeof cover.photo_url !== 'string' || !/^https?:\/\//.test(cover.photo_url)) return zaloError(-201, 'cover is invalid');
    if (!body.length || body.some((p) => p.type !== 'text' || typeof p.content !== 'string' || !p.content)) return zaloError(-201, 'body is invalid');
    if (b.status !== undefined && b.status !== 'show' && b.status !== 'hide') return zaloError(-201, 'status is invalid');
    const article: FakeZaloArticle = {
      id: id(),
      token: randomBytes(12).toString('hex'),
      oaId,
      title: b.title,
      author: b.author,
      coverUrl: cover.photo_url,
      description: b.description,
      body: body.map((p) => ({ type: String(p.type), content: String(p.content) })),
      status: typeof b.status === 'string' ? b.status : 'show',
    };
    articles.push(article);
    pending.set(article.token, { article, rounds: options.processingRounds ?? 0 });
    return ok({ token: article.token });
  }

  function handle(req: FakeRequest): FakeAnswer {
    requests.push({ path: req.path, headers: req.headers, json: req.json });
    if (sw.takeFailure()) {
      return { status: 502, body: { error: -1, message: 'Bad gateway' } };
    }
    const auth = authorize(req);
    if ('status' in auth) return auth;
    const b = req.json && typeof req.json === 'object' ? (req.json as Record<string, unknown>) : null;
    if (req.method !== 'POST' || !b) return zaloError(-201, 'Parameters are invalid');
    if (req.path === '/v2.0/article/create') return createArticle(auth.oaId, b);
    if (req.path === '/v2.0/article/verify') {
      const p = typeof b.token === 'string' ? pending.get(b.token) : undefined;
      if (!p || p.article.oaId !== auth.oaId) return zaloError(-201, 'token is invalid');
      if (p.rounds > 0) {
        p.rounds--;
        return zaloError(-214, 'Article is being processed');
      }
      return ok({ id: p.article.id });
    }
    if (req.path === '/v3.0/oa/message/cs') {
      const userId = (b.recipient as { user_id?: unknown } | undefined)?.user_id;
      const text = (b.message as { text?: unknown } | undefined)?.text;
      if (typeof userId !== 'string' || typeof text !== 'string' || !text.trim() || text.length > 2000) return zaloError(-201, 'Parameters are invalid');
      if (!followers.has(`${auth.oaId}:${userId}`)) return zaloError(-213, 'User has not followed OA');
      const msg = { id: randomBytes(16).toString('hex'), oaId: auth.oaId, userId, text };
      messages.push(msg);
      return ok({ message_id: msg.id, user_id: userId });
    }
    return { status: 404, body: { error: 404, message: 'empty api' } };
  }

  const server = await startFakeHttp(options.port ?? 0, handle);
  sw.attach(server);

  function webhookBody(event: FakeZaloEvent): string {
    return JSON.stringify({
      app_id: options.appId,
      user_id_by_app: `${event.userId}9`,
      event_name: 'user_send_text',
      timestamp: String(now()),
      sender: { id: event.userId },
      recipient: { id: event.oaId },
      message: { text: event.text, msg_id: event.msgId ?? randomBytes(16).toString('hex') },
    });
  }

  return {
    url: server.url,
    articles,
    messages,
    requests,
    addFollower(oaId, userId) {
      followers.add(`${oaId}:${userId}`);
    },
    ...sw.switches,
    webhookBody,
    async sendWebhook(target, event, opts = {}) {
      const raw = webhookBody(event);
      const timestamp = (JSON.parse(raw) as { timestamp: string }).timestamp;
      followers.add(`${event.oaId}:${event.userId}`);
      const signature = zaloSignature(options.appId, raw, timestamp, opts.secret ?? options.oaSecretKey);
      const sent = opts.tamper ? raw.replace(JSON.stringify(event.text), JSON.stringify(`${event.text} (đã sửa)`)) : raw;
      const r = await postWebhook(target, sent, { 'x-zevent-signature': signature });
      return { ...r, rawBody: sent };
    },
    close: () => server.close(),
  };
}
