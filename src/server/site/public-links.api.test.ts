import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, memoryMailer } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { TAM_DUONG, buildSignedInUser, buildUnit } from '../../../test/factories.ts';
import { buildPortal, publishPost } from '../../../test/builders/publishing.ts';

const NOW = new Date('2021-02-03T03:00:00Z');

/** Without PUBLIC_URL, absolute links follow the host the visitor used; e-mails from jobs the listened URL. */
describe('absolute links when PUBLIC_URL is unset', () => {
  let t: TestContext;
  let proxied: TestContext;
  let configured: TestContext;
  let slug: string;
  const mailer = memoryMailer();
  beforeAll(async () => {
    t = await createTestContext('pglite', { now: NOW, publicUrl: null, mailer });
    const p = await buildPortal(t.c);
    slug = (await publishPost(t.app, p.editor.session.headers, { sectionId: p.news.id, title: 'Thông báo lịch tiếp công dân', body: '<p>Nội dung.</p>' })).slug;
    proxied = await createTestContext('pglite', { now: NOW, publicUrl: null, app: { trustProxy: '127.0.0.1' } });
    await buildPortal(proxied.c);
    configured = await createTestContext('pglite', { now: NOW, publicUrl: 'https://thongtin.laichau.gov.vn/' });
    await buildPortal(configured.c);
  });
  afterAll(async () => {
    await t?.close();
    await proxied?.close();
    await configured?.close();
  });

  const get = (ctx: TestContext, url: string, headers: Record<string, string>) => ctx.app.inject({ url, headers });

  it('robots.txt, the sitemap, RSS and Open Graph use the request host and port', async () => {
    const host = { host: 'loa.local:8123' };
    expect((await get(t, '/robots.txt', host)).body).toContain('Sitemap: http://loa.local:8123/sitemap.xml');
    const map = (await get(t, '/sitemap.xml', host)).body;
    expect(map).toContain('<loc>http://loa.local:8123/</loc>');
    expect(map).toContain(`<loc>http://loa.local:8123/bai-viet/${slug}</loc>`);
    const feed = (await get(t, '/rss.xml', host)).body;
    expect(feed).toContain(`<link>http://loa.local:8123/bai-viet/${slug}</link>`);
    expect(feed).toContain('href="http://loa.local:8123/rss.xml"');
    const post = (await get(t, `/bai-viet/${slug}`, host)).body;
    expect(post).toContain(`<meta property="og:url" content="http://loa.local:8123/bai-viet/${slug}">`);
    expect(post).toContain(`<link rel="canonical" href="http://loa.local:8123/bai-viet/${slug}">`);
    for (const body of [map, feed, post]) expect(body).not.toContain('localhost:3000');
  });

  it("keeps one cached page per host: a second host never gets the first host's links", async () => {
    expect((await get(t, '/', { host: 'a.example' })).body).toContain('content="http://a.example/"');
    const b = (await get(t, '/', { host: 'b.example:9000' })).body;
    expect(b).toContain('content="http://b.example:9000/"');
    expect(b).not.toContain('a.example');
  });

  it('ignores X-Forwarded-Host/Proto unless the proxy is trusted, and a malformed host', async () => {
    const forwarded = { host: 'loa.local:8123', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    const untrusted = (await get(t, '/robots.txt', forwarded)).body;
    expect(untrusted).toContain('Sitemap: http://loa.local:8123/sitemap.xml');
    expect(untrusted).not.toContain('evil.example');
    const trusted = await get(proxied, '/robots.txt', { host: '10.0.0.5:3000', 'x-forwarded-host': 'thongtin.example.vn', 'x-forwarded-proto': 'https' });
    expect(trusted.body).toContain('Sitemap: https://thongtin.example.vn/sitemap.xml');
    const bad = (await get(t, '/robots.txt', { host: 'x"><script>' })).body;
    expect(bad).not.toContain('script');
    expect(bad).toContain('Sitemap: http://localhost:3000/sitemap.xml'); // nothing listened on yet in this test
  });

  it('PUBLIC_URL, when set, wins over the request host', async () => {
    const res = await get(configured, '/robots.txt', { host: 'other.example' });
    expect(res.body).toContain('Sitemap: https://thongtin.laichau.gov.vn/sitemap.xml');
    expect((await get(configured, '/', { host: 'other.example' })).body).toContain('content="https://thongtin.laichau.gov.vn/"');
  });

  it('an invitation e-mail sent by a job links to the URL the server listens on', async () => {
    t.c.publicUrl.listening('http://localhost:4321/');
    const office = (await buildUnit(t.c, { parentId: TAM_DUONG })).id;
    const { session } = await buildSignedInUser(t.c, { unitId: TAM_DUONG, roles: ['unit_admin'] });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: session.headers,
      payload: { username: 'moi.lienket', displayName: 'Lò Văn Mới', email: 'moi@laichau.gov.vn', unitId: office, roles: ['clerk'] },
    });
    expect(res.statusCode).toBe(201);
    await t.c.jobs.drain();
    const mail = mailer.sent.find((m) => m.to === 'moi@laichau.gov.vn');
    expect(mail?.text).toMatch(/http:\/\/localhost:4321\/admin\/#\/invite\/[A-Za-z0-9_-]{40,}/);
  });
});
