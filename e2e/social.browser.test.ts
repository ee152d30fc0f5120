import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAI_CHAU, buildSignedInUser, buildUnit, buildUser } from '../test/factories.ts';
import { createFacebookProvider } from '../src/server/providers/social/facebook.ts';
import { startFakeFacebook } from '../src/server/providers/social/fake-facebook-server.ts';
import type { FakeFacebook } from '../src/server/providers/social/fake-facebook-server.ts';
import { createZaloProvider } from '../src/server/providers/social/zalo.ts';
import { adminUiSuite, axeViolations } from './browser.ts';

const PAGE = '104857600000003';
const TOKEN = `EAAGm0PX4ZCpsBA${'e'.repeat(40)}Ee3`;
const SECRET = '3a1b2c3d4e5f60718293a4b5c6d7e8f9';

/** The Sở's unit admin sees the connected page masked; its leader answers a citizen's message from the inbox and hands it to the desk. */
describe('admin UI: social pages and inbox (chromium)', () => {
  let fb: FakeFacebook;
  let unitId = '';
  const fake = { url: 'http://127.0.0.1:9' };
  beforeAll(async () => {
    fb = await startFakeFacebook({ pageTokens: { [PAGE]: TOKEN }, appSecret: SECRET });
    fake.url = fb.url;
  });
  afterAll(async () => fb?.close());
  const ui = adminUiSuite(
    {
      social: {
        // Resolved per call: the fake starts in the hook above, before the suite's context.
        facebook: {
          platform: 'facebook',
          publish: (a, p) => createFacebookProvider({ baseUrl: fake.url }).publish(a, p),
          reply: (a, r) => createFacebookProvider({ baseUrl: fake.url }).reply(a, r),
          verifyWebhook: (a, r) => createFacebookProvider().verifyWebhook(a, r),
          parseWebhook: (b) => createFacebookProvider().parseWebhook(b),
        },
        zalo: createZaloProvider({ baseUrl: 'http://127.0.0.1:9' }),
      },
    },
    async (t) => {
      const so = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch' });
      unitId = so.id;
      await buildUser(t.c, { unitId, roles: ['unit_admin'], username: 'quantri' });
      await buildUser(t.c, { unitId, roles: ['approver'], username: 'lanhdao' });
      const admin = (await buildSignedInUser(t.c, { unitId, roles: ['unit_admin'] })).session.headers;
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/units/${unitId}/social/accounts`,
        headers: admin,
        payload: { platform: 'facebook', pageId: PAGE, displayName: 'Trang Sở VHTTDL', accessToken: TOKEN, appSecret: SECRET },
      });
      if (res.statusCode !== 201) throw new Error(res.body);
    },
  );

  it('shows the page masked to its admin, and lets the leader reply to a citizen within the window', async () => {
    const admin = await ui.open('quantri', { width: 1280, height: 900 });
    await admin.getByTestId('nav-social').click();
    await expect.poll(() => admin.getByTestId('social-accounts').innerText()).toContain('Trang Sở VHTTDL');
    const shown = await admin.getByTestId('social-accounts').innerText();
    expect(shown).toContain(`${TOKEN.slice(0, 4)}…${TOKEN.slice(-4)}`);
    expect(shown).not.toContain(TOKEN);
    expect(await axeViolations(admin)).toEqual([]);
    await admin.screenshot({ path: '/tmp/loa-social-pages.png', fullPage: true });

    const sent = await fb.sendWebhook(`${ui.base}/webhooks/facebook`, { kind: 'message', pageId: PAGE, senderId: '7000000000000001', text: 'Cho hỏi giờ mở cửa bảo tàng tỉnh?' });
    expect(sent.status).toBe(200);
    const leader = await ui.open('lanhdao', { width: 1280, height: 900 });
    await leader.getByTestId('nav-social-inbox').click();
    await leader.getByText('Cho hỏi giờ mở cửa bảo tàng tỉnh?').click();
    await expect.poll(() => leader.getByTestId('social-window').innerText()).toContain('Facebook cho phép trả lời trong 24 giờ');
    await leader.getByLabel('Nội dung trả lời').fill('Bảo tàng mở cửa từ 7h30 đến 17h hằng ngày.');
    await leader.getByRole('button', { name: 'Gửi trả lời' }).click();
    await expect.poll(() => leader.getByText('Đã gửi trả lời.').count()).toBeGreaterThan(0);
    expect(fb.messages.at(-1)).toMatchObject({ recipientId: '7000000000000001', text: 'Bảo tàng mở cửa từ 7h30 đến 17h hằng ngày.' });
    expect(await axeViolations(leader)).toEqual([]);
    await leader.screenshot({ path: '/tmp/loa-social-inbox.png', fullPage: true });

    // Issue #14's hand-off: the message becomes a report of the misinformation desk, and its case opens.
    await leader.getByTestId('inbox-to-desk').click();
    await expect.poll(() => leader.url()).toContain('#/rumors/');
    await expect.poll(() => leader.getByTestId('rumor-case').innerText()).toContain('Cho hỏi giờ mở cửa bảo tàng tỉnh?');
  });
});
