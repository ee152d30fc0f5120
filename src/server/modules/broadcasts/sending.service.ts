import type { Db } from '../../db/client.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import { defineJob } from '../../jobs/queue.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { DeliveryReceipt, MoMessage, SmsProvider, SubmitResult } from '../../providers/sms/port.ts';
import { segment } from '../../../shared/sms/segments.ts';
import * as repo from './broadcasts.repository.ts';
import { SEND_CHUNK, SEND_MAX_ATTEMPTS, sendSmsJob } from './broadcasts.jobs.ts';
import { textToSend } from './broadcasts.present.ts';
import * as deliveries from './deliveries.repository.ts';
import type { SubmitOutcome } from './deliveries.repository.ts';
import { createBatcher, sendPipelined } from './sending.pipeline.ts';
import type { BroadcastRow } from './broadcasts.repository.ts';
import { fromMsisdn, isOptOutKeyword, isOrdinary, messageKey, NO_OPENING_ERROR, rulesOf, sendingStretch, toMsisdn } from './sending.rules.ts';
import type { SmsSettings } from '../../../shared/contracts/settings.ts';

export const NO_ACCOUNT_ERROR = 'chưa cấu hình tài khoản SMS';
export const AMBIGUOUS_AFTER_RESTART = 'tin đang gửi khi dịch vụ dừng: chưa rõ tổng đài đã nhận hay chưa (không gửi lại)';
/** Kept on a delivery reconciled by a later receipt (its submit_sm_resp was lost; matched by the phone). */
export const RECONCILED_BY_RECEIPT = 'đối soát theo báo cáo phát (không nhận được phản hồi khi gửi)';
/** The brandname used when a broadcast names none (the demo's; a real account sets its own). */
export const DEFAULT_SENDER = 'LOA';
/** Deliveries claimed and not yet recorded per send job (at most this many are left ambiguous by a crash). */
const LANES = 100;
/** A claim waits for this many free lanes, a write of outcomes for this many answers: one UPDATE per batch. */
const BATCH = 25;
/** A receipt that overtook the recording of its submit_sm_resp is tried again this many times, then left to the SMSC. */
const RECEIPT_RETRIES = 4;

export interface SubscriberOptOut {
  optOut(phone: string, source: 'sms_keyword' | 'staff', opts?: InTx): Promise<number>;
}

/** A provider that threw instead of answering: the submit_sm may have gone out. */
function providerFailure(err: unknown): SubmitResult {
  return { ok: false, bind: null, error: { kind: 'ambiguous', reason: 'connection_lost', acceptedPartIds: [], message: err instanceof Error ? err.message : String(err) } };
}

/**
 * The send job moved to the next opening of the window: one id per (broadcast, opening, deliveries left, named by the
 * smallest of their ids), so a re-run enqueues it once.
 */
export const windowJobId = (broadcastId: string, opensAt: Date, smallestDeliveryId: string): string => `sms:${broadcastId}:window:${opensAt.toISOString()}:${smallestDeliveryId}`;

export function outcomeOf(id: string, r: SubmitResult): SubmitOutcome {
  if (r.ok) return { id, state: 'submitted', messageId: r.messageId, messageKey: messageKey(r.messageId), bind: r.bind, error: null };
  const e = r.error;
  const first = e.acceptedPartIds[0] ?? null;
  const base = { id, messageId: first, messageKey: first ? messageKey(first) : null, bind: r.bind };
  const status = 'commandStatus' in e && e.commandStatus !== undefined ? ` (0x${e.commandStatus.toString(16).padStart(8, '0')})` : '';
  if (e.kind === 'ambiguous' || e.acceptedPartIds.length > 0) return { ...base, state: 'ambiguous', error: `${e.message}${status}` };
  if (e.kind === 'temporary') return { ...base, state: 'queued', error: `lỗi tạm thời: ${e.message}${status}` };
  return { ...base, state: 'rejected', error: `tổng đài từ chối: ${e.message}${status}` };
}

/**
 * Sending: the send job, delivery receipts, MO opt-outs and recovery after a restart. Exactly once or
 * visibly ambiguous: a delivery is 'submitting' (committed) before its submit_sm goes out, so one that a
 * crash interrupts is found 'submitting' on restart and becomes 'ambiguous' — never resent blindly.
 */
export function createSendingService(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  jobs: JobQueue;
  sms: SmsProvider | null;
  subscribers: SubscriberOptOut;
  /** The SMS settings in force (services.settings): the quiet hours. */
  settings: { smsSettings(): Promise<SmsSettings> };
}) {
  const { db, clock, logger, jobs, sms, subscribers } = deps;

  const settleById = createBatcher((rs: deliveries.ReceiptSettle[]) => deliveries.settleReceiptsById(db, rs, clock.now()));

  /** A broadcast with nothing queued or submitting any more is done. */
  async function finishIfDone(broadcastId: string): Promise<void> {
    if ((await deliveries.countUnfinished(db, broadcastId)) === 0) await repo.setStatus(db, broadcastId, ['approved', 'sending'], 'done', clock.now());
  }

  /**
   * The send window and the quiet hours (ordinary messages only). Outside them the job is enqueued again for the next
   * opening and 'held' is answered; inside, the instant they close (null: never), after which nothing more is claimed.
   */
  async function windowOf(b: BroadcastRow, ids: readonly string[]): Promise<'held' | { closesAt: Date | null }> {
    if (!isOrdinary(b.priority) || ids.length === 0) return { closesAt: null };
    const st = sendingStretch(clock.now(), rulesOf(await deps.settings.smsSettings(), b));
    if (st.open) return { closesAt: st.closesAt };
    if (!st.opensAt) {
      // The quiet hours were changed to cover the whole window: these can never go.
      await deliveries.settleQueued(db, { ids }, 'rejected', NO_OPENING_ERROR, clock.now());
      await finishIfDone(b.id);
      return 'held';
    }
    await jobs.enqueue(db, sendSmsJob, { broadcastId: b.id, deliveryIds: [...ids] }, { id: windowJobId(b.id, st.opensAt, [...ids].sort()[0]!), runAt: st.opensAt });
    return 'held';
  }

  async function sendChunk(payload: { broadcastId: string; deliveryIds: string[] }): Promise<void> {
    const b = await repo.findBroadcast(db, payload.broadcastId);
    if (!b) return;
    if (b.status === 'cancelled') {
      await deliveries.settleQueued(db, { ids: payload.deliveryIds }, 'rejected', 'thông điệp đã bị hủy', clock.now());
      return;
    }
    const window = await windowOf(b, payload.deliveryIds);
    if (window === 'held') return;
    const closed = () => window.closesAt !== null && clock.now() >= window.closesAt;
    if (!sms) {
      await deliveries.settleQueued(db, { ids: payload.deliveryIds }, 'failed', NO_ACCOUNT_ERROR, clock.now());
      await finishIfDone(b.id);
      return;
    }
    await repo.setStatus(db, b.id, ['approved'], 'sending', clock.now());
    const s = segment(textToSend(b));
    const pending = await deliveries.queuedIn(db, payload.deliveryIds);
    // Claim a batch ('submitting' committed), submit each, record the answers in batches; at most LANES claimed and
    // not yet recorded. An unanswered submit (ambiguous after the response timeout) holds up only its lane.
    const from = b.senderName ?? DEFAULT_SENDER;
    await sendPipelined(pending, {
      lanes: LANES,
      minClaim: BATCH,
      minRecord: BATCH,
      claim: (ids) => (closed() ? Promise.resolve([]) : deliveries.claimForSubmit(db, ids, clock.now())),
      submit: (d) =>
        sms.submit({ to: toMsisdn(d.phone), from, text: s.text, parts: s.partsText, encoding: s.encoding, reference: d.id }).then(
          (r) => outcomeOf(d.id, r),
          (err: unknown) => outcomeOf(d.id, providerFailure(err)),
        ),
      record: async (outcomes) => {
        await deliveries.recordOutcomes(db, outcomes, clock.now());
        const retry = outcomes.filter((o) => o.state === 'queued').map((o) => o.id);
        await deliveries.failExhausted(db, retry, SEND_MAX_ATTEMPTS, 'lỗi tạm thời kéo dài: đã thử lại nhiều lần', clock.now());
      },
    });
    await finishIfDone(b.id);
    const left = await deliveries.queuedIn(db, payload.deliveryIds);
    // The window closed mid-run: the rest waits for its next opening.
    if (left.length && closed()) {
      await windowOf(b, left);
      return;
    }
    // Temporary refusals (throttling, a lost connection before sending): the job runs again later for those.
    if (left.length) throw new Error(`${left.length} tin gặp lỗi tạm thời, sẽ gửi lại`);
  }

  /**
   * Settles the delivery a receipt is about (committed before the provider answers the deliver_sm). 'retry' when
   * a delivery of that phone is still 'submitting' after a few tries: the SMSC delivers the receipt again later.
   */
  async function onReceipt(r: DeliveryReceipt): Promise<'done' | 'retry'> {
    if (r.state === 'accepted' || r.state === 'unknown') return 'done';
    const error = r.state === 'delivered' ? null : `${r.stat}${r.errorCode ? ` err:${r.errorCode}` : ''}`;
    const reconciledError = error ? `${error}; ${RECONCILED_BY_RECEIPT}` : RECONCILED_BY_RECEIPT;
    const settle = { messageId: r.messageId, idForms: r.idForms.map(messageKey), phone: fromMsisdn(r.to), state: r.state, error, reconciledError };
    // Most receipts match their delivery's id: settled in batches; the rest go on one by one.
    if (await settleById({ idForms: settle.idForms, state: r.state, error })) return 'done';
    let match = await deliveries.settleByReceipt(db, settle, clock.now());
    // A receipt can overtake the recording of its submit_sm_resp: try again shortly.
    for (let i = 0; match === 'pending' && i < RECEIPT_RETRIES; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      match = await deliveries.settleByReceipt(db, settle, clock.now());
    }
    if (match === 'pending') return 'retry';
    if (!match) logger.warn({ messageId: r.messageId, to: r.to }, 'sms: receipt for no known delivery');
    return 'done';
  }

  async function onMo(m: MoMessage): Promise<void> {
    const phone = fromMsisdn(m.from);
    if (!phone || !isOptOutKeyword(m.text)) return;
    const n = await subscribers.optOut(phone, 'sms_keyword');
    logger.info({ subscribers: n }, 'sms: opt-out by keyword');
  }

  return {
    sendChunk,
    onReceipt,
    onMo,
    /**
     * On worker start: deliveries left 'submitting' by a dead process become 'ambiguous' (a later receipt may
     * still settle them), and the queued ones of broadcasts being sent get fresh send jobs (the dead worker's
     * job is reclaimed only when it goes stale; whichever runs first sends, the other finds nothing queued).
     */
    async recoverInterrupted(): Promise<number> {
      const touched = await deliveries.markSubmittingAmbiguous(db, AMBIGUOUS_AFTER_RESTART, clock.now());
      for (const id of touched) await finishIfDone(id);
      const byBroadcast = new Map<string, string[]>();
      for (const d of await deliveries.queuedOfSending(db)) byBroadcast.set(d.broadcastId, [...(byBroadcast.get(d.broadcastId) ?? []), d.id]);
      const stamp = clock.now().toISOString();
      for (const [broadcastId, ids] of byBroadcast) {
        const rows = [];
        for (let i = 0; i < ids.length; i += SEND_CHUNK)
          rows.push({ id: `sms:${broadcastId}:resume:${stamp}:${i / SEND_CHUNK}`, payload: { broadcastId, deliveryIds: ids.slice(i, i + SEND_CHUNK) } });
        await jobs.enqueueMany(db, sendSmsJob, rows);
      }
      return touched.length;
    },
    /** Listens to the provider's receipts and MO messages; returns the unsubscribe. */
    listen(): () => void {
      if (!sms) return () => {};
      const log = (what: string) => (err: unknown) => logger.error({ err }, `sms: ${what} failed`);
      // The promises go back to the provider: it answers the deliver_sm when they settle (a failure: try later).
      const offR = sms.on('receipt', (r) => onReceipt(r).catch((err: unknown) => (log('receipt')(err), 'retry' as const)));
      const offM = sms.on('mo', (m) => onMo(m).catch((err: unknown) => (log('MO')(err), 'retry' as const)));
      return () => {
        offR();
        offM();
      };
    },
    job: defineJob({ ...sendSmsJob, handle: (p) => sendChunk(p) }),
  };
}
export type SendingService = ReturnType<typeof createSendingService>;
