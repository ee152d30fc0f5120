import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFacebookProvider } from '../../providers/social/facebook.ts';
import { startFakeFacebook } from '../../providers/social/fake-facebook-server.ts';
import type { FakeFacebook } from '../../providers/social/fake-facebook-server.ts';
import { createZaloProvider } from '../../providers/social/zalo.ts';
import type { InboxItemView, SocialAccountView } from '../../../shared/contracts/social.ts';
import type { HandedReportView } from '../../../shared/contracts/rumors-monitoring.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { LAI_CHAU, buildSignedInUser, buildUnit, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import type { Role } from '../access/index.ts';

const PAGE = '104857600000007';
const FB_TOKEN = `EAAGm0PX4ZCpsBA${'k'.repeat(40)}Zz9`;
const FB_SECRET = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const PSID = '7650001112223334';
const SENDER_NAME = 'Nguyễn Thị Phản Ánh';
const NOW = new Date('2026-12-01T02:00:00Z');

/** The social inbox → desk hand-off (issue #14 into #15): once per message, the sender sealed, the inbox tagged, the reply back. */
describe('rumors from the social inbox [pglite]', () => {
  let t: TestContext;
  let fb: FakeFacebook;
  let base: string;
  let unitId: string;
  const s: Partial<Record<'lead' | 'drafter' | 'viewer' | 'other', Session>> = {};
  const req = (who: keyof typeof s, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
  const now = () => (t ? t.clock.now().getTime() : NOW.getTime());

  async function arrive(text: string, comment = false): Promise<InboxItemView> {
    const r = await fb.sendWebhook(
      `${base}/webhooks/facebook`,
      comment ? { kind: 'comment', pageId: PAGE, postId: `${PAGE}_900`, senderId: PSID, senderName: SENDER_NAME, text } : { kind: 'message', pageId: PAGE, senderId: PSID, text },
    );
    expect(r.status).toBe(200);
    const list = (await req('lead', 'GET', `/api/units/${unitId}/social/inbox`)).json() as { items: InboxItemView[] };
    return list.items.find((i) => i.text === text)!;
  }

  beforeAll(async () => {
    fb = await startFakeFacebook({ pageTokens: { [PAGE]: FB_TOKEN }, appSecret: FB_SECRET, now });
    t = await createTestContext('pglite', {
      now: NOW,
      social: { facebook: createFacebookProvider({ baseUrl: fb.url, timeoutMs: 1000 }), zalo: createZaloProvider({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 200 }) },
    });
    await importLaiChau(t.c);
    unitId = (await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch' })).id;
    const other = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Y tế' });
    const make = async (roles: Role[], u = unitId) => (await buildSignedInUser(t.c, { unitId: u, roles })).session;
    s.lead = await make(['desk_lead', 'unit_admin']);
    s.drafter = await make(['drafter']);
    s.viewer = await make(['viewer']);
    s.other = await make(['desk_lead', 'unit_admin'], other.id);
    const res = await req('lead', 'POST', `/api/units/${unitId}/social/accounts`, {
      platform: 'facebook',
      pageId: PAGE,
      displayName: 'Trang Sở',
      accessToken: FB_TOKEN,
      appSecret: FB_SECRET,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { account: SocialAccountView }).account.platform).toBe('facebook');
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await fb?.close();
  });

  let handed: HandedReportView;

  it('files a message as a report once (channel social, informant sealed, nothing of the sender in the answer or the audit), tags the inbox item', async () => {
    const item = await arrive('Có clip nói cầu Nậm Na bị sập, có thật không?', true);
    expect((await req('viewer', 'POST', `/api/rumors/from-social/${item.id}`)).statusCode).toBe(404);
    expect((await req('other', 'POST', `/api/rumors/from-social/${item.id}`)).statusCode).toBe(404);
    expect((await req('other', 'POST', `/api/rumors/from-social/${item.id}`, { unitId })).statusCode).toBe(404);

    const res = await req('lead', 'POST', `/api/rumors/from-social/${item.id}`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.body).not.toContain(PSID);
    expect(res.body).not.toContain(SENDER_NAME);
    handed = res.json() as HandedReportView;
    expect(handed).toMatchObject({
      created: true,
      opened: true,
      report: {
        channel: 'social',
        description: 'Có clip nói cầu Nậm Na bị sập, có thật không?',
        urls: [`https://www.facebook.com/${PAGE}_900`],
        hasInformant: true,
        canNotify: true,
      },
      case: { title: 'Facebook: Có clip nói cầu Nậm Na bị sập, có thật không?' },
    });
    expect(handed.report.seenAt).toBe(NOW.toISOString());

    const again = await req('drafter', 'POST', `/api/rumors/from-social/${item.id}`, { description: 'Lần hai' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, report: { id: handed.report.id }, case: { id: handed.case.id } });

    const after = (await req('lead', 'GET', `/api/social/inbox/${item.id}`)).json() as { item: InboxItemView };
    expect(after.item.tags).toEqual(['tin sai sự thật']);
    const audit = await auditEventsFor(t.c, item.id);
    expect(audit.map((e) => e.action)).toEqual(['social.inbox_tag', 'rumor.from_social']);
    expect(JSON.stringify(audit)).not.toContain(PSID);
    expect(JSON.stringify(audit)).not.toContain(SENDER_NAME);
    const cases = (await req('viewer', 'GET', '/api/rumors/cases')).json() as { cases: { id: string; reportCount: number }[] };
    expect(cases.cases.find((c) => c.id === handed.case.id)).toMatchObject({ reportCount: 1 });
  });

  it('answers the citizen in the inbox when the case concludes, only within the platform window', async () => {
    const item = await arrive('Nghe nói sắp cắt điện cả tỉnh 3 ngày?');
    const res = await req('lead', 'POST', `/api/rumors/from-social/${item.id}`);
    expect(res.statusCode, res.body).toBe(201);
    handed = res.json() as HandedReportView;
    expect(handed.report.urls).toEqual([]);
    const sent = fb.messages.length;
    expect(await t.c.services.rumorFromSocial.replyForReport(handed.report.id, 'Thông tin cầu Nậm Na bị sập là sai sự thật.')).toBe('sent');
    expect(fb.messages.length).toBe(sent + 1);
    expect(fb.messages.at(-1)).toMatchObject({ pageId: PAGE, recipientId: PSID, text: 'Thông tin cầu Nậm Na bị sập là sai sự thật.' });
    t.clock.set(new Date(NOW.getTime() + 25 * 3_600_000));
    expect(await t.c.services.rumorFromSocial.replyForReport(handed.report.id, 'Nhắc lại')).toBe('window_closed');
    expect(fb.messages.length).toBe(sent + 1);
    expect(await t.c.services.rumorFromSocial.replyForReport('00000000-0000-4000-8000-000000000000', 'x')).toBe('not_social');
    t.clock.set(NOW);
  });
});
