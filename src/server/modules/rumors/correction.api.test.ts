import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { actorIn } from '../../../../test/builders/broadcasts.ts';
import { createTestContext, describeApi, memoryMailer } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { createFacebookProvider } from '../../providers/social/facebook.ts';
import { startFakeFacebook } from '../../providers/social/fake-facebook-server.ts';
import type { FakeFacebook } from '../../providers/social/fake-facebook-server.ts';
import { createZaloProvider } from '../../providers/social/zalo.ts';
import type { FakeMailer } from '../../providers/mailer/fake.ts';
import { setUpDesk } from '../../../../test/builders/rumors.ts';
import type { Desk } from '../../../../test/builders/rumors.ts';

const NOW = new Date('2026-12-01T02:00:00Z');
const PAGE = '104857600000015';
const FB_TOKEN = `EAAGm0PX4ZCpsBA${'r'.repeat(40)}Zz9`;
const FB_SECRET = 'b3c1a9e0b2d44c7e8a61b5d9c0e7f915';

/** The public correction: the article's ClaimReview JSON-LD, the broadcast and bulletin drafts and the social posts in one transaction, requesters told once. */
describeApi('rumor correction API', () => {
  let t: TestContext;
  let d: Desk;
  let fb: FakeFacebook;
  let mailer: FakeMailer;
  const concluded = async (description: string, urls: string[], informants: { email?: string; phone?: string }[], seenAt?: Date) => {
    const first = await d.report({ description, urls, ...(informants[0] ? { informant: informants[0] } : {}), ...(seenAt ? { seenAt } : {}) });
    for (const inf of informants.slice(1)) await d.report({ description: `${description} (chia sẻ lại)`, urls: [], informant: inf, caseId: first.caseId });
    await d.report({ description: 'Tôi cũng thấy tin này', caseId: first.caseId });
    d.detail(
      await d.req('drafter', 'POST', `/api/rumors/cases/${first.caseId}/conclusion`, {
        verdict: 'false',
        summary: 'Bộ đội Biên phòng tỉnh xác nhận cửa khẩu hoạt động bình thường.',
      }),
    );
    d.detail(await d.req('approver', 'POST', `/api/rumors/cases/${first.caseId}/conclusion/approve`));
    return first.caseId;
  };
  const correction = {
    title: 'Đính chính: không có hàng dài người từ Trung Quốc xếp hàng tại cửa khẩu',
    body: 'Đoạn video được quay từ năm 2019 tại một địa phương khác.\n\nĐề nghị Nhân dân không chia sẻ.',
    channels: { sms: true, loudspeaker: true, social: true },
  };

  beforeAll(async () => {
    fb = await startFakeFacebook({ pageTokens: { [PAGE]: FB_TOKEN }, appSecret: FB_SECRET, now: () => t?.clock.now().getTime() ?? NOW.getTime() });
    mailer = memoryMailer();
    t = await createTestContext('pglite', {
      now: NOW,
      mailer,
      social: {
        facebook: createFacebookProvider({ baseUrl: fb.url, timeoutMs: 2000 }),
        zalo: createZaloProvider({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 500, defaultCoverUrl: 'http://loa.test/logo.png', verifyDelayMs: 0 }),
      },
    });
    d = await setUpDesk(t);
    const admin = await actorIn(t.c, d.soId, 'unit_admin');
    await t.c.services.socialAccounts.connectAccount(admin, d.soId, {
      platform: 'facebook',
      pageId: PAGE,
      displayName: 'Sở VHTTDL Lai Châu',
      accessToken: FB_TOKEN,
      appSecret: FB_SECRET,
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await fb?.close();
  });

  it('nothing is left when a step fails: the section, the post, the drafts roll back with the correction', async () => {
    const caseId = await concluded('Tin đồn đóng cửa khẩu Ma Lù Thàng vì dịch bệnh', ['https://facebook.com/groups/1/posts/2'], []);
    const code = d.detail(await d.req('drafter', 'GET', `/api/rumors/cases/${caseId}`)).code;
    // A post elsewhere already holds the correction's address: creating the article fails inside the transaction.
    const other = await t.c.services.publishing.createSection(await actorIn(t.c, d.soId, 'unit_admin'), { slug: 'tin-tuc', name: 'Tin tức', ownerUnitId: d.soId, position: 1 });
    await t.c.services.publishing.createPost(await actorIn(t.c, d.soId, 'approver'), {
      sectionId: other.id,
      title: 'Chiếm chỗ',
      slug: `dinh-chinh-${code.toLowerCase()}`,
      body: '',
      tags: [],
    });
    const res = await d.req('approver', 'POST', `/api/rumors/cases/${caseId}/correction`, correction);
    expect(res.json()).toMatchObject({ error: { code: 'SLUG_TAKEN' } });
    const sections = await t.c.services.publishing.listSections(await actorIn(t.c, d.soId, 'approver'));
    expect(sections.map((s) => s.slug)).toEqual(['tin-tuc']);
    expect(d.detail(await d.req('approver', 'GET', `/api/rumors/cases/${caseId}`)).correction).toBeNull();
    expect((await t.c.services.broadcasts.listBroadcasts(await actorIn(t.c, d.soId, 'approver'), { unitId: d.soId })).length).toBe(0);
    expect((await auditEventsFor(t.c, caseId)).map((e) => e.action)).not.toContain('rumor.correction.publish');
  });

  it('publishes the article with valid ClaimReview, drafts the broadcast and the bulletin, queues the social post, tells each requester once', async () => {
    const seen = new Date('2026-11-28T09:30:00Z');
    const video = 'https://www.tiktok.com/@tin.nong/video/7312';
    const caseId = await concluded(
      'Video "Hàng dài người từ Trung Quốc xếp hàng tại cửa khẩu"',
      [video, 'https://facebook.com/share/v/abc'],
      [{ email: 'nguoidan@loa.test' }, { phone: '0911222333' }],
      seen,
    );
    const before = d.detail(await d.req('approver', 'GET', `/api/rumors/cases/${caseId}`));
    expect(before.capabilities.canPublish).toBe(true);
    expect((await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/correction`, correction)).statusCode).toBe(403);
    expect((await d.req('outsider', 'POST', `/api/rumors/cases/${caseId}/correction`, correction)).statusCode).toBe(404);

    const c = d.detail(await d.req('approver', 'POST', `/api/rumors/cases/${caseId}/correction`, correction), 201);
    const slug = `dinh-chinh-${c.code.toLowerCase()}`;
    const url = `http://loa.test/bai-viet/${slug}`;
    expect(c.correction).toMatchObject({ url, publishedAt: NOW.toISOString(), socialPublications: 1 });
    expect(c.capabilities.canPublish).toBe(false);
    expect((await d.req('approver', 'POST', `/api/rumors/cases/${caseId}/correction`, correction)).json()).toMatchObject({ error: { code: 'RUMOR_CORRECTION_EXISTS' } });

    // The article page carries ClaimReview JSON-LD with every field Google's fact-check markup reads.
    const page = await t.app.inject({ method: 'GET', url: `/bai-viet/${slug}` });
    expect(page.statusCode).toBe(200);
    const blocks = [...page.body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(1);
    expect(page.body.indexOf(blocks[0]!)).toBeLessThan(page.body.indexOf('</head>'));
    const ld = JSON.parse(blocks[0]!) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url,
      datePublished: NOW.toISOString(),
      claimReviewed: before.title,
      itemReviewed: {
        '@type': 'Claim',
        firstAppearance: { '@type': 'CreativeWork', url: video, datePublished: seen.toISOString() },
      },
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'Sai sự thật' },
      author: { '@type': 'GovernmentOrganization', name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu', url: 'http://loa.test' },
    });
    expect(ld.itemReviewed.appearance).toEqual([
      { '@type': 'CreativeWork', url: video },
      { '@type': 'CreativeWork', url: 'https://facebook.com/share/v/abc' },
    ]);
    expect(page.body).toContain('Kết luận: Sai sự thật.');
    expect(page.body).toContain('Thông tin sai sự thật — đính chính');
    // The section page lists it.
    expect((await t.app.inject({ method: 'GET', url: '/chuyen-muc/dinh-chinh-thong-tin-sai' })).body).toContain(correction.title);

    // The broadcast (SMS) and the bulletin (loudspeakers) are drafts for the leader's normal approval.
    const b = (await d.req('approver', 'GET', `/api/broadcasts/${c.correction!.broadcastId}`)).json() as {
      broadcast: { status: string; smsText: string; unitId: string; priority: string };
    };
    expect(b.broadcast).toMatchObject({ status: 'draft', unitId: d.soId, priority: 'uu_tien' });
    expect(b.broadcast.smsText).toContain(url);
    const published = (await auditEventsFor(t.c, caseId)).find((e) => e.action === 'rumor.correction.publish')!;
    const bulletinId = (published.after as { bulletinId: string }).bulletinId;
    const bl = (await d.req('approver', 'GET', `/api/bulletins/${bulletinId}`)).json() as { bulletin: { status: string; text: string } };
    expect(bl.bulletin).toMatchObject({ status: 'draft' });
    expect(bl.bulletin.text).toContain('Sai sự thật');

    // The social post goes out through the outbox with the article's link; the requesters are told by their jobs.
    await t.c.jobs.drain();
    expect(fb.posts.map((p) => p.link)).toEqual([url]);
    const pubs = (await d.req('approver', 'GET', `/api/units/${d.soId}/social/publications`)).json() as { items: { state: string; link: string }[] };
    expect(pubs.items).toEqual([expect.objectContaining({ state: 'published', link: url })]);
    const mine = mailer.sent.filter((m) => m.to === 'nguoidan@loa.test');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toContain('Sai sự thật');
    expect(mine[0]!.text).toContain(url);
    expect(mine[0]!.text).not.toContain('0911222333');
    expect(mailer.sent).toHaveLength(1);
    await t.c.jobs.drain();
    expect(mailer.sent).toHaveLength(1);

    const after = d.detail(await d.req('approver', 'GET', `/api/rumors/cases/${caseId}`));
    const told = after.reports.filter((r) => r.outcomeNotifiedAt !== null);
    expect(told).toHaveLength(1);
    // The phone informant cannot be texted one by one (no single-number SMS route): still "can be told", not told.
    expect(after.reports.filter((r) => r.canNotify && r.outcomeNotifiedAt === null)).toHaveLength(1);
    expect(after).toMatchObject({ requestersNotifiedAt: NOW.toISOString(), closedAt: NOW.toISOString() });
    const events = await auditEventsFor(t.c, caseId);
    expect(events.map((e) => e.action).slice(-3)).toEqual(['rumor.correction.publish', 'rumor.requesters.notify', 'rumor.case.close']);
    expect(JSON.stringify(events)).not.toMatch(/nguoidan@loa\.test|0911222333/);

    // A police hand-off after closing reopens the case (retention waits for the answer); a press request does not hold it.
    const reopened = d.detail(await d.req('lead', 'POST', `/api/rumors/cases/${caseId}/actions/police`, { targetUnitId: d.caId, legalBasisCodes: ['blhs-2015-dieu-288'] }), 201);
    expect(reopened.closedAt).toBeNull();
    const press = d.detail(await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/press`, { targetUnitIds: [d.pressId] }), 201);
    const pressLetter = (await d.req('approver', 'GET', `/api/directives/${press.actions.find((x) => x.kind === 'press')!.directiveId}`)).json() as {
      directive: { body: unknown };
    };
    expect(JSON.stringify(pressLetter.directive.body)).toContain(url);
    const policeId = press.actions.find((x) => x.kind === 'police')!.id;
    const closed = d.detail(
      await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/${policeId}/answer`, { response: 'Đã xử phạt vi phạm hành chính chủ tài khoản đăng tin.' }),
    );
    expect(closed.closedAt).toBe(NOW.toISOString());
  });
});
