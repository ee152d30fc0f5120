import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialAccounts } from '../../db/schema/index.ts';
import { createSecretBox } from '../../platform/secret-box.ts';
import { createFacebookProvider } from '../../providers/social/facebook.ts';
import { startFakeFacebook } from '../../providers/social/fake-facebook-server.ts';
import type { FakeFacebook } from '../../providers/social/fake-facebook-server.ts';
import { startFakeZalo } from '../../providers/social/fake-zalo-server.ts';
import type { FakeZalo } from '../../providers/social/fake-zalo-server.ts';
import { createZaloProvider } from '../../providers/social/zalo.ts';
import type { PublicationView, SocialAccountView } from '../../../shared/contracts/social.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { buildSignedInUser } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { buildPortal, publishPost } from '../../../../test/builders/publishing.ts';

const PAGE = '104857600000001';
const FB_TOKEN = `EAAGm0PX4ZCpsBA${'k'.repeat(40)}Zz9`;
const FB_SECRET = 'f3c1a9e0b2d44c7e8a61b5d9c0e7f123';
const OA = '4318000000000000001';
const ZALO_TOKEN = `zoa_${'q'.repeat(48)}_Tk`;
const ZALO_SECRET = 'Zs3cr3tK3yOfTheOA0123456';
const ZALO_APP = '2718281828459045';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

/** The social module's HTTP boundary on the local fake Graph API and fake Zalo OA API. */
describe('social API: pages and cross-posting', () => {
  let t: TestContext;
  let fb: FakeFacebook;
  let zalo: FakeZalo;
  let unitId: string;
  let otherUnitId: string;
  let postId: string;
  let postSlug: string;
  let featuredUrl: string;
  const s: Record<'admin' | 'approver' | 'drafter' | 'viewer' | 'other', Session> = {} as never;
  const acc: Record<'fb' | 'zalo', SocialAccountView> = {} as never;
  const now = () => (t ? t.clock.now().getTime() : Date.now());

  const req = (who: keyof typeof s, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...s[who].headers, ...headers }, ...(payload ? { payload } : {}) });
  const publish = (source: object, accountIds: string[], headers: Record<string, string> = {}) =>
    req('approver', 'POST', `/api/units/${unitId}/social/publications`, { source, accountIds }, headers);
  const publicationsOf = async (ids: string[]) => {
    const res = await req('approver', 'GET', `/api/units/${unitId}/social/publications`);
    return (res.json() as { items: PublicationView[] }).items.filter((p) => ids.includes(p.id));
  };
  const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms));

  beforeAll(async () => {
    fb = await startFakeFacebook({ pageTokens: { [PAGE]: FB_TOKEN }, appSecret: FB_SECRET, now });
    zalo = await startFakeZalo({ oaTokens: { [OA]: ZALO_TOKEN }, appId: ZALO_APP, oaSecretKey: ZALO_SECRET, now });
    t = await createTestContext('pglite', {
      social: {
        facebook: createFacebookProvider({ baseUrl: fb.url, timeoutMs: 300 }),
        zalo: createZaloProvider({ baseUrl: zalo.url, timeoutMs: 300, defaultCoverUrl: 'http://loa.test/logo.png', verifyDelayMs: 0 }),
      },
    });
    const p = await buildPortal(t.c);
    unitId = p.sttt.id;
    s.approver = p.editor.session;
    s.admin = (await buildSignedInUser(t.c, { unitId, roles: ['unit_admin'] })).session;
    s.drafter = (await buildSignedInUser(t.c, { unitId, roles: ['drafter'] })).session;
    s.viewer = (await buildSignedInUser(t.c, { unitId, roles: ['viewer'] })).session;
    otherUnitId = p.syt.id;
    s.other = (await buildSignedInUser(t.c, { unitId: p.syt.id, roles: ['unit_admin', 'approver'] })).session;
    // The post's featured image: a PNG of the section's library (published with the post).
    const boundary = '----loa-social';
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/portal/media',
      headers: { ...s.approver.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nẢnh khuyến cáo\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="sectionId"\r\n\r\n${p.news.id}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="khuyen-cao.png"\r\nContent-Type: image/png\r\n\r\n`),
        PNG,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    featuredUrl = (upload.json() as { media: { url: string } }).media.url;
    const post = await publishPost(t.app, s.approver.headers, {
      featuredImageUrl: featuredUrl,
      sectionId: p.news.id,
      title: 'Khuyến cáo phòng chống dịch cúm mùa',
      summary: 'Sở Y tế khuyến cáo người dân đeo khẩu trang nơi đông người.',
      body: '<p>Nội dung chi tiết của khuyến cáo.</p>',
    });
    postId = post.id;
    postSlug = post.slug;
  });
  afterAll(async () => {
    await t?.close();
    await fb?.close();
    await zalo?.close();
  });

  it('connects a page: the token and secret are sealed in the database and only ever shown masked', async () => {
    const res = await req('admin', 'POST', `/api/units/${unitId}/social/accounts`, {
      platform: 'facebook',
      pageId: PAGE,
      displayName: 'Sở TT&TT Lai Châu',
      accessToken: FB_TOKEN,
      appSecret: FB_SECRET,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.body).not.toContain(FB_TOKEN);
    expect(res.body).not.toContain(FB_SECRET);
    acc.fb = (res.json() as { account: SocialAccountView }).account;
    expect(acc.fb.accessTokenMasked).toBe(`${FB_TOKEN.slice(0, 4)}…${FB_TOKEN.slice(-4)}`);
    expect(acc.fb.verifyToken).toMatch(/^[\w-]{20,}$/);
    expect(acc.fb.webhookUrl).toBe('http://loa.test/webhooks/facebook');

    const z = await req('admin', 'POST', `/api/units/${unitId}/social/accounts`, {
      platform: 'zalo',
      pageId: OA,
      displayName: 'Zalo OA Sở TT&TT',
      accessToken: ZALO_TOKEN,
      appSecret: ZALO_SECRET,
      appId: ZALO_APP,
    });
    expect(z.statusCode, z.body).toBe(201);
    acc.zalo = (z.json() as { account: SocialAccountView }).account;

    const [row] = await t.c.database.db.select().from(socialAccounts).where(eq(socialAccounts.id, acc.fb.id));
    expect(row!.accessTokenEnc).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(FB_TOKEN);
    expect(JSON.stringify(row)).not.toContain(FB_SECRET);
    expect(t.c.secretBox.open(row!.accessTokenEnc)).toBe(FB_TOKEN);
    const audit = await auditEventsFor(t.c, acc.fb.id);
    expect(audit.map((e) => e.action)).toEqual(['social.connect']);
    expect(JSON.stringify(audit)).not.toContain(FB_TOKEN.slice(4, 20));

    // Another unit cannot connect here, nor connect the same page to itself.
    const fbBody = { platform: 'facebook', pageId: PAGE, displayName: 'x', accessToken: FB_TOKEN, appSecret: FB_SECRET };
    expect((await req('other', 'POST', `/api/units/${unitId}/social/accounts`, fbBody)).statusCode).toBe(404);
    const taken = await req('other', 'POST', `/api/units/${otherUnitId}/social/accounts`, fbBody);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain('đã được kết nối');
  });

  it('lists pages masked for readers; the verify token only for managers; viewers and other units see nothing', async () => {
    const drafter = await req('drafter', 'GET', `/api/units/${unitId}/social/accounts`);
    expect(drafter.statusCode).toBe(200);
    const list = drafter.json() as { items: SocialAccountView[]; capabilities: { manage: boolean; publish: boolean } };
    expect(list.items.map((a) => a.platform)).toEqual(['facebook', 'zalo']);
    expect(list.items.every((a) => a.verifyToken === null)).toBe(true);
    expect(list.capabilities).toMatchObject({ manage: false, publish: false });
    expect(drafter.body).not.toContain(FB_TOKEN);
    expect((await req('viewer', 'GET', `/api/units/${unitId}/social/accounts`)).statusCode).toBe(404);
    expect((await req('other', 'GET', `/api/units/${unitId}/social/accounts`)).statusCode).toBe(404);
    // Managing is the unit admin's: an approver publishes but does not connect.
    expect(
      (await req('approver', 'POST', `/api/units/${unitId}/social/accounts`, { platform: 'facebook', pageId: '1', displayName: 'x', accessToken: FB_TOKEN, appSecret: FB_SECRET }))
        .statusCode,
    ).toBe(403);
    expect((await req('drafter', 'DELETE', `/api/social/accounts/${acc.fb.id}`)).statusCode).toBe(403);
    expect((await req('other', 'DELETE', `/api/social/accounts/${acc.fb.id}`)).statusCode).toBe(404);
  });

  it('cross-posts a published portal post to both pages through the outbox: ids and permalinks per platform', async () => {
    const key = { 'idempotency-key': `k-${randomUUID()}` };
    const res = await publish({ kind: 'post', postId }, [acc.fb.id, acc.zalo.id], key);
    expect(res.statusCode, res.body).toBe(201);
    const queued = (res.json() as { publications: PublicationView[] }).publications;
    expect(queued.map((p) => p.state)).toEqual(['queued', 'queued']);
    // The same request again (a client retry): the same rows, nothing queued twice.
    const retry = await publish({ kind: 'post', postId }, [acc.fb.id, acc.zalo.id], key);
    expect(retry.statusCode).toBe(200);
    expect((retry.json() as { publications: PublicationView[] }).publications.map((p) => p.id).sort()).toEqual(queued.map((p) => p.id).sort());
    expect((await publish({ kind: 'text', title: 'x', text: 'y' }, [acc.fb.id], key)).statusCode).toBe(409);

    await t.c.jobs.drain();
    const done = await publicationsOf(queued.map((p) => p.id));
    const onFb = done.find((p) => p.platform === 'facebook')!;
    const onZalo = done.find((p) => p.platform === 'zalo')!;
    expect(onFb).toMatchObject({ state: 'published', link: `http://loa.test/bai-viet/${postSlug}` });
    expect(onFb.platformPostId).toMatch(new RegExp(`^${PAGE}_\\d+$`));
    expect(onFb.permalink).toMatch(/^https:\/\/www\.facebook\.com\//);
    expect(onZalo.state).toBe('published');
    expect(onZalo.platformPostId).toBeTruthy();
    expect(fb.posts).toHaveLength(1);
    // The featured image goes with it: a photo post with the link in its caption, the Zalo article's cover.
    expect(fb.posts[0]).toMatchObject({
      message: `Sở Y tế khuyến cáo người dân đeo khẩu trang nơi đông người.\n\nhttp://loa.test/bai-viet/${postSlug}`,
      photo: { contentType: 'image/png', bytes: PNG.length },
    });
    expect(zalo.articles[0]).toMatchObject({ title: 'Khuyến cáo phòng chống dịch cúm mùa', coverUrl: `http://loa.test${featuredUrl}` });
    expect((await auditEventsFor(t.c, onFb.id)).map((e) => e.action)).toEqual(['social.publish']);

    // Posting it again to the same page keeps the one row (no second post on the page).
    const twice = await publish({ kind: 'post', postId }, [acc.fb.id]);
    expect(twice.statusCode).toBe(200);
    expect((twice.json() as { publications: PublicationView[] }).publications[0]!.id).toBe(onFb.id);
  });

  it('refuses publishing to drafters, viewers and other units, and a draft post', async () => {
    expect((await req('drafter', 'POST', `/api/units/${unitId}/social/publications`, { source: { kind: 'post', postId }, accountIds: [acc.fb.id] })).statusCode).toBe(403);
    expect((await req('admin', 'POST', `/api/units/${unitId}/social/publications`, { source: { kind: 'post', postId }, accountIds: [acc.fb.id] })).statusCode).toBe(403);
    expect((await req('viewer', 'POST', `/api/units/${unitId}/social/publications`, { source: { kind: 'post', postId }, accountIds: [acc.fb.id] })).statusCode).toBe(404);
    expect((await req('other', 'POST', `/api/units/${unitId}/social/publications`, { source: { kind: 'post', postId }, accountIds: [acc.fb.id] })).statusCode).toBe(404);
    expect((await req('other', 'GET', `/api/units/${unitId}/social/publications`)).statusCode).toBe(404);
    expect((await publish({ kind: 'text', title: 'x', text: 'y' }, [randomUUID()])).statusCode).toBe(400);
  });

  it('retries a temporary failure with backoff', async () => {
    fb.failNext(1);
    const res = await publish({ kind: 'text', title: 'Thông báo', text: 'Lịch tiếp công dân tuần này.' }, [acc.fb.id]);
    const id = (res.json() as { publications: PublicationView[] }).publications[0]!.id;
    await t.c.jobs.drain();
    const [first] = await publicationsOf([id]);
    expect(first).toMatchObject({ state: 'queued', attempts: 1, errorKind: 'temporary' });
    expect(await t.c.jobs.drain()).toBe(0); // not before its time
    later(5 * 60_000);
    await t.c.jobs.drain();
    expect((await publicationsOf([id]))[0]).toMatchObject({ state: 'published', attempts: 2, errorKind: null });
  });

  it('never resends an ambiguous post by itself; the operator re-posts knowingly or marks it as on the page', async () => {
    fb.setHang(true);
    const res = await publish({ kind: 'text', title: 'Thông báo', text: 'Mất điện khu vực trung tâm từ 8h.' }, [acc.fb.id]);
    const id = (res.json() as { publications: PublicationView[] }).publications[0]!.id;
    await t.c.jobs.drain();
    fb.setHang(false);
    const [p] = await publicationsOf([id]);
    expect(p).toMatchObject({ state: 'ambiguous', capabilities: { retry: true, markPublished: true } });
    const posts = fb.posts.length;
    later(60 * 60_000);
    expect(await t.c.jobs.drain()).toBe(0);
    expect(fb.posts.length).toBe(posts);

    expect((await req('drafter', 'POST', `/api/social/publications/${id}/retry`)).statusCode).toBe(403);
    const marked = await req('approver', 'POST', `/api/social/publications/${id}/mark-published`, { permalink: 'https://www.facebook.com/104857600000001/posts/42' });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().publication).toMatchObject({ state: 'published', permalink: 'https://www.facebook.com/104857600000001/posts/42' });
    expect((await req('approver', 'POST', `/api/social/publications/${id}/retry`)).statusCode).toBe(409);

    // Another ambiguous one, sent again by the operator: audited, and it goes out once more.
    fb.setHang(true);
    const res2 = await publish({ kind: 'text', title: 'Thông báo', text: 'Cắt nước ngày mai.' }, [acc.fb.id]);
    const id2 = (res2.json() as { publications: PublicationView[] }).publications[0]!.id;
    await t.c.jobs.drain();
    fb.setHang(false);
    const again = await req('approver', 'POST', `/api/social/publications/${id2}/retry`);
    expect(again.statusCode, again.body).toBe(200);
    await t.c.jobs.drain();
    expect((await publicationsOf([id2]))[0]!.state).toBe('published');
    expect((await auditEventsFor(t.c, id2)).map((e) => e.action)).toEqual(['social.publish', 'social.publication_retry']);
  });

  it('marks the page when its token expired and tells the operator in Vietnamese', async () => {
    fb.expireToken(PAGE);
    const res = await publish({ kind: 'text', title: 'Thông báo', text: 'Họp dân lúc 19h.' }, [acc.fb.id]);
    const id = (res.json() as { publications: PublicationView[] }).publications[0]!.id;
    await t.c.jobs.drain();
    expect((await publicationsOf([id]))[0]).toMatchObject({ state: 'failed', errorKind: 'token_invalid' });
    const list = (await req('approver', 'GET', `/api/units/${unitId}/social/accounts`)).json() as { items: SocialAccountView[] };
    expect(list.items.find((a) => a.id === acc.fb.id)).toMatchObject({ status: 'token_invalid', statusMessage: 'Mã truy cập đã hết hạn, hãy kết nối lại trang' });
    const refused = await publish({ kind: 'text', title: 'Thông báo', text: 'Họp dân lúc 20h.' }, [acc.fb.id]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Mã truy cập đã hết hạn, hãy kết nối lại trang "Sở TT&TT Lai Châu".');

    // Connecting the page again with a fresh token: the same page, connected again.
    fb.renewToken(PAGE);
    const reconnected = await req('admin', 'POST', `/api/units/${unitId}/social/accounts`, {
      platform: 'facebook',
      pageId: PAGE,
      displayName: 'Sở TT&TT Lai Châu',
      accessToken: FB_TOKEN,
      appSecret: FB_SECRET,
    });
    expect(reconnected.statusCode).toBe(201);
    expect(reconnected.json().account).toMatchObject({ id: acc.fb.id, status: 'connected', statusMessage: null });
    expect((await publish({ kind: 'text', title: 'Thông báo', text: 'Họp dân lúc 20h.' }, [acc.fb.id])).statusCode).toBe(201);
    // Disconnecting: the secrets are gone, the page is free for any unit.
    expect((await req('admin', 'DELETE', `/api/social/accounts/${acc.fb.id}`)).statusCode).toBe(204);
    const [gone] = await t.c.database.db.select().from(socialAccounts).where(eq(socialAccounts.id, acc.fb.id));
    expect(gone).toMatchObject({ status: 'disconnected', accessTokenEnc: '', appSecretEnc: '' });
    expect(
      (
        await req('other', 'POST', `/api/units/${otherUnitId}/social/accounts`, {
          platform: 'facebook',
          pageId: PAGE,
          displayName: 'x',
          accessToken: FB_TOKEN,
          appSecret: FB_SECRET,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('fails without sending when a sealed token cannot be opened (restored with another key): reconnect the page', async () => {
    const foreign = createSecretBox(randomBytes(32)).seal(ZALO_TOKEN);
    await t.c.database.db.update(socialAccounts).set({ accessTokenEnc: foreign }).where(eq(socialAccounts.id, acc.zalo.id));
    const articles = zalo.articles.length;
    const res = await publish({ kind: 'text', title: 'Thông báo', text: 'Lịch cắt điện.' }, [acc.zalo.id]);
    const id = (res.json() as { publications: PublicationView[] }).publications[0]!.id;
    await t.c.jobs.drain();
    expect((await publicationsOf([id]))[0]).toMatchObject({ state: 'failed', errorKind: 'token_invalid' });
    expect(zalo.articles.length).toBe(articles);
    const list = (await req('approver', 'GET', `/api/units/${unitId}/social/accounts`)).json() as { items: SocialAccountView[] };
    expect(list.items.find((a) => a.id === acc.zalo.id)?.status).toBe('token_invalid');
  });
});
