import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { TT_TAM_DUONG, importLaiChau } from '../../../test/factories.ts';
import { actorIn, smsPeer } from '../../../test/builders/broadcasts.ts';
import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import { seedBroadcastDemo } from './seed-broadcasts.ts';
import { seedSubscriberDemo } from './seed-subscribers.ts';

describeEachDb('demo SMS campaign', (kind) => {
  let t: TestContext;
  let peer: Awaited<ReturnType<typeof smsPeer>>;
  beforeAll(async () => {
    peer = await smsPeer();
    t = await createTestContext(kind, { sms: peer.sms });
    t.c.services.smsSending.listen();
    await importLaiChau(t.c);
  });
  afterAll(async () => {
    await t.close();
    await peer.close();
  });

  it('the commune leader’s khẩn cấp warning, approved in one step, is done with every subscriber delivered once the worker runs', async () => {
    const commune = (await t.c.services.units.getUnit(SYSTEM_ACTOR, TT_TAM_DUONG)).unit;
    const clerk = await actorIn(t.c, TT_TAM_DUONG, 'clerk');
    await seedSubscriberDemo(t.c, [commune], () => clerk);
    const leader = await actorIn(t.c, TT_TAM_DUONG, 'approver');
    const { broadcastId } = await seedBroadcastDemo(t.c, commune, leader);
    const sent = await t.c.services.broadcasts.getBroadcast(leader, broadcastId);
    // khẩn cấp reaches the opted-out household too (90 numbers).
    expect(sent).toMatchObject({ status: 'sending', emergency: true, recipients: 90, segments: { encoding: 'gsm7' } });
    await t.c.jobs.drain();
    const end = Date.now() + 20_000;
    while ((await t.c.services.broadcasts.getBroadcast(leader, broadcastId)).progress.byState.delivered < 90 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(await t.c.services.broadcasts.getBroadcast(leader, broadcastId)).toMatchObject({ status: 'done', progress: { total: 90, byState: { delivered: 90 } } });
  });
});
