import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TT_TAM_DUONG, buildUser } from '../test/factories.ts';
import { adminUiSuite, axeViolations } from './browser.ts';

// Fictitious numbers: no real subscriber.
const BAD = 'Họ tên,Số điện thoại,Thôn\nLò Văn A,0960000401,Bản Hon\nLò Thị B,12345,Bản Bo\n';
const GOOD = 'Họ tên,Số điện thoại,Thôn\nLò Văn A,0960000401,Bản Hon\nLò Thị B,+84 91 000 0402,Bản Bo\nLò Văn A,096.000.0401,\n';

/** A commune clerk builds a subscriber list from a file; a viewer of the commune sees the numbers masked. */
describe('admin UI: SMS subscriber lists (chromium)', () => {
  const ui = adminUiSuite({ now: new Date() }, async (t) => {
    await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['clerk'], username: 'vanthu' });
    await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['viewer'], username: 'nguoixem' });
  });

  const signIn = async (username: string): Promise<Page> => {
    const page = await ui.open(username, { width: 1100, height: 900 });
    await page.getByTestId('nav-subscribers').click();
    return page;
  };
  const upload = (page: Page, name: string, text: string) =>
    page
      .getByTestId('subscriber-import')
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

  it('creates a list, sees the bad row by line, imports the fixed file; the viewer sees masked numbers', async () => {
    const page = await signIn('vanthu');
    await page.getByTestId('subscriber-list-new').click();
    await page.getByTestId('subscriber-list-name').fill('Trưởng thôn');
    await page.getByTestId('subscriber-list-kind').selectOption('truong_thon');
    await page.getByTestId('subscriber-list-create').click();
    await page.getByTestId('subscriber-import').waitFor();

    await upload(page, 'loi.csv', BAD);
    await expect.poll(() => page.getByTestId('subscriber-import-errors').innerText()).toContain('Dòng 3: «12345» không phải số di động Việt Nam');
    expect(await page.getByTestId('subscriber-import-confirm').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await upload(page, 'dung.csv', GOOD);
    await expect.poll(() => page.getByTestId('subscriber-import-report').innerText()).toContain('1 dòng trùng đã gộp');
    await page.getByTestId('subscriber-import-confirm').click();
    await expect.poll(() => page.getByTestId('subscriber-row').count()).toBe(2);
    expect((await page.getByTestId('subscriber-phone').allInnerTexts()).sort()).toEqual(['0910000402', '0960000401']);
    expect(await axeViolations(page)).toEqual([]);

    const viewer = await signIn('nguoixem');
    await viewer.getByTestId('subscriber-list-link').click();
    await expect.poll(() => viewer.getByTestId('subscriber-row').count()).toBe(2);
    expect((await viewer.getByTestId('subscriber-phone').allInnerTexts()).sort()).toEqual(['091****402', '096****401']);
    await viewer.getByTestId('subscriber-masked-hint').waitFor();
    expect(await viewer.getByTestId('subscriber-import').count()).toBe(0);
    expect(await viewer.getByTestId('subscriber-list-delete').count()).toBe(0);

    // Staff opt a subscriber out with a reason, then back in at their request.
    await page.getByTestId('subscriber-opt-out').first().click();
    await page.getByTestId('subscriber-opt-out-reason').fill('Chuyển đi nơi khác');
    await page.getByTestId('subscriber-opt-out-confirm').click();
    await expect.poll(() => page.getByTestId('subscriber-opt-in').count()).toBe(1);
    expect(await page.getByTestId('subscriber-table').getByText('Từ chối nhận tin').count()).toBe(1);
    await page.getByTestId('subscriber-opt-in').click();
    await page.getByTestId('subscriber-opt-out-reason').fill('Xin nhận tin lại');
    await page.getByTestId('subscriber-opt-out-confirm').click();
    await expect.poll(() => page.getByTestId('subscriber-opt-out').count()).toBe(2);

    await page.getByTestId('subscriber-list-delete').click();
    await page.getByTestId('subscriber-list-delete-confirm').click();
    await expect.poll(() => page.getByText('Đơn vị chưa có danh sách thuê bao nào.').count()).toBe(1);
  });
});
