import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TT_TAM_DUONG, buildUser } from '../test/factories.ts';
import { adminUiSuite, axeViolations } from './browser.ts';
import { systemActor } from '../src/server/modules/access/index.ts';

const actor = systemActor('cli:test bulletins');
let deviceId = '';

/** A commune's approver composes a khẩn cấp bulletin, listens to the TTS preview, publishes it in one step and watches coverage fill. */
describe('admin UI: bulletins (chromium)', () => {
  const ui = adminUiSuite({ now: new Date() }, async (t) => {
    await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['approver'], username: 'pheduyet' });
    const d = await t.c.services.devices.createDevice(actor, TT_TAM_DUONG, {
      kind: 'loudspeaker_cluster',
      name: 'Cụm loa Bản Hon',
      vendor: null,
      model: null,
      serial: null,
      simNumber: null,
      village: 'Bản Hon',
      lat: null,
      lon: null,
      installedOn: null,
      status: 'active',
    });
    deviceId = d.id;
  });

  it('composes with a TTS preview, publishes khẩn cấp after confirming, and the coverage follows the play log', async () => {
    const page = await ui.open('pheduyet', { width: 1280, height: 900 });
    await page.getByTestId('nav-bulletins').click();
    await page.getByTestId('bulletin-compose').click();
    await page.getByTestId('b-title').fill('Cảnh báo lũ quét');
    await page.getByTestId('b-priority-khan_cap').click();
    await page.getByTestId('b-text').fill('UBND thị trấn thông báo: lũ quét lúc 15h00, 1.234 hộ cần sơ tán.');
    await page.getByTestId('b-preview').click();
    await expect.poll(() => page.getByTestId('b-preview-result').innerText()).toContain('mười lăm giờ');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('b-save').click();
    await expect.poll(() => page.getByTestId('bulletin-title').innerText()).toBe('Cảnh báo lũ quét');
    await page.getByTestId('bulletin-emergencyApprove').click();
    await page.getByTestId('bulletin-step-confirm').click();
    await expect.poll(() => page.getByTestId('bulletin-status').textContent()).toBe('Đã phát hành');
    await expect.poll(() => page.getByTestId('coverage-line').innerText()).toBe('0 / 1 thiết bị đã phát');
    const bulletinId = page.url().split('/').at(-1)!;
    const log = { v: 1, events: [{ id: randomUUID(), at: new Date().toISOString(), type: 'started', itemId: bulletinId }] };
    await ui.t.c.services.deviceGateway.ingestMqtt(`loa/v1/${deviceId}/log`, Buffer.from(JSON.stringify(log)));
    await expect.poll(() => page.getByTestId('coverage-line').innerText(), { timeout: 10_000 }).toBe('1 / 1 thiết bị đã phát');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/loa-bulletin.png', fullPage: true });
  });
});
