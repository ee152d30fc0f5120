import { describe, expect, it } from 'vitest';
import { TT_TAM_DUONG, buildUser } from '../test/factories.ts';
import { adminUiSuite, axeViolations } from './browser.ts';
import { systemActor } from '../src/server/modules/access/index.ts';
import { communeFeature, pointsInside } from '../src/server/platform/geo.ts';

/** A commune's devices on the map of its province's communes, framed on the commune, coloured by state, without a tile server. */
describe('admin UI: device map (chromium)', () => {
  const ui = adminUiSuite({ now: new Date() }, async (t) => {
    await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['unit_admin'], username: 'quantri' });
    const boundary = communeFeature('03390'); // the commune's GSO code, the same in the 2025 and 2026 lists
    if (!boundary) throw new Error('assets/geo lacks commune 03390');
    const [a, b] = pointsInside(boundary.geometry, 2, 'browser-test');
    const actor = systemActor('cli:test device map');
    const device = { kind: 'loudspeaker_cluster', vendor: null, model: null, serial: null, simNumber: null, installedOn: null } as const;
    await t.c.services.devices.createDevice(actor, TT_TAM_DUONG, {
      ...device,
      name: 'Cụm loa Bản Hon',
      village: 'Bản Hon',
      lat: a?.lat ?? null,
      lon: a?.lon ?? null,
      status: 'active',
    });
    await t.c.services.devices.createDevice(actor, TT_TAM_DUONG, {
      ...device,
      name: 'Cụm loa Nà Khum',
      village: 'Nà Khum',
      lat: b?.lat ?? null,
      lon: b?.lon ?? null,
      status: 'maintenance',
    });
    await t.c.services.devices.createDevice(actor, TT_TAM_DUONG, { ...device, name: 'Cụm loa chưa định vị', village: null, lat: null, lon: null, status: 'active' });
  });

  it('draws the communes of Lai Châu and a marker per placed device, with a popup; only boundaries are fetched', async () => {
    const page = await ui.open('quantri', { width: 1280, height: 900 });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.getByTestId('nav-devices').click();
    await expect.poll(() => page.getByTestId('device-row').count()).toBe(3);
    expect(requests.filter((p) => p.startsWith('/geo/'))).toEqual([]); // nothing of the map before its view is chosen
    await page.getByTestId('devices-view').getByText('Bản đồ').click();

    const map = page.getByTestId('device-map');
    await expect.poll(() => map.locator('path.loa-map-area').count(), { timeout: 10_000 }).toBe(38); // every commune of Lai Châu
    expect(await map.locator('path.loa-map-marker').count()).toBe(2);
    expect(await map.locator('path.loa-map-marker').evaluateAll((els) => els.map((e) => e.getAttribute('fill')).sort())).toEqual(['#868e96', '#ffffff']);
    expect(await page.getByTestId('device-map-unplaced').innerText()).toBe('1 thiết bị chưa có toạ độ nên không hiện trên bản đồ.');
    expect(await map.innerText()).toContain('Ranh giới: Bando.com.vn');
    expect(requests.filter((p) => p.startsWith('/geo/'))).toEqual(['/geo/communes-2026-12.geojson']);
    expect(requests.every((p) => !/tile|\.png$/.test(p) || p.startsWith('/admin/'))).toBe(true);

    await map.locator('path.loa-map-marker[fill="#ffffff"]').click();
    await expect.poll(() => map.locator('.leaflet-popup-content').innerText()).toContain('Cụm loa Bản Hon');
    expect(await map.locator('.leaflet-popup-content').innerText()).toMatch(/Thôn: Bản Hon[\s\S]*Chưa liên lạc/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/loa-device-map.png', fullPage: true });
  });
});
