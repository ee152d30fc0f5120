import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { LAI_CHAU, TAM_DUONG, TT_MUONG_TE, TT_TAM_DUONG, buildUnit, buildUser, signIn } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import type { Role } from '../access/index.ts';
import { NATION_ID, unitIdFor } from '../units/index.ts';

const FIGURES = { so_tin_bai: 2, do_dai_tin_bai: 20, so_luot_phat_song: 4, uoc_so_nguoi_nghe: 300 };

type Rollup = { unit: { id: string }; periods: { coverage: { reported: number; expected: number }; rows: { unit: { id: string } }[] }[] };

function helpers(t: () => TestContext) {
  const get = (s: Session, url: string) => t().app.inject({ url, headers: s.headers });
  const post = (s: Session, url: string, payload: object) => t().app.inject({ method: 'POST', url, payload, headers: s.headers });
  const user = async (unitId: string, roles: Role[]) => signIn(t().c, (await buildUser(t().c, { unitId, roles })).username);
  async function createTask(s: Session, body: object): Promise<string> {
    const res = await post(s, '/api/tasks', { reportForm: { template: 'tuyen-truyen' }, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { task: { id: string } }).task.id;
  }
  const listed = async (s: Session) => ((await get(s, '/api/tasks')).json() as { items: { id: string }[] }).items.map((i) => i.id);
  const assignees = async (s: Session, taskId: string) => ((await get(s, `/api/tasks/${taskId}`)).json() as { assignees: { id: string }[] }).assignees.map((u) => u.id);
  /** Every read of a task an outsider might try, each answering 404. */
  async function expectHidden(s: Session, taskId: string, unitIds: { area: string; unit: string }) {
    expect(await listed(s)).not.toContain(taskId);
    for (const url of [
      `/api/tasks/${taskId}`,
      `/api/tasks/${taskId}/matrix`,
      `/api/tasks/${taskId}/comments`,
      `/api/tasks/${taskId}/rollup`,
      `/api/tasks/${taskId}/rollup?unitId=${unitIds.area}`,
      `/api/tasks/${taskId}/rollup.xlsx?unitId=${unitIds.area}`,
      `/api/tasks/${taskId}/rollup.csv`,
      `/api/tasks/${taskId}/report.docx?unitId=${unitIds.area}`,
      `/api/tasks/${taskId}/report.pdf?unitId=${unitIds.area}`,
    ]) {
      expect((await get(s, url)).statusCode, url).toBe(404);
    }
  }
  return { get, post, user, createTask, listed, assignees, expectHidden };
}

/** The 2025 three-level tree: the province's Sở sees a task a district office gives its communes. */
describeApi('the province sees every task under it — province → district → commune (2025)', (kind) => {
  let t: TestContext;
  const h = helpers(() => t);
  const LANG_SON = unitIdFor('vn-2025', '20');
  let so: Session;
  let soDrafter: Session;
  let otherSo: Session;
  let police: Session;
  let farCommune: Session;
  let districtTask: string;
  let ministryTask: string;
  let langSonUnit: string;

  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2021-02-03T03:00:00Z') });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12', '20'] });
    const soLaiChau = await buildUnit(t.c, { parentId: LAI_CHAU, name: 'Sở Thông tin và Truyền thông', kind: 'department' });
    const soLangSon = await buildUnit(t.c, { parentId: LANG_SON, name: 'Sở Thông tin và Truyền thông', kind: 'department' });
    const policeLaiChau = await buildUnit(t.c, { parentId: LAI_CHAU, name: 'Công an tỉnh', kind: 'police' });
    const office = await buildUnit(t.c, { parentId: TAM_DUONG, name: 'Phòng Văn hóa và Thông tin huyện Tam Đường', kind: 'office' });
    const ministry = await buildUnit(t.c, { parentId: NATION_ID, name: 'Bộ Thông tin và Truyền thông', kind: 'department' });
    so = await h.user(soLaiChau.id, ['viewer']);
    soDrafter = await h.user(soLaiChau.id, ['drafter']);
    otherSo = await h.user(soLangSon.id, ['drafter', 'viewer']);
    police = await h.user(policeLaiChau.id, ['viewer']);
    farCommune = await h.user(TT_MUONG_TE, ['reporter']);
    const officeDrafter = await h.user(office.id, ['drafter']);
    const reporter = await h.user(TT_TAM_DUONG, ['reporter']);
    const ministryDrafter = await h.user(ministry.id, ['drafter']);
    langSonUnit = (await t.c.services.units.listChildren(SYSTEM_ACTOR, LANG_SON, '2021-02-01'))[0]!.id;

    const rule = { kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' };
    districtTask = await h.createTask(officeDrafter, {
      issuerUnitId: office.id,
      title: 'Báo cáo nhanh kết quả tuyên truyền',
      dueRule: rule,
      assignees: { rules: [{ type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG }] },
    });
    ministryTask = await h.createTask(ministryDrafter, { issuerUnitId: ministry.id, title: 'Báo cáo của Bộ', dueRule: rule, assignees: { unitIds: [TT_TAM_DUONG, langSonUnit] } });
    expect((await h.post(reporter, `/api/tasks/${districtTask}/submissions`, { values: FIGURES })).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it("lists a district office's task for the province's Sở and opens it with every assignee", async () => {
    expect(await h.listed(so)).toEqual(expect.arrayContaining([districtTask, ministryTask]));
    const detail = await h.get(so, `/api/tasks/${districtTask}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect((await h.assignees(so, districtTask)).length).toBeGreaterThan(1);
    expect((await h.get(so, `/api/tasks/${districtTask}/matrix`)).statusCode).toBe(200);
    expect((await h.get(so, `/api/tasks/${districtTask}/submissions/${TT_TAM_DUONG}/2021-02-04`)).statusCode).toBe(200);
  });

  it('gives the Sở the roll-up by default and at the province level, with exports', async () => {
    const byDefault = await h.get(so, `/api/tasks/${districtTask}/rollup`);
    expect(byDefault.statusCode, byDefault.body).toBe(200);
    expect((byDefault.json() as Rollup).unit.id).toBe(TAM_DUONG);
    const province = await h.get(so, `/api/tasks/${districtTask}/rollup?unitId=${LAI_CHAU}&from=2021-02-04&to=2021-02-04`);
    expect(province.statusCode, province.body).toBe(200);
    const [p] = (province.json() as Rollup).periods;
    expect(p?.rows.map((r) => r.unit.id)).toEqual([TAM_DUONG]);
    expect(p?.coverage.reported).toBe(1);
    for (const file of ['rollup.xlsx', 'rollup.csv', 'report.docx', 'report.pdf']) {
      expect((await h.get(so, `/api/tasks/${districtTask}/${file}?unitId=${LAI_CHAU}&period=2021-02-04`)).statusCode, file).toBe(200);
    }
  });

  it("shows the Sở only the province's part of a task issued from outside", async () => {
    expect(await h.assignees(so, ministryTask)).toEqual([TT_TAM_DUONG]);
    expect(await h.assignees(otherSo, ministryTask)).toEqual([langSonUnit]);
    expect((await h.get(so, `/api/tasks/${ministryTask}/rollup?unitId=${LANG_SON}`)).statusCode).toBe(404);
    expect((await h.get(so, `/api/tasks/${ministryTask}/submissions/${langSonUnit}/2021-02-04`)).statusCode).toBe(404);
    expect((await h.get(so, `/api/tasks/${ministryTask}/rollup`)).statusCode).toBe(200);
  });

  it('hides the task from another province, a non-governing body of the province and a commune elsewhere', async () => {
    await h.expectHidden(otherSo, districtTask, { area: LAI_CHAU, unit: TT_TAM_DUONG });
    await h.expectHidden(police, districtTask, { area: LAI_CHAU, unit: TT_TAM_DUONG });
    await h.expectHidden(farCommune, districtTask, { area: LAI_CHAU, unit: TT_TAM_DUONG });
    expect((await h.get(otherSo, `/api/tasks/${districtTask}/submissions/${TT_TAM_DUONG}/2021-02-04`)).statusCode).toBe(404);
  });

  it('lets the Sở read but not write: no submitting for a commune, no changing the form', async () => {
    const submit = await h.post(soDrafter, `/api/tasks/${districtTask}/submissions`, { unitId: TT_TAM_DUONG, values: FIGURES });
    expect([403, 404]).toContain(submit.statusCode);
    const form = await t.app.inject({ method: 'PUT', url: `/api/tasks/${districtTask}/report-form`, payload: { template: 'tuyen-truyen' }, headers: soDrafter.headers });
    expect([403, 404]).toContain(form.statusCode);
  });
});

/** The 2026 two-level tree: communes sit directly under the province. */
describeApi('the province sees every task under it — province → commune (2026)', (kind) => {
  let t: TestContext;
  const h = helpers(() => t);
  const LAI_CHAU_2026 = unitIdFor('vn-2026', '12');
  const LANG_SON_2026 = unitIdFor('vn-2026', '20');
  const BINH_LU = unitIdFor('vn-2026', '03390');
  const SIN_SUOI_HO = unitIdFor('vn-2026', '03394');
  let so: Session;
  let otherSo: Session;
  let neighbourUbnd: Session;
  let provinceTask: string;
  let communeTask: string;

  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2026-12-01T03:00:00Z') });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12', '20'] });
    const soVh = await buildUnit(t.c, { parentId: LAI_CHAU_2026, name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'department' });
    const ubndTinh = await buildUnit(t.c, { parentId: LAI_CHAU_2026, name: 'Ủy ban nhân dân tỉnh', kind: 'peoples_committee' });
    const ubndBinhLu = await buildUnit(t.c, { parentId: BINH_LU, name: 'Ủy ban nhân dân xã Bình Lư', kind: 'peoples_committee' });
    const radioBinhLu = await buildUnit(t.c, { parentId: BINH_LU, name: 'Đài truyền thanh xã Bình Lư', kind: 'commune_radio' });
    const ubndSinSuoiHo = await buildUnit(t.c, { parentId: SIN_SUOI_HO, name: 'Ủy ban nhân dân xã Sin Suối Hồ', kind: 'peoples_committee' });
    const soLangSon = await buildUnit(t.c, { parentId: LANG_SON_2026, name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'department' });
    so = await h.user(soVh.id, ['viewer']);
    otherSo = await h.user(soLangSon.id, ['drafter', 'viewer']);
    neighbourUbnd = await h.user(ubndSinSuoiHo.id, ['drafter', 'viewer']);
    const rule = { kind: 'weekly', weekday: 4, time: '16:00', from: '2026-11-01', until: '2026-12-31' };
    provinceTask = await h.createTask(await h.user(ubndTinh.id, ['drafter']), {
      issuerUnitId: ubndTinh.id,
      title: 'Báo cáo tuyên truyền phòng, chống thiên tai',
      dueRule: rule,
      assignees: { rules: [{ type: 'kind_under', kind: 'commune', underUnitId: LAI_CHAU_2026 }] },
    });
    communeTask = await h.createTask(await h.user(ubndBinhLu.id, ['drafter']), {
      issuerUnitId: ubndBinhLu.id,
      title: 'Báo cáo của đài xã',
      dueRule: rule,
      assignees: { unitIds: [radioBinhLu.id] },
    });
    expect((await h.post(await h.user(BINH_LU, ['reporter']), `/api/tasks/${provinceTask}/submissions`, { values: FIGURES })).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it("shows the province's Sở a task of UBND tỉnh to every commune, with the province roll-up", async () => {
    expect(await h.listed(so)).toEqual(expect.arrayContaining([provinceTask, communeTask]));
    const rollup = await h.get(so, `/api/tasks/${provinceTask}/rollup`);
    expect(rollup.statusCode, rollup.body).toBe(200);
    const body = rollup.json() as Rollup;
    expect(body.unit.id).toBe(LAI_CHAU_2026);
    expect(body.periods.at(-1)?.coverage).toMatchObject({ reported: 1, expected: 38 });
    expect((await h.get(so, `/api/tasks/${provinceTask}/report.docx`)).statusCode).toBe(200);
  });

  it("shows the Sở a commune UBND's own task to its radio station", async () => {
    expect((await h.get(so, `/api/tasks/${communeTask}`)).statusCode).toBe(200);
    expect((await h.get(so, `/api/tasks/${communeTask}/rollup`)).statusCode).toBe(200);
  });

  it('hides both from another province and the commune task from a neighbouring commune', async () => {
    await h.expectHidden(otherSo, provinceTask, { area: LAI_CHAU_2026, unit: BINH_LU });
    await h.expectHidden(otherSo, communeTask, { area: BINH_LU, unit: BINH_LU });
    await h.expectHidden(neighbourUbnd, communeTask, { area: BINH_LU, unit: BINH_LU });
    // The neighbour's UBND sees its own commune's part of the province task, and nothing of Bình Lư.
    expect(await h.assignees(neighbourUbnd, provinceTask)).toEqual([SIN_SUOI_HO]);
    expect((await h.get(neighbourUbnd, `/api/tasks/${provinceTask}/rollup?unitId=${BINH_LU}`)).statusCode).toBe(404);
    expect((await h.get(neighbourUbnd, `/api/tasks/${provinceTask}/submissions/${BINH_LU}/2026-12-03`)).statusCode).toBe(404);
  });
});
