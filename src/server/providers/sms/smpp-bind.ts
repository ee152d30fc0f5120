// One SMPP 3.4 transceiver bind over the `smpp` package's session (its codec and socket handling only): Loa's own
// sequence numbers and response timeouts, a window of outstanding submit_sm, a token bucket per bind, enquire_link,
// back-off on ESME_RTHROTTLED / ESME_RMSGQFUL, reconnection with exponential backoff and jitter, unbind on close.
import smpp from 'smpp';
import type { PDU, Session } from 'smpp';
import type { Logger } from 'pino';
import { createBackoff, createTokenBucket } from './flow.ts';
import { isTemporaryStatus, isThrottleStatus, statusName } from './receipt.ts';
import type { SubmitResult } from './port.ts';
import { textField } from './smpp-pdu.ts';
import type { SubmitBody } from './smpp-pdu.ts';

/** One SMPP account of a telco (several binds may share it). */
export interface SmppAccountConfig {
  /** The account's name (e.g. "viettel-1"), used in logs, results and receipts. */
  name: string;
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  /** Transceiver binds opened for this account (default 1). */
  binds?: number;
  /** Outstanding submit_sm per bind (default 10). */
  window?: number;
  /** Cap in submit_sm per second per bind, each segment counting (0 = none, default). */
  maxPerSecond?: number;
  enquireLinkMs?: number;
  /** A submit_sm unanswered this long is ambiguous (default 10 s). */
  responseTimeoutMs?: number;
  /** A message not taken by a bind this long fails as temporary "timeout" (default 60 s). */
  queueTimeoutMs?: number;
  /** Throttled parts are resent with backoff for this long before failing as temporary (default 30 s). */
  throttleGiveUpMs?: number;
  throttleBackoffMs?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  destTon?: number;
  destNpi?: number;
}

/** A message waiting for a bind: the provider's queue holds these. */
export interface SubmitJob {
  reference: string;
  to: string;
  from: string;
  source: { ton: number; npi: number };
  bodies: SubmitBody[];
  registeredDelivery: boolean;
  /** Set when first taken by a bind; throttled parts are resent until this + throttleGiveUpMs. */
  startedAt: number | null;
  resolve(result: SubmitResult): void;
  /** (Re)starts the queue timeout; called when the job is queued again. */
  armTimeout(): void;
  /** Ids of parts already accepted (a job requeued after a lost connection keeps them). */
  partIds: string[];
}

type Reply = { kind: 'response'; pdu: PDU } | { kind: 'timeout' } | { kind: 'lost'; written: boolean };

export interface BindStats {
  name: string;
  state: 'down' | 'connecting' | 'bound' | 'closed';
  inFlight: number;
  maxInFlight: number;
  submitted: number;
  accepted: number;
  throttled: number;
  binds: number;
}

export interface BindDeps {
  config: Required<Omit<SmppAccountConfig, 'systemType'>> & { systemType: string };
  name: string;
  log: Logger;
  /** Next job for this bind, or undefined. */
  take(): SubmitJob | undefined;
  /** Puts a job back at the head of the queue (its next part was never written). */
  requeue(job: SubmitJob): void;
  onAccepted(partId: string): void;
  /** A receipt or MO: the deliver_sm_resp status once handled (see port.ts ListenerAnswer). */
  onDeliver(pdu: PDU): Promise<number> | undefined;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createBind(deps: BindDeps) {
  const { config, name, log } = deps;
  const stats: BindStats = { name, state: 'down', inFlight: 0, maxInFlight: 0, submitted: 0, accepted: 0, throttled: 0, binds: 0 };
  const pending = new Map<number, { done: (r: Reply) => void; timer: NodeJS.Timeout | null }>();
  const bucket = createTokenBucket(config.maxPerSecond, undefined, performance.now());
  const reconnect = createBackoff(config.reconnectMinMs, config.reconnectMaxMs);
  const throttle = createBackoff(config.throttleBackoffMs, 2000);
  let session: Session | null = null;
  let seq = 0;
  let pausedUntil = 0;
  let closing = false;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let enquireTimer: NodeJS.Timeout | null = null;
  let pumpTimer: NodeJS.Timeout | null = null;
  const idle = new Set<() => void>();
  let corked: Session | null = null;

  /** PDUs written in one tick leave in one writev: a write per PDU was a tenth of the send loop's time. */
  function write(s: Session, pdu: PDU): boolean {
    if (corked !== s) {
      corked = s;
      s.socket.cork();
      process.nextTick(() => {
        corked = null;
        s.socket.uncork();
      });
    }
    return s.send(pdu);
  }

  function request(command: string, params: Record<string, unknown>, timeoutMs = config.responseTimeoutMs): Promise<Reply> {
    const s = session;
    if (!s) return Promise.resolve({ kind: 'lost', written: false });
    seq = seq >= 0x7fffffff ? 1 : seq + 1;
    const pdu = new smpp.PDU(command, { ...params, sequence_number: seq });
    const n = seq;
    return new Promise<Reply>((resolve) => {
      const entry = { done: resolve, timer: null as NodeJS.Timeout | null };
      entry.timer = setTimeout(() => {
        pending.delete(n);
        resolve({ kind: 'timeout' });
      }, timeoutMs);
      pending.set(n, entry);
      if (!write(s, pdu)) {
        clearTimeout(entry.timer);
        pending.delete(n);
        // The socket is gone though its close event has not run yet: stop taking jobs now (no requeue loop).
        if (session === s && stats.state === 'bound') stats.state = 'down';
        s.destroy();
        resolve({ kind: 'lost', written: false });
      }
    });
  }

  function respond(pdu: PDU, options: Record<string, unknown> = {}) {
    if (session) write(session, pdu.response(options));
  }

  function onPdu(pdu: PDU) {
    if (pdu.isResponse()) {
      const p = pending.get(pdu.sequence_number);
      if (!p) return void log.warn({ bind: name, seq: pdu.sequence_number, command: pdu.command }, 'smpp: late or unknown response ignored');
      pending.delete(pdu.sequence_number);
      if (p.timer) clearTimeout(p.timer);
      p.done({ kind: 'response', pdu });
      return;
    }
    switch (pdu.command) {
      case 'enquire_link':
        return respond(pdu);
      case 'deliver_sm': {
        // Answered when the listeners are done (a receipt's settle committed) and on the session it came by: a
        // process that dies first never answers, so the SMSC delivers it again. A listener that throws at once (a
        // bug a retry cannot fix) is logged and the deliver_sm answered; one whose promise fails or asks for a
        // retry answers ESME_RX_T_APPN (the SMSC tries again later).
        const s = session;
        let answer: Promise<number> | undefined;
        try {
          answer = deps.onDeliver(pdu);
        } catch (err) {
          log.error({ bind: name, err }, 'smpp: a receipt or MO listener failed');
        }
        if (!answer) return respond(pdu);
        return void answer.then(
          (status) => s !== null && session === s && write(s, pdu.response(status ? { command_status: status } : {})),
          () => s !== null && session === s && write(s, pdu.response({ command_status: 0x64 })),
        );
      }
      case 'unbind':
        respond(pdu);
        session?.close();
        return;
      default:
        if (session) write(session, new smpp.PDU('generic_nack', { sequence_number: pdu.sequence_number, command_status: 0x03 }));
    }
  }

  function connect() {
    reconnectTimer = null;
    if (closing) return;
    stats.state = 'connecting';
    const s = smpp.connect({ host: config.host, port: config.port });
    session = s;
    s.socket.setNoDelay(true);
    s.on('pdu', (pdu: PDU) => {
      // A throw here would escape the package's socket reader and end the process: log it instead.
      try {
        onPdu(pdu);
      } catch (err) {
        log.error({ bind: name, command: pdu.command, err }, 'smpp: handling a PDU failed');
      }
    });
    // A socket error, or a PDU the codec cannot read (its reader then stops): drop the connection and reconnect.
    s.on('error', (err: Error) => {
      log.warn({ bind: name, err: err.message }, 'smpp: socket error');
      s.destroy();
    });
    s.on('close', () => onClose(s));
    // A connect or bind that hangs (a silent firewall) counts as failed after the response timeout.
    const bindTimer = setTimeout(() => session === s && stats.state === 'connecting' && s.destroy(), config.responseTimeoutMs);
    s.once('close', () => clearTimeout(bindTimer));
    s.on('connect', () => {
      void request('bind_transceiver', { system_id: config.systemId, password: config.password, system_type: config.systemType, interface_version: 0x34 }).then((r) => {
        if (session !== s) return;
        if (r.kind === 'response' && r.pdu.command_status === 0) {
          stats.state = 'bound';
          stats.binds++;
          reconnect.reset();
          log.info({ bind: name, host: config.host, port: config.port }, 'smpp: bound');
          scheduleEnquire();
          pump();
        } else {
          log.warn({ bind: name, status: r.kind === 'response' ? statusName(r.pdu.command_status) : r.kind }, 'smpp: bind refused');
          s.destroy();
        }
      });
    });
  }

  function onClose(s: Session) {
    if (session !== s) return;
    session = null;
    for (const [n, p] of pending) {
      if (p.timer) clearTimeout(p.timer);
      pending.delete(n);
      p.done({ kind: 'lost', written: true });
    }
    if (enquireTimer) clearTimeout(enquireTimer);
    if (closing) {
      stats.state = 'closed';
      return;
    }
    stats.state = 'down';
    const delay = reconnect.next();
    log.warn({ bind: name, delayMs: delay }, 'smpp: connection closed, reconnecting');
    reconnectTimer = setTimeout(connect, delay);
  }

  function scheduleEnquire() {
    if (enquireTimer) clearTimeout(enquireTimer);
    enquireTimer = setTimeout(() => {
      const s = session;
      if (!s || stats.state !== 'bound') return;
      void request('enquire_link', {}).then((r) => {
        if (r.kind === 'timeout' && session === s) {
          log.warn({ bind: name }, 'smpp: enquire_link unanswered, dropping the connection');
          s.destroy();
        } else if (session === s) scheduleEnquire();
      });
    }, config.enquireLinkMs);
  }

  /** Starts jobs while the bind is bound, has a free window slot and is not paused by throttling. */
  function pump() {
    if (pumpTimer) return;
    while (stats.state === 'bound' && !closing && stats.inFlight < config.window) {
      const wait = pausedUntil - performance.now();
      if (wait > 0) {
        pumpTimer = setTimeout(() => ((pumpTimer = null), pump()), wait);
        return;
      }
      const job = deps.take();
      if (!job) break;
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      void run(job).finally(() => {
        stats.inFlight--;
        if (stats.inFlight === 0) for (const f of idle) f();
        pump();
      });
    }
  }

  async function token() {
    for (;;) {
      const now = performance.now();
      const wait = Math.max(bucket.take(now), pausedUntil - now);
      if (wait <= 0) return;
      await sleep(wait);
    }
  }

  async function run(job: SubmitJob): Promise<void> {
    job.startedAt ??= performance.now();
    const fail = (error: Extract<SubmitResult, { ok: false }>['error']) => job.resolve({ ok: false, bind: name, error });
    while (job.partIds.length < job.bodies.length) {
      const body = job.bodies[job.partIds.length]!;
      await token();
      if (stats.state !== 'bound') {
        if (closing) return fail({ kind: 'temporary', reason: 'closed', acceptedPartIds: job.partIds, message: 'provider closed' });
        return deps.requeue(job);
      }
      stats.submitted++;
      const r = await request('submit_sm', {
        source_addr_ton: job.source.ton,
        source_addr_npi: job.source.npi,
        source_addr: job.from,
        dest_addr_ton: config.destTon,
        dest_addr_npi: config.destNpi,
        destination_addr: job.to,
        registered_delivery: job.registeredDelivery ? 1 : 0,
        ...body,
      });
      if (r.kind === 'timeout') {
        return fail({ kind: 'ambiguous', reason: 'response_timeout', acceptedPartIds: job.partIds, message: `no submit_sm_resp within ${config.responseTimeoutMs} ms` });
      }
      if (r.kind === 'lost') {
        if (!r.written) return closing ? fail({ kind: 'temporary', reason: 'closed', acceptedPartIds: job.partIds, message: 'provider closed' }) : deps.requeue(job);
        return fail({ kind: 'ambiguous', reason: 'connection_lost', acceptedPartIds: job.partIds, message: 'connection lost before submit_sm_resp' });
      }
      const status = r.pdu.command_status;
      if (status === 0) {
        const id = textField(r.pdu, 'message_id');
        job.partIds.push(id);
        stats.accepted++;
        throttle.reset();
        deps.onAccepted(id);
        continue;
      }
      if (isThrottleStatus(status)) {
        stats.throttled++;
        // One pause per throttling episode: answers to submits sent before the pause do not lengthen it.
        const now = performance.now();
        if (now >= pausedUntil) pausedUntil = now + throttle.next();
        if (performance.now() - job.startedAt < config.throttleGiveUpMs) continue;
        return fail({ kind: 'temporary', reason: status === 0x58 ? 'throttled' : 'queue_full', commandStatus: status, acceptedPartIds: job.partIds, message: statusName(status) });
      }
      if (isTemporaryStatus(status)) return fail({ kind: 'temporary', reason: 'timeout', commandStatus: status, acceptedPartIds: job.partIds, message: statusName(status) });
      return fail({ kind: 'permanent', reason: 'rejected', commandStatus: status, acceptedPartIds: job.partIds, message: statusName(status) });
    }
    job.resolve({ ok: true, messageId: job.partIds[0]!, partIds: job.partIds, parts: job.partIds.length, bind: name });
  }

  return {
    stats,
    name,
    start: connect,
    pump,
    /** Waits (at most `drainMs`) for the outstanding submits, unbinds and closes the socket. */
    async close(drainMs: number) {
      closing = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      if (pumpTimer) clearTimeout(pumpTimer);
      if (stats.inFlight > 0) {
        await Promise.race([new Promise<void>((r) => idle.add(r)), sleep(drainMs)]);
      }
      const s = session;
      if (s && stats.state === 'bound') {
        await request('unbind', {}, 2000);
        await new Promise<void>((r) => {
          s.close(r);
          setTimeout(r, 1000).unref();
        });
      } else s?.destroy();
      if (enquireTimer) clearTimeout(enquireTimer);
      stats.state = 'closed';
    },
  };
}

export type Bind = ReturnType<typeof createBind>;
