import { afterAll, beforeAll, expect, it } from 'vitest';
import { outcomeOf, until } from '../../../../test/support/async.ts';
import { describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor, jobRow } from '../../../../test/support/db.ts';
import { TT_TAM_DUONG } from '../../../../test/factories.ts';
import { actorIn, buildList, deliveriesOf, simulatorContext, type SmsPeer } from '../../../../test/builders/broadcasts.ts';
import type { Actor } from '../access/index.ts';
import type { BroadcastInput } from '../../../shared/contracts/broadcasts.ts';
import { DEFAULT_SMS_SETTINGS } from '../../../shared/contracts/settings.ts';
import { SUPERSEDED_ERROR } from './broadcasts.service.ts';
import { DAILY_CAP_ERROR } from './sending.rules.ts';
import { createSendingService, windowJobId } from './sending.service.ts';
import { createLogger } from '../../platform/logger.ts';
import type { SmsProvider } from '../../providers/sms/port.ts';

const vn = (local: string) => new Date(`${local}+07:00`);

describeEachDb('broadcasts: SMS settings, send windows and supersede', (kind) => {
  let t: TestContext;
  let peer: SmsPeer;
  let drafter: Actor;
  let approver: Actor;
  let admin: Actor;
  const input = (listId: string, o: Partial<BroadcastInput> = {}) => ({
    unitId: TT_TAM_DUONG,
    title: 'Họp dân',
    priority: 'thuong' as const,
    smsText: 'Moi ba con den hop tai nha van hoa thon luc 19 gio.',
    unaccented: false,
    senderName: 'UBND XA',
    audience: { unitIds: [], listIds: [listId] },
    route: 'smpp' as const,
    ...o,
  });
  const approved = async (listId: string, o: Partial<BroadcastInput> = {}) => {
    const svc = t.c.services.broadcasts;
    const b = await svc.createBroadcast(drafter, input(listId, o));
    await svc.submitBroadcast(drafter, b.id);
    return svc.approveBroadcast(approver, b.id);
  };

  beforeAll(async () => {
    ({ t, peer, drafter, approver } = await simulatorContext(kind));
    admin = await actorIn(t.c, TT_TAM_DUONG, 'system_admin');
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await peer.close();
  });

  it('the SMS settings (daily cap, maximum parts) apply at drafting and approval; only settings.write changes them, audited', async () => {
    t.clock.set(vn('2021-03-01T10:00:00'));
    const settings = t.c.services.settings;
    expect(await settings.smsSettings()).toEqual(DEFAULT_SMS_SETTINGS);
    expect(await outcomeOf(settings.updateSmsSettings(approver, { ...DEFAULT_SMS_SETTINGS, dailyCap: 1 }))).toBe('FORBIDDEN');
    expect((await settings.readSmsSettings(drafter)).capabilities.write).toBe(false);
    await settings.updateSmsSettings(admin, { ...DEFAULT_SMS_SETTINGS, dailyCap: 1, maxParts: 1 });
    expect((await auditEventsFor(t.c, 'sms')).map((e) => e.action)).toEqual(['settings.sms_update']);

    const list = await buildList(t.c, TT_TAM_DUONG, 1, 5000);
    expect(await outcomeOf(t.c.services.broadcasts.createBroadcast(drafter, input(list, { smsText: 'x'.repeat(200) })))).toBe('BROADCAST_TOO_LONG');
    expect((await approved(list)).progress.byState.queued).toBe(1);
    const second = await approved(list);
    expect(second.progress.byState.rejected).toBe(1);
    expect((await deliveriesOf(t.c, second.id))[0]!.error).toBe(DAILY_CAP_ERROR);
    await settings.updateSmsSettings(admin, DEFAULT_SMS_SETTINGS);
    await t.c.jobs.drain();
  });

  it('refuses a half or reversed window, and one that lies inside the quiet hours', async () => {
    const list = await buildList(t.c, TT_TAM_DUONG, 1, 5100);
    const svc = t.c.services.broadcasts;
    expect(await outcomeOf(svc.createBroadcast(drafter, input(list, { windowStart: '07:00' })))).toBe('BROADCAST_BAD_WINDOW');
    expect(await outcomeOf(svc.createBroadcast(drafter, input(list, { windowStart: '21:00', windowEnd: '07:00' })))).toBe('BROADCAST_BAD_WINDOW');
    expect(await outcomeOf(svc.createBroadcast(drafter, input(list, { windowStart: '22:30', windowEnd: '23:30' })))).toBe('BROADCAST_NO_OPENING');
    const urgent = await svc.createBroadcast(drafter, input(list, { priority: 'khan_cap', windowStart: '22:30', windowEnd: '23:30' }));
    expect(urgent).toMatchObject({ windowStart: '22:30', windowEnd: '23:30' });
  });

  it('an ordinary message approved before its window waits for it; the send job run after the window closes moves itself to the next opening', async () => {
    const list = await buildList(t.c, TT_TAM_DUONG, 2, 5200);
    t.clock.set(vn('2021-03-02T10:00:00'));
    const early = await approved(list, { windowStart: '13:00', windowEnd: '15:00' });
    expect(early).toMatchObject({ status: 'approved', windowStart: '13:00', windowEnd: '15:00' });
    expect((await jobRow(t.c, `sms:${early.id}:0`))!.runAt).toEqual(vn('2021-03-02T13:00:00'));

    // The worker was down at 13:00–15:00: the job runs at 15:30, sends nothing and waits for tomorrow's window.
    t.clock.set(vn('2021-03-02T15:30:00'));
    await t.c.jobs.drain();
    const [first] = await deliveriesOf(t.c, early.id);
    expect((await deliveriesOf(t.c, early.id)).map((d) => d.state)).toEqual(['queued', 'queued']);
    expect(peer.simulator.acceptedByDestination.get(`84${first!.phone.slice(1)}`)).toBeUndefined();
    const ids = (await t.c.services.broadcasts.listDeliveries(approver, early.id, { limit: 10 })).map((d) => d.id);
    const payloadOf = async (id: string) => (await jobRow(t.c, id))?.payload as { broadcastId: string; deliveryIds: string[] } | undefined;
    const movedId = windowJobId(early.id, vn('2021-03-03T13:00:00'), [...(await payloadOf(`sms:${early.id}:0`))!.deliveryIds].sort()[0]!);
    const moved = await jobRow(t.c, movedId);
    expect(moved).toMatchObject({ name: 'broadcasts.send-sms' });
    expect(moved!.runAt).toEqual(vn('2021-03-03T13:00:00'));
    expect([...(await payloadOf(movedId))!.deliveryIds].sort()).toEqual([...ids].sort());

    // Running it again before the opening enqueues nothing new (deterministic id); in the window it sends.
    await t.c.services.smsSending.sendChunk((await payloadOf(movedId))!);
    t.clock.set(vn('2021-03-03T13:05:00'));
    await t.c.jobs.drain();
    await until(async () => (await t.c.services.broadcasts.getBroadcast(approver, early.id)).progress.byState.delivered === 2);
    expect(peer.simulator.acceptedByDestination.get(`84${first!.phone.slice(1)}`)?.length).toBe(1);
  }, 60_000);

  it('a window closing mid-run stops the claims: the rest waits for the next opening', async () => {
    const list = await buildList(t.c, TT_TAM_DUONG, 150, 5400);
    t.clock.set(vn('2021-03-05T14:59:00'));
    const b = await approved(list, { windowStart: '13:00', windowEnd: '15:00' });
    expect(b.status).toBe('sending');
    // The SMSC answers the first submit at 15:00:01, after the window closed.
    const late = new Proxy(peer.sms, {
      get: (o, k) =>
        k === 'submit'
          ? async (m: Parameters<SmsProvider['submit']>[0]) => {
              const r = await o.submit(m);
              t.clock.set(vn('2021-03-05T15:00:01'));
              return r;
            }
          : (Reflect.get(o, k) as unknown),
    });
    const { subscribers, settings } = t.c.services;
    const sending = createSendingService({ db: t.c.database.db, clock: t.clock, logger: createLogger('silent'), jobs: t.c.jobs, sms: late, subscribers, settings });
    const payload = (await jobRow(t.c, `sms:${b.id}:0`))!.payload as { broadcastId: string; deliveryIds: string[] };
    await sending.sendChunk(payload);
    const states = (await deliveriesOf(t.c, b.id)).map((d) => d.state);
    const queued = (await deliveriesOf(t.c, b.id)).filter((d) => d.state === 'queued');
    expect(queued.length).toBeGreaterThan(0);
    expect(states.filter((x) => x !== 'queued').length).toBeGreaterThan(0);
    const moved = (await jobRow(t.c, windowJobId(b.id, vn('2021-03-06T13:00:00'), queued.map((q) => q.id).sort()[0]!)))!;
    expect(moved.runAt).toEqual(vn('2021-03-06T13:00:00'));
    expect((moved.payload as { deliveryIds: string[] }).deliveryIds.length).toBe(queued.length);
  }, 60_000);

  it('supersede: a new draft with the same content; its approval rejects the old one’s queued deliveries and cancels it, in one transaction, audited', async () => {
    const svc = t.c.services.broadcasts;
    const list = await buildList(t.c, TT_TAM_DUONG, 3, 5300);
    t.clock.set(vn('2021-03-04T10:00:00'));
    const old = await approved(list, { windowStart: '16:00', windowEnd: '18:00', title: 'Họp dân lúc 19 giờ' });
    expect(old.status).toBe('approved');
    const viewer = await actorIn(t.c, TT_TAM_DUONG, 'viewer');
    expect((await svc.getBroadcast(viewer, old.id)).capabilities.supersede).toBe(false);
    expect((await svc.getBroadcast(drafter, old.id)).capabilities.supersede).toBe(true);
    expect(await outcomeOf(svc.supersedeBroadcast(viewer, old.id))).toBe('FORBIDDEN');

    const next = await svc.supersedeBroadcast(drafter, old.id);
    expect(next).toMatchObject({ status: 'draft', supersedesId: old.id, title: old.title, smsText: old.smsText, windowStart: '16:00', audience: old.audience });
    await svc.updateBroadcast(drafter, next.id, { smsText: 'Moi ba con den hop luc 20 gio (doi gio).' });
    await svc.submitBroadcast(drafter, next.id);
    expect((await svc.getBroadcast(approver, old.id)).status).toBe('approved'); // goes on until the new one is approved
    const sent = await svc.approveBroadcast(approver, next.id);
    expect(sent).toMatchObject({ status: 'approved', supersedesId: old.id, progress: { byState: { queued: 3 } } });

    const ended = await svc.getBroadcast(approver, old.id);
    expect(ended).toMatchObject({ status: 'cancelled', supersededById: next.id, progress: { byState: { rejected: 3, queued: 0 } } });
    expect((await deliveriesOf(t.c, old.id)).map((d) => d.error)).toEqual([SUPERSEDED_ERROR, SUPERSEDED_ERROR, SUPERSEDED_ERROR]);
    expect((await auditEventsFor(t.c, old.id)).map((e) => e.action)).toContain('broadcast.superseded');
    expect((await auditEventsFor(t.c, next.id)).map((e) => e.action)).toEqual(['broadcast.supersede', 'broadcast.update', 'broadcast.submit', 'broadcast.approve']);
    expect(await outcomeOf(svc.supersedeBroadcast(drafter, old.id))).toBe('BROADCAST_BAD_STATUS');

    // A second replacement drafted meanwhile can no longer be approved as one.
    const again = await svc.supersedeBroadcast(drafter, next.id);
    const rival = await svc.supersedeBroadcast(drafter, next.id);
    await svc.submitBroadcast(drafter, again.id);
    await svc.submitBroadcast(drafter, rival.id);
    await svc.approveBroadcast(approver, again.id);
    expect(await outcomeOf(svc.approveBroadcast(approver, rival.id))).toBe('BROADCAST_ALREADY_SUPERSEDED');
    expect((await svc.getBroadcast(approver, rival.id)).status).toBe('submitted');
  }, 60_000);
});
