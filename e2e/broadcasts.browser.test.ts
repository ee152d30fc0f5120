import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TT_TAM_DUONG, buildUser, signIn } from '../test/factories.ts';
import { adminUiSuite, axeViolations } from './browser.ts';
import { createFakeSmsProvider } from '../src/server/providers/sms/fake.ts';

const csv = (rows: string[]) => Buffer.from(['Họ tên,Số điện thoại,Thôn', ...rows].join('\n'), 'utf8').toString('base64');
const TEXT = 'UBND thị trấn thông báo: từ 7 giờ ngày 15/8 cắt điện để sửa chữa đường dây, đề nghị bà con chủ động sắp xếp công việc.';

/**
 * Issue 12's SMS journey in the admin UI ("Tin nhắn SMS"), on a phone-sized screen: Thị trấn Tam Đường's drafter
 * composes a khẩn cấp message to the village heads' list, watches the counter (UCS-2, 2 SMS; unaccented: GSM-7, 1 SMS,
 * the saving shown), saves, sees the audience preview by telco and submits; the approver approves it in one step on
 * the emergency path (the dialog says it is recorded) and the campaign shows its progress.
 */
describe('admin UI: SMS campaigns (chromium)', () => {
  let broadcastId = '';

  // An SMS account (in memory) whose SMSC refuses the three messages: the composer offers the SMS route only with one.
  const sms = createFakeSmsProvider();
  const refused = { kind: 'permanent', reason: 'rejected', commandStatus: 0x45, acceptedPartIds: [] as string[], message: 'submit_sm bị từ chối' } as const;
  sms.failNext(refused, refused, refused);
  const ui = adminUiSuite({ now: new Date('2021-02-03T03:00:00Z'), sms }, async (t) => {
    await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['drafter'], username: 'sms.soanthao' });
    await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['approver'], username: 'sms.duyet' });
    await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['clerk'], username: 'sms.vanthu' });
    await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['system_admin'], username: 'sms.quantri' });
    const clerk = await signIn(t.c, 'sms.vanthu');
    const list = await t.app.inject({
      method: 'POST',
      url: `/api/units/${TT_TAM_DUONG}/subscriber-lists`,
      headers: clerk.headers,
      payload: { name: 'Trưởng thôn', kind: 'truong_thon' },
    });
    expect(list.statusCode, list.body).toBe(201);
    const listId = (list.json() as { list: { id: string } }).list.id;
    const imp = await t.app.inject({
      method: 'POST',
      url: `/api/subscriber-lists/${listId}/import`,
      headers: clerk.headers,
      payload: { fileName: 'ds.csv', contentBase64: csv(['Lò Văn A,0960000301,Bản Hon', 'Lò Thị B,0910000302,Bản Bo', 'Tẩn Văn C,0900000303,Bản Lở']), dryRun: false },
    });
    expect(imp.statusCode, imp.body).toBe(200);
  });

  const open = (username: string): Promise<Page> => ui.open(username, { width: 390, height: 844 });
  const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('the drafter composes with the live counter, saves, previews the audience and submits', async () => {
    const page = await open('sms.soanthao');
    // The tree as of the server's day (the "Tại ngày" the unit pages share).
    await page.evaluate(() => sessionStorage.setItem('loa.at', '2021-02-03'));
    await page.goto(`${ui.base}/admin/#/sms`);
    await page.getByTestId('broadcast-compose').click();
    await page.getByTestId('f-title').fill('Thông báo cắt điện');
    await page.getByTestId('f-priority').selectOption('khan_cap');
    await page.getByTestId('f-sms-text').fill(TEXT);
    await expect.poll(() => page.getByTestId('sms-encoding').getAttribute('data-encoding')).toBe('ucs2');
    expect(await page.getByTestId('sms-parts').getAttribute('data-parts')).toBe('2');
    await expect.poll(() => page.getByTestId('sms-counter').textContent()).toContain('tiết kiệm 1 tin');
    await page.getByTestId('f-unaccented').check({ force: true });
    await expect.poll(() => page.getByTestId('sms-encoding').getAttribute('data-encoding')).toBe('gsm7');
    expect(await page.getByTestId('sms-parts').getAttribute('data-parts')).toBe('1');
    expect(await page.getByTestId('sms-text-to-send').textContent()).toContain('UBND thi tran thong bao');

    // A sender name with diacritics is refused before saving.
    // The audience: a unit of the tree found by name (first the district), and the village heads' list.
    await page.getByTestId('audience-unit-search').fill('tam duong');
    await page.getByTestId('unit-search-hit').first().getByRole('button').click();
    await expect.poll(() => page.getByTestId('audience-unit').count()).toBe(1);
    await page.getByTestId('f-sender').fill('UBND Xã');
    await page.getByTestId('audience-list').first().check({ force: true });
    await page.getByTestId('broadcast-save').click();
    await expect.poll(() => page.getByText('không được có dấu').count()).toBeGreaterThan(0);
    await page.getByTestId('f-sender').fill('UBND TT');
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // The district is outside the commune drafter's units: the server refuses and the form says so.
    await page.getByTestId('broadcast-save').click();
    await expect.poll(() => page.getByTestId('broadcast-save-error').textContent()).toContain('không có quyền');
    await page.getByRole('button', { name: /^Bỏ .* khỏi người nhận$/ }).click();
    await page.getByTestId('audience-unit-search').fill('thi tran tam duong');
    await page.getByTestId('unit-search-hit').first().getByRole('button').click();
    await expect.poll(() => page.getByTestId('audience-unit').textContent()).toBe('Thị trấn Tam Đường');
    await page.getByTestId('broadcast-save').click();

    await page.getByTestId('broadcast-title').waitFor();
    broadcastId = /#\/sms\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(broadcastId).not.toBe('');
    await expect.poll(() => page.getByTestId('preview-recipients').getAttribute('data-n')).toBe('3');
    expect(await page.getByTestId('preview-parts').getAttribute('data-total')).toBe('3');
    expect(await page.getByTestId('preview-telcos').textContent()).toContain('Viettel');
    await expect.poll(() => page.getByTestId('broadcast-audience').textContent()).toBe('Đơn vị nhận: Thị trấn Tam ĐườngDanh sách thuê bao: Trưởng thôn');
    expect(await page.getByTestId('broadcast-priority').getAttribute('data-priority')).toBe('khan_cap');
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.getByTestId('broadcast-submit').click();
    await expect.poll(() => page.getByTestId('broadcast-status').getAttribute('data-status')).toBe('submitted');

    await page.goto(`${ui.base}/admin/#/sms`);
    // On the phone the list is one card per campaign (the table is for wider screens), nothing wider than the screen.
    await page.getByTestId('broadcast-card').first().waitFor();
    expect(await page.getByTestId('broadcast-card').first().getAttribute('data-id')).toBe(broadcastId);
    expect(await page.getByTestId('broadcast-table').isVisible()).toBe(false);
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.getByTestId('broadcast-compose').waitFor(); // the drafter may draft
    // English is one switch away.
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('broadcast-status').first().textContent()).toBe('Awaiting approval');
    await page.context().close();
  });

  it('the approver approves on the emergency path after the confirmation and watches the progress', async () => {
    expect(broadcastId).not.toBe('');
    const page = await open('sms.duyet');
    await page.goto(`${ui.base}/admin/#/sms/${broadcastId}`);
    await page.getByTestId('broadcast-emergencyApprove').click();
    expect(await page.getByTestId('emergency-explain').textContent()).toContain('nhật ký');
    await page.getByTestId('broadcast-step-confirm').click();
    await expect.poll(() => page.getByTestId('broadcast-status').getAttribute('data-status')).toMatch(/^(sending|done)$/);
    await page.getByTestId('broadcast-emergency').waitFor();
    await expect.poll(() => page.getByTestId('progress-label').getAttribute('data-total')).toBe('3');
    expect(await page.getByTestId('broadcast-export').getAttribute('href')).toBe(`/api/broadcasts/${broadcastId}/results.xlsx`);

    // The send jobs run; the SMSC refuses every message, and the page, polling, shows them settled and listed as
    // failures with the SMSC's reason.
    await ui.t.c.jobs.drain();
    await expect.poll(() => page.getByTestId('progress-label').getAttribute('data-settled'), { timeout: 15_000 }).toBe('3');
    await expect.poll(() => page.getByTestId('failure-row').count()).toBe(3);
    expect(await page.getByTestId('broadcast-failures').textContent()).toContain('tổng đài từ chối');
    // The export link downloads the per-recipient results with the session.
    const xlsx = await page.request.get(`${ui.base}/api/broadcasts/${broadcastId}/results.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the drafter supersedes the sent message: the replacement opens for editing with a send window, and both link each other', async () => {
    expect(broadcastId).not.toBe('');
    const page = await open('sms.soanthao');
    await page.goto(`${ui.base}/admin/#/sms/${broadcastId}`);
    await page.getByTestId('broadcast-supersede-start').click();
    await expect.poll(() => /#\/sms\/[0-9a-f-]{36}\/edit$/.test(page.url())).toBe(true);
    expect(await page.getByTestId('f-sms-text').inputValue()).toBe(TEXT);
    await page.getByTestId('f-window-start').fill('07:00');
    await page.getByTestId('f-window-end').fill('21:00');
    await page.getByTestId('broadcast-save').click();
    await page.getByTestId('broadcast-supersedes').waitFor();
    expect(await page.getByTestId('broadcast-supersedes').getAttribute('href')).toContain(broadcastId);
    expect(await page.getByTestId('broadcast-text').textContent()).toContain('cat dien');
    expect(await page.getByText('07:00–21:00').count()).toBe(1);
    expect(await noHorizontalScroll(page)).toBe(true);
    // 'Cài đặt SMS' is for those who may change it.
    await page.goto(`${ui.base}/admin/#/sms`);
    await page.getByTestId('broadcast-card').first().waitFor();
    expect(await page.getByTestId('sms-settings').count()).toBe(0);
    await page.context().close();
  });

  it('the administrator changes the SMS settings on the SMS page', async () => {
    const page = await open('sms.quantri');
    await page.goto(`${ui.base}/admin/#/sms`);
    await page.getByTestId('sms-settings').waitFor();
    await page.getByTestId('sms-setting-dailyCap').fill('5');
    await page.getByTestId('sms-settings-save').click();
    await expect.poll(async () => (await ui.t.c.services.settings.smsSettings()).dailyCap).toBe(5);
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
