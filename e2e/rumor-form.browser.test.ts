import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestContext } from '../test/support/harness.ts';
import type { TestContext } from '../test/support/harness.ts';
import { INFORMANT, buildDesks, findNeedles, jpegWithGps } from '../test/support/rumors-intake.ts';
import { axeViolations, launchChromium } from './browser.ts';

/**
 * A citizen on a 390 px phone with JavaScript off reports a rumour through /phan-anh-tin-sai: a refused submission
 * keeps the text (a bad link), the photo goes with the second try, the thank-you page gives the code, the status page shows the
 * status and nothing of the informant. The page fits the screen and passes axe (judged in a context with scripts on).
 */
describe('portal: the misinformation report form on a phone without JavaScript (chromium)', () => {
  let t: TestContext;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    // PUBLIC_URL unset: the browser's origin (127.0.0.1:port) is the portal's, so the form's POST is same-origin.
    t = await createTestContext('pglite', { now: new Date('2026-12-01T02:00:00Z'), publicUrl: null });
    await buildDesks(t);
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('fills, is refused for a bad link (text kept), sends with a photo, reads the code and the status page', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/phan-anh-tin-sai`);
    expect(await page.locator('h1').innerText()).toBe('Phản ánh tin sai sự thật');
    const fits = async () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await fits()).toBeLessThanOrEqual(390);

    await page.locator('#description').fill('Video "hàng dài người xếp hàng tại cửa khẩu" là dựng lại từ năm 2020');
    await page.locator('#links').fill('https://www.facebook.com/watch/?v=42\nftp://old.example/video');
    await page.locator('#name').fill(INFORMANT.name);
    await page.locator('#phone').fill(INFORMANT.phone);
    await page.locator('#consent').check();
    t.clock.set(new Date(t.clock.now().getTime() + 5_000));
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.locator('[role="alert"]').waitFor();
    expect(await page.locator('[role="alert"]').innerText()).toContain('mỗi dòng một liên kết');
    expect(await page.locator('#description').inputValue()).toContain('dựng lại từ năm 2020');
    expect(await page.locator('#name').inputValue()).toBe(INFORMANT.name);
    expect(await page.locator('#consent').isChecked()).toBe(true);

    await page.locator('#links').fill('https://www.facebook.com/watch/?v=42');
    await page.locator('#file').setInputFiles({ name: INFORMANT.fileName, mimeType: 'image/jpeg', buffer: jpegWithGps() });
    t.clock.set(new Date(t.clock.now().getTime() + 5_000));
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.waitForURL(/\/phan-anh-tin-sai\/da-nhan\/PA-/);
    const code = await page.locator('strong').first().innerText();
    expect(code).toMatch(/^PA-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await fits()).toBeLessThanOrEqual(390);

    await page.getByRole('link', { name: `/phan-anh-tin-sai/${code}` }).click();
    await page.waitForURL(`${base}/phan-anh-tin-sai/${code}`);
    expect(await page.locator('dl').innerText()).toContain('Chưa xác minh');
    expect(findNeedles(await page.content())).toEqual([]);
    expect(await fits()).toBeLessThanOrEqual(390);
    await context.close();

    const a11y = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    const check = await a11y.newPage();
    for (const url of ['/phan-anh-tin-sai', `/phan-anh-tin-sai/${code}`]) {
      await check.goto(`${base}${url}`);
      expect(await axeViolations(check), url).toEqual([]);
    }
    await a11y.close();
  });
});
