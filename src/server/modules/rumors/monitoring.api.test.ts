import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { buildSignedInUser, buildUnit } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import type { Role } from '../access/index.ts';
import { unitIdFor } from '../units/index.ts';
import { createHttpFeedFetcher } from '../../providers/feeds/http.ts';
import type { FeedItemView, FeedView, KeywordView } from '../../../shared/contracts/rumors-monitoring.ts';

const LAI_CHAU = unitIdFor('vn-2026', '12');
const NOW = new Date('2026-12-01T02:05:00Z');

const rss = (items: { guid: string; title: string; description: string; date?: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo địa phương</title>${items
    .map(
      (i) =>
        `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://bao.example.vn/${i.guid}.html</link><description>${i.description}</description><pubDate>${i.date ?? 'Tue, 01 Dec 2026 07:00:00 +0700'}</pubDate></item>`,
    )
    .join('')}</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Cổng tỉnh</title>
<entry><id>tag:tinh,2026:9</id><title>Cảnh báo LŨ QUÉT giả mạo</title><link href="https://tinh.example.vn/tin/9"/><updated>2026-11-30T23:00:00Z</updated><summary>Không chia sẻ</summary></entry>
<entry><id>tag:tinh,2026:10</id><title>Lịch tiếp công dân</title><link href="https://tinh.example.vn/tin/10"/><updated>2026-11-30T23:00:00Z</updated><summary>Thứ Hai</summary></entry></feed>`;

/** A local feed server: RSS with ETag/304, Atom with Last-Modified, a malformed and an oversized feed, redirects, a silent one. */
function feedServer() {
  const state = {
    rss: rss([
      { guid: 'a1', title: 'Sự thật về clip &quot;hàng dài người&quot; tại cửa khẩu', description: '&lt;p&gt;Thông tin &lt;b&gt;sai sự thật&lt;/b&gt;&lt;/p&gt;' },
      { guid: 'a2', title: 'Giá lúa hôm nay', description: 'Ổn định' },
    ]),
    etag: '"v1"',
    broken: rss([{ guid: 'b1', title: 'Tin cửa khẩu đầu tiên', description: 'ok' }]),
    hits: new Map<string, number>(),
  };
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    state.hits.set(url, (state.hits.get(url) ?? 0) + 1);
    if (url === '/rss.xml') {
      if (req.headers['if-none-match'] === state.etag) return void res.writeHead(304, { etag: state.etag }).end();
      return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: state.etag }).end(state.rss);
    }
    if (url === '/atom.xml') {
      const lm = 'Mon, 30 Nov 2026 23:00:00 GMT';
      if (req.headers['if-modified-since'] === lm) return void res.writeHead(304).end();
      return void res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': lm }).end(ATOM);
    }
    if (url === '/broken.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(state.broken);
    if (url === '/big.xml') {
      // Streamed without a length: the reader counts and stops past 2 MB.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(256 * 1024, 'a');
      for (let i = 0; i < 12; i++) res.write(chunk);
      return void res.end();
    }
    if (url === '/moved') return void res.writeHead(302, { location: '/rss.xml' }).end();
    if (url === '/loop') return void res.writeHead(301, { location: '/loop' }).end();
    if (url === '/to-metadata') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (url === '/silent') return; // never answers
    res.writeHead(404).end();
  });
  return { server, state };
}

/** Press and web monitoring through the HTTP API: feeds and keywords per desk, fetching (ETag/304, errors kept), the review queue. */
describe('rumors monitoring API [pglite]', () => {
  let t: TestContext;
  let base: string;
  const fs = feedServer();
  const s: Partial<Record<'drafter' | 'viewer' | 'lead' | 'outsider', Session>> = {};
  let soId: string;
  const req = (who: keyof typeof s, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    await new Promise<void>((r) => fs.server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(fs.server.address() as AddressInfo).port}`;
    t = await createTestContext('pglite', { now: NOW });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    soId = (await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu' })).id;
    const other = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Y tế tỉnh Lai Châu' });
    const make = async (roles: Role[], unitId = soId) => (await buildSignedInUser(t.c, { unitId, roles })).session;
    s.drafter = await make(['drafter']);
    s.viewer = await make(['viewer']);
    s.lead = await make(['desk_lead']);
    s.outsider = await make(['desk_lead'], other.id);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    fs.server.closeAllConnections();
    await new Promise<void>((r) => fs.server.close(() => r()));
  });

  let rssFeed: FeedView;

  it('feeds and keywords per desk unit: roles, other units, validation, duplicates (tone placement folded), audit', async () => {
    const created = await req('drafter', 'POST', '/api/rumors/feeds', { name: ' Báo địa phương ', url: `${base}/rss.xml` });
    expect(created.statusCode, created.body).toBe(201);
    rssFeed = (created.json() as { feed: FeedView }).feed;
    expect(rssFeed).toMatchObject({ unitId: soId, name: 'Báo địa phương', active: true, lastStatus: null, newItems: 0 });
    expect((await req('drafter', 'POST', '/api/rumors/feeds', { name: 'Lặp', url: `${base}/rss.xml` })).json()).toMatchObject({
      error: { code: 'RUMOR_FEED_EXISTS', message: 'Đơn vị đã theo dõi nguồn tin này.' },
    });
    const ftp = await req('drafter', 'POST', '/api/rumors/feeds', { name: 'FTP', url: 'ftp://example.vn/feed' });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.body).toContain('http:// hoặc https://');
    expect((await req('viewer', 'POST', '/api/rumors/feeds', { name: 'X', url: `${base}/atom.xml` })).statusCode).toBe(403);
    expect((await req('outsider', 'POST', '/api/rumors/feeds', { unitId: soId, name: 'X', url: `${base}/atom.xml` })).statusCode).toBe(404);
    expect((await req('outsider', 'GET', `/api/rumors/feeds?unitId=${soId}`)).statusCode).toBe(404);
    expect((await req('outsider', 'PATCH', `/api/rumors/feeds/${rssFeed.id}`, { active: false })).statusCode).toBe(404);
    expect(((await req('viewer', 'GET', '/api/rumors/feeds')).json() as { feeds: FeedView[] }).feeds.map((f) => f.id)).toEqual([rssFeed.id]);
    expect(((await req('outsider', 'GET', '/api/rumors/feeds')).json() as { feeds: FeedView[] }).feeds).toEqual([]);

    const patched = await req('drafter', 'PATCH', `/api/rumors/feeds/${rssFeed.id}`, { name: 'Báo Lai Châu' });
    expect((patched.json() as { feed: FeedView }).feed).toMatchObject({ name: 'Báo Lai Châu', url: `${base}/rss.xml` });
    expect((await req('drafter', 'PATCH', `/api/rumors/feeds/${rssFeed.id}`, {})).statusCode).toBe(400);

    for (const keyword of ['cửa khẩu', 'Lũ quét', 'Thanh Hóa']) expect((await req('drafter', 'POST', '/api/rumors/keywords', { keyword })).statusCode).toBe(201);
    const dup = await req('lead', 'POST', '/api/rumors/keywords', { keyword: 'THANH HOÁ' });
    expect(dup.json()).toMatchObject({ error: { code: 'RUMOR_KEYWORD_EXISTS', message: 'Từ khóa "THANH HOÁ" đã có (không phân biệt dấu, chữ hoa).' } });
    expect((await req('viewer', 'POST', '/api/rumors/keywords', { keyword: 'x' })).statusCode).toBe(403);
    const kws = ((await req('viewer', 'GET', '/api/rumors/keywords')).json() as { keywords: KeywordView[] }).keywords;
    expect(kws.map((k) => [k.keyword, k.folded])).toEqual([
      ['cửa khẩu', 'cua khau'],
      ['Lũ quét', 'lu quet'],
      ['Thanh Hóa', 'thanh hoa'],
    ]);
    const thanhHoa = kws.find((k) => k.folded === 'thanh hoa')!;
    expect((await req('outsider', 'DELETE', `/api/rumors/keywords/${thanhHoa.id}`)).statusCode).toBe(404);
    expect((await req('drafter', 'DELETE', `/api/rumors/keywords/${thanhHoa.id}`)).statusCode).toBe(204);
    expect(await auditEventsFor(t.c, rssFeed.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'rumor.feed_create' }), expect.objectContaining({ action: 'rumor.feed_update' })]),
    );
    expect(await auditEventsFor(t.c, thanhHoa.id)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'rumor.keyword_delete' })]));
  });

  it('fetch: matching items only, HTML stripped; conditional GET answers 304 and stores nothing twice; a new version adds only its new items', async () => {
    const first = await req('drafter', 'POST', `/api/rumors/feeds/${rssFeed.id}/fetch`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ added: 1, feed: { lastStatus: 'ok', lastError: null, newItems: 1 } });
    const list = (await req('viewer', 'GET', '/api/rumors/monitoring')).json() as { items: FeedItemView[]; total: number };
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      feed: { id: rssFeed.id, name: 'Báo Lai Châu' },
      title: 'Sự thật về clip "hàng dài người" tại cửa khẩu',
      summary: 'Thông tin sai sự thật',
      url: 'https://bao.example.vn/a1.html',
      publishedAt: '2026-12-01T00:00:00.000Z',
      matchedKeywords: ['cửa khẩu'],
      state: 'new',
      report: null,
    });

    const again = await req('drafter', 'POST', `/api/rumors/feeds/${rssFeed.id}/fetch`);
    expect(again.json()).toMatchObject({ added: 0, feed: { lastStatus: 'not_modified', newItems: 1 } });

    fs.state.rss = rss([
      { guid: 'a1', title: 'Sự thật về clip tại cửa khẩu (cập nhật)', description: 'x' },
      { guid: 'a3', title: 'Tin đồn lu quet ở Mường Tè', description: 'Mạng xã hội lan truyền' },
    ]);
    fs.state.etag = '"v2"';
    expect((await req('drafter', 'POST', `/api/rumors/feeds/${rssFeed.id}/fetch`)).json()).toMatchObject({ added: 1, feed: { lastStatus: 'ok', newItems: 2 } });
    const titles = ((await req('viewer', 'GET', '/api/rumors/monitoring')).json() as { items: FeedItemView[] }).items.map((i) => [i.title, i.matchedKeywords]);
    expect(titles).toEqual(
      expect.arrayContaining([
        ['Sự thật về clip "hàng dài người" tại cửa khẩu', ['cửa khẩu']],
        ['Tin đồn lu quet ở Mường Tè', ['Lũ quét']],
      ]),
    );
    expect(titles).toHaveLength(2);
    expect((await req('viewer', 'POST', `/api/rumors/feeds/${rssFeed.id}/fetch`)).statusCode).toBe(403);
  });

  it('the scheduled job (every 15 minutes) fetches every active feed once per slot; Atom read, Last-Modified honoured', async () => {
    const atom = ((await req('lead', 'POST', '/api/rumors/feeds', { name: 'Cổng tỉnh', url: `${base}/atom.xml` })).json() as { feed: FeedView }).feed;
    const paused = ((await req('lead', 'POST', '/api/rumors/feeds', { name: 'Tạm dừng', url: `${base}/moved`, active: false })).json() as { feed: FeedView }).feed;
    await t.c.jobs.enqueueDueSchedules();
    await t.c.jobs.drain();
    const feeds = ((await req('viewer', 'GET', '/api/rumors/feeds')).json() as { feeds: FeedView[] }).feeds;
    expect(feeds.find((f) => f.id === atom.id)).toMatchObject({ lastStatus: 'ok', newItems: 1, lastFetchedAt: NOW.toISOString() });
    expect(feeds.find((f) => f.id === paused.id)).toMatchObject({ lastStatus: null });
    expect(fs.state.hits.get('/moved') ?? 0).toBe(0);
    const atomHits = fs.state.hits.get('/atom.xml');
    // The same slot again: nothing enqueued twice.
    await t.c.jobs.enqueueDueSchedules();
    await t.c.jobs.drain();
    expect(fs.state.hits.get('/atom.xml')).toBe(atomHits);
    // The next slot: a conditional GET (304).
    t.clock.set(new Date(NOW.getTime() + 15 * 60_000));
    await t.c.jobs.enqueueDueSchedules();
    await t.c.jobs.drain();
    const after = ((await req('viewer', 'GET', '/api/rumors/feeds')).json() as { feeds: FeedView[] }).feeds.find((f) => f.id === atom.id);
    expect(after).toMatchObject({ lastStatus: 'not_modified', newItems: 1 });
    const items = ((await req('viewer', 'GET', `/api/rumors/monitoring?feedId=${atom.id}`)).json() as { items: FeedItemView[] }).items;
    expect(items.map((i) => [i.title, i.url])).toEqual([['Cảnh báo LŨ QUÉT giả mạo', 'https://tinh.example.vn/tin/9']]);
    t.clock.set(NOW);
    expect((await req('lead', 'PATCH', `/api/rumors/feeds/${paused.id}`, { active: true })).statusCode).toBe(200);
    expect((await req('lead', 'DELETE', `/api/rumors/feeds/${paused.id}`)).statusCode).toBe(204);
  });

  it('a malformed feed: the error in Vietnamese on the feed, its earlier items kept; an oversized one refused', async () => {
    const broken = ((await req('lead', 'POST', '/api/rumors/feeds', { name: 'Hay lỗi', url: `${base}/broken.xml` })).json() as { feed: FeedView }).feed;
    expect((await req('lead', 'POST', `/api/rumors/feeds/${broken.id}/fetch`)).json()).toMatchObject({ added: 1 });
    fs.state.broken = '<rss><channel><item><title>cửa khẩu</titl></item></channel></rss>';
    const res = (await req('lead', 'POST', `/api/rumors/feeds/${broken.id}/fetch`)).json() as { feed: FeedView; added: number };
    expect(res.added).toBe(0);
    expect(res.feed).toMatchObject({ lastStatus: 'error', newItems: 1 });
    expect(res.feed.lastError).toMatch(/^Nguồn tin không phải XML hợp lệ \(dòng 1, cột \d+\)\.$/);

    const big = ((await req('lead', 'POST', '/api/rumors/feeds', { name: 'Quá lớn', url: `${base}/big.xml` })).json() as { feed: FeedView }).feed;
    const r = (await req('lead', 'POST', `/api/rumors/feeds/${big.id}/fetch`)).json() as { feed: FeedView };
    expect(r.feed).toMatchObject({ lastStatus: 'error', lastError: 'Nguồn tin lớn hơn 2 MB, không đọc.' });
    const gone = await req('lead', 'POST', '/api/rumors/feeds', { name: 'Không có', url: `${base}/missing.xml` });
    const g = (await req('lead', 'POST', `/api/rumors/feeds/${(gone.json() as { feed: FeedView }).feed.id}/fetch`)).json() as { feed: FeedView };
    expect(g.feed.lastError).toBe('Nguồn tin trả lời mã HTTP 404.');
    // Deleting a feed takes its items with it.
    expect((await req('lead', 'DELETE', `/api/rumors/feeds/${broken.id}`)).statusCode).toBe(204);
    expect(((await req('viewer', 'GET', `/api/rumors/monitoring?feedId=${broken.id}`)).json() as { total: number }).total).toBe(0);
  });

  it('review: dismiss, or turn into a report (channel monitoring, link, published date as seen) exactly once', async () => {
    const items = ((await req('viewer', 'GET', `/api/rumors/monitoring?feedId=${rssFeed.id}`)).json() as { items: FeedItemView[] }).items;
    const [a1, a3] = [items.find((i) => i.url?.endsWith('/a1.html'))!, items.find((i) => i.url?.endsWith('/a3.html'))!];
    expect(
      items.map((i) => i.url),
      JSON.stringify(items),
    ).toHaveLength(2);
    const denied = await req('viewer', 'POST', `/api/rumors/monitoring/${a1.id}/report`);
    expect(denied.statusCode, denied.body).toBe(403);
    expect((await req('outsider', 'POST', `/api/rumors/monitoring/${a1.id}/report`)).statusCode).toBe(404);
    expect((await req('outsider', 'GET', `/api/rumors/monitoring?unitId=${soId}`)).statusCode).toBe(404);

    const res = await req('drafter', 'POST', `/api/rumors/monitoring/${a1.id}/report`);
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json() as {
      report: { id: string; code: string; channel: string; urls: string[]; seenAt: string; hasInformant: boolean };
      case: { id: string; code: string };
      item: FeedItemView;
      created: boolean;
    };
    expect(out).toMatchObject({
      created: true,
      report: { channel: 'monitoring', urls: ['https://bao.example.vn/a1.html'], seenAt: '2026-12-01T00:00:00.000Z', hasInformant: false },
      item: { state: 'reported' },
    });
    expect(out.report.code).toMatch(/^PA-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(out.case.code).toMatch(/^VV-2026-\d{4}$/);
    expect(out.item.report).toEqual({ id: out.report.id, code: out.report.code, caseId: out.case.id });
    const twice = await req('lead', 'POST', `/api/rumors/monitoring/${a1.id}/report`, { description: 'Lần hai' });
    expect(twice.statusCode).toBe(200);
    expect(twice.json()).toMatchObject({ created: false, report: { id: out.report.id } });
    expect((await req('drafter', 'POST', `/api/rumors/monitoring/${a1.id}/dismiss`)).json()).toMatchObject({ error: { code: 'RUMOR_ITEM_HANDLED' } });

    expect((await req('viewer', 'POST', `/api/rumors/monitoring/${a3.id}/dismiss`)).statusCode).toBe(403);
    expect((await req('drafter', 'POST', `/api/rumors/monitoring/${a3.id}/dismiss`)).json()).toMatchObject({ item: { state: 'dismissed' } });
    const fresh = ((await req('viewer', 'GET', `/api/rumors/monitoring?feedId=${rssFeed.id}`)).json() as { total: number }).total;
    expect(fresh).toBe(0);
    const reported = ((await req('viewer', 'GET', `/api/rumors/monitoring?state=reported`)).json() as { items: FeedItemView[] }).items;
    expect(reported.map((i) => i.id)).toEqual([a1.id]);
    const cases = (await req('viewer', 'GET', '/api/rumors/cases')).json() as { cases: { id: string; reportCount: number }[] };
    expect(cases.cases.find((c) => c.id === out.case.id)).toMatchObject({ reportCount: 1 });
    expect(await auditEventsFor(t.c, a1.id)).toEqual([expect.objectContaining({ action: 'rumor.feed_item_report' })]);
    expect(await auditEventsFor(t.c, a3.id)).toEqual([expect.objectContaining({ action: 'rumor.feed_item_dismiss' })]);
  });

  it('the fetcher: follows up to 3 redirects, refuses a loop, other schemes, link-local addresses (at every hop) and a silent server after its deadline', async () => {
    const f = createHttpFeedFetcher({ timeoutMs: 300 });
    expect(await f.fetch({ url: `${base}/moved` })).toMatchObject({ kind: 'ok', finalUrl: `${base}/rss.xml` });
    // A name goes through the guarded look-up.
    expect(await f.fetch({ url: `${base.replace('127.0.0.1', 'localhost')}/rss.xml` })).toMatchObject({ kind: 'ok', status: 200 });
    expect(await f.fetch({ url: `${base}/loop` })).toEqual({ kind: 'error', reason: 'too_many_redirects', message: 'Nguồn tin chuyển hướng quá 3 lần.' });
    expect(await f.fetch({ url: 'file:///etc/passwd' })).toMatchObject({ kind: 'error', reason: 'bad_url' });
    const forbidden = { kind: 'error', reason: 'bad_url', message: 'Địa chỉ nguồn tin không được phép (địa chỉ nội bộ của máy chủ).' };
    expect(await f.fetch({ url: 'http://169.254.169.254/latest/meta-data/' })).toEqual(forbidden);
    expect(await f.fetch({ url: 'http://[fe80::1]/feed' })).toEqual(forbidden);
    expect(await f.fetch({ url: 'http://0.0.0.0:80/feed' })).toEqual(forbidden);
    expect(await f.fetch({ url: `${base}/to-metadata` })).toEqual(forbidden);
    expect(await f.fetch({ url: `${base}/silent` })).toEqual({ kind: 'error', reason: 'timeout', message: 'Nguồn tin không trả lời trong 1 giây.' });
  });
});
