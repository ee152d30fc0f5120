import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestContext } from '../test/support/harness.ts';
import type { TestContext } from '../test/support/harness.ts';
import { PASSWORD, TAM_DUONG, TT_TAM_DUONG, buildUser, importLaiChau, signIn } from '../test/factories.ts';
import { actorIn, buildList, sendCampaign, smsPeer } from '../test/builders/broadcasts.ts';
import { unitIdFor } from '../src/server/modules/units/index.ts';
import { axeViolations, launchChromium, openAdminAs } from './browser.ts';

const SON_BINH = unitIdFor('vn-2025', '03413');

/**
 * Issue #12 point 10 in the admin UI: the district sent SMS campaigns to two communes in the current
 * week; its roll-up dashboard shows "Tin nhắn SMS (hệ thống ghi nhận)" as a card and two columns, apart
 * from the (empty) reported figures.
 */
describe('admin UI: the SMS channel of the roll-up (chromium)', () => {
  let t: TestContext;
  let peer: Awaited<ReturnType<typeof smsPeer>>;
  let browser: Browser;
  let base: string;
  let taskId = '';
  const draws: number[] = [];

  beforeAll(async () => {
    peer = await smsPeer({ failRate: 0.5, random: () => draws.shift() ?? 0.9 });
    t = await createTestContext('pglite', { sms: peer.sms, app: { serveAdmin: true } });
    t.c.services.smsSending.listen();
    await importLaiChau(t.c);
    await buildUser(t.c, { unitId: TAM_DUONG, roles: ['drafter', 'viewer'], username: 'vhtt.tamduong' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: (await signIn(t.c, 'vhtt.tamduong')).headers,
      payload: {
        issuerUnitId: TAM_DUONG,
        title: 'Báo cáo kết quả tuyên truyền phòng, chống dịch',
        dueRule: { kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' },
        assignees: { unitIds: [TT_TAM_DUONG, SON_BINH] },
        reportForm: { template: 'tuyen-truyen' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    taskId = res.json<{ task: { id: string } }>().task.id;
    const drafter = await actorIn(t.c, TAM_DUONG, 'drafter');
    const approver = await actorIn(t.c, TAM_DUONG, 'approver');
    // One campaign per commune (the simulator's draws go to whichever submit comes first).
    for (const [unitId, count, from, outcomes] of [
      [TT_TAM_DUONG, 3, 0, [0.9, 0.9, 0.9]],
      [SON_BINH, 2, 100, [0.9, 0.3]],
    ] as const) {
      const listIds = [await buildList(t.c, unitId, count, from)];
      await sendCampaign(t.c, { unitId: TAM_DUONG, drafter, approver, listIds, draws, outcomes, title: 'Tiêm chủng' });
    }
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await peer?.close();
  });

  it('shows the SMS sent and delivered as a card and as columns per commune and in the total', async () => {
    const page = await openAdminAs(browser, base, 'vhtt.tamduong', PASSWORD, { width: 1280, height: 900 });
    await page.goto(`${base}/admin/#/reports/${taskId}`);
    const card = page.getByTestId('rollup-sms-total');
    await expect.poll(() => card.innerText()).toContain('Tin nhắn SMS (hệ thống ghi nhận)');
    expect(await page.getByTestId('rollup-sms-sent').innerText()).toBe('5 tin đã gửi');
    expect(await page.getByTestId('rollup-sms-delivered').innerText()).toBe('4 tin đến máy (80 %)');
    const table = page.getByTestId('rollup-table');
    expect(await table.locator('thead').innerText()).toContain('SMS đã gửi');
    const cells = (unitId: string) => page.locator(`[data-testid="rollup-row"][data-unit-id="${unitId}"] [data-testid="rollup-sms-cell"]`).allInnerTexts();
    expect(await cells(TT_TAM_DUONG)).toEqual(['3', '3']);
    expect(await cells(SON_BINH)).toEqual(['2', '1']);
    expect(await table.locator('tfoot [data-testid="rollup-sms-cell"]').allInnerTexts()).toEqual(['5', '4']);
    expect(await page.getByTestId('rollup-sms-hint').innerText()).toContain('không phải số liệu đơn vị báo cáo');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/reports-sms.png', fullPage: true });
  });
});
