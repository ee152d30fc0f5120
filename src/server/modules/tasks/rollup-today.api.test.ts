import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TAM_DUONG, TT_MUONG_TE, TT_TAM_DUONG, buildUnit, buildUser, signIn } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import type { Role } from '../access/index.ts';
import { unitIdFor } from '../units/index.ts';
import { chooseSuccessor } from './rollup-today.ts';

type Ref = { id: string; name: string };
type Row = { unit: Ref; mapped: boolean; formedFrom: Ref[]; figures: { indicator: string; value: number | null }[]; expected: number; reported: number };
type Rollup = {
  unit: Ref;
  tree: { mode: 'task' | 'today'; outOfForce: boolean };
  periods: { key: string; totals: { indicator: string; value: number | null }[]; coverage: { expected: number; reported: number }; rows: Row[] }[];
};

const SON_BINH = unitIdFor('vn-2025', '03413');
const NA_TAM = unitIdFor('vn-2025', '03427');
/** Thị trấn Tam Đường and Xã Sơn Bình (with Xã Bình Lư) became Xã Bình Lư on 2025-07-01. */
const BINH_LU_2026 = unitIdFor('vn-2026', '03390');
const LAI_CHAU_2026 = unitIdFor('vn-2026', '12');

const value = (r: { figures: { indicator: string; value: number | null }[] } | { indicator: string; value: number | null }[], key: string) =>
  (Array.isArray(r) ? r : r.figures).find((f) => f.indicator === key)?.value;

it('attributes a split unit to one successor only: the whole one, else the first by code', () => {
  const s = (id: string, code: string, partial: boolean) => ({ id, code, name: id, partial });
  expect(chooseSuccessor([s('b', '02', true), s('a', '01', true)])?.id).toBe('a');
  expect(chooseSuccessor([s('a', '01', true), s('c', '03', false)])?.id).toBe('c');
  expect(chooseSuccessor([])).toBeNull();
});

/** A 2021 task in the 2025 tree, rolled up in today's (2026) tree: merged communes summed, marked. */
describeEachDb("roll-up of a 2021 task in today's tree (tree=today)", (kind) => {
  let t: TestContext;
  let office: Session;
  let outsider: Session;
  let taskId: string;
  let period: string;
  const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers });
  const user = async (unitId: string, roles: Role[]) => signIn(t.c, (await buildUser(t.c, { unitId, roles })).username);

  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2021-02-03T03:00:00Z') });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    await t.c.services.units.importHistory(SYSTEM_ACTOR);
    const officeUnit = await buildUnit(t.c, { parentId: TAM_DUONG, name: 'Phòng Văn hóa và Thông tin huyện Tam Đường', kind: 'office' });
    const drafter = await user(officeUnit.id, ['drafter']);
    const viewer = await buildUser(t.c, { unitId: officeUnit.id, roles: ['viewer'] });
    const far = await buildUser(t.c, { unitId: TT_MUONG_TE, roles: ['viewer'] });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: drafter.headers,
      payload: {
        issuerUnitId: officeUnit.id,
        title: 'Báo cáo nhanh kết quả tuyên truyền',
        reportForm: { template: 'tuyen-truyen' },
        dueRule: { kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' },
        assignees: { unitIds: [TT_TAM_DUONG, SON_BINH, NA_TAM] },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    taskId = created.json<{ task: { id: string } }>().task.id;
    const figures = new Map([
      [TT_TAM_DUONG, { so_tin_bai: 2, do_dai_tin_bai: 20, so_luot_phat_song: 4, uoc_so_nguoi_nghe: 300 }],
      [SON_BINH, { so_tin_bai: 3, do_dai_tin_bai: 15, so_luot_phat_song: 5, uoc_so_nguoi_nghe: 200 }],
      [NA_TAM, { so_tin_bai: 7, do_dai_tin_bai: 10, so_luot_phat_song: 1, uoc_so_nguoi_nghe: 50 }],
    ]);
    for (const [unitId, values] of figures) {
      const reporter = await user(unitId, ['reporter']);
      const res = await t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/submissions`, headers: reporter.headers, payload: { values } });
      expect(res.statusCode, res.body).toBe(201);
      period = res.json<{ submission: { period: string } }>().submission.period;
    }
    // Today: the 2025 tree is out of force (sessions are signed in at today's clock).
    t.clock.set(new Date('2026-12-01T03:00:00Z'));
    office = await signIn(t.c, viewer.username);
    outsider = await signIn(t.c, far.username);
  });
  afterAll(() => t.close());

  it("sums the two merged communes into their one 2026 successor, marked, and keeps the province's total", async () => {
    const range = `from=${period}&to=${period}`;
    const taskTree = await get(office, `/api/tasks/${taskId}/rollup?${range}`);
    expect(taskTree.statusCode, taskTree.body).toBe(200);
    const before = taskTree.json<Rollup>();
    expect(before.tree).toEqual({ mode: 'task', outOfForce: true, taskUnit: expect.objectContaining({ id: TAM_DUONG }) });
    expect(before.unit.id).toBe(TAM_DUONG);
    expect(before.periods[0]!.rows.every((r) => !r.mapped && r.formedFrom.length === 0)).toBe(true);

    const res = await get(office, `/api/tasks/${taskId}/rollup?${range}&tree=today`);
    expect(res.statusCode, res.body).toBe(200);
    const today = res.json<Rollup>();
    expect(today.tree).toEqual({ mode: 'today', outOfForce: true, taskUnit: expect.objectContaining({ id: TAM_DUONG }) });
    expect(today.unit).toEqual(expect.objectContaining({ id: LAI_CHAU_2026 }));
    const p = today.periods[0]!;
    const binhLu = p.rows.filter((r) => r.unit.id === BINH_LU_2026);
    expect(binhLu).toHaveLength(1);
    const row = binhLu[0]!;
    expect(row.unit.name).toBe('Xã Bình Lư');
    expect(row.mapped).toBe(true);
    expect(row.formedFrom.map((u) => u.name)).toEqual(['Thị trấn Tam Đường', 'Xã Sơn Bình']);
    expect(value(row, 'so_tin_bai')).toBe(5);
    expect(value(row, 'uoc_so_nguoi_nghe')).toBe(500);
    expect([row.expected, row.reported]).toEqual([2, 2]);
    // Nà Tăm went into another 2026 commune: a row of its own, marked too.
    const naTamNow = chooseSuccessor((await t.c.services.units.lookup.successorsOf([NA_TAM])).get(NA_TAM) ?? []);
    expect(naTamNow?.id).not.toBe(BINH_LU_2026);
    const other = p.rows.find((r) => r.unit.id === naTamNow?.id);
    expect(other?.formedFrom.map((u) => u.name)).toEqual(['Xã Nà Tăm']);
    expect(value(other!, 'so_tin_bai')).toBe(7);
    expect(p.rows).toHaveLength(2);
    // Nothing counted twice or lost: the province's total and coverage are those of the task's tree.
    expect(p.totals).toEqual(before.periods[0]!.totals);
    expect(value(p.totals, 'so_tin_bai')).toBe(12);
    expect(p.coverage).toEqual(before.periods[0]!.coverage);
  });

  it('stays deny-by-default: an outsider gets 404 in either tree', async () => {
    expect((await get(outsider, `/api/tasks/${taskId}/rollup?tree=today`)).statusCode).toBe(404);
    expect((await get(outsider, `/api/tasks/${taskId}/rollup`)).statusCode).toBe(404);
    expect((await get(office, `/api/tasks/${taskId}/rollup?tree=hom-nay`)).statusCode).toBe(400);
  });

  it('ignores tree=today for a task whose tree is in force (the rows stay as they are)', async () => {
    t.clock.set(new Date('2021-02-05T03:00:00Z'));
    const viewer = await signIn(t.c, (await buildUser(t.c, { unitId: TAM_DUONG, roles: ['viewer'] })).username);
    const view = (await get(viewer, `/api/tasks/${taskId}/rollup?from=${period}&to=${period}&tree=today`)).json<Rollup>();
    expect(view.tree).toEqual(expect.objectContaining({ mode: 'task', outOfForce: false }));
    expect(view.unit.id).toBe(TAM_DUONG);
    t.clock.set(new Date('2026-12-01T03:00:00Z'));
  });
});
