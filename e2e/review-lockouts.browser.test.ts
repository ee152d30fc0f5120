import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestContext } from '../test/support/harness.ts';
import type { TestContext } from '../test/support/harness.ts';
import { PASSWORD, buildUser } from '../test/factories.ts';
import { buildPortal } from '../test/builders/publishing.ts';
import { launchChromium } from './browser.ts';

/**
 * Issue 9: a file uploaded in the portal admin stays off the public site until a publisher of the
 * section publishes it from the section's files tab; a unit admin sees an account whose sign-in is
 * locked for an address and lifts the lock from the users page.
 */
describe('admin UI: media review and sign-in lockouts (chromium)', () => {
  let t: TestContext;
  let p: Awaited<ReturnType<typeof buildPortal>>;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestContext('pglite', { now: new Date(), app: { serveAdmin: true } });
    p = await buildPortal(t.c);
    await buildUser(t.c, { unitId: p.syt.id, roles: ['drafter'], username: 'bientap.syt' });
    await buildUser(t.c, { unitId: p.syt.id, roles: ['approver'], username: 'duyet.syt' });
    await buildUser(t.c, { unitId: p.syt.id, roles: ['unit_admin'], username: 'quantri.syt' });
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/admin/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  it('keeps an uploaded image a draft until the section’s publisher publishes it', async () => {
    const png = path.join(mkdtempSync(path.join(tmpdir(), 'loa-media-')), 'khuyen-cao.png');
    writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 3)]));

    const drafter = await signedIn('bientap.syt');
    await drafter.goto(`${base}/admin/#/portal/s/${p.info.id}/media`);
    await drafter.getByTestId('portal-media').waitFor();
    await drafter.getByTestId('media-title').fill('Ảnh khuyến cáo đeo khẩu trang');
    await drafter.locator('[data-testid="portal-media"] input[type="file"]').setInputFiles(png);
    const row = drafter.locator('[data-testid="media-row"]', { hasText: 'Ảnh khuyến cáo đeo khẩu trang' });
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('draft');
    expect(await row.innerText()).toContain('Bản nháp');
    expect(await row.getByTestId('media-publish').count()).toBe(0);

    // The drafter's "Xem" opens the review address (drafts are not on the portal); the id gives the public one.
    const reviewHref = (await row.getByRole('link').getAttribute('href')) ?? '';
    const id = /\/api\/portal\/media\/([0-9a-f-]{36})\/file$/.exec(reviewHref)?.[1];
    if (!id) throw new Error(`no review link: ${reviewHref}`);
    const media = { url: `/tep/${id}/khuyen-cao.png` };
    expect((await fetch(`${base}${media.url}`)).status).toBe(404);

    const publisher = await signedIn('duyet.syt');
    await publisher.goto(`${base}/admin/#/portal/s/${p.info.id}/media`);
    const pubRow = publisher.locator('[data-testid="media-row"]', { hasText: 'Ảnh khuyến cáo đeo khẩu trang' });
    await pubRow.getByTestId('media-publish').click();
    await expect.poll(() => pubRow.getAttribute('data-status')).toBe('published');
    expect((await fetch(`${base}${media.url}`)).status).toBe(200);
    expect(await (await fetch(`${base}/tai-lieu`)).text()).toContain('Ảnh khuyến cáo đeo khẩu trang');
  });

  it('shows the unit admin a locked account with its address and lifts the lock', async () => {
    const victim = await buildUser(t.c, { unitId: p.syt.id, username: 'nhanvien.syt' });
    const attacker = '203.0.113.9';
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: victim.username, password }, remoteAddress: attacker });
    for (let i = 0; i < 5; i++) await attempt(`doan-mo-${i}`);
    expect((await attempt(PASSWORD)).statusCode).toBe(423);

    const admin = await signedIn('quantri.syt');
    await admin.goto(`${base}/admin/#/users`);
    const row = admin.locator('[data-testid="lockout-row"]', { hasText: 'nhanvien.syt' });
    await row.waitFor();
    expect(await row.innerText()).toContain(attacker);
    await row.getByTestId('lockout-unlock').click();
    await expect.poll(() => row.count()).toBe(0);
    await admin.getByTestId('lockouts-empty').waitFor();
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
  });
});
