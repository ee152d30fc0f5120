import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LAI_CHAU, buildUnit, buildUser, signIn } from '../test/factories.ts';
import { adminUiSuite, axeViolations } from './browser.ts';

const TEXT = 'Tăng cường sử dụng các dịch vụ công trực tuyến; giảm di chuyển, tiếp xúc đông người.';

/**
 * Issue 12 point 7 in the admin UI, with no SMS account: the composer offers only the telco request; once approved
 * the campaign shows the công văn drafted for the telcos, the drafter records a telco's reply with the form, sees the
 * total and finishes the campaign. Phone-sized screen, axe clean.
 */
describe('admin UI: telco request (chromium)', () => {
  let id = '';

  const ui = adminUiSuite({}, async (t) => {
    for (const name of ['Viettel Lai Châu', 'VNPT Lai Châu']) await buildUnit(t.c, { parentId: LAI_CHAU, name, kind: 'telco' });
    await buildUser(t.c, { unitId: LAI_CHAU, roles: ['drafter'], username: 'nm.soanthao' });
    await buildUser(t.c, { unitId: LAI_CHAU, roles: ['approver'], username: 'nm.duyet' });
    const drafter = await signIn(t.c, 'nm.soanthao');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/broadcasts',
      headers: drafter.headers,
      payload: { unitId: LAI_CHAU, title: 'Dịch vụ công trực tuyến', priority: 'thuong', smsText: TEXT, unaccented: false, audience: { unitIds: [LAI_CHAU], listIds: [] } },
    });
    expect(res.statusCode, res.body).toBe(201);
    id = (res.json() as { broadcast: { id: string } }).broadcast.id;
    expect((await t.app.inject({ method: 'POST', url: `/api/broadcasts/${id}/submit`, headers: drafter.headers })).statusCode).toBe(200);
  });

  const open = (username: string): Promise<Page> => ui.open(username, { width: 390, height: 844 });
  const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('the composer offers only the telco request without an SMS account', async () => {
    const page = await open('nm.soanthao');
    await page.goto(`${ui.base}/admin/#/sms/new?unit=${LAI_CHAU}`);
    await page.getByTestId('f-route').waitFor();
    await expect.poll(() => page.getByTestId('f-route-telco').isChecked()).toBe(true);
    expect(await page.getByTestId('f-route-smpp').isDisabled()).toBe(true);
    expect(await page.getByTestId('f-route').textContent()).toContain('Chưa cấu hình tài khoản SMS');
    await page.context().close();
  });

  it('the approver approves; the campaign links the công văn; the drafter records a reply, sees the total and finishes', async () => {
    const approver = await open('nm.duyet');
    await approver.goto(`${ui.base}/admin/#/sms/${id}`);
    await approver.getByTestId('broadcast-approve').click();
    await expect.poll(() => approver.getByTestId('broadcast-status').getAttribute('data-status')).toBe('sending');
    await expect.poll(() => approver.getByTestId('telco-request-directive').getAttribute('data-status')).toBe('draft');
    await approver.context().close();

    const page = await open('nm.soanthao');
    await page.goto(`${ui.base}/admin/#/sms/${id}`);
    await page.getByTestId('telco-request').waitFor();
    expect(await page.getByTestId('telco-results-empty').count()).toBe(1);
    const link = await page.getByTestId('telco-request-link').getAttribute('href');
    expect(link).toMatch(/#\/outgoing\/[0-9a-f-]{36}$/);
    await page.getByTestId('telco-f-unit').selectOption({ label: 'Viettel Lai Châu' });
    await page.getByTestId('telco-f-subscribers').fill('412530');
    await page.getByTestId('telco-f-note').fill('Công văn trả lời số 15/VTL');
    await page.getByTestId('telco-f-save').click();
    await expect.poll(() => page.getByTestId('telco-total').getAttribute('data-total')).toBe('412530');
    expect(await page.getByTestId('telco-result-row').textContent()).toContain('Viettel Lai Châu');
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('telco-finish').click();
    await expect.poll(() => page.getByTestId('broadcast-status').getAttribute('data-status')).toBe('done');

    await page.goto(`${ui.base}/admin/#${link!.split('#')[1]}`);
    await expect.poll(() => page.getByText('Đề nghị nhắn tin dịch vụ công trực tuyến').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
