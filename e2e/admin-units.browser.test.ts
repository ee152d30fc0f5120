import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestContext } from '../test/support/harness.ts';
import type { TestContext } from '../test/support/harness.ts';
import { PASSWORD, buildUnit, buildUser } from '../test/factories.ts';
import { unitIdFor } from '../src/server/modules/units/index.ts';
import { SYSTEM_ACTOR } from '../src/server/modules/access/index.ts';
import { axeViolations, launchChromium } from './browser.ts';
import { today } from '../src/web/app/dates.ts';

/** A person's journey: sign in to the admin UI and browse the unit tree in both GSO editions. */
describe('admin UI: sign in and browse the unit tree (chromium)', () => {
  let t: TestContext;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestContext('pglite', { now: new Date(), app: { serveAdmin: true } });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    await t.c.services.units.importHistory(SYSTEM_ACTOR);
    await buildUser(t.c, { unitId: SYSTEM_ACTOR.unitId, roles: ['system_admin'], username: 'admin' });
    const office = await buildUnit(t.c, { parentId: unitIdFor('vn-2026', '12'), name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu' });
    await buildUser(t.c, { unitId: office.id, roles: ['unit_admin'], username: 'qtdv' });
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('logs in, expands the 2026 tree, switches to the 2025 tree and finds "Tam Đường" without diacritics', async () => {
    const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1000, height: 800 } });
    await page.goto(`${base}/admin/`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password-1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]); // the sign-in page, with its error

    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    // Every role lands on its start page ("Việc cần làm"); the unit tree is one menu entry away.
    await page.getByTestId('todo-page').waitFor();
    await page.getByTestId('nav-units').click();
    const tree = page.getByTestId('unit-tree');
    const laiChau = tree.getByRole('treeitem', { name: 'Tỉnh Lai Châu' });
    await laiChau.waitFor();

    // 2026 two-level tree: communes sit directly under the province.
    await laiChau.click();
    await tree.getByRole('treeitem', { name: /^Xã / }).first().waitFor();
    const nodes2026 = await tree.getByRole('treeitem').allInnerTexts();
    expect(nodes2026.some((n) => n.includes('Huyện'))).toBe(false);
    // WCAG 2.1 AA on the whole page with the tree open (names of tree items match their labels, contrast).
    expect(await axeViolations(page)).toEqual([]);

    // The tree in force on 01/02/2021: the three-level list with its districts.
    await page.getByTestId('at-date').fill('2021-02-01');
    const laiChau2025 = tree.getByRole('treeitem', { name: 'Tỉnh Lai Châu' });
    await laiChau2025.waitFor();
    await laiChau2025.click();
    await tree.getByRole('treeitem', { name: 'Huyện Tam Đường' }).waitFor();

    // Search ignores diacritics.
    await page.getByTestId('unit-search').fill('tam duong');
    await page.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByText('Huyện Tam Đường').first().waitFor();
    await page.screenshot({ path: 'test-results/admin-units.png' });
    // A unit opened (selected row, its detail beside the tree), and the start page: still no violation.
    await page.getByTestId('unit-search').fill('');
    await tree.getByRole('treeitem', { name: 'Huyện Tam Đường' }).click();
    await expect.poll(() => tree.getByRole('treeitem', { name: 'Huyện Tam Đường' }).getAttribute('aria-selected')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('nav-todo').click();
    await page.getByTestId('todo-page').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("a unit admin lands on their unit in today's tree; the search offers the 2025 list only when asked, labelled", async () => {
    const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1000, height: 800 } });
    await page.goto(`${base}/admin/`);
    await page.getByTestId('login-username').fill('qtdv');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('todo-page').waitFor();
    await page.getByTestId('nav-units').click();

    // The tree opens at the unit admin's own office, inside the 2026 province, for today.
    const tree = page.getByTestId('unit-tree');
    const own = tree.getByRole('treeitem', { name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu' });
    await expect.poll(() => own.getAttribute('aria-selected')).toBe('true');
    expect(await tree.locator(`[data-unit-id="${unitIdFor('vn-2026', '12')}"]`).getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByTestId('at-date').inputValue()).toBe(today());

    // Today's tree only: no 2025 unit, but Xã Bình Lư is found through its former Thị trấn Tam Đường.
    const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
    const hit = (name: string) => results.getByTestId('unit-search-hit').filter({ has: page.getByText(name, { exact: true }) });
    await page.getByTestId('unit-search').fill('tam duong');
    const binhLu = hit('Xã Bình Lư');
    await binhLu.waitFor();
    expect(await binhLu.getByTestId('unit-formed-from').innerText()).toBe('Hình thành từ: Thị trấn Tam Đường');
    expect(await results.getByText('Huyện Tam Đường').count()).toBe(0);
    expect(await results.getByTestId('unit-edition-badge').count()).toBe(0);

    // "Cả danh mục cũ (2025)": the 2025 units come after today's, each with its list and successor.
    await page.getByTestId('unit-search-old-editions').check();
    const district = hit('Huyện Tam Đường');
    await district.waitFor();
    expect(await district.getByTestId('unit-edition-badge').innerText()).toBe('Danh mục 2025 (trước sắp xếp)');
    const town = hit('Thị trấn Tam Đường');
    expect(await town.getByTestId('unit-now-part-of').innerText()).toBe('Nay thuộc: Xã Bình Lư');
    expect(await binhLu.getByTestId('unit-edition-badge').innerText()).toBe('Danh mục hiện hành');
    const inForce = await results.getByTestId('unit-search-hit').evaluateAll((els) => els.map((e) => e.getAttribute('data-in-force')));
    expect(inForce.indexOf('false')).toBeGreaterThan(0);
    expect(inForce.slice(inForce.indexOf('false'))).not.toContain('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/admin-units-search-editions.png' });

    // Picking a unit of the former list opens it.
    await district.getByRole('button').click();
    await expect.poll(() => page.getByTestId('unit-detail-name').innerText()).toBe('Huyện Tam Đường');
    await page.close();
  });
});
