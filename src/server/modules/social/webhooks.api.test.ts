import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFacebookProvider, facebookSignature } from '../../providers/social/facebook.ts';
import { startFakeFacebook } from '../../providers/social/fake-facebook-server.ts';
import type { FakeFacebook } from '../../providers/social/fake-facebook-server.ts';
import { startFakeZalo } from '../../providers/social/fake-zalo-server.ts';
import type { FakeZalo } from '../../providers/social/fake-zalo-server.ts';
import { createZaloProvider, zaloSignature } from '../../providers/social/zalo.ts';
import type { InboxItemView, SocialAccountView } from '../../../shared/contracts/social.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { buildSignedInUser, signIn } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { buildPortal } from '../../../../test/builders/publishing.ts';

const PAGE = '104857600000002';
const FB_TOKEN = `EAAGm0PX4ZCpsBA${'w'.repeat(40)}Qq1`;
const FB_SECRET = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const OA = '4318000000000000002';
const ZALO_TOKEN = `zoa_${'r'.repeat(48)}_Tk`;
const ZALO_SECRET = 'ZaloOASecretKey987654321';
const ZALO_APP = '3141592653589793';
const PSID = '7654321098765432';
const ZALO_USER = '8123456789012345678';

/** Webhooks into the unit's inbox: handshake, signatures (valid, tampered, wrong, missing), replays; the inbox and its sender rule. */
describe('social webhooks and inbox', () => {
  let t: TestContext;
  let fb: FakeFacebook;
  let zalo: FakeZalo;
  let base: string;
  let unitId: string;
  let sectionId: string;
  let verifyToken: string;
  let approverId: string;
  let approverName: string;
  let drafterName: string;
  const s: Record<'admin' | 'approver' | 'drafter' | 'viewer' | 'other', Session> = {} as never;
  const now = () => (t ? t.clock.now().getTime() : Date.now());

  const req = (who: keyof typeof s, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s[who].headers, ...(payload ? { payload } : {}) });
  const inbox = async (who: keyof typeof s, query = '') => {
    const res = await req(who, 'GET', `/api/units/${unitId}/social/inbox${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: InboxItemView[]; tags: string[]; raw: string };
  };
  const post = (platform: 'facebook' | 'zalo', body: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: `/webhooks/${platform}`, headers: { 'content-type': 'application/json', ...headers }, payload: body });

  beforeAll(async () => {
    fb = await startFakeFacebook({ pageTokens: { [PAGE]: FB_TOKEN }, appSecret: FB_SECRET, now });
    zalo = await startFakeZalo({ oaTokens: { [OA]: ZALO_TOKEN }, appId: ZALO_APP, oaSecretKey: ZALO_SECRET, now });
    t = await createTestContext('pglite', {
      social: { facebook: createFacebookProvider({ baseUrl: fb.url, timeoutMs: 1000 }), zalo: createZaloProvider({ baseUrl: zalo.url, timeoutMs: 1000 }) },
    });
    const p = await buildPortal(t.c);
    unitId = p.sttt.id;
    sectionId = p.news.id;
    s.approver = p.editor.session;
    approverId = p.editor.user.id;
    approverName = p.editor.user.username;
    s.admin = (await buildSignedInUser(t.c, { unitId, roles: ['unit_admin'] })).session;
    const drafter = await buildSignedInUser(t.c, { unitId, roles: ['drafter'] });
    s.drafter = drafter.session;
    drafterName = drafter.user.username;
    s.viewer = (await buildSignedInUser(t.c, { unitId, roles: ['viewer'] })).session;
    s.other = (await buildSignedInUser(t.c, { unitId: p.syt.id, roles: ['unit_admin', 'approver'] })).session;
    const connect = async (body: object) => {
      const res = await req('admin', 'POST', `/api/units/${unitId}/social/accounts`, body);
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { account: SocialAccountView }).account;
    };
    verifyToken = (await connect({ platform: 'facebook', pageId: PAGE, displayName: 'Trang Sở', accessToken: FB_TOKEN, appSecret: FB_SECRET })).verifyToken!;
    await connect({ platform: 'zalo', pageId: OA, displayName: 'Zalo OA Sở', accessToken: ZALO_TOKEN, appSecret: ZALO_SECRET, appId: ZALO_APP });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t?.close();
    await fb?.close();
    await zalo?.close();
  });

  it("answers Facebook's verification handshake only with the page's verify token", async () => {
    const ok = await t.app.inject({ url: `/webhooks/facebook?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const wrong = await t.app.inject({ url: '/webhooks/facebook?hub.mode=subscribe&hub.verify_token=not-the-token&hub.challenge=1' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.message).toBe('Mã xác minh webhook không đúng.');
  });

  it('takes a signed Facebook message into the inbox; the sender is hidden without social.sender', async () => {
    const r = await fb.sendWebhook(`${base}/webhooks/facebook`, { kind: 'message', pageId: PAGE, senderId: PSID, text: 'Cho hỏi lịch tiêm vắc xin cúm ở phường?' });
    expect(r.status, r.body).toBe(200);
    const drafter = await req('drafter', 'GET', `/api/units/${unitId}/social/inbox`);
    expect(drafter.body).not.toContain(PSID);
    const [item] = (drafter.json() as { items: InboxItemView[] }).items;
    expect(item).toMatchObject({ platform: 'facebook', kind: 'message', state: 'new', text: 'Cho hỏi lịch tiêm vắc xin cúm ở phường?' });
    expect(item!.sender).toMatchObject({ name: null, platformId: null });
    expect(item!.sender.label).toMatch(/^Người gửi ẩn danh #[0-9a-f]{6}$/);
    expect(item!.replyWindow).toMatchObject({ hours: 24, open: true });
    const approver = await inbox('approver');
    expect(approver.items[0]!.sender.platformId).toBe(PSID);
    expect((await req('viewer', 'GET', `/api/units/${unitId}/social/inbox`)).statusCode).toBe(404);
    expect((await req('other', 'GET', `/api/units/${unitId}/social/inbox`)).statusCode).toBe(404);
    expect((await req('other', 'GET', `/api/social/inbox/${item!.id}`)).statusCode).toBe(404);
  });

  it('refuses tampered, wrongly signed and unsigned Facebook deliveries and keeps nothing of them', async () => {
    const before = (await inbox('approver')).items.length;
    const tampered = await fb.sendWebhook(`${base}/webhooks/facebook`, { kind: 'message', pageId: PAGE, senderId: PSID, text: 'Tin thật' }, { tamper: true });
    expect(tampered.status).toBe(403);
    const wrong = await fb.sendWebhook(`${base}/webhooks/facebook`, { kind: 'message', pageId: PAGE, senderId: PSID, text: 'Tin giả' }, { secret: 'not-the-app-secret' });
    expect(wrong.status).toBe(403);
    const body = fb.webhookBody({ kind: 'message', pageId: PAGE, senderId: PSID, text: 'Không ký' });
    expect((await post('facebook', body, {})).statusCode).toBe(401);
    // Signed for a page no unit connected: nobody's secret vouches for it.
    const stranger = fb.webhookBody({ kind: 'message', pageId: '999', senderId: PSID, text: 'Trang lạ' });
    expect((await post('facebook', stranger, { 'x-hub-signature-256': facebookSignature(FB_SECRET, stranger) })).statusCode).toBe(403);
    expect((await inbox('approver')).items.length).toBe(before);
  });

  it('ignores a replayed Facebook event (same event id): one inbox item', async () => {
    const body = fb.webhookBody({ kind: 'message', pageId: PAGE, senderId: '5550001112223334', text: 'Đường Lê Lợi ngập nước', mid: 'm_replay-0001' });
    const headers = { 'x-hub-signature-256': facebookSignature(FB_SECRET, body) };
    expect((await post('facebook', body, headers)).json()).toEqual({ received: 1, duplicates: 0 });
    expect((await post('facebook', body, headers)).json()).toEqual({ received: 0, duplicates: 1 });
    expect((await inbox('approver')).items.filter((i) => i.text === 'Đường Lê Lợi ngập nước')).toHaveLength(1);
  });

  it('takes Zalo messages signed with the MAC, refuses tampered and wrong ones, ignores replays', async () => {
    const ok = await zalo.sendWebhook(`${base}/webhooks/zalo`, { oaId: OA, userId: ZALO_USER, text: 'Phản ánh: đèn đường hỏng ở tổ 5', msgId: 'zmsg-0001' });
    expect(ok.status, ok.body).toBe(200);
    const again = await zalo.sendWebhook(`${base}/webhooks/zalo`, { oaId: OA, userId: ZALO_USER, text: 'Phản ánh: đèn đường hỏng ở tổ 5', msgId: 'zmsg-0001' });
    expect(again.status).toBe(200);
    expect((await zalo.sendWebhook(`${base}/webhooks/zalo`, { oaId: OA, userId: ZALO_USER, text: 'Sửa', msgId: 'zmsg-0002' }, { tamper: true })).status).toBe(403);
    expect((await zalo.sendWebhook(`${base}/webhooks/zalo`, { oaId: OA, userId: ZALO_USER, text: 'Giả', msgId: 'zmsg-0003' }, { secret: 'wrong-secret' })).status).toBe(403);
    const body = zalo.webhookBody({ oaId: OA, userId: ZALO_USER, text: 'Không ký', msgId: 'zmsg-0004' });
    expect((await post('zalo', body, {})).statusCode).toBe(401);
    const ts = String(JSON.parse(body).timestamp);
    expect((await post('zalo', body, { 'x-zevent-signature': zaloSignature(ZALO_APP, body, ts, 'other-key') })).statusCode).toBe(403);
    const items = (await inbox('drafter', '?state=new')).items.filter((i) => i.platform === 'zalo');
    expect(items.map((i) => i.text)).toEqual(['Phản ánh: đèn đường hỏng ở tổ 5']);
    expect(items[0]!.replyWindow.hours).toBe(48);
  });

  it('assigns, tags, replies within the window through the platform, refuses after it, turns into an anonymous portal question', async () => {
    const item = (await inbox('approver')).items.find((i) => i.text === 'Cho hỏi lịch tiêm vắc xin cúm ở phường?')!;
    // "Việc cần làm": a message nobody has taken waits for everyone of the inbox; once assigned, for the assignee only.
    const todo = async (who: keyof typeof s) =>
      ((await req(who, 'GET', '/api/todo')).json() as { items: { kind: string; href: string }[] }).items.filter((x) => x.kind === 'social_inbox').map((x) => x.href);
    const href = `/admin/#/social-inbox/${item.id}`;
    expect(await todo('drafter')).toContain(href);
    expect(await todo('approver')).toContain(href);
    expect(await todo('viewer')).toEqual([]);
    const members = (await req('drafter', 'GET', `/api/units/${unitId}/social/inbox/members`)).json() as { items: { id: string }[] };
    expect(members.items.map((m) => m.id)).toContain(approverId);
    const assigned = await req('drafter', 'PUT', `/api/social/inbox/${item.id}/assignee`, { assigneeId: approverId });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().item).toMatchObject({ state: 'assigned', assignee: { id: approverId } });
    expect(await todo('drafter')).not.toContain(href);
    expect(await todo('approver')).toContain(href);
    const stranger = await buildSignedInUser(t.c, { unitId, roles: ['viewer'] });
    expect((await req('drafter', 'PUT', `/api/social/inbox/${item.id}/assignee`, { assigneeId: stranger.user.id })).statusCode).toBe(400);
    const tagged = await req('drafter', 'PUT', `/api/social/inbox/${item.id}/tags`, { tags: ['Y tế', 'tiêm chủng'] });
    expect(tagged.json().item.tags).toEqual(['y tế', 'tiêm chủng']);
    expect((await inbox('drafter', `?tag=${encodeURIComponent('y tế')}`)).items.map((i) => i.id)).toEqual([item.id]);

    const replied = await req('approver', 'POST', `/api/social/inbox/${item.id}/reply`, { text: 'Trạm y tế phường tiêm từ 7h30 thứ Bảy.' });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().item).toMatchObject({ state: 'answered', replies: [{ text: 'Trạm y tế phường tiêm từ 7h30 thứ Bảy.' }] });
    expect(fb.messages.at(-1)).toMatchObject({ pageId: PAGE, recipientId: PSID, text: 'Trạm y tế phường tiêm từ 7h30 thứ Bảy.' });

    const faq = await req('approver', 'POST', `/api/social/inbox/${item.id}/question`, {
      sectionId,
      question: 'Lịch tiêm vắc xin cúm ở phường thế nào?',
      answer: 'Trạm y tế phường tiêm từ 7h30 thứ Bảy hằng tuần.',
    });
    expect(faq.statusCode, faq.body).toBe(200);
    const questionId = faq.json().item.questionId as string;
    const published = await t.c.services.publishing.portal.questions(50);
    const q = published.find((x) => x.id === questionId)!;
    expect(q).toMatchObject({ name: 'Người dân (qua Facebook)', question: 'Lịch tiêm vắc xin cúm ở phường thế nào?' });
    expect(JSON.stringify(q)).not.toContain(PSID);
    expect((await req('approver', 'POST', `/api/social/inbox/${item.id}/question`, { sectionId, question: 'Câu hỏi lần hai', answer: 'x' })).statusCode).toBe(409);

    // 25 hours on: Facebook's window is closed, Loa says so before calling the platform.
    t.clock.set(new Date(t.clock.now().getTime() + 25 * 3600_000));
    s.approver = await signIn(t.c, approverName); // sessions last 12 h
    s.drafter = await signIn(t.c, drafterName);
    const late = await req('approver', 'POST', `/api/social/inbox/${item.id}/reply`, { text: 'Bổ sung thông tin.' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('Đã quá thời hạn trả lời của Facebook: chỉ được trả lời trong 24 giờ sau tin nhắn cuối của người dân.');

    // The trail names the item, never who sent it.
    const audit = await auditEventsFor(t.c, item.id);
    expect(audit.map((e) => e.action)).toEqual(['social.inbox_assign', 'social.inbox_tag', 'social.inbox_reply', 'social.inbox_convert']);
    expect(JSON.stringify(audit)).not.toContain(PSID);
    expect((await req('drafter', 'POST', `/api/social/inbox/${item.id}/state`, { state: 'closed' })).json().item.state).toBe('closed');
  });
});
