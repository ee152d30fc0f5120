import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TAM_DUONG, TT_MUONG_TE, TT_TAM_DUONG, buildUnit, buildUser, importLaiChau, signIn } from '../../../../test/factories.ts';

/** Seed 002's real shape: the district's culture office (not the district itself) asks the communes to report. */
describeApi('tasks issued by an office under the district', (kind) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2021-02-03T03:00:00Z') });
    await importLaiChau(t.c);
  });
  afterAll(() => t.close());

  it("lets the office read the roll-up of its task over the district's communes, and nobody else", async () => {
    const office = await buildUnit(t.c, { parentId: TAM_DUONG, name: 'Phòng Văn hóa và Thông tin huyện Tam Đường', kind: 'office' });
    const drafter = await signIn(t.c, (await buildUser(t.c, { unitId: office.id, roles: ['drafter'] })).username);
    const reporter = await signIn(t.c, (await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['reporter'] })).username);
    const outsider = await signIn(t.c, (await buildUser(t.c, { unitId: TT_MUONG_TE, roles: ['drafter', 'reporter'] })).username);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: drafter.headers,
      payload: {
        issuerUnitId: office.id,
        title: 'Báo cáo nhanh kết quả tuyên truyền',
        dueRule: { kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' },
        assignees: { rules: [{ type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG }] },
        reportForm: { template: 'tuyen-truyen' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const taskId = (created.json() as { task: { id: string } }).task.id;
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/submissions`,
      headers: reporter.headers,
      payload: { values: { so_tin_bai: 2, do_dai_tin_bai: 20, so_luot_phat_song: 4, uoc_so_nguoi_nghe: 300 } },
    });
    expect(sent.statusCode, sent.body).toBe(201);

    const rollup = await t.app.inject({ url: `/api/tasks/${taskId}/rollup?unitId=${TAM_DUONG}&from=2021-02-04&to=2021-02-04`, headers: drafter.headers });
    expect(rollup.statusCode, rollup.body).toBe(200);
    const [p] = (rollup.json() as { periods: { coverage: { reported: number; expected: number } }[] }).periods;
    expect(p?.coverage.reported).toBe(1);
    expect(p?.coverage.expected).toBeGreaterThan(1);
    expect((await t.app.inject({ url: `/api/tasks/${taskId}/rollup.xlsx?unitId=${TAM_DUONG}&period=2021-02-04`, headers: drafter.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/tasks/${taskId}/rollup?unitId=${TAM_DUONG}`, headers: outsider.headers })).statusCode).toBe(404);
  });
});
