import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { buildUnit, buildUser, signIn } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { unitIdFor } from '../units/index.ts';

/** The mobile report page (/bao-cao/:taskId) in the 2026 tree, on Tuesday 01/12/2026 at 10:00. */
describeApi('the mobile report page and its periods', (kind) => {
  let t: TestContext;
  const LAI_CHAU_2026 = unitIdFor('vn-2026', '12');
  const BINH_LU = unitIdFor('vn-2026', '03390');
  let reporter: Session;
  let running: string;
  let ended: string;
  let later: string;

  const page = (taskId: string, query = '') => t.app.inject({ url: `/bao-cao/${taskId}${query}`, headers: { cookie: reporter.cookie } });
  const send = (taskId: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/bao-cao/${taskId}`,
      payload: new URLSearchParams({ _csrf: reporter.csrf, _key: `k-${Math.random().toString(36).slice(2)}`, ...fields }).toString(),
      headers: { cookie: reporter.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
  /** The page's text without attribute values (an option's value is an ISO key the user never reads). */
  const visibleText = (html: string) =>
    html
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/\s(value|action|href|id|name|for|aria-describedby)="[^"]*"/g, '')
      .replace(/<[^>]+>/g, ' ');
  const FIGURES = { so_tin_bai: '3', do_dai_tin_bai: '20', so_luot_phat_song: '4', uoc_so_nguoi_nghe: '250' };

  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2026-12-01T03:00:00Z') });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    const so = await buildUnit(t.c, { parentId: LAI_CHAU_2026, name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'department' });
    const drafter = await signIn(t.c, (await buildUser(t.c, { unitId: so.id, roles: ['drafter'] })).username);
    reporter = await signIn(t.c, (await buildUser(t.c, { unitId: BINH_LU, roles: ['reporter'] })).username);
    const create = async (title: string, dueRule: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/tasks',
        headers: drafter.headers,
        payload: { issuerUnitId: so.id, title, dueRule, assignees: { unitIds: [BINH_LU] }, reportForm: { template: 'tuyen-truyen' } },
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { task: { id: string } }).task.id;
    };
    running = await create('Báo cáo tuyên truyền hằng tuần', { kind: 'weekly', weekday: 4, time: '16:00', from: '2026-11-01', until: '2027-06-30' });
    ended = await create('Báo cáo nhanh dịp Tết Tân Sửu', { kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' });
    later = await create('Báo cáo dịp Tết Đinh Mùi', { kind: 'weekly', weekday: 4, time: '16:00', from: '2027-01-01', until: '2027-02-28' });
  });
  afterAll(() => t.close());

  it('preselects the open period, names periods in words, never ISO, and shows every unit of measure', async () => {
    const res = await page(running);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<option value="2026-12-03" selected>Tuần 49/2026 (hạn 16:00 thứ Năm, 03/12/2026)</option>');
    expect(res.body).toContain('<option value="2026-11-26">Tuần 48/2026 (hạn 16:00 thứ Năm, 26/11/2026) — nộp muộn</option>');
    expect(res.body).toContain('Kỳ đang mở: <strong>Tuần 49/2026 (hạn 16:00 thứ Năm, 03/12/2026)</strong>');
    expect(visibleText(res.body)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    for (const label of ['Số lượng tin, bài (tin, bài)', 'Độ dài tin, bài (phút)', 'Số lượng phát sóng (lượt)', 'Ước số lượng người nghe (người)'])
      expect(res.body).toContain(label);
  });

  it('gives the API its display labels too', async () => {
    const detail = (await t.app.inject({ url: `/api/tasks/${running}`, headers: reporter.headers })).json() as {
      currentPeriod: { label: string };
      previousPeriod: { label: string };
      reportForm: { indicators: { unit: string | null }[] };
    };
    expect(detail.currentPeriod.label).toBe('Tuần 49/2026 (hạn 16:00 thứ Năm, 03/12/2026)');
    expect(detail.previousPeriod.label).toBe('Tuần 48/2026 (hạn 16:00 thứ Năm, 26/11/2026)');
    expect(detail.reportForm.indicators.map((i) => i.unit)).toEqual(['tin, bài', 'phút', 'lượt', 'người']);
  });

  it('sends a refused report back with the figures filled in and the problem next to its field', async () => {
    const bad = await send(running, { ky: '2026-12-03', ...FIGURES, so_tin_bai: 'ba' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<p class="err" id="f_so_tin_bai_err">Số lượng tin, bài: phải là một số</p>');
    expect(bad.body).toContain('value="ba"');
    expect(bad.body).toContain('name="do_dai_tin_bai" value="20"');
    expect(bad.body).toContain('name="uoc_so_nguoi_nghe" value="250"');

    const wrongPeriod = await send(running, { ky: '2026-12-02', ...FIGURES });
    expect(wrongPeriod.statusCode).toBe(400);
    expect(wrongPeriod.body).toMatch(/<p class="err" id="ky_err">Kỳ báo cáo 02\/12\/2026 không có trong lịch/);
    expect(wrongPeriod.body).toContain('aria-describedby="ky_err"');
    expect(wrongPeriod.body).toContain('name="so_luot_phat_song" value="4"');
    expect(wrongPeriod.body).not.toContain('2026-12-01 không có');

    const garbled = await send(running, { ky: 'hôm nay', ...FIGURES });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.body).toContain('id="ky_err"');
    expect(garbled.body).toContain('name="so_tin_bai" value="3"');
  });

  it('takes this week on time and last week as a late submission', async () => {
    const onTime = await send(running, { ky: '2026-12-03', ...FIGURES });
    expect(onTime.statusCode, onTime.body).toBe(200);
    expect(onTime.body).toContain('Đã gửi báo cáo kỳ Tuần 49/2026 (hạn 16:00 thứ Năm, 03/12/2026) (lần 1)');
    const late = await send(running, { ky: '2026-11-26', ...FIGURES });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.body).toContain('Đã gửi báo cáo kỳ Tuần 48/2026 (hạn 16:00 thứ Năm, 26/11/2026) (lần 1)');
    expect(late.body).toContain('— nộp muộn.');
    // Sent again: the late report cannot change, and the figures typed stay on the page.
    const again = await send(running, { ky: '2026-11-26', ...FIGURES, so_tin_bai: '9' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('id="ky_err"');
    expect(again.body).toContain('name="so_tin_bai" value="9"');
  });

  it('says when a task has no open period and offers its last period as a late submission', async () => {
    const res = await page(ended);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Hiện không có kỳ báo cáo nào đang mở.');
    expect(res.body).toContain('Vẫn có thể gửi muộn cho kỳ Tuần 09/2021 (hạn 16:00 thứ Năm, 25/02/2021).');
    expect(res.body).toContain('<option value="2021-02-25" selected>Tuần 09/2021 (hạn 16:00 thứ Năm, 25/02/2021) — nộp muộn</option>');
    expect(res.body).toContain('Gửi báo cáo (nộp muộn)');
    const sent = await send(ended, { ky: '2021-02-25', ...FIGURES });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.body).toContain('— nộp muộn.');
    // Through the API without a period, the error says no period is open (not "2026-12-01 is not in the schedule").
    const api = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${ended}/submissions`,
      headers: reporter.headers,
      payload: { values: { so_tin_bai: 1, do_dai_tin_bai: 1, so_luot_phat_song: 1, uoc_so_nguoi_nghe: 1 } },
    });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({ error: { code: 'REPORT_NO_OPEN_PERIOD', message: expect.stringContaining('Hiện không có kỳ báo cáo nào đang mở') } });
  });

  it('says when the first period of a task that starts later opens, without a form to fill', async () => {
    const res = await page(later);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Hiện không có kỳ báo cáo nào đang mở. Kỳ tiếp theo mở lúc 00:00 thứ Sáu, 01/01/2027: Tuần 02/2027 (hạn 16:00 thứ Năm, 07/01/2027).');
    expect(res.body).not.toContain('<form');
  });

  it("refuses a form without the session's CSRF token, or without a session, as a page with the catalogue status", async () => {
    const forged = await t.app.inject({
      method: 'POST',
      url: `/bao-cao/${running}`,
      payload: new URLSearchParams({ _csrf: 'khong-dung', ky: '2026-12-03', ...FIGURES }).toString(),
      headers: { cookie: reporter.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.headers['content-type']).toMatch(/^text\/html/);
    expect(forged.body).toContain('<p class="err" role="alert">Phiên làm việc không hợp lệ, vui lòng tải lại trang.</p>');
    expect(forged.body).toContain('<a href="/admin/">Về trang quản trị</a>');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/bao-cao/${running}`,
      payload: new URLSearchParams({ _csrf: reporter.csrf, ...FIGURES }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body).toContain('Vui lòng đăng nhập.');
    expect((await t.app.inject({ url: '/bao-cao/khong-phai-uuid', headers: { cookie: reporter.cookie } })).statusCode).toBe(404);
  });

  it('loads the task once per request, the page and a submission alike', async () => {
    const getTask = vi.spyOn(t.c.services.tasks, 'getTask');
    try {
      expect((await page(running)).statusCode).toBe(200);
      expect(getTask).toHaveBeenCalledTimes(1);
      getTask.mockClear();
      expect((await send(running, { ky: '2026-12-03', ...FIGURES })).statusCode).toBe(200);
      expect(getTask).toHaveBeenCalledTimes(1);
    } finally {
      getTask.mockRestore();
    }
  });
});
