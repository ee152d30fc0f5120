// The simulator's store and forward of deliver_sm (receipts and MO messages), as a telco SMSC does it: a deliver_sm
// stays stored until a bind of its account answers it with deliver_sm_resp status 0. No receiving bind: kept until
// one binds. The socket closed before the answer: sent again at once to another bind, or on the next bind. No answer
// within the ack timeout, or an error status (ESME_RX_T_APPN: "not now"): sent again after a backoff (doubling, at
// most 30 s), at most `maxAttempts` sends, then given up. Every resend and give-up is logged.
import type { PDU, Session } from 'smpp';
import { ESM_CLASS_RECEIPT } from './smpp-pdu.ts';

export interface StoredDeliver {
  systemId: string;
  pdu: PDU;
  attempts: number;
}

export interface ForwardBind {
  id: number;
  session: Session;
  systemId: string | null;
  seq: number;
  /** Bound as transceiver or receiver: deliver_sm may go to it. */
  receives: boolean;
  /** deliver_sm written to this bind, by sequence number, until answered. */
  awaiting: Map<number, { d: StoredDeliver; timer: NodeJS.Timeout }>;
}

export interface ForwardCounters {
  dlrSent: number;
  deliverAcked: number;
  deliverRetried: number;
  deliverGivenUp: number;
  deliverPending: number;
}

export function createForwarder(deps: {
  binds: ReadonlySet<ForwardBind>;
  counters: ForwardCounters;
  timers: Set<NodeJS.Timeout>;
  later: (ms: number, fn: () => void) => void;
  closing: () => boolean;
  log: (event: Record<string, unknown>) => void;
  ackTimeoutMs: number;
  retryMs: number;
  maxAttempts: number;
}) {
  const { binds, counters, timers, log } = deps;
  const waiting = new Map<string, StoredDeliver[]>();
  const describe = (d: StoredDeliver) => ({ systemId: d.systemId, id: d.pdu.receipted_message_id ?? null, from: d.pdu.source_addr, attempts: d.attempts });

  /** Writes a stored deliver_sm to a receiving bind of its account, or keeps it until one binds. */
  function forward(d: StoredDeliver) {
    if (deps.closing()) return;
    const target = [...binds].find((b) => b.systemId === d.systemId && b.receives && !b.session.socket.destroyed);
    if (!target) {
      const list = waiting.get(d.systemId) ?? [];
      list.push(d);
      waiting.set(d.systemId, list);
      return;
    }
    target.seq = target.seq >= 0x7fffffff ? 1 : target.seq + 1;
    const seq = target.seq;
    d.pdu.sequence_number = seq;
    d.attempts++;
    if (!target.session.send(d.pdu)) return again(d, 'socket gone');
    if (d.pdu.esm_class === ESM_CLASS_RECEIPT) counters.dlrSent++;
    const timer = setTimeout(() => {
      timers.delete(timer);
      target.awaiting.delete(seq);
      again(d, 'no deliver_sm_resp');
    }, deps.ackTimeoutMs);
    timers.add(timer);
    target.awaiting.set(seq, { d, timer });
  }

  /** Not acknowledged: sent again after a backoff, or at once (another bind, or stored for the next one). */
  function again(d: StoredDeliver, reason: string, now = false) {
    if (d.attempts >= deps.maxAttempts) {
      counters.deliverPending--;
      counters.deliverGivenUp++;
      return log({ event: 'deliver_given_up', reason, ...describe(d) });
    }
    counters.deliverRetried++;
    log({ event: 'deliver_retry', reason, ...describe(d) });
    deps.later(now ? 0 : Math.min(deps.retryMs * 2 ** (d.attempts - 1), 30_000), () => forward(d));
  }

  return {
    /** A new deliver_sm for the account's binds. */
    send(systemId: string, pdu: PDU) {
      counters.deliverPending++;
      forward({ systemId, pdu, attempts: 0 });
    },
    /** A bind that may receive was bound: what waited for the account goes to it. */
    bound(b: ForwardBind) {
      const stored = b.systemId ? waiting.get(b.systemId) : undefined;
      if (!stored || !b.receives) return;
      waiting.delete(b.systemId!);
      log({ event: 'deliver_resend', bind: b.id, systemId: b.systemId, count: stored.length });
      for (const d of stored) forward(d);
    },
    answered(b: ForwardBind, pdu: PDU) {
      const a = b.awaiting.get(pdu.sequence_number);
      if (!a) return;
      b.awaiting.delete(pdu.sequence_number);
      clearTimeout(a.timer);
      timers.delete(a.timer);
      if (pdu.command_status) return again(a.d, `status 0x${pdu.command_status.toString(16).padStart(8, '0')}`);
      counters.deliverPending--;
      counters.deliverAcked++;
    },
    /** The bind's socket closed: what it never answered is kept for another bind or the next one. */
    closed(b: ForwardBind) {
      for (const { d, timer } of b.awaiting.values()) {
        clearTimeout(timer);
        timers.delete(timer);
        if (!deps.closing()) again(d, 'connection closed', true);
      }
      b.awaiting.clear();
    },
  };
}
