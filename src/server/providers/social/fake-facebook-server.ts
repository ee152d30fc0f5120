// A local Graph API for tests and the demo (docs/social.md): the Page endpoints facebook.ts calls, with Graph's
// request and response shapes and error objects — 190 for an unknown or expired token, 100 for a bad parameter or
// appsecret_proof, 32 (with X-Business-Use-Case-Usage) past the call limit, 10/2018278 outside the messaging window —
// and signed webhooks (a citizen's message or comment) POSTed to Loa. Loopback only, in process.
import { appSecretProof, facebookSignature } from './facebook.ts';
import { createCallWindow, createFakeSwitches, postWebhook, startFakeHttp } from './fake-http.ts';
import type { FakeSwitches } from './fake-http.ts';
import type { FakeAnswer, FakeRequest, WebhookSendOptions } from './fake-http.ts';

export interface FakeFacebookOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Page id → page access token. */
  pageTokens: Record<string, string>;
  appSecret: string;
  /** Calls per page in `rateWindowMs` before error 32 (default: no limit). */
  rateLimitAfter?: number;
  rateWindowMs?: number;
  /** The estimated_time_to_regain_access (minutes) sent with error 32 (default 5). */
  regainMinutes?: number;
  /** The Send API's standard messaging window (default 24 h). */
  messagingWindowMs?: number;
  now?: () => number;
}

export interface FakeFacebookPost {
  id: string;
  pageId: string;
  message: string;
  link: string | null;
  published: boolean;
  scheduledPublishTime: number | null;
  photo: { filename: string; contentType: string; bytes: number } | null;
  permalink: string;
}

export interface FakeFacebookMessage {
  id: string;
  pageId: string;
  recipientId: string;
  text: string;
  messagingType: string;
}

export interface FakeFacebookCommentReply {
  id: string;
  commentId: string;
  message: string;
}

export type FakeFacebookEvent =
  | { kind: 'message'; pageId: string; senderId: string; text: string; mid?: string }
  | { kind: 'comment'; pageId: string; postId: string; senderId: string; senderName?: string; text: string; commentId?: string };

export interface FakeFacebook extends FakeSwitches {
  url: string;
  posts: FakeFacebookPost[];
  messages: FakeFacebookMessage[];
  commentReplies: FakeFacebookCommentReply[];
  /** Every request as received (method, path, fields): tests check appsecret_proof and shapes. */
  requests: Array<{ method: string; path: string; fields: Record<string, string>; json: unknown }>;
  /** The real-shaped webhook body of an event (what Meta POSTs). */
  webhookBody(event: FakeFacebookEvent): string;
  /** POSTs the event to Loa signed with X-Hub-Signature-256; a message opens the messaging window for its sender. */
  sendWebhook(target: string, event: FakeFacebookEvent, options?: WebhookSendOptions): Promise<{ status: number; body: string; rawBody: string }>;
  close(): Promise<void>;
}

const graphError = (status: number, code: number, message: string, type = 'OAuthException', subcode?: number, headers?: Record<string, string>): FakeAnswer => ({
  status,
  body: { error: { message, type, code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: `A${Math.random().toString(36).slice(2, 12)}` } },
  ...(headers ? { headers } : {}),
});

export async function startFakeFacebook(options: FakeFacebookOptions): Promise<FakeFacebook> {
  const now = options.now ?? Date.now;
  const window = createCallWindow(options.rateLimitAfter, options.rateWindowMs ?? 60_000, now);
  const windowMs = options.messagingWindowMs ?? 24 * 3600_000;
  const lastInbound = new Map<string, number>(); // `${pageId}:${psid}` → ms
  const comments = new Map<string, { pageId: string; postId: string }>();
  const posts: FakeFacebookPost[] = [];
  const messages: FakeFacebookMessage[] = [];
  const commentReplies: FakeFacebookCommentReply[] = [];
  const requests: FakeFacebook['requests'] = [];
  // An expired page token answers error 190/463; a failing call HTTP 500 with error 2 (temporary).
  const sw = createFakeSwitches();
  let seq = 1000;

  /** The page whose token this is, or the Graph error to answer. */
  function authorize(req: FakeRequest): { pageId: string } | FakeAnswer {
    const token = req.fields.access_token;
    if (!token) return graphError(400, 104, 'An access token is required to request this resource.');
    const pageId = Object.keys(options.pageTokens).find((p) => options.pageTokens[p] === token);
    if (!pageId) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    if (sw.isExpired(pageId)) return graphError(400, 190, 'Error validating access token: Session has expired.', 'OAuthException', 463);
    if (req.fields.appsecret_proof !== appSecretProof(token, options.appSecret))
      return graphError(400, 100, 'Invalid appsecret_proof provided in the API argument', 'GraphMethodException');
    if (window.hit(pageId)) {
      const usage = { [pageId]: [{ type: 'pages', call_count: 100, total_cputime: 40, total_time: 45, estimated_time_to_regain_access: options.regainMinutes ?? 5 }] };
      return graphError(400, 32, 'Page request limit reached', 'OAuthException', undefined, { 'x-business-use-case-usage': JSON.stringify(usage) });
    }
    return { pageId };
  }

  function publish(req: FakeRequest, pageId: string, photo: boolean): FakeAnswer {
    const message = (photo ? req.fields.caption : req.fields.message) ?? '';
    const link = photo ? null : (req.fields.link ?? null);
    const file = req.files.source;
    if (photo && (!file || !/^image\/(jpeg|png)$/.test(file.contentType) || !file.data.length)) return graphError(400, 324, 'Requires upload file', 'OAuthException');
    if (!photo && !message.trim() && !link) return graphError(400, 100, '(#100) Missing message or attachment');
    if (link !== null && !/^https?:\/\/\S+$/.test(link)) return graphError(400, 100, '(#100) The parameter link is not a valid URL');
    if (message.length > 63206) return graphError(400, 100, '(#100) Message too long');
    const published = req.fields.published !== 'false';
    let scheduled: number | null = null;
    if (req.fields.scheduled_publish_time !== undefined) {
      scheduled = Number(req.fields.scheduled_publish_time);
      const ahead = scheduled * 1000 - now();
      // Graph: between 10 minutes and 30 days ahead (docs/social.md), and only on an unpublished post.
      if (published || !Number.isInteger(scheduled) || ahead < 10 * 60_000 || ahead > 30 * 24 * 3600_000)
        return graphError(400, 100, '(#100) The specified scheduled publish time is invalid.');
    }
    const n = ++seq;
    const id = `${pageId}_${n}`;
    posts.push({
      id,
      pageId,
      message,
      link,
      published,
      scheduledPublishTime: scheduled,
      photo: photo && file ? { filename: file.filename, contentType: file.contentType, bytes: file.data.length } : null,
      permalink: `https://www.facebook.com/${pageId}/posts/${n}`,
    });
    return { status: 200, body: photo ? { id: String(++seq), post_id: id } : { id } };
  }

  function handle(req: FakeRequest): FakeAnswer {
    requests.push({ method: req.method, path: req.path, fields: req.fields, json: req.json });
    if (sw.takeFailure()) {
      return graphError(500, 2, 'Service temporarily unavailable', 'OAuthException');
    }
    const path = req.path.replace(/^\/v\d+\.\d+/, '');
    const auth = authorize(req);
    if ('status' in auth) return auth;
    const { pageId } = auth;
    let m: RegExpExecArray | null;
    if (req.method === 'POST' && (m = /^\/([\w.-]+)\/(feed|photos)$/.exec(path))) {
      if (m[1] !== pageId) return graphError(403, 200, '(#200) The page token does not belong to this page', 'OAuthException');
      return publish(req, pageId, m[2] === 'photos');
    }
    if (req.method === 'POST' && (m = /^\/([\w.-]+)\/messages$/.exec(path))) {
      if (m[1] !== pageId) return graphError(403, 200, '(#200) The page token does not belong to this page');
      const body = req.json as { recipient?: { id?: unknown }; messaging_type?: unknown; message?: { text?: unknown } } | null;
      const recipient = typeof body?.recipient?.id === 'string' ? body.recipient.id : null;
      const text = typeof body?.message?.text === 'string' ? body.message.text : null;
      if (!recipient || !text || typeof body?.messaging_type !== 'string') return graphError(400, 100, '(#100) param recipient, message and messaging_type must be non-empty.');
      if (text.length > 2000) return graphError(400, 100, '(#100) Length of param message[text] must be less than or equal to 2000');
      const last = lastInbound.get(`${pageId}:${recipient}`);
      if (body.messaging_type === 'RESPONSE' && (last === undefined || now() - last > windowMs)) {
        return graphError(400, 10, '(#10) This message is sent outside of allowed window.', 'OAuthException', 2018278);
      }
      const id = `m_${++seq}`;
      messages.push({ id, pageId, recipientId: recipient, text, messagingType: body.messaging_type });
      return { status: 200, body: { recipient_id: recipient, message_id: id } };
    }
    if (req.method === 'POST' && (m = /^\/([\w.-]+)\/comments$/.exec(path))) {
      const c = comments.get(m[1]!);
      if (!c || c.pageId !== pageId) return graphError(400, 100, `(#100) Unsupported post request. Object with ID '${m[1]}' does not exist`, 'GraphMethodException', 33);
      const message = req.fields.message ?? '';
      if (!message.trim()) return graphError(400, 100, '(#100) Missing message');
      const id = `${c.postId.split('_')[1] ?? c.postId}_${++seq}`;
      commentReplies.push({ id, commentId: m[1]!, message });
      return { status: 200, body: { id } };
    }
    if (req.method === 'GET' && (m = /^\/([\w.-]+)$/.exec(path))) {
      const post = posts.find((p) => p.id === m![1]);
      if (!post || post.pageId !== pageId) return graphError(400, 100, `(#100) Unsupported get request. Object with ID '${m[1]}' does not exist`, 'GraphMethodException', 33);
      const fields = (req.fields.fields ?? 'id').split(',');
      return {
        status: 200,
        body: { id: post.id, ...(fields.includes('permalink_url') ? { permalink_url: post.permalink } : {}), ...(fields.includes('message') ? { message: post.message } : {}) },
      };
    }
    return graphError(400, 100, `(#100) Unknown path components: ${path}`, 'OAuthException', 2500);
  }

  const server = await startFakeHttp(options.port ?? 0, handle);
  sw.attach(server);

  function webhookBody(event: FakeFacebookEvent): string {
    const t = now();
    if (event.kind === 'message') {
      const mid = event.mid ?? `m_${++seq}`;
      return JSON.stringify({
        object: 'page',
        entry: [{ id: event.pageId, time: t, messaging: [{ sender: { id: event.senderId }, recipient: { id: event.pageId }, timestamp: t, message: { mid, text: event.text } }] }],
      });
    }
    const commentId = event.commentId ?? `${event.postId.split('_')[1] ?? event.postId}_${++seq}`;
    return JSON.stringify({
      object: 'page',
      entry: [
        {
          id: event.pageId,
          time: Math.floor(t / 1000),
          changes: [
            {
              field: 'feed',
              value: {
                from: { id: event.senderId, name: event.senderName ?? 'Người dân' },
                post: { status_type: 'mobile_status_update', is_published: true, id: event.postId },
                message: event.text,
                post_id: event.postId,
                comment_id: commentId,
                created_time: Math.floor(t / 1000),
                item: 'comment',
                parent_id: event.postId,
                verb: 'add',
              },
            },
          ],
        },
      ],
    });
  }

  return {
    url: server.url,
    posts,
    messages,
    commentReplies,
    requests,
    ...sw.switches,
    webhookBody,
    async sendWebhook(target, event, opts = {}) {
      const raw = webhookBody(event);
      const signature = facebookSignature(opts.secret ?? options.appSecret, raw);
      if (event.kind === 'message') lastInbound.set(`${event.pageId}:${event.senderId}`, now());
      else {
        const v = (JSON.parse(raw) as { entry: Array<{ changes: Array<{ value: { comment_id: string } }> }> }).entry[0]!.changes[0]!.value;
        comments.set(v.comment_id, { pageId: event.pageId, postId: event.postId });
      }
      const sent = opts.tamper ? raw.replace(JSON.stringify(event.text), JSON.stringify(`${event.text} (đã sửa)`)) : raw;
      const r = await postWebhook(target, sent, { 'x-hub-signature-256': signature });
      return { ...r, rawBody: sent };
    },
    close: () => server.close(),
  };
}
