// A local SMSC for tests, the demo and the benchmark, on the `smpp` package's server side: authenticates binds,
// enforces a window and a rate per bind (ESME_RTHROTTLED beyond them), assigns message ids, sends delivery receipts
// after a delay, fails or drops submits at given rates, and counts everything it saw (the tests read the counters).
// Receipts and MO messages are stored and forwarded as a telco SMSC does: one not acknowledged (no bind, the socket
// gone, no deliver_sm_resp in time, an error status) is delivered again later or when the account binds again.
import type { AddressInfo } from 'node:net';
import smpp from 'smpp';
import type { PDU, Server } from 'smpp';
import { encodeGsm7 } from '../../../shared/sms/gsm7.ts';
import { createTokenBucket } from './flow.ts';
import type { TokenBucket } from './flow.ts';
import { createForwarder } from './smsc-forward.ts';
import type { ForwardBind } from './smsc-forward.ts';
import { STATUS, formatReceipt } from './receipt.ts';
import { ESM_CLASS_RECEIPT, decodeShortMessage, textField } from './smpp-pdu.ts';
import type { DecodedShortMessage } from './smpp-pdu.ts';

export interface SimulatorOptions {
  host?: string;
  /** 0 = any free port (see `port` after listen). */
  port?: number;
  /** Accepted system_id/password pairs; empty = any. */
  accounts?: Array<{ systemId: string; password: string }>;
  /** submit_sm per second per bind (0 = no limit); beyond it ESME_RTHROTTLED. */
  tps?: number;
  /** Outstanding (unanswered) submit_sm per bind (0 = no limit); beyond it ESME_RTHROTTLED. */
  window?: number;
  /** The refusal beyond window or tps: ESME_RTHROTTLED (default) or ESME_RMSGQFUL. */
  throttleStatus?: 'throttled' | 'queue_full';
  /** Delay before each submit_sm_resp (ms). */
  latencyMs?: number;
  /** Delay before the delivery receipt (ms); negative = never send receipts. */
  dlrDelayMs?: number;
  /** Share of submits that fail: half answered ESME_RSUBMITFAIL, half accepted and reported UNDELIV. */
  failRate?: number;
  /** Share of submits accepted (id assigned, receipt sent) but never answered. */
  dropRate?: number;
  /** Form of the id in submit_sm_resp; the receipt uses the same or the other form. */
  idFormat?: 'hex' | 'decimal';
  dlrIdFormat?: 'same' | 'other';
  /** How long a deliver_sm may wait for its deliver_sm_resp before it is sent again (default 10,000 ms). */
  deliverAckTimeoutMs?: number;
  /** First delay before a refused or unanswered deliver_sm is sent again, doubling up to 30 s (default 1000 ms). */
  deliverRetryMs?: number;
  /** Sends of one deliver_sm before the simulator gives up on it (default 10). */
  deliverAttempts?: number;
  /** Keep each received submit_sm (destination, UDH, text) in `messages` (default true, at most 200,000). */
  keepMessages?: boolean;
  random?: () => number;
  log?: (event: Record<string, unknown>) => void;
}

export interface ReceivedSubmit extends DecodedShortMessage {
  bind: number;
  systemId: string;
  to: string;
  from: string;
  dataCoding: number;
  esmClass: number;
  registeredDelivery: number;
  /** Assigned id (null when refused). */
  messageId: string | null;
  status: number | 'dropped';
}

export interface SimulatorCounters {
  binds: number;
  received: number;
  answered: number;
  accepted: number;
  throttled: number;
  failed: number;
  dropped: number;
  /** Receipt deliver_sm written (each redelivery counts again). */
  dlrSent: number;
  /** deliver_sm (receipts and MO) acknowledged with status 0, sent again, given up after the last attempt. */
  deliverAcked: number;
  deliverRetried: number;
  deliverGivenUp: number;
  /** deliver_sm not yet acknowledged nor given up (waiting for a bind, for a response or for a retry). */
  deliverPending: number;
  /** The most unanswered submit_sm seen on one bind at once. */
  maxOutstanding: number;
  enquireLinks: number;
}

interface BindState extends ForwardBind {
  outstanding: number;
  received: number;
  bucket: TokenBucket | null;
}

export interface SmscSimulator {
  readonly port: number;
  readonly host: string;
  readonly counters: SimulatorCounters;
  /** Received submit_sm count per bind id ("systemId#n"). */
  readonly perBind: Map<string, number>;
  /** Ids accepted per destination: more than one for a single-part message means it was delivered twice. */
  readonly acceptedByDestination: Map<string, string[]>;
  readonly messages: ReceivedSubmit[];
  /** Sends an MO message (a subscriber's reply) to a bind of the account, or keeps it until one binds. */
  deliverMo(systemId: string, from: string, to: string, text: string): void;
  /** Asks every bind to unbind (the SMSC's side of a maintenance window). */
  unbindAll(): void;
  /** Ends every session (without unbind) and stops listening. */
  close(): Promise<void>;
}

const MAX_KEPT = 200_000;

export async function startSmscSimulator(o: SimulatorOptions = {}): Promise<SmscSimulator> {
  const random = o.random ?? Math.random;
  const log = o.log ?? (() => {});
  const counters: SimulatorCounters = {
    binds: 0,
    received: 0,
    answered: 0,
    accepted: 0,
    throttled: 0,
    failed: 0,
    dropped: 0,
    dlrSent: 0,
    deliverAcked: 0,
    deliverRetried: 0,
    deliverGivenUp: 0,
    deliverPending: 0,
    maxOutstanding: 0,
    enquireLinks: 0,
  };
  const ackTimeoutMs = o.deliverAckTimeoutMs ?? 10_000;
  const retryMs = o.deliverRetryMs ?? 1000;
  const maxAttempts = o.deliverAttempts ?? 10;
  const perBind = new Map<string, number>();
  const acceptedByDestination = new Map<string, string[]>();
  const messages: ReceivedSubmit[] = [];
  const binds = new Set<BindState>();
  const timers = new Set<NodeJS.Timeout>();
  let nextBind = 1;
  let nextId = 0x10000 + Math.floor(random() * 0xffff);
  let closing = false;

  const later = (ms: number, fn: () => void) => {
    if (ms <= 0) return fn();
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const formatId = (n: number, form: 'hex' | 'decimal') => (form === 'hex' ? n.toString(16).toUpperCase() : String(n));

  const forwarder = createForwarder({ binds, counters, timers, later, closing: () => closing, log, ackTimeoutMs, retryMs, maxAttempts });
  const sendDlr = (systemId: string, pdu: PDU) => forwarder.send(systemId, pdu);

  function scheduleDlr(b: BindState, m: ReceivedSubmit, n: number, stat: 'DELIVRD' | 'UNDELIV') {
    if ((o.dlrDelayMs ?? 1000) < 0 || !(m.registeredDelivery & 1)) return;
    const form = o.idFormat ?? 'hex';
    const dlrForm = (o.dlrIdFormat ?? 'same') === 'same' ? form : form === 'hex' ? 'decimal' : 'hex';
    const id = formatId(n, dlrForm);
    const submitted = new Date();
    const systemId = b.systemId!;
    later(o.dlrDelayMs ?? 1000, () => {
      const text = formatReceipt({ id, stat, err: stat === 'DELIVRD' ? '000' : '001', submitted, done: new Date(), text: m.text });
      const pdu = new smpp.PDU('deliver_sm', {
        source_addr_ton: 1,
        source_addr_npi: 1,
        source_addr: m.to,
        destination_addr: m.from,
        esm_class: ESM_CLASS_RECEIPT,
        data_coding: 0,
        short_message: Buffer.from(encodeGsm7(text.replace(/[^\x20-\x7e]/g, ' ').replace(/[`^{}\\[\]~|_]/g, ' '))),
        receipted_message_id: id,
        message_state: stat === 'DELIVRD' ? 2 : 5,
      });
      sendDlr(systemId, pdu);
    });
  }

  function onSubmit(b: BindState, pdu: PDU) {
    counters.received++;
    b.received++;
    const bindName = `${b.systemId ?? '?'}#${b.id}`;
    perBind.set(bindName, (perBind.get(bindName) ?? 0) + 1);
    const answer = (status: number, messageId?: string) => {
      counters.answered++;
      b.session.send(pdu.response(status ? { command_status: status } : { message_id: messageId }));
    };
    if (!b.systemId) return answer(STATUS.ESME_RINVBNDSTS);
    if ((o.window && b.outstanding >= o.window) || (b.bucket && b.bucket.take(performance.now()) > 0)) {
      counters.throttled++;
      return answer(o.throttleStatus === 'queue_full' ? STATUS.ESME_RMSGQFUL : STATUS.ESME_RTHROTTLED);
    }
    const dataCoding = Number(pdu.data_coding ?? 0);
    const esmClass = Number(pdu.esm_class ?? 0);
    const m: ReceivedSubmit = {
      ...decodeShortMessage(pdu.short_message, dataCoding, esmClass),
      bind: b.id,
      systemId: b.systemId,
      to: textField(pdu, 'destination_addr'),
      from: textField(pdu, 'source_addr'),
      dataCoding,
      esmClass,
      registeredDelivery: Number(pdu.registered_delivery ?? 0),
      messageId: null,
      status: 0,
    };
    if (o.keepMessages !== false && messages.length < MAX_KEPT) messages.push(m);
    const accept = () => {
      const n = nextId++;
      m.messageId = formatId(n, o.idFormat ?? 'hex');
      counters.accepted++;
      const list = acceptedByDestination.get(m.to) ?? [];
      list.push(m.messageId);
      acceptedByDestination.set(m.to, list);
      return n;
    };
    const r = random();
    const dropRate = o.dropRate ?? 0;
    const failRate = o.failRate ?? 0;
    if (r < dropRate) {
      counters.dropped++;
      m.status = 'dropped';
      scheduleDlr(b, m, accept(), 'DELIVRD');
      return;
    }
    let outcome: 'ok' | 'reject' | 'undeliv' = 'ok';
    if (r < dropRate + failRate) outcome = r < dropRate + failRate / 2 ? 'reject' : 'undeliv';
    b.outstanding++;
    counters.maxOutstanding = Math.max(counters.maxOutstanding, b.outstanding);
    later(o.latencyMs ?? 0, () => {
      b.outstanding--;
      if (b.session.socket.destroyed) return;
      if (outcome === 'reject') {
        counters.failed++;
        m.status = STATUS.ESME_RSUBMITFAIL;
        return answer(STATUS.ESME_RSUBMITFAIL);
      }
      const n = accept();
      if (outcome === 'undeliv') counters.failed++;
      answer(0, m.messageId!);
      scheduleDlr(b, m, n, outcome === 'ok' ? 'DELIVRD' : 'UNDELIV');
    });
  }

  function onBind(b: BindState, pdu: PDU) {
    const systemId = textField(pdu, 'system_id');
    const password = textField(pdu, 'password');
    const known = o.accounts?.length ? o.accounts.find((a) => a.systemId === systemId) : { systemId, password };
    const status = b.systemId ? STATUS.ESME_RALYBND : !known ? STATUS.ESME_RINVSYSID : known.password !== password ? STATUS.ESME_RINVPASWD : 0;
    b.session.send(pdu.response(status ? { command_status: status } : { system_id: 'loa-smsc' }));
    log({ event: status ? 'bind_refused' : 'bind', bind: b.id, systemId, command: pdu.command, status });
    if (status) return;
    b.systemId = systemId;
    b.receives = pdu.command !== 'bind_transmitter';
    b.bucket = o.tps ? createTokenBucket(o.tps, undefined, performance.now()) : null;
    counters.binds++;
    forwarder.bound(b);
  }

  const server: Server = smpp.createServer({}, (session) => {
    const b: BindState = { id: nextBind++, session, systemId: null, outstanding: 0, received: 0, bucket: null, seq: 0, receives: false, awaiting: new Map() };
    binds.add(b);
    session.socket.setNoDelay(true);
    session.on('error', () => session.destroy());
    session.on('close', () => {
      binds.delete(b);
      if (b.systemId) log({ event: 'closed', bind: b.id, systemId: b.systemId, received: b.received, unacknowledged: b.awaiting.size });
      forwarder.closed(b);
    });
    session.on('pdu', (pdu: PDU) => {
      if (closing) return;
      if (pdu.command === 'deliver_sm_resp') return forwarder.answered(b, pdu);
      switch (pdu.command) {
        case 'bind_transceiver':
        case 'bind_transmitter':
        case 'bind_receiver':
          return onBind(b, pdu);
        case 'submit_sm':
          return onSubmit(b, pdu);
        case 'enquire_link':
          counters.enquireLinks++;
          return void session.send(pdu.response());
        case 'unbind':
          session.send(pdu.response());
          log({ event: 'unbind', bind: b.id, systemId: b.systemId, received: b.received });
          b.systemId = null;
          b.receives = false;
          return void session.close();
        default:
          if (!pdu.isResponse()) session.send(new smpp.PDU('generic_nack', { sequence_number: pdu.sequence_number, command_status: STATUS.ESME_RINVCMDID }));
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 2775, o.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  return {
    port: address.port,
    host: address.address,
    counters,
    perBind,
    acceptedByDestination,
    messages,
    deliverMo(systemId, from, to, text) {
      const gsm = /^[\x20-\x7e]*$/.test(text) && !/[`^{}\\[\]~|_]/.test(text);
      const short_message = gsm ? Buffer.from(encodeGsm7(text)) : Buffer.from(text, 'utf16le').swap16();
      sendDlr(
        systemId,
        new smpp.PDU('deliver_sm', { source_addr_ton: 1, source_addr_npi: 1, source_addr: from, destination_addr: to, esm_class: 0, data_coding: gsm ? 0 : 8, short_message }),
      );
    },
    unbindAll() {
      for (const b of binds) if (b.systemId) b.session.send(new smpp.PDU('unbind', { sequence_number: ++b.seq }));
    },
    async close() {
      closing = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const closed = new Promise<void>((r) => server.close(() => r()));
      for (const b of binds) b.session.destroy();
      await closed;
    },
  };
}
