import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { createTestContext } from '../test/support/harness.ts';
import type { TestContext } from '../test/support/harness.ts';
import { LAI_CHAU, PASSWORD, TAM_DUONG, TT_TAM_DUONG, buildUser, importLaiChau, signIn } from '../test/factories.ts';
import type { Session } from '../test/factories.ts';
import { SYSTEM_ACTOR } from '../src/server/modules/access/index.ts';
import { axeViolations, launchChromium, openAdminAs } from './browser.ts';

/**
 * Issue 5's journey ("Báo cáo định kỳ"): the district gives every commune of Tam Đường the seed-002
 * weekly report (Thursday 16:00, February 2021). Two weeks are already reported by other communes.
 * On Wednesday 17/02/2021 10:00 (the server's fixed clock; the current period is Thursday 18/02, so
 * the submission is on time) Thị trấn Tam Đường's reporter submits through the mobile page
 * /bao-cao/:taskId; the district's dashboard shows the total and the coverage go from 0/N to 1/N,
 * and downloads the XLSX roll-up and the upward report (DOCX).
 */
describe('admin UI: periodic reports dashboard (chromium)', () => {
  let t: TestContext;
  let browser: Browser;
  let base: string;
  let communes: { id: string; name: string }[] = [];
  let taskId = '';
  const NOW = '2021-02-17T03:00:00Z';
  const P3 = '2021-02-18';
  const figures = (n: number) => ({ so_tin_bai: n, do_dai_tin_bai: n * 10, so_luot_phat_song: n * 2, uoc_so_nguoi_nghe: n * 100 });

  beforeAll(async () => {
    t = await createTestContext('pglite', { now: new Date('2021-02-03T03:00:00Z'), app: { serveAdmin: true } });
    await importLaiChau(t.c);
    communes = (await t.c.services.units.listChildren(SYSTEM_ACTOR, TAM_DUONG, '2021-02-01')).filter((u) => u.kind === 'commune');
    const [, b, c] = communes.filter((u) => u.id !== TT_TAM_DUONG);
    await buildUser(t.c, { unitId: TAM_DUONG, roles: ['drafter', 'viewer'], username: 'vhtt.tamduong' });
    await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['reporter'], username: 'baocao.thitran' });
    await buildUser(t.c, { unitId: LAI_CHAU, roles: ['viewer'], username: 'stttt.laichau' });
    await buildUser(t.c, { unitId: b!.id, roles: ['reporter'], username: 'baocao.xab' });
    await buildUser(t.c, { unitId: c!.id, roles: ['reporter'], username: 'baocao.xac' });

    const inject = (s: Session, url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: s.headers });
    const district = await signIn(t.c, 'vhtt.tamduong');
    const res = await inject(district, '/api/tasks', {
      issuerUnitId: TAM_DUONG,
      title: 'Báo cáo nhanh kết quả tuyên truyền dịp Tết Nguyên đán Tân Sửu 2021',
      section: '3',
      sourceRef: 'Công văn số 35/VHTT ngày 02/02/2021 của Phòng Văn hóa và Thông tin huyện Tam Đường',
      dueRule: { kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' },
      assignees: { rules: [{ type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG }] },
      reportForm: { template: 'tuyen-truyen' },
    });
    expect(res.statusCode, res.body).toBe(201);
    taskId = (res.json() as { task: { id: string } }).task.id;

    // Earlier weeks: B and C report on 04/02 and 11/02 (before each deadline).
    for (const [at, n] of [
      ['2021-02-04T03:00:00Z', 3],
      ['2021-02-11T03:00:00Z', 5],
    ] as const) {
      t.clock.set(new Date(at));
      for (const [user, k] of [
        ['baocao.xab', n],
        ['baocao.xac', n + 1],
      ] as const) {
        const s = await signIn(t.c, user);
        const r = await inject(s, `/api/tasks/${taskId}/submissions`, { values: figures(k) });
        expect(r.statusCode, r.body).toBe(201);
      }
    }
    t.clock.set(new Date(NOW));
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signInBrowser = (username: string, width = 1280): Promise<Page> => openAdminAs(browser, base, username, PASSWORD, { width, height: 900 });

  async function download(page: Page, testId: string): Promise<{ d: Download; bytes: Buffer }> {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    const path = await d.path();
    return { d, bytes: await readFile(path) };
  }

  it('a commune submits on the mobile page; the district sees the roll-up change and exports it', async () => {
    const N = communes.length;
    expect(N).toBeGreaterThan(3);

    // 1. The district opens the task's dashboard: the current week has no report yet.
    const district = await signInBrowser('vhtt.tamduong');
    await district.getByTestId('nav-reports').click();
    await district.getByTestId('task-open').first().click();
    await district.getByTestId('task-title').waitFor();
    expect(await district.getByTestId('task-current-period').innerText()).toContain('18/02/2021');
    const coverage = district.getByTestId('rollup-coverage-text');
    await expect.poll(() => coverage.innerText()).toBe(`0/${N} đơn vị đã báo cáo`);
    expect(await district.getByTestId('rollup-heading').innerText()).toContain('Huyện Tam Đường');
    // In 2021 the task's tree is in force: no today's-tree toggle.
    expect(await district.getByTestId('rollup-today-tree').count()).toBe(0);
    // The trend has the three Thursdays; bars per commune; everyone is missing this week.
    expect(await district.getByTestId('chart-line').getAttribute('aria-label')).toContain('04/02: 7; 11/02: 11; 18/02: —');
    expect(await district.getByTestId('chart-bars-bar').count()).toBe(N);
    expect(await district.getByTestId('rollup-missing-unit').count()).toBe(N);

    // 2. The commune's reporter follows the link to the mobile page and submits the seed-002 form.
    const commune = await signInBrowser('baocao.thitran', 420);
    await commune.getByRole('button', { name: 'Mở menu' }).click();
    await commune.getByTestId('nav-reports').click();
    await commune.getByTestId('task-open').first().click();
    await commune.getByTestId('submit-link').click();
    await commune.waitForURL(new RegExp(`/bao-cao/${taskId}`));
    await commune.getByText('Kỳ đang mở: Tuần 08/2021 (hạn 16:00 thứ Năm, 18/02/2021)').waitFor();
    await commune.locator('#f_so_tin_bai').fill('7');
    await commune.locator('#f_do_dai_tin_bai').fill('45');
    await commune.locator('#f_so_luot_phat_song').fill('14');
    await commune.locator('#f_uoc_so_nguoi_nghe').fill('1200');
    await commune.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await commune.getByText('Đã gửi báo cáo kỳ Tuần 08/2021 (hạn 16:00 thứ Năm, 18/02/2021) (lần 1)').waitFor();
    expect(await commune.getByRole('status').innerText()).not.toContain('nộp muộn');
    expect(await axeViolations(commune)).toEqual([]);
    await commune.screenshot({ path: 'test-results/reports-mobile-submit.png', fullPage: true });

    // 3. The district refreshes: 1/N, the total and the commune's row, no longer "missing".
    await district.getByTestId('rollup-reload').click();
    await expect.poll(() => coverage.innerText()).toBe(`1/${N} đơn vị đã báo cáo`);
    const total = (key: string) => district.locator(`[data-testid="rollup-total"][data-indicator="${key}"] [data-testid="rollup-total-value"]`).innerText();
    expect(await total('so_tin_bai')).toBe('7');
    expect(await total('uoc_so_nguoi_nghe')).toBe('1.200');
    const row = district.locator(`[data-testid="rollup-row"][data-unit-id="${TT_TAM_DUONG}"]`);
    expect(await row.innerText()).toContain('1/1');
    expect(await district.getByTestId('rollup-missing-unit').count()).toBe(N - 1);
    expect(await district.getByTestId('rollup-missing').innerText()).not.toContain('Thị trấn Tam Đường');
    await district.evaluate(() => window.scrollTo(0, 0));
    expect(await axeViolations(district)).toEqual([]);
    await district.screenshot({ path: 'test-results/reports-dashboard.png', fullPage: true });

    // 4. Exports of the selected week: the XLSX roll-up and the upward report.
    const xlsx = await download(district, 'download-xlsx');
    expect(xlsx.d.suggestedFilename()).toBe(`tong-hop-${P3}.xlsx`);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('Tổng hợp')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const totalRow = rows.find((r) => r[2] === 'Tổng cộng');
    expect(totalRow?.slice(3)).toEqual([7, 45, 14, 1200, N, 1, 0]);

    const docx = await download(district, 'download-docx');
    expect(docx.d.suggestedFilename()).toBe(`bao-cao-${P3}.docx`);
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');

    // 5. An earlier week from the period selector: its totals, late and missing units.
    await district.getByTestId('rollup-period').selectOption('2021-02-11');
    await expect.poll(() => coverage.innerText()).toBe(`2/${N} đơn vị đã báo cáo`);
    expect(await total('so_tin_bai')).toBe('11');
    await expect.poll(() => district.getByTestId('rollup-missing-unit').count()).toBe(N - 2);

    // 6. The progress matrix: units × Thursdays with the Vietnamese status names.
    await district.getByTestId('task-tabs').getByText('Tiến độ thực hiện').click();
    const matrix = district.getByTestId('task-matrix');
    await matrix.waitFor();
    const cells = (unitId: string) => district.locator(`[data-testid="matrix-row"][data-unit-id="${unitId}"] [data-testid="matrix-cell"]`).allInnerTexts();
    expect(await cells(TT_TAM_DUONG)).toEqual(['Quá hạn', 'Quá hạn', 'Hoàn thành']);
    expect(await matrix.innerText()).toContain('Chưa thực hiện');
    await district.screenshot({ path: 'test-results/reports-matrix.png', fullPage: true });

    // 7. The province sees Tam Đường as one row and drills down to its communes.
    const province = await signInBrowser('stttt.laichau');
    await province.goto(`${base}/admin/#/reports/${taskId}`);
    await expect.poll(() => province.getByTestId('rollup-coverage-text').innerText()).toBe(`1/${N} đơn vị đã báo cáo`);
    expect(await province.getByTestId('rollup-row').count()).toBe(1);
    await province.getByTestId('rollup-drill').click();
    await province.getByTestId('rollup-breadcrumbs').waitFor();
    await expect.poll(() => province.getByTestId('rollup-row').count()).toBe(N);
    expect(await province.getByTestId('rollup-heading').innerText()).toContain('Huyện Tam Đường');
    await province.getByTestId('rollup-breadcrumbs').getByRole('button', { name: 'Tỉnh Lai Châu' }).click();
    await expect.poll(() => province.getByTestId('rollup-row').count()).toBe(1);
  });

  it("shows the 2021 roll-up in today's tree once the 2025 tree is out of force, merged communes marked", async () => {
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    await t.c.services.units.importHistory(SYSTEM_ACTOR);
    t.clock.set(new Date('2026-12-01T03:00:00Z'));
    const district = await signInBrowser('vhtt.tamduong');
    await district.goto(`${base}/admin/#/reports/${taskId}`);
    await district.getByTestId('rollup-period').selectOption(P3);
    const total = () => district.locator('[data-testid="rollup-total"][data-indicator="so_tin_bai"] [data-testid="rollup-total-value"]').innerText();
    await expect.poll(total).toBe('7');
    await district.getByRole('switch', { name: 'Xem theo danh mục hiện hành (2026)' }).click();
    expect(await district.getByTestId('rollup-today-tree').isChecked()).toBe(true);
    await expect.poll(() => district.getByTestId('rollup-heading').innerText()).toContain('Tỉnh Lai Châu');
    const binhLu = district.locator('[data-testid="rollup-row"][data-mapped="true"]', { hasText: 'Xã Bình Lư' });
    expect(await binhLu.getByTestId('rollup-formed-from').innerText()).toContain('gộp từ: Thị trấn Tam Đường, Xã Bình Lư, Xã Sơn Bình');
    expect(await binhLu.innerText()).toContain('Từ đơn vị cũ');
    // The same figures, summed in today's tree: the total does not change.
    expect(await total()).toBe('7');
    expect(await district.getByTestId('rollup-drill').count()).toBe(0);
    expect(await axeViolations(district)).toEqual([]);
    await district.screenshot({ path: 'test-results/reports-today-tree.png', fullPage: true });
  });
});
