// One contract, both adapters, each against its local fake platform over loopback HTTP (real peers, no mocks):
// publish, photo, schedule, reply, token expiry, rate limit, server down, no answer, webhook signatures and parsing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFacebookProvider } from './facebook.ts';
import { startFakeFacebook } from './fake-facebook-server.ts';
import type { FakeFacebook } from './fake-facebook-server.ts';
import { startFakeZalo } from './fake-zalo-server.ts';
import type { FakeZalo } from './fake-zalo-server.ts';
import type { SocialAccountCredentials, SocialPostInput, SocialProvider, SocialResult, WebhookRequest } from './port.ts';
import { createZaloProvider } from './zalo.ts';

/** Loa's side of a webhook: a loopback server that keeps each delivery's raw body and headers. */
async function startReceiver() {
  const got: WebhookRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, rawBody: Buffer.concat(chunks) });
      res.end('EVENT_RECEIVED');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

interface Platform {
  name: 'facebook' | 'zalo';
  provider: (opts?: { timeoutMs?: number; baseUrl?: string }) => SocialProvider;
  account: SocialAccountCredentials;
  expireToken(): void;
  renewToken(): void;
  setHang(h: boolean): void;
  failNext(): void;
  /** A citizen writes to the page; returns the delivery as Loa received it. */
  citizenWrites(text: string, opts?: { tamper?: boolean; secret?: string }): Promise<WebhookRequest>;
  stored(): Array<{ text: string; link: string | null }>;
  url: string;
}

const photo = {
  bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]),
  mime: 'image/jpeg' as const,
  filename: 'lich-tiem.jpg',
  url: 'https://loa.example.vn/media/lich-tiem.jpg',
};
const post = (p: Partial<SocialPostInput> = {}): SocialPostInput => ({
  title: 'Lịch tiêm chủng tháng 12',
  text: 'Trạm y tế xã tiêm chủng mở rộng vào sáng thứ Hai.',
  link: 'https://loa.example.vn/tin/42',
  reference: 'pub-1',
  ...p,
});

let fb: FakeFacebook;
let fbRate: FakeFacebook;
let zl: FakeZalo;
let zlRate: FakeZalo;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let downUrl: string;
const platforms: Record<'facebook' | 'zalo', Platform> = {} as never;

beforeAll(async () => {
  receiver = await startReceiver();
  const fbTokens = { '111000111': 'EAAG-page-token-xa-a' };
  fb = await startFakeFacebook({ pageTokens: fbTokens, appSecret: 'fb-app-secret' });
  fbRate = await startFakeFacebook({ pageTokens: fbTokens, appSecret: 'fb-app-secret', rateLimitAfter: 2, regainMinutes: 7 });
  zl = await startFakeZalo({ oaTokens: { '4321987600': 'zalo-oa-token-xa-a' }, appId: '1122334455', oaSecretKey: 'zalo-oa-secret', processingRounds: 1 });
  zlRate = await startFakeZalo({ oaTokens: { '4321987600': 'zalo-oa-token-xa-a' }, appId: '1122334455', oaSecretKey: 'zalo-oa-secret', rateLimitAfter: 1 });
  const gone = await startFakeZalo({ oaTokens: {}, appId: 'x', oaSecretKey: 'x' });
  downUrl = gone.url;
  await gone.close();
  const last = () => receiver.got[receiver.got.length - 1]!;
  platforms.facebook = {
    name: 'facebook',
    provider: (o = {}) => createFacebookProvider({ baseUrl: `${fb.url}/v26.0`, ...o }),
    account: { platform: 'facebook', pageId: '111000111', accessToken: 'EAAG-page-token-xa-a', appSecret: 'fb-app-secret' },
    expireToken: () => fb.expireToken('111000111'),
    renewToken: () => fb.renewToken('111000111'),
    setHang: (h) => fb.setHang(h),
    failNext: () => fb.failNext(),
    async citizenWrites(text, opts) {
      await fb.sendWebhook(receiver.url, { kind: 'message', pageId: '111000111', senderId: '2450001', text }, opts);
      return last();
    },
    stored: () => fb.posts.map((p) => ({ text: p.message, link: p.link })),
    url: fb.url,
  };
  platforms.zalo = {
    name: 'zalo',
    provider: (o = {}) => createZaloProvider({ baseUrl: zl.url, verifyDelayMs: 20, defaultCoverUrl: 'https://loa.example.vn/logo-xa.png', ...o }),
    account: { platform: 'zalo', pageId: '4321987600', accessToken: 'zalo-oa-token-xa-a', appSecret: 'zalo-oa-secret', appId: '1122334455' },
    expireToken: () => zl.expireToken('4321987600'),
    renewToken: () => zl.renewToken('4321987600'),
    setHang: (h) => zl.setHang(h),
    failNext: () => zl.failNext(),
    async citizenWrites(text, opts) {
      await zl.sendWebhook(receiver.url, { oaId: '4321987600', userId: '8800112233', text }, opts);
      return last();
    },
    stored: () => zl.articles.map((a) => ({ text: a.body.map((b) => b.content).join('\n\n'), link: null })),
    url: zl.url,
  };
});

afterAll(async () => {
  await Promise.all([fb?.close(), fbRate?.close(), zl?.close(), zlRate?.close(), receiver?.close()]);
});

const okId = (r: SocialResult) => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r;
};
const errorOf = (r: SocialResult) => {
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

describe.each(['facebook', 'zalo'] as const)('%s adapter against its fake platform', (name) => {
  const p = () => platforms[name];

  it('publishes text with a link back to the portal: id, permalink, what the platform stored', async () => {
    const r = okId(await p().provider().publish(p().account, post()));
    expect(r.id).toMatch(/\d/);
    const stored = p().stored().at(-1)!;
    expect(stored.text).toContain('Trạm y tế xã tiêm chủng');
    if (name === 'facebook') {
      expect(r.permalink).toMatch(/^https:\/\/www\.facebook\.com\/111000111\/posts\/\d+$/);
      expect(stored.link).toBe('https://loa.example.vn/tin/42');
      const call = fb.requests.find((q) => q.path.endsWith('/111000111/feed'))!;
      expect(call.fields.appsecret_proof).toMatch(/^[0-9a-f]{64}$/);
    } else {
      expect(stored.text).toContain('https://loa.example.vn/tin/42');
      expect(zl.articles.at(-1)!.id).toBe(r.id); // after one -214 "still processing" round
    }
  });

  it('publishes a photo', async () => {
    const r = okId(
      await p()
        .provider()
        .publish(p().account, post({ photo, reference: 'pub-2' })),
    );
    if (name === 'facebook') {
      expect(fb.posts.at(-1)).toMatchObject({ id: r.id, photo: { filename: 'lich-tiem.jpg', contentType: 'image/jpeg', bytes: 8 } });
      expect(fb.posts.at(-1)!.message).toContain('https://loa.example.vn/tin/42');
    } else {
      expect(zl.articles.at(-1)).toMatchObject({ id: r.id, coverUrl: photo.url });
      // Without a photo URL the default cover is used; without either Zalo cannot take the article: refused before any call.
      const { url: _url, ...bytesOnly } = photo;
      okId(
        await p()
          .provider()
          .publish(p().account, post({ photo: bytesOnly })),
      );
      expect(zl.articles.at(-1)!.coverUrl).toBe('https://loa.example.vn/logo-xa.png');
      const calls = zl.requests.length;
      expect(errorOf(await createZaloProvider({ baseUrl: zl.url }).publish(p().account, post({ photo: bytesOnly }))).kind).toBe('invalid');
      expect(zl.requests.length).toBe(calls);
    }
  });

  it('schedules a post (Facebook) or says it cannot (Zalo)', async () => {
    const at = new Date(Date.now() + 3 * 3600_000);
    const r = await p()
      .provider()
      .publish(p().account, post({ scheduledAt: at }));
    if (name === 'facebook') {
      okId(r);
      expect(fb.posts.at(-1)).toMatchObject({ published: false, scheduledPublishTime: Math.floor(at.getTime() / 1000) });
      const tooSoon = await p()
        .provider()
        .publish(p().account, post({ scheduledAt: new Date(Date.now() + 60_000) }));
      expect(errorOf(tooSoon)).toMatchObject({ kind: 'invalid', platformCode: '100' });
    } else {
      expect(errorOf(r).kind).toBe('not_allowed');
    }
  });

  it('replies to a citizen who wrote (within the window), refuses one who did not', async () => {
    const delivery = await p().citizenWrites('Cho hỏi lịch tiêm ở đâu?');
    const [event] = p().provider().parseWebhook(delivery.rawBody);
    const r = okId(await p().provider().reply(p().account, { recipientId: event!.senderId, text: 'Tại trạm y tế xã, 7h30.', reference: 'rep-1' }));
    if (name === 'facebook') expect(fb.messages.at(-1)).toMatchObject({ id: r.id, recipientId: '2450001', messagingType: 'RESPONSE' });
    else expect(zl.messages.at(-1)).toMatchObject({ id: r.id, userId: '8800112233' });
    const stranger = await p().provider().reply(p().account, { recipientId: '999', text: 'Xin chào', reference: 'rep-2' });
    expect(errorOf(stranger)).toMatchObject({ kind: 'not_allowed', platformCode: name === 'facebook' ? '10/2018278' : '-213' });
  });

  it('verifies webhook signatures: valid accepted, tampered body and wrong secret refused; parses the event', async () => {
    const provider = p().provider();
    const valid = await p().citizenWrites('Đường thôn 3 bị ngập');
    expect(provider.verifyWebhook(p().account, valid)).toBe(true);
    const [event] = provider.parseWebhook(valid.rawBody);
    expect(event).toMatchObject({ platform: name, pageId: p().account.pageId, kind: 'message', text: 'Đường thôn 3 bị ngập', postId: null });
    expect(event!.eventId.length).toBeGreaterThan(3);
    expect(Math.abs(event!.at.getTime() - Date.now())).toBeLessThan(60_000);
    const tampered = await p().citizenWrites('Đường thôn 3 bị ngập', { tamper: true });
    expect(tampered.rawBody.toString()).toContain('(đã sửa)');
    expect(provider.verifyWebhook(p().account, tampered)).toBe(false);
    const wrong = await p().citizenWrites('Đường thôn 3 bị ngập', { secret: 'not-the-secret' });
    expect(provider.verifyWebhook(p().account, wrong)).toBe(false);
    expect(provider.verifyWebhook({ ...p().account, appSecret: 'other' }, valid)).toBe(false);
    expect(provider.verifyWebhook(p().account, { headers: {}, rawBody: valid.rawBody })).toBe(false);
  });

  it('server error → temporary; server down → temporary; no answer → ambiguous', async () => {
    p().failNext();
    expect(errorOf(await p().provider().publish(p().account, post())).kind).toBe('temporary');
    expect(errorOf(await p().provider({ baseUrl: downUrl }).publish(p().account, post())).kind).toBe('temporary');
    p().setHang(true);
    try {
      const before = p().stored().length;
      const r = await p().provider({ timeoutMs: 300 }).publish(p().account, post());
      expect(errorOf(r).kind).toBe('ambiguous');
      expect(p().stored().length).toBe(before + 1); // the platform did create it: why a blind resend is wrong
    } finally {
      p().setHang(false);
    }
  });

  it('expired token → token_invalid, with a Vietnamese message for the operator; reconnected, it works again', async () => {
    p().expireToken();
    const e = errorOf(await p().provider().publish(p().account, post()));
    p().renewToken();
    expect(e).toMatchObject({ kind: 'token_invalid', retryAfterMs: null });
    expect(e.platformCode).toBe(name === 'facebook' ? '190/463' : '-124');
    expect(e.message).toMatch(/kết nối lại/);
    okId(await p().provider().publish(p().account, post()));
    expect(
      errorOf(
        await p()
          .provider()
          .reply({ ...p().account, accessToken: 'unknown' }, { recipientId: '1', text: 'x', reference: 'r' }),
      ).kind,
    ).toBe('token_invalid');
  });
});

describe('rate limits', () => {
  it('Facebook: error 32 with estimated_time_to_regain_access → rate_limited, retry after those minutes', async () => {
    const provider = createFacebookProvider({ baseUrl: fbRate.url });
    const account = platforms.facebook.account;
    okId(await provider.publish(account, post())); // 2 calls: the post and its permalink
    const e = errorOf(await provider.publish(account, post()));
    expect(e).toMatchObject({ kind: 'rate_limited', platformCode: '32', retryAfterMs: 7 * 60_000 });
  });

  it('Zalo: error -32 → rate_limited with a default retry', async () => {
    const provider = createZaloProvider({ baseUrl: zlRate.url });
    zlRate.addFollower('4321987600', '55');
    okId(await provider.reply(platforms.zalo.account, { recipientId: '55', text: 'Chào bạn', reference: 'r1' }));
    const e = errorOf(await provider.reply(platforms.zalo.account, { recipientId: '55', text: 'Chào bạn', reference: 'r2' }));
    expect(e).toMatchObject({ kind: 'rate_limited', platformCode: '-32' });
    expect(e.retryAfterMs).toBeGreaterThan(0);
  });
});

describe('Facebook comments', () => {
  it('a citizen comment arrives signed, parses with its post and name, and the page replies under it', async () => {
    const provider = platforms.facebook.provider();
    const first = okId(await provider.publish(platforms.facebook.account, post()));
    await fb.sendWebhook(receiver.url, {
      kind: 'comment',
      pageId: '111000111',
      postId: first.id,
      senderId: '2450009',
      senderName: 'Nguyễn Văn B',
      text: 'Có cần mang sổ tiêm không?',
    });
    const delivery = receiver.got.at(-1)!;
    expect(provider.verifyWebhook(platforms.facebook.account, delivery)).toBe(true);
    const [c] = provider.parseWebhook(delivery.rawBody);
    expect(c).toMatchObject({ kind: 'comment', postId: first.id, senderId: '2450009', senderName: 'Nguyễn Văn B', text: 'Có cần mang sổ tiêm không?' });
    const r = okId(await provider.reply(platforms.facebook.account, { recipientId: c!.senderId, commentId: c!.eventId, text: 'Có, mang theo sổ.', reference: 'rc' }));
    expect(fb.commentReplies.at(-1)).toMatchObject({ id: r.id, commentId: c!.eventId, message: 'Có, mang theo sổ.' });
  });
});
