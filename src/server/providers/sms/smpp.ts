// The SMPP 3.4 SMS provider: per account a queue of messages served by several transceiver binds (smpp-bind.ts),
// delivery receipts matched to the ids this process got from submit_sm_resp (hex or decimal), MO messages passed on.
import type { PDU } from 'smpp';
import type { Logger } from 'pino';
import { createBind } from './smpp-bind.ts';
import type { Bind, BindStats, SmppAccountConfig, SubmitJob } from './smpp-bind.ts';
import { createListeners } from './port.ts';
import type { SmsProvider, SubmitResult } from './port.ts';
import { STATUS, messageIdForms, parseReceipt } from './receipt.ts';
import { ESM_CLASS_RECEIPT, decodeShortMessage, sourceAddressType, submitBodies, textField } from './smpp-pdu.ts';

export type { SmppAccountConfig } from './smpp-bind.ts';

const DEFAULTS = {
  systemType: '',
  binds: 1,
  window: 10,
  maxPerSecond: 0,
  enquireLinkMs: 30_000,
  responseTimeoutMs: 10_000,
  queueTimeoutMs: 60_000,
  throttleGiveUpMs: 30_000,
  throttleBackoffMs: 100,
  reconnectMinMs: 250,
  reconnectMaxMs: 30_000,
  destTon: 1,
  destNpi: 1,
};

export interface SmppProvider extends SmsProvider {
  stats(): { accounts: Array<{ name: string; queued: number; binds: BindStats[] }> };
  /** Resolves when every bind of every account is bound (or rejects after timeoutMs). */
  ready(timeoutMs?: number): Promise<void>;
}

/** Ids accepted by this process, by every form, kept for receipts (the oldest dropped past this many). */
const RECENT_IDS = 500_000;

export function createSmppProvider(opts: { accounts: SmppAccountConfig[]; log: Logger }): SmppProvider {
  if (!opts.accounts.length) throw new Error('createSmppProvider: no accounts');
  const listeners = createListeners();
  const recent = new Map<string, string>();
  let closed = false;

  function remember(id: string) {
    for (const f of messageIdForms(id)) {
      recent.delete(f);
      recent.set(f, id);
    }
    while (recent.size > RECENT_IDS) recent.delete(recent.keys().next().value!);
  }

  /**
   * The deliver_sm_resp status once every listener is done: ESME_RX_T_APPN when one failed or asked for a retry, or
   * when nobody listens yet (a bind comes up, and the SMSC sends what it kept, before the caller subscribes).
   */
  async function answerOf(results: unknown[]): Promise<number> {
    if (!results.length) return STATUS.ESME_RX_T_APPN;
    const settled = await Promise.allSettled(results);
    return settled.some((s) => s.status === 'rejected' || s.value === 'retry') ? STATUS.ESME_RX_T_APPN : STATUS.ESME_ROK;
  }

  function onDeliver(account: string, pdu: PDU): Promise<number> | undefined {
    const esm = Number(pdu.esm_class ?? 0);
    const sm = decodeShortMessage(pdu.short_message, Number(pdu.data_coding ?? 0), esm);
    const from = textField(pdu, 'source_addr');
    const to = textField(pdu, 'destination_addr');
    if ((esm & 0x3c) === ESM_CLASS_RECEIPT) {
      const r = parseReceipt(sm.text, { receiptedMessageId: pdu.receipted_message_id, messageState: pdu.message_state });
      if (!r) {
        opts.log.warn({ account, text: sm.text }, 'smpp: receipt without an id');
        return undefined;
      }
      const idForms = messageIdForms(r.id);
      const known = idForms.map((f) => recent.get(f)).find((v) => v !== undefined);
      // The receipt's source is the subscriber (the original destination), its destination our sender.
      return answerOf(
        listeners.emit('receipt', { messageId: known ?? r.id, idForms, state: r.state, stat: r.stat, errorCode: r.errorCode, from: to, to: from, doneAt: r.doneAt, account }),
      );
    }
    return answerOf(listeners.emit('mo', { from, to, text: sm.text, account, receivedAt: new Date() }));
  }

  const accounts = opts.accounts.map((a) => {
    const config = { ...DEFAULTS, ...a } as Required<SmppAccountConfig>;
    const queue: SubmitJob[] = [];
    let head = 0;
    const binds: Bind[] = [];
    const take = () => {
      if (head >= queue.length) return undefined;
      const job = queue[head]!;
      queue[head++] = undefined as unknown as SubmitJob;
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      return job;
    };
    const account = {
      config,
      binds,
      queued: () => queue.length - head,
      push(job: SubmitJob) {
        queue.push(job);
        for (const b of binds) b.pump();
      },
      drain() {
        const rest = queue.slice(head);
        queue.length = 0;
        head = 0;
        return rest;
      },
    };
    for (let i = 0; i < config.binds; i++) {
      binds.push(
        createBind({
          config,
          name: `${config.name}#${i + 1}`,
          log: opts.log,
          take,
          requeue: (job) => {
            job.startedAt = null;
            job.armTimeout();
            if (head > 0) queue[--head] = job;
            else queue.unshift(job);
          },
          onAccepted: remember,
          onDeliver: (pdu) => onDeliver(config.name, pdu),
        }),
      );
    }
    return account;
  });
  for (const a of accounts) for (const b of a.binds) b.start();

  return {
    on: listeners.on,
    submit(message) {
      const account = message.account ? accounts.find((a) => a.config.name === message.account) : accounts[0];
      if (closed) return Promise.resolve({ ok: false, bind: null, error: { kind: 'temporary', reason: 'closed', acceptedPartIds: [], message: 'provider closed' } });
      if (!account) {
        return Promise.resolve({
          ok: false,
          bind: null,
          error: { kind: 'permanent', reason: 'rejected', commandStatus: 0, acceptedPartIds: [], message: `no SMPP account ${message.account}` },
        });
      }
      let bodies: SubmitJob['bodies'];
      try {
        bodies = submitBodies(message);
      } catch (err) {
        // A part that cannot be encoded or is too long: the SMSC would refuse it (ESME_RINVMSGLEN), so refuse here.
        const msg = err instanceof Error ? err.message : String(err);
        return Promise.resolve({
          ok: false,
          bind: null,
          error: { kind: 'permanent', reason: 'rejected', commandStatus: STATUS.ESME_RINVMSGLEN, acceptedPartIds: [], message: msg },
        });
      }
      return new Promise<SubmitResult>((resolve) => {
        let settled = false;
        let timer: NodeJS.Timeout | undefined;
        const job: SubmitJob = {
          reference: message.reference,
          to: message.to,
          from: message.from,
          source: sourceAddressType(message.from),
          bodies,
          registeredDelivery: message.registeredDelivery ?? true,
          startedAt: null,
          partIds: [],
          resolve(result) {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve(result);
          },
          armTimeout() {
            clearTimeout(timer);
            timer = setTimeout(() => {
              if (job.startedAt !== null || settled) return;
              // Still queued: a bind that pops it later finds nothing left to send and it stays settled.
              const partIds = job.partIds;
              job.bodies = [];
              job.resolve({
                ok: false,
                bind: null,
                error: { kind: 'temporary', reason: 'timeout', acceptedPartIds: partIds, message: `not taken by a bind within ${account.config.queueTimeoutMs} ms` },
              });
            }, account.config.queueTimeoutMs);
          },
        };
        job.armTimeout();
        account.push(job);
      });
    },
    stats: () => ({ accounts: accounts.map((a) => ({ name: a.config.name, queued: a.queued(), binds: a.binds.map((b) => ({ ...b.stats })) })) }),
    async ready(timeoutMs = 10_000) {
      const t0 = performance.now();
      while (!accounts.every((a) => a.binds.every((b) => b.stats.state === 'bound'))) {
        if (performance.now() - t0 > timeoutMs) throw new Error('smpp: binds not bound in time');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const a of accounts) {
        for (const job of a.drain())
          job.resolve({ ok: false, bind: null, error: { kind: 'temporary', reason: 'closed', acceptedPartIds: job.partIds, message: 'provider closed' } });
      }
      await Promise.all(accounts.flatMap((a) => a.binds.map((b) => b.close(a.config.responseTimeoutMs))));
    },
  };
}
