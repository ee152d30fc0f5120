// In-memory SocialProvider for unit tests of the social module: records what was published and replied, answers with
// scripted results (`failNext`), and checks and parses webhooks with the real adapters' pure functions, so a test signs
// a body with `signWebhook` and gets the same outcome the Facebook or Zalo adapter would give.
import { createHash } from 'node:crypto';
import { createFacebookProvider, facebookSignature } from './facebook.ts';
import type { IncomingSocialEvent, SocialAccountCredentials, SocialError, SocialPlatform, SocialPostInput, SocialProvider, SocialReplyInput, SocialResult } from './port.ts';
import { createZaloProvider, zaloSignature } from './zalo.ts';

export interface FakeSocialProvider extends SocialProvider {
  readonly published: Array<{ account: SocialAccountCredentials; post: SocialPostInput; result: SocialResult }>;
  readonly replies: Array<{ account: SocialAccountCredentials; reply: SocialReplyInput; result: SocialResult }>;
  /** The next publish/reply calls answer these errors (or results), in order. */
  failNext(...outcomes: Array<SocialError | SocialResult>): void;
  /** The headers the platform would send with this body for the account (a valid signature). */
  signWebhook(account: Pick<SocialAccountCredentials, 'appSecret' | 'appId'>, rawBody: string | Buffer): Record<string, string>;
}

/** A scripted error of a kind, for failNext. */
export function socialError(kind: SocialError['kind'], retryAfterMs: number | null = kind === 'rate_limited' ? 60_000 : null): SocialError {
  return { kind, platformCode: `fake-${kind}`, message: `Lỗi giả lập: ${kind}`, retryAfterMs };
}

export function createFakeSocialProvider(platform: SocialPlatform): FakeSocialProvider {
  // Only their pure parts are used (verifyWebhook, parseWebhook): no call leaves the process.
  const real = platform === 'facebook' ? createFacebookProvider({ baseUrl: 'http://127.0.0.1:9' }) : createZaloProvider({ baseUrl: 'http://127.0.0.1:9' });
  const published: FakeSocialProvider['published'] = [];
  const replies: FakeSocialProvider['replies'] = [];
  const script: Array<SocialError | SocialResult> = [];
  let seq = 0;

  const next = (permalink: (id: string) => string | null): SocialResult => {
    const s = script.shift();
    if (s && 'ok' in s) return s;
    if (s) return { ok: false, error: s };
    const id = platform === 'facebook' ? `100000000000001_${++seq}` : String(7_000_000_000_000_000 + ++seq);
    return { ok: true, id, permalink: permalink(id) };
  };

  return {
    platform,
    published,
    replies,
    failNext(...outcomes) {
      script.push(...outcomes);
    },
    async publish(account, post) {
      const result = next((id) => (platform === 'facebook' ? `https://www.facebook.com/${id}` : null));
      published.push({ account, post, result });
      return result;
    },
    async reply(account, reply) {
      const result = next(() => null);
      replies.push({ account, reply, result });
      return result;
    },
    verifyWebhook: (account, request) => real.verifyWebhook(account, request),
    parseWebhook: (rawBody): IncomingSocialEvent[] => real.parseWebhook(rawBody),
    signWebhook(account, rawBody): Record<string, string> {
      if (platform === 'facebook') return { 'x-hub-signature-256': facebookSignature(account.appSecret, rawBody) };
      const text = Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : rawBody;
      let ts = '';
      try {
        const t = (JSON.parse(text) as { timestamp?: unknown }).timestamp;
        ts = typeof t === 'string' || typeof t === 'number' ? String(t) : '';
      } catch {
        ts = createHash('sha256').update(text).digest('hex');
      }
      return { 'x-zevent-signature': zaloSignature(account.appId ?? '', rawBody, ts, account.appSecret) };
    },
  };
}
