import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { LAI_CHAU, TAM_DUONG, buildUnit, importLaiChau } from '../../../../test/factories.ts';
import { actorIn } from '../../../../test/builders/broadcasts.ts';
import type { Actor } from '../access/index.ts';

/**
 * The telco request's SQL on both databases: the approval drafts the công văn in its transaction, a reply with a
 * reused Idempotency-Key is stored once, and the replies count in the report roll-up's channel figures (as sent and
 * as telco-reported, attributed to the broadcast's unit at the time of the reply, never as delivered).
 */
describeEachDb('broadcasts: telco request results and channel figures', (kind) => {
  let t: TestContext;
  let drafter: Actor;
  let approver: Actor;
  let viettel: string;

  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    viettel = (await buildUnit(t.c, { parentId: LAI_CHAU, name: 'Viettel Lai Châu', kind: 'telco' })).id;
    drafter = await actorIn(t.c, TAM_DUONG, 'drafter');
    approver = await actorIn(t.c, TAM_DUONG, 'approver');
  }, 60_000);
  afterAll(() => t.close());

  it('records replies once per key and feeds the roll-up figures of the broadcast’s unit', async () => {
    const svc = t.c.services.broadcasts;
    const b = await svc.createBroadcast(drafter, {
      unitId: TAM_DUONG,
      title: 'Phòng chống sốt xuất huyết',
      priority: 'uu_tien',
      smsText: 'UBND huyện Tam Đường: đề nghị bà con diệt lăng quăng, bọ gậy mỗi tuần.',
      unaccented: true,
      audience: { unitIds: [TAM_DUONG], listIds: [] },
    });
    expect(b.route).toBe('telco_request');
    await svc.submitBroadcast(drafter, b.id);
    const approved = await svc.approveBroadcast(approver, b.id);
    expect(approved.telcoRequest).toMatchObject({ status: 'draft' });
    const d = await t.c.services.directives.getDirective(drafter, approved.telcoRequest!.directiveId);
    expect(d.recipients.units).toEqual([viettel]);
    expect(d.body.sections.flatMap((s) => s.blocks).some((x) => x.kind === 'bullets' && x.items.some((i) => i[0]?.text === 'Mã hóa: GSM-7 (không dấu).'))).toBe(true);

    const first = await svc.recordTelcoResult(drafter, b.id, { telcoUnitId: viettel, subscribers: 30_000 }, 'key-0001-viettel');
    const again = await svc.recordTelcoResult(drafter, b.id, { telcoUnitId: viettel, subscribers: 30_000 }, 'key-0001-viettel');
    expect([first.replayed, again.replayed, again.result.id]).toEqual([false, true, first.result.id]);
    await svc.recordTelcoResult(drafter, b.id, { telcoName: 'Vietnamobile', subscribers: 2_500 });
    expect((await svc.getBroadcast(drafter, b.id)).telcoTotal).toBe(32_500);

    const province = (await t.c.services.units.lookup.byId(LAI_CHAU))!;
    const to = new Date(t.c.clock.now().getTime() + 86_400_000);
    const rows = await t.c.services.channelFigures.byPeriod({ rootPath: province.path, rootDepth: province.depth, windows: [{ period: 'p', from: null, to }] });
    expect(rows).toEqual([{ child: TAM_DUONG, path: null, period: 'p', smsSent: 32_500, smsDelivered: 0, telcoReported: 32_500 }]);
    const before = await t.c.services.channelFigures.byPeriod({ rootPath: province.path, rootDepth: province.depth, windows: [{ period: 'p', from: null, to: new Date(0) }] });
    expect(before).toEqual([]);
  });
});
