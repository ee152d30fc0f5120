import { describe, expect, it } from 'vitest';
import { TT_TAM_DUONG, buildSignedInUser, buildUser } from '../test/factories.ts';
import { adminUiSuite, axeViolations } from './browser.ts';

/** A commune's drafter builds its broadcast week: a programme, an overlapping one refused, a queued bulletin placed in it. */
describe('admin UI: broadcast schedule (chromium)', () => {
  let title = '';
  const ui = adminUiSuite({ now: new Date('2021-02-03T03:00:00Z') }, async (t) => {
    await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['drafter'], username: 'bientap' });
    // A thường bulletin published to the commune waits in its queue.
    const drafter = (await buildSignedInUser(t.c, { unitId: TT_TAM_DUONG, roles: ['drafter'] })).session.headers;
    const approver = (await buildSignedInUser(t.c, { unitId: TT_TAM_DUONG, roles: ['approver'] })).session.headers;
    title = 'Thông báo lịch tiêm chủng';
    const body = { unitId: TT_TAM_DUONG, title, text: 'Trạm y tế thông báo lịch tiêm chủng tuần này.', source: 'tts', priority: 'thuong', targetUnitIds: [TT_TAM_DUONG] };
    const created = await t.app.inject({ method: 'POST', url: '/api/bulletins', headers: drafter, payload: body });
    if (created.statusCode !== 201) throw new Error(created.body);
    const id = (created.json() as { bulletin: { id: string } }).bulletin.id;
    await t.app.inject({ method: 'POST', url: `/api/bulletins/${id}/submit`, headers: drafter });
    const approved = await t.app.inject({ method: 'POST', url: `/api/bulletins/${id}/approve`, headers: approver });
    if (approved.statusCode !== 200) throw new Error(approved.body);
  });

  it('creates a programme, shows the conflict of an overlapping one in the form, and places the queued bulletin', async () => {
    const page = await ui.open('bientap', { width: 1280, height: 900 });
    await page.getByTestId('nav-programmes').click();
    await expect.poll(() => page.getByTestId('queue-table').innerText()).toContain(title);

    const fill = async (name: string, start: string) => {
      await page.getByTestId('programme-new').click();
      await page.getByTestId('programme-name').fill(name);
      await page.getByTestId('programme-start').fill(start);
      await page.getByTestId('programme-save').click();
    };
    await fill('Bản tin sáng', '06:00');
    await expect.poll(() => page.getByTestId('programme-slot').count()).toBe(5);
    await fill('Thời sự', '06:15');
    await expect.poll(() => page.getByTestId('programme-form-error').innerText()).toContain('Trùng giờ với chương trình «Bản tin sáng» (Thứ Hai, 06:00–06:30)');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Hủy' }).click();

    await page.getByTestId('queue-place').click();
    await expect.poll(() => page.getByTestId('queue-table').innerText()).toContain('Đã xếp lịch: Bản tin sáng');
    await expect.poll(() => page.getByTestId('programmes-table').innerText()).toContain(title);
    // A placed bulletin can move to another programme; it is not offered "Xếp vào chương trình" again.
    expect(await page.getByTestId('queue-place').innerText()).toBe('Chuyển chương trình');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/loa-programmes.png', fullPage: true });
  });
});
