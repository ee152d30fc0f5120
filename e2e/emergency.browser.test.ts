import { describe, expect, it } from 'vitest';
import { TT_TAM_DUONG, buildUser } from '../test/factories.ts';
import { adminUiSuite, axeViolations } from './browser.ts';

/** A commune's leader composes one emergency message, reviews each channel's text, confirms, and follows the channels. */
describe('admin UI: emergency message (chromium)', () => {
  const ui = adminUiSuite({}, async (t) => {
    await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['approver'], username: 'lanhdaoxa' });
  });

  it('composes, shows the renditions, confirms the launch and shows each channel’s progress', async () => {
    const page = await ui.open('lanhdaoxa', { width: 1280, height: 900 });
    await page.getByTestId('nav-emergency').click();
    await page.getByLabel('Thị trấn Tam Đường').check();
    await page.getByTestId('emergency-title').fill('Cảnh báo lũ quét');
    await page.getByTestId('emergency-text').fill('Người dân ven suối di chuyển ngay đến nơi an toàn.');
    await page.getByTestId('emergency-renditions').click();
    await page.getByRole('tab', { name: 'Bảng LED' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Bảng LED' }).inputValue()).toBe('KHẨN CẤP: Cảnh báo lũ quét. Người dân ven suối di chuyển ngay đến nơi an toàn.');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('emergency-launch').click();
    await expect.poll(() => page.getByRole('dialog').innerText()).toContain('Phát thông báo khẩn cấp tới 5 kênh?');
    await page.getByTestId('emergency-confirm').click();
    await expect.poll(() => page.getByTestId('emergency-channel-banner').textContent()).toContain('Hoàn tất');
    await expect.poll(() => page.getByTestId('emergency-channel-cap').textContent()).toContain('Hoàn tất');
    // No page connected: the social channel says so.
    await expect.poll(() => page.getByTestId('emergency-channel-social').textContent()).toContain('Chưa cấu hình');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/loa-emergency.png', fullPage: true });
  });
});
