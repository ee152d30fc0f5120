import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { TT_TAM_DUONG, buildUser, importLaiChau } from '../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import type { Actor } from '../modules/access/index.ts';
import { seedSubscriberDemo } from './seed-subscribers.ts';

describeEachDb('demo subscriber lists', (kind) => {
  let t: TestContext;
  let clerk: Actor;
  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    const row = (await t.c.services.units.lookup.byId(TT_TAM_DUONG))!;
    const user = await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['clerk'] });
    clerk = { userId: user.id, username: user.username, displayName: 'Văn thư', unitId: row.id, unitPath: row.path, roles: ['clerk'], ip: null };
  });
  afterAll(() => t.close());

  it('three lists of valid fictitious numbers in the commune, one household opted out', async () => {
    const commune = (await t.c.services.units.getUnit(SYSTEM_ACTOR, TT_TAM_DUONG)).unit;
    expect(await seedSubscriberDemo(t.c, [commune], () => clerk)).toEqual({ lists: 3, subscribers: 90 });
    const { items } = await t.c.services.subscribers.listLists(clerk, TT_TAM_DUONG, { subtree: false });
    expect(items.map((l) => [l.kind, l.subscribers, l.optedOut]).sort()).toEqual([
      ['can_bo_xa', 24, 0],
      ['ho_gia_dinh', 36, 1],
      ['truong_thon', 30, 0],
    ]);
    const all = await t.c.services.subscribers.recipientsFor({ unitIds: [TT_TAM_DUONG], listIds: [] }, { priority: 'thuong' });
    expect(all).toHaveLength(89);
    expect(all.every((r) => /^0\d{2}000\d{4}$/.test(r.phone) && r.telco !== 'unknown')).toBe(true);
  });
});
