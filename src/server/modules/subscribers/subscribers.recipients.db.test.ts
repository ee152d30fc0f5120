import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { MUONG_TE, TAM_DUONG, TT_MUONG_TE, TT_TAM_DUONG, buildUser, importLaiChau } from '../../../../test/factories.ts';
import type { Actor } from '../access/index.ts';
import type { SubscribersService } from './subscribers.service.ts';

// Fictitious numbers: no real subscriber.
const csv = (rows: string[]) => Buffer.from(['Họ tên,Số điện thoại,Thôn', ...rows].join('\n'), 'utf8').toString('base64');

/** recipientsFor: one row per distinct phone over subtrees and lists; opted-out left out except khẩn cấp. */
describeEachDb('subscribers: recipients and opt-out', (kind) => {
  let t: TestContext;
  let svc: SubscribersService;
  let listA: string;
  let listB: string;
  let listM: string;
  let clerk: Actor;

  const actorIn = async (unitId: string): Promise<Actor> => {
    const unit = (await t.c.services.units.lookup.byId(unitId))!;
    const user = await buildUser(t.c, { unitId, roles: ['clerk'] });
    return { userId: user.id, username: user.username, displayName: 'Văn thư', unitId, unitPath: unit.path, roles: ['clerk'], ip: null };
  };

  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    svc = t.c.services.subscribers;
    clerk = await actorIn(TT_TAM_DUONG);
    listA = (await svc.createList(clerk, TT_TAM_DUONG, { name: 'Cán bộ', kind: 'can_bo_xa', description: null })).id;
    listB = (await svc.createList(clerk, TT_TAM_DUONG, { name: 'Hộ gia đình', kind: 'ho_gia_dinh', description: null })).id;
    const other = await actorIn(TT_MUONG_TE);
    listM = (await svc.createList(other, TT_MUONG_TE, { name: 'Trưởng bản', kind: 'truong_thon', description: null })).id;
    await svc.importFile(clerk, listA, { fileName: 'a.csv', contentBase64: csv(['A,0960000201,', 'B,0910000202,', 'C,0900000203,']), dryRun: false });
    // 0960000201 is in both lists of the commune: one recipient.
    await svc.importFile(clerk, listB, { fileName: 'b.csv', contentBase64: csv(['A2,0960000201,', 'D,0860000204,']), dryRun: false });
    await svc.importFile(other, listM, { fileName: 'm.csv', contentBase64: csv(['E,0970000205,', 'F,0910000202,']), dryRun: false });
  });
  afterAll(() => t.close());

  const phones = async (audience: { unitIds: string[]; listIds: string[] }, priority: 'thuong' | 'uu_tien' | 'khan_cap' = 'thuong') =>
    (await svc.recipientsFor(audience, { priority })).map((r) => r.phone).sort();

  it('covers the subtree of each unit and the lists named, one row per phone', async () => {
    expect(await phones({ unitIds: [TT_TAM_DUONG], listIds: [] })).toEqual(['0860000204', '0900000203', '0910000202', '0960000201']);
    expect(await phones({ unitIds: [TAM_DUONG], listIds: [] })).toEqual(['0860000204', '0900000203', '0910000202', '0960000201']);
    expect(await phones({ unitIds: [MUONG_TE], listIds: [listB] })).toEqual(['0860000204', '0910000202', '0960000201', '0970000205']);
    expect(await phones({ unitIds: [], listIds: [] })).toEqual([]);
    const rows = await svc.recipientsFor({ unitIds: [TT_TAM_DUONG, TAM_DUONG], listIds: [listA, listM] }, { priority: 'thuong' });
    expect(new Set(rows.map((r) => r.phone)).size).toBe(rows.length);
    expect(rows.find((r) => r.phone === '0960000201')).toMatchObject({ telco: 'viettel', unitId: TT_TAM_DUONG });
  });

  it('leaves opted-out numbers out of ordinary messages, keeps them for khẩn cấp', async () => {
    // A keyword reply opts the number out of every list it is in.
    // An MO's source address: 84… (the SMSC's form) finds the stored 0….
    expect(await svc.optOut('84910000202', 'sms_keyword')).toBe(2);
    expect(await svc.optOut('0910000202', 'sms_keyword')).toBe(0);
    expect(await svc.optOut('1900', 'sms_keyword')).toBe(0);
    const optedOut = (await svc.listSubscribers(clerk, listA, { offset: 0, limit: 10 })).items.find((x) => x.phone === '0910000202')!;
    expect(optedOut).toMatchObject({ optedOut: true, optOutSource: 'sms_keyword' });
    const events = await auditEventsFor(t.c, optedOut.id);
    expect(events.map((e) => [e.action, e.actorName])).toEqual([['subscriber.opt_out', 'Hệ thống (job:sms.keyword-opt-out)']]);
    // Staff opt one row out: the number is left out even where another list still has it.
    const { items } = await svc.listSubscribers(clerk, listB, { offset: 0, limit: 10 });
    const a2 = items.find((s) => s.phone === '0960000201')!;
    const out = await svc.optOutSubscriber(clerk, a2.id, 'Chuyển đi nơi khác');
    expect(out).toMatchObject({ optedOut: true, optOutSource: 'staff', optOutReason: 'Chuyển đi nơi khác' });
    await expect(svc.optOutSubscriber(clerk, a2.id, 'lần nữa')).rejects.toMatchObject({ code: 'SUBSCRIBER_ALREADY_OPTED_OUT' });

    const all = { unitIds: [TAM_DUONG, MUONG_TE], listIds: [] };
    expect(await phones(all, 'thuong')).toEqual(['0860000204', '0900000203', '0970000205']);
    expect(await phones(all, 'uu_tien')).toEqual(['0860000204', '0900000203', '0970000205']);
    expect(await phones(all, 'khan_cap')).toEqual(['0860000204', '0900000203', '0910000202', '0960000201', '0970000205']);
  });

  it('runs in the caller transaction and rolls back with it', async () => {
    await t.c.database.db
      .transaction(async (tx) => {
        expect(await svc.optOut('0860000204', 'staff', { tx })).toBe(1);
        expect((await svc.recipientsFor({ unitIds: [TT_TAM_DUONG], listIds: [] }, { priority: 'thuong' }, { tx })).map((r) => r.phone)).not.toContain('0860000204');
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await phones({ unitIds: [TT_TAM_DUONG], listIds: [] })).toContain('0860000204');
  });

  it('a re-import keeps an opted-out subscriber opted out', async () => {
    await svc.importFile(clerk, listA, { fileName: 'a.csv', contentBase64: csv(['B mới,0910000202,Bản Hon']), dryRun: false });
    expect(await phones({ unitIds: [], listIds: [listA] })).not.toContain('0910000202');
  });
});
