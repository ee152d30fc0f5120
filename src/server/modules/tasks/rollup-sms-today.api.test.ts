import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TAM_DUONG, TT_TAM_DUONG, buildUnit, buildUser, signIn } from '../../../../test/factories.ts';
import { actorIn, buildList, sendCampaign, smsPeer } from '../../../../test/builders/broadcasts.ts';
import { RollupOut } from '../../../shared/contracts/tasks.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { unitIdFor } from '../units/index.ts';
import { chooseSuccessor } from './rollup-today.ts';

const SON_BINH = unitIdFor('vn-2025', '03413');
const NA_TAM = unitIdFor('vn-2025', '03427');
/** Thị trấn Tam Đường and Xã Sơn Bình (with Xã Bình Lư) became Xã Bình Lư on 2025-07-01. */
const BINH_LU_2026 = unitIdFor('vn-2026', '03390');

/** A 2021 task's SMS in today's (2026) tree: each old unit's messages go to its successor's row, like its reported figures. */
describeApi("roll-up: the measured SMS channel in today's tree", (kind) => {
  let t: TestContext;
  let peer: Awaited<ReturnType<typeof smsPeer>>;
  const draws: number[] = [];
  let taskId: string;
  let period: string;
  let viewer: string;

  beforeAll(async () => {
    peer = await smsPeer({ failRate: 0.5, random: () => draws.shift() ?? 0.9 });
    t = await createTestContext(kind, { sms: peer.sms });
    t.c.services.smsSending.listen();
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    await t.c.services.units.importHistory(SYSTEM_ACTOR);
    const office = await buildUnit(t.c, { parentId: TAM_DUONG, name: 'Phòng Văn hóa và Thông tin huyện Tam Đường', kind: 'office' });
    const drafterUser = await buildUser(t.c, { unitId: office.id, roles: ['drafter'] });
    viewer = (await buildUser(t.c, { unitId: office.id, roles: ['viewer'] })).username;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: (await signIn(t.c, drafterUser.username)).headers,
      payload: {
        issuerUnitId: office.id,
        title: 'Báo cáo nhanh kết quả tuyên truyền',
        reportForm: { template: 'tuyen-truyen' },
        dueRule: { kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' },
        assignees: { unitIds: [TT_TAM_DUONG, SON_BINH, NA_TAM] },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    taskId = res.json<{ task: { id: string } }>().task.id;
    // The campaigns go out in the task's first period, in the 2025 tree (a station under Thị trấn Tam Đường too).
    const station = await buildUnit(t.c, { parentId: TT_TAM_DUONG, name: 'Trạm Y tế thị trấn Tam Đường', kind: 'office' });
    const lists = [await buildList(t.c, TT_TAM_DUONG, 2, 0), await buildList(t.c, station.id, 1, 100), await buildList(t.c, SON_BINH, 2, 200)];
    const naTam = await buildList(t.c, NA_TAM, 2, 300);
    const drafter = await actorIn(t.c, TAM_DUONG, 'drafter');
    const approver = await actorIn(t.c, TAM_DUONG, 'approver');
    for (const [listIds, outcomes] of [
      [lists, [0.9, 0.9, 0.9, 0.9, 0.9]],
      [[naTam], [0.9, 0.3]],
    ] as const) {
      await sendCampaign(t.c, { unitId: TAM_DUONG, drafter, approver, listIds, draws, outcomes });
    }
    const office2021 = await signIn(t.c, viewer);
    period = RollupOut.parse((await t.app.inject({ url: `/api/tasks/${taskId}/rollup`, headers: office2021.headers })).json()).periods.at(-1)!.key;
    t.clock.set(new Date('2026-12-01T03:00:00Z'));
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await peer.close();
  });

  it("sums the merged communes' SMS into their successor's row and keeps the total of the task's tree", async () => {
    const office = await signIn(t.c, viewer);
    const get = async (q: string) => RollupOut.parse((await t.app.inject({ url: `/api/tasks/${taskId}/rollup?from=${period}&to=${period}${q}`, headers: office.headers })).json());
    const before = (await get('')).periods[0]!;
    const today = (await get('&tree=today')).periods[0]!;
    const naTamNow = chooseSuccessor((await t.c.services.units.lookup.successorsOf([NA_TAM])).get(NA_TAM) ?? [])!.id;
    const sms = (id: string, p = today) => {
      const m = p.rows.find((r) => r.unit.id === id)?.measured;
      return m && [m.smsSent, m.smsDelivered];
    };
    expect(sms(TT_TAM_DUONG, before)).toEqual([3, 3]);
    expect(sms(SON_BINH, before)).toEqual([2, 2]);
    expect(sms(BINH_LU_2026)).toEqual([5, 5]);
    expect(sms(naTamNow)).toEqual([2, 1]);
    expect(today.measured).toEqual(before.measured);
    expect([today.measured.smsSent, today.measured.smsDelivered]).toEqual([7, 6]);
  });
});
