import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomeOf, until } from '../../../../test/support/async.ts';
import { describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor, jobRow } from '../../../../test/support/db.ts';
import { TT_TAM_DUONG } from '../../../../test/factories.ts';
import { buildList, countRowsWhere, deliveriesOf, phoneNo, setDeliveryState, simulatorContext, type SmsPeer } from '../../../../test/builders/broadcasts.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Actor } from '../access/index.ts';
import type { BroadcastInput } from '../../../shared/contracts/broadcasts.ts';
import { createBroadcastsService } from './broadcasts.service.ts';
import { DAILY_CAP_ERROR } from './sending.rules.ts';

describeEachDb('broadcasts: workflow and SMS sending against the simulator', (kind) => {
  let t: TestContext;
  let peer: SmsPeer;
  let drafter: Actor;
  let approver: Actor;
  let big: string;
  let small: string;
  const input = (listId: string, o: Partial<BroadcastInput> = {}) => ({
    unitId: TT_TAM_DUONG,
    title: 'Cắt điện',
    priority: 'thuong' as const,
    smsText: 'UBND xã thông báo: từ 7 giờ ngày 15/8 cắt điện để sửa chữa đường dây.',
    unaccented: true,
    senderName: 'UBND XA',
    audience: { unitIds: [], listIds: [listId] },
    ...o,
  });

  beforeAll(async () => {
    ({ t, peer, drafter, approver } = await simulatorContext(kind));
    big = await buildList(t.c, TT_TAM_DUONG, 500, 0);
    small = await buildList(t.c, TT_TAM_DUONG, 2, 1000);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await peer.close();
  });

  it('moves by role: the drafter drafts and submits, only the approver approves; khẩn cấp in one step, audited', async () => {
    const svc = t.c.services.broadcasts;
    const b = await svc.createBroadcast(drafter, input(small));
    expect(b).toMatchObject({ status: 'draft', textToSend: expect.stringContaining('UBND xa thong bao') as string, segments: { encoding: 'gsm7', parts: 1 } });
    expect(b.capabilities).toMatchObject({ edit: true, submit: true, approve: false });
    expect(await outcomeOf(svc.approveBroadcast(approver, b.id))).toBe('BROADCAST_BAD_STATUS');
    await svc.submitBroadcast(drafter, b.id);
    expect(await outcomeOf(svc.approveBroadcast(drafter, b.id))).toBe('FORBIDDEN');
    expect(await outcomeOf(svc.emergencyApproveBroadcast(approver, b.id))).toBe('BROADCAST_NOT_EMERGENCY');
    expect(await outcomeOf(svc.cancelBroadcast(approver, b.id))).toBe('ok');

    const e = await svc.createBroadcast(drafter, input(small, { priority: 'khan_cap', title: 'Bão số 3' }));
    expect((await svc.getBroadcast(approver, e.id)).capabilities.emergencyApprove).toBe(true);
    expect(await outcomeOf(svc.emergencyApproveBroadcast(drafter, e.id))).toBe('FORBIDDEN');
    const sent = await svc.emergencyApproveBroadcast(approver, e.id);
    expect(sent).toMatchObject({ status: 'sending', emergency: true, recipients: 2, approvedBy: approver.userId });
    expect((await auditEventsFor(t.c, e.id)).map((x) => x.action)).toEqual(['broadcast.create', 'broadcast.emergency_approve']);
    expect(await jobRow(t.c, `sms:${e.id}:0`)).toMatchObject({ name: 'broadcasts.send-sms' });
    await t.c.jobs.drain();
    await until(async () => (await svc.getBroadcast(approver, e.id)).progress.byState.delivered === 2);
  });

  it('sends a campaign of 500 to the simulator: every delivery delivered once, the broadcast done, counts by state and telco', async () => {
    const svc = t.c.services.broadcasts;
    const b = await svc.createBroadcast(drafter, input(big));
    await svc.submitBroadcast(drafter, b.id);
    const approved = await svc.approveBroadcast(approver, b.id);
    expect(approved).toMatchObject({ status: 'sending', recipients: 500 });
    expect(approved.progress.byState.queued).toBe(500);
    expect(await jobRow(t.c, `sms:${b.id}:0`)).toBeTruthy();
    await t.c.jobs.drain();
    await until(async () => (await svc.getBroadcast(approver, b.id)).progress.byState.delivered === 500);
    const done = await svc.getBroadcast(approver, b.id);
    expect(done.status).toBe('done');
    expect(done.progress).toMatchObject({ total: 500, byTelco: { viettel: { delivered: 500, queued: 0, ambiguous: 0 } } });
    for (let i = 0; i < 500; i++) expect(peer.simulator.acceptedByDestination.get(`84${phoneNo(i).slice(1)}`)?.length, phoneNo(i)).toBe(1);
    const list = await svc.listBroadcasts(approver, { unitId: TT_TAM_DUONG });
    expect(list.find((x) => x.id === b.id)).toMatchObject({ status: 'done', progress: { total: 500, delivered: 500 } });
  }, 60_000);

  it('a delivery left submitting becomes ambiguous on restart, is never resubmitted, and a later receipt settles it', async () => {
    const svc = t.c.services.broadcasts;
    const list = await buildList(t.c, TT_TAM_DUONG, 3, 2000);
    const b = await svc.createBroadcast(drafter, input(list, { priority: 'khan_cap' }));
    await svc.emergencyApproveBroadcast(approver, b.id);
    const [first] = await deliveriesOf(t.c, b.id);
    await setDeliveryState(t.c, first!.id, 'submitting'); // as a worker killed between the mark and the answer leaves it
    expect(await t.c.services.smsSending.recoverInterrupted()).toBe(1);
    await t.c.jobs.drain();
    await until(async () => (await svc.getBroadcast(approver, b.id)).progress.byState.delivered === 2);
    const rows = await deliveriesOf(t.c, b.id);
    expect(rows[0]).toMatchObject({ phone: first!.phone, state: 'ambiguous' });
    expect(peer.simulator.acceptedByDestination.get(`84${first!.phone.slice(1)}`)).toBeUndefined();
    expect((await svc.getBroadcast(approver, b.id)).status).toBe('done');
    await t.c.services.smsSending.onReceipt({
      messageId: 'ABC123',
      idForms: ['abc123'],
      state: 'delivered',
      stat: 'DELIVRD',
      errorCode: null,
      from: 'UBND XA',
      to: `84${first!.phone.slice(1)}`,
      doneAt: null,
      account: 'sim',
    });
    expect((await deliveriesOf(t.c, b.id))[0]).toMatchObject({ state: 'delivered' });
  });

  it('an MO reply TU CHOI opts the number out', async () => {
    const list = await buildList(t.c, TT_TAM_DUONG, 2, 3000);
    peer.simulator.deliverMo('loa', `84${phoneNo(3000).slice(1)}`, '8088', 'Từ chối');
    const phones = async () => (await t.c.services.subscribers.recipientsFor({ unitIds: [], listIds: [list] }, { priority: 'thuong' })).map((r) => r.phone);
    await until(async () => !(await phones()).includes(phoneNo(3000)));
    expect(await phones()).toEqual([phoneNo(3001)]);
  });

  it('caps ordinary messages per phone per day; khẩn cấp goes anyway; quiet hours move ordinary ones to 07:00', async () => {
    const svc = t.c.services.broadcasts;
    const list = await buildList(t.c, TT_TAM_DUONG, 1, 4000);
    const send = async (priority: BroadcastInput['priority']) => {
      const b = await svc.createBroadcast(drafter, input(list, { priority }));
      return priority === 'khan_cap' ? svc.emergencyApproveBroadcast(approver, b.id) : (await svc.submitBroadcast(drafter, b.id), svc.approveBroadcast(approver, b.id));
    };
    for (let i = 0; i < 3; i++) expect((await send('thuong')).progress.byState.queued).toBe(1);
    const fourth = await send('uu_tien');
    expect(fourth).toMatchObject({ status: 'done', progress: { byState: { rejected: 1, queued: 0 } } });
    expect((await deliveriesOf(t.c, fourth.id))[0]!.error).toBe(DAILY_CAP_ERROR);
    expect((await send('khan_cap')).progress.byState.queued).toBe(1);

    t.clock.set(new Date('2021-02-03T16:30:00Z')); // 23:30 in Viet Nam
    const night = await send('thuong');
    expect(night.status).toBe('approved');
    expect((await jobRow(t.c, `sms:${night.id}:0`))!.runAt.toISOString()).toBe('2021-02-04T00:00:00.000Z'); // 07:00
    const urgent = await send('khan_cap');
    expect((await jobRow(t.c, `sms:${urgent.id}:0`))!.runAt.toISOString()).toBe('2021-02-03T16:30:00.000Z');
    t.clock.set(new Date('2021-02-03T03:00:00Z'));
  });

  describe('approval is one transaction', () => {
    it('a failure while enqueueing rolls back the deliveries, the jobs and the status', async () => {
      const failing = { enqueueMany: () => Promise.reject(new Error('outbox down')) } as unknown as JobQueue;
      const svc = createBroadcastsService({
        db: t.c.database.db,
        clock: t.clock,
        jobs: failing,
        units: t.c.services.units.lookup,
        settings: t.c.services.settings,
        subscribers: t.c.services.subscribers,
        directives: t.c.services.directives,
        smsAccount: true,
      });
      const b = await t.c.services.broadcasts.createBroadcast(drafter, input(small));
      await t.c.services.broadcasts.submitBroadcast(drafter, b.id);
      expect(await outcomeOf(svc.approveBroadcast(approver, b.id))).toContain('outbox down');
      expect((await t.c.services.broadcasts.getBroadcast(approver, b.id)).status).toBe('submitted');
      expect(await countRowsWhere(t.c, 'sms_deliveries', b.id)).toBe(0);
      expect(await countRowsWhere(t.c, 'jobs', `sms:${b.id}:%`)).toBe(0);
      expect((await auditEventsFor(t.c, b.id)).map((x) => x.action)).toEqual(['broadcast.create', 'broadcast.submit']);
    });
  });
});
