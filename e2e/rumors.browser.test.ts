import { describe, expect, it } from 'vitest';
import { LAI_CHAU, buildSignedInUser, buildUnit, buildUser } from '../test/factories.ts';
import { adminUiSuite, axeViolations } from './browser.ts';

const PHONE = '0912 345 678';

/**
 * The Sở's misinformation desk: an officer finds a case by a search without diacritics, starts verification, adds a
 * note and proposes the conclusion; the desk lead reveals the informant with a reason; a viewer has no reveal button.
 */
describe('admin UI: misinformation desk (chromium)', () => {
  const ui = adminUiSuite({}, async (t) => {
    const so = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch' });
    await buildUser(t.c, { unitId: so.id, roles: ['drafter'], username: 'canbo' });
    await buildUser(t.c, { unitId: so.id, roles: ['desk_lead'], username: 'truongnhom' });
    await buildUser(t.c, { unitId: so.id, roles: ['viewer'], username: 'xem' });
    await buildUser(t.c, { unitId: so.id, roles: ['approver'], username: 'lanhdao' });
    const staff = (await buildSignedInUser(t.c, { unitId: so.id, roles: ['drafter'] })).session.headers;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/rumors/reports',
      headers: staff,
      payload: {
        description: 'Video "Hàng dài người từ Trung Quốc xếp hàng tại cửa khẩu" lan truyền trên mạng, nói cửa khẩu sắp phong tỏa.',
        urls: ['https://www.facebook.com/watch/?v=100000000001&fbclid=abc'],
        informant: { name: 'Lò Văn Thử', phone: PHONE },
      },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/rumors/reports',
      headers: staff,
      payload: { description: 'Tin đồn toàn tỉnh mất điện ba ngày từ tối mai.', urls: [] },
    });
    if (other.statusCode !== 201) throw new Error(other.body);
  });

  it('finds the case without diacritics, verifies, adds a note and proposes a conclusion', async () => {
    const page = await ui.open('canbo', { width: 1280, height: 900 });
    await page.getByTestId('nav-rumors').click();
    await expect.poll(() => page.getByTestId('rumor-case-row').count()).toBe(2);
    await page.getByTestId('rumor-search').fill('hang dai nguoi tu trung quoc');
    await expect.poll(() => page.url()).toContain('q=hang+dai');
    await expect.poll(() => page.getByTestId('rumor-case-row').count()).toBe(1);
    expect(await page.getByTestId('rumor-cases').innerText()).not.toContain(PHONE);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('rumor-case-row').getByRole('link').click();
    await expect.poll(() => page.getByTestId('rumor-reports').innerText()).toContain('Hàng dài người từ Trung Quốc');
    const shown = await page.getByTestId('rumor-case').innerText();
    expect(shown).not.toContain(PHONE);
    expect(shown).not.toContain('Lò Văn Thử');
    expect(await page.getByTestId('rumor-reveal').count()).toBe(0);

    await page.getByTestId('rumor-start-verification').click();
    await expect.poll(() => page.locator('[data-step="verifying"]').getAttribute('aria-current')).toBe('step');
    await page.getByTestId('rumor-evidence-title').fill('Xác minh với Đồn Biên phòng cửa khẩu');
    await page.getByTestId('rumor-evidence-note').fill('Đồn cho biết video quay năm 2019 tại một cửa khẩu khác, không có việc phong tỏa.');
    await page.getByTestId('rumor-evidence-add').click();
    await expect.poll(() => page.getByTestId('rumor-evidence').innerText()).toContain('Xác minh với Đồn Biên phòng cửa khẩu');

    await page.getByTestId('rumor-verdict-select').selectOption('false');
    await page.getByTestId('rumor-summary').fill('Video cũ, quay ở nơi khác; cửa khẩu hoạt động bình thường.');
    await page.getByTestId('rumor-propose').click();
    await expect.poll(() => page.getByTestId('rumor-conclusion-proposed').count()).toBe(1);
    expect(await page.getByTestId('rumor-conclusion').innerText()).toContain('Sai sự thật');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/loa-rumors-case.png', fullPage: true });

    // A 390 px phone: the list still reads (no horizontal scroll of the page itself).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${ui.base}/admin/#/rumors`);
    await expect.poll(() => page.getByTestId('rumor-case-row').count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });

  it('lets the leader approve the proposed conclusion', async () => {
    const leader = await ui.open('lanhdao', { width: 1280, height: 900 });
    await leader.getByTestId('nav-rumors').click();
    await leader.getByRole('link', { name: /Hàng dài người/ }).click();
    expect(await leader.getByTestId('rumor-reveal').count()).toBe(0);
    await leader.getByTestId('rumor-approve').click();
    await expect.poll(() => leader.getByTestId('rumor-conclusion-approved').count()).toBe(1);
    await expect.poll(() => leader.locator('[data-step="concluded"]').getAttribute('aria-current')).toBe('step');
  });

  it('lets the desk lead reveal the informant with a reason; a viewer sees no reveal button', async () => {
    const lead = await ui.open('truongnhom', { width: 1280, height: 900 });
    await lead.getByTestId('nav-rumors').click();
    await lead.getByRole('link', { name: /Hàng dài người/ }).click();
    await lead.getByTestId('rumor-reveal').click();
    await lead.getByTestId('rumor-reveal-submit').click();
    await expect.poll(() => lead.getByRole('dialog').innerText()).toContain('ít nhất 10 ký tự');
    await lead.getByTestId('rumor-reveal-reason').fill('Liên hệ người phản ánh để xin bản gốc video');
    await lead.getByTestId('rumor-reveal-submit').click();
    await expect.poll(() => lead.getByTestId('rumor-identity').innerText()).toContain('Lò Văn Thử');
    expect(await lead.getByTestId('rumor-identity').innerText()).toMatch(/0912\s?345\s?678|84912345678|0912345678/);
    expect(await axeViolations(lead)).toEqual([]);
    await lead.screenshot({ path: '/tmp/loa-rumors-reveal.png' });

    const viewer = await ui.open('xem', { width: 1280, height: 900 });
    await viewer.getByTestId('nav-rumors').click();
    await viewer.getByRole('link', { name: /Hàng dài người/ }).click();
    await expect.poll(() => viewer.getByTestId('rumor-reports').innerText()).toContain('Hàng dài người từ Trung Quốc');
    expect(await viewer.getByTestId('rumor-reveal').count()).toBe(0);
    expect(await viewer.getByTestId('rumor-evidence-add').count()).toBe(0);
    expect(await viewer.getByTestId('rumor-new-report').count()).toBe(0);
  });
});
