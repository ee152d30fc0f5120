import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TT_TAM_DUONG, buildUser } from '../test/factories.ts';
import { adminUiSuite, axeViolations } from './browser.ts';
import { systemActor } from '../src/server/modules/access/index.ts';

const BAD = 'Loại,Tên,Hãng,Số sê-ri,Số SIM,Thôn\nCụm loa,Loa Nà Hiềng,Hãng A,A-2,0960000402,Nà Hiềng\nMáy bay,,,,,\n';
const GOOD = 'Loại,Tên,Hãng,Số sê-ri,Số SIM,Thôn\nCụm loa,Loa Nà Hiềng,Hãng A,A-2,0960000402,Nà Hiềng\nBảng tin điện tử,Bảng tin chợ,Hãng B,B-1,,\n';

/** A commune's unit admin registers devices (one by hand, two from a file) and makes a token, shown once. */
describe('admin UI: devices (chromium)', () => {
  const ui = adminUiSuite({ now: new Date() }, async (t) => {
    await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['unit_admin'], username: 'quantri' });
  });

  const signIn = async (username: string): Promise<Page> => {
    const page = await ui.open(username, { width: 1280, height: 900 });
    await page.getByTestId('nav-devices').click();
    return page;
  };

  it('adds a device, imports a file after fixing its bad row, and shows a new token once', async () => {
    const page = await signIn('quantri');
    await page.getByTestId('device-new').click();
    await page.getByTestId('device-name').fill('Cụm loa Bản Hon');
    await page.getByTestId('device-village').fill('Bản Hon');
    await page.getByTestId('device-create').click();
    await expect.poll(() => page.getByTestId('devices-table').innerText()).toContain('Cụm loa Bản Hon');

    await page.getByTestId('device-import-open').click();
    const upload = (name: string, text: string) => page.getByTestId('device-import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await upload('loi.csv', BAD);
    await expect.poll(() => page.getByTestId('device-import-errors').innerText()).toContain('Dòng 3: loại «Máy bay» không rõ');
    expect(await page.getByTestId('device-import-confirm').count()).toBe(0);
    await upload('dung.csv', GOOD);
    await page.getByTestId('device-import-confirm').click();
    await expect.poll(() => page.getByTestId('device-row').count()).toBe(3);

    await page.getByTestId('device-token-make').first().click();
    const token = await page.getByTestId('device-token-value').innerText();
    expect(token).toMatch(/^loa_dev_[A-Za-z0-9_-]{43}$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/loa-devices-token.png' });
    await page.getByRole('button', { name: 'Đã chép xong, đóng' }).click();
    await expect.poll(() => page.getByTestId('devices-table').innerText()).toContain('Có, từ');
    expect(await page.content()).not.toContain(token);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/loa-devices.png', fullPage: true });
    const devices = (await ui.t.c.services.devices.listDevices(systemActor('cli:test devices'), TT_TAM_DUONG, { subtree: false })).items;
    expect(devices.filter((d) => d.credentialIssuedAt !== null)).toHaveLength(1);
  });
});
