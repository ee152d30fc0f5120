/**
 * A virtual loudspeaker cluster or LED board speaking protocol v1 (docs/devices.md), for `loa devices
 * simulate`, the demo and the benchmarks: it connects (MQTT or the HTTP pull fallback), publishes its
 * retained state, follows commands (play_now with repeat and pre-emption, schedule, stop, set_volume,
 * amp_power, show_text/show_image, sync_clock, report_state), "plays" by sleeping for the media's duration
 * (divided by `speed`), reports started / finished / interrupted and heartbeats in log batches, and with
 * `offlineRate` sometimes drops off for a while (its logs wait and are sent when it is back).
 */
import { randomUUID } from 'node:crypto';
import { DeviceCommand, LOG_BATCH_MAX, PROTOCOL_VERSION } from '../../../../shared/contracts/devices.ts';
import type { DeviceKind, DeviceLogEvent, DeviceState, Media, Priority, ScheduleEntry } from '../../../../shared/contracts/devices.ts';
import type { DeviceTransport } from './transport.ts';

export interface VirtualDeviceOptions {
  deviceId: string;
  kind: DeviceKind;
  transport: DeviceTransport;
  /** Plays last duration / speed (tests and the demo's impatient users); reported durations stay the media's. Default 1. */
  speed?: number;
  /** Heartbeat period (default 60 s); also when the device may drop off. */
  heartbeatMs?: number;
  /** Probability, at each heartbeat, of going offline for 1–3 heartbeat periods (default 0). */
  offlineRate?: number;
  /** How long a live relay (no duration) plays before the device reports it finished (default 10 minutes). */
  streamMs?: number;
  random?: () => number;
  /** Called with every valid command as it arrives (the benchmark's receive time). */
  onCommand?: (command: DeviceCommand) => void;
}

/** A log event before the device stamps it with an id and its clock's time. */
type Unstamped<T> = T extends unknown ? Omit<T, 'id' | 'at'> : never;

const RANK: Record<Priority, number> = { thuong: 0, uu_tien: 1, khan_cap: 2 };

interface Play {
  itemId: string;
  commandId: string;
  priority: Priority;
  /** What a listener hears: the media's duration × repeat (or the pages' seconds). */
  totalMs: number;
  showing: boolean;
}

interface Current extends Play {
  startedAt: number;
  timer: NodeJS.Timeout;
}

export class VirtualDevice {
  readonly deviceId: string;
  private readonly o: Required<Omit<VirtualDeviceOptions, 'onCommand'>> & Pick<VirtualDeviceOptions, 'onCommand'>;
  private online = false;
  private stopped = true;
  private volume = 70;
  private ampOn = true;
  private clockOffsetMs = 0;
  private current: Current | null = null;
  private queue: Play[] = [];
  private scheduled: { entry: ScheduleEntry; commandId: string; timer: NodeJS.Timeout }[] = [];
  private readonly seen = new Set<string>();
  private outbox: DeviceLogEvent[] = [];
  private lastLogAt = 0;
  private flushing: Promise<void> | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private readonly startedAtMs = Date.now();

  constructor(options: VirtualDeviceOptions) {
    this.deviceId = options.deviceId;
    this.o = { speed: 1, heartbeatMs: 60_000, offlineRate: 0, streamMs: 600_000, random: Math.random, ...options };
  }

  /** Connects, publishes its state and starts its heartbeats (the first one at a random point of the period). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
    this.nextHeartbeat(this.o.random() * this.o.heartbeatMs);
  }

  /** Stops playing and scheduling, sends what is left in the outbox, and disconnects. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    for (const s of this.scheduled) clearTimeout(s.timer);
    this.scheduled = [];
    if (this.current) clearTimeout(this.current.timer);
    this.current = null;
    this.queue = [];
    if (this.online) await this.flush().catch(() => undefined);
    this.online = false;
    await this.o.transport.close();
  }

  get isOnline(): boolean {
    return this.online;
  }

  /** What plays or shows now (itemId), or null. */
  get playing(): string | null {
    return this.current?.itemId ?? null;
  }

  private now(): Date {
    return new Date(Date.now() + this.clockOffsetMs);
  }

  private async connect(): Promise<void> {
    await this.o.transport.open((json) => this.receive(json));
    this.online = true;
    await this.publishState();
    void this.flush();
  }

  private state(): DeviceState {
    const c = this.current;
    return {
      v: PROTOCOL_VERSION,
      at: this.now().toISOString(),
      status: c ? (c.showing ? 'showing' : 'playing') : 'idle',
      current: c ? { itemId: c.itemId, commandId: c.commandId, startedAt: new Date(c.startedAt + this.clockOffsetMs).toISOString() } : null,
      volume: this.volume,
      ampOn: this.ampOn,
      signalDbm: -60 - Math.round(this.o.random() * 40),
      firmware: 'loa-sim 1',
      scheduled: this.scheduled.length,
    };
  }

  private async publishState(): Promise<void> {
    if (!this.online) return;
    await this.o.transport.sendState(this.state()).catch(() => undefined);
  }

  private receive(json: unknown): void {
    const parsed = DeviceCommand.safeParse(json);
    if (!parsed.success || this.stopped) return; // a device ignores what it does not understand
    const cmd = parsed.data;
    // QoS 1 may deliver twice, and the HTTP fallback returns pending commands at every poll.
    if (this.seen.has(cmd.id)) return;
    this.seen.add(cmd.id);
    this.o.onCommand?.(cmd);
    switch (cmd.cmd) {
      case 'play_now':
        return this.request(
          { itemId: cmd.itemId, commandId: cmd.id, priority: cmd.priority, totalMs: this.mediaMs(cmd.media) * cmd.repeat, showing: false },
          cmd.interrupt,
          cmd.volume,
        );
      case 'schedule':
        return this.replaceSchedule(cmd.id, cmd.entries);
      case 'stop':
        return this.stopItem(cmd.itemId);
      case 'set_volume':
        this.volume = cmd.volume;
        return void this.publishState();
      case 'amp_power':
        this.ampOn = cmd.on;
        if (!cmd.on && this.current && !this.current.showing) this.end('interrupted', 'power');
        return void this.publishState();
      case 'show_text': {
        const ms = cmd.until ? Math.max(1000, Date.parse(cmd.until) - this.now().getTime()) : cmd.pages.reduce((s, p) => s + p.seconds * 1000, 0);
        return this.request({ itemId: cmd.itemId, commandId: cmd.id, priority: 'thuong', totalMs: ms, showing: true }, true);
      }
      case 'show_image':
        return this.request({ itemId: cmd.itemId, commandId: cmd.id, priority: 'thuong', totalMs: cmd.seconds * 1000, showing: true }, true);
      case 'sync_clock':
        this.clockOffsetMs = Date.parse(cmd.serverTime) - Date.now();
        return;
      case 'report_state':
        return void this.publishState();
    }
  }

  private mediaMs(media: Media): number {
    return media.kind === 'audio' ? media.durationMs : this.o.streamMs;
  }

  /** Plays now when idle or when told to interrupt; otherwise waits its turn (higher priority first). */
  private request(play: Play, interrupt: boolean, volume?: number): void {
    if (volume !== undefined) this.volume = volume;
    if (!this.current) return this.begin(play);
    if (interrupt) {
      this.end('interrupted', 'preempted', play.commandId);
      return this.begin(play);
    }
    const at = this.queue.findIndex((q) => RANK[q.priority] < RANK[play.priority]);
    this.queue.splice(at === -1 ? this.queue.length : at, 0, play);
  }

  private begin(play: Play): void {
    const startedAt = Date.now();
    const timer = setTimeout(() => this.end('finished'), play.totalMs / this.o.speed);
    this.current = { ...play, startedAt, timer };
    this.log({ type: 'started', itemId: play.itemId, commandId: play.commandId });
    void this.publishState();
  }

  /** Ends what plays: finished (all of it heard) or interrupted (what was heard so far), then the next in the queue. */
  private end(how: 'finished', reason?: undefined): void;
  private end(how: 'interrupted', reason: 'preempted' | 'stopped' | 'power', byCommandId?: string): void;
  private end(how: 'finished' | 'interrupted', reason?: 'preempted' | 'stopped' | 'power', byCommandId?: string): void {
    const c = this.current;
    if (!c) return;
    clearTimeout(c.timer);
    this.current = null;
    const base = { itemId: c.itemId, commandId: c.commandId };
    if (how === 'finished') this.log({ ...base, type: 'finished', durationMs: c.totalMs });
    else {
      const heard = Math.min(c.totalMs, Math.round((Date.now() - c.startedAt) * this.o.speed));
      this.log({ ...base, type: 'interrupted', durationMs: heard, reason: reason!, ...(byCommandId ? { byCommandId } : {}) });
    }
    if (reason === 'preempted') return; // the pre-empting item begins at once
    const next = this.queue.shift();
    if (next) this.begin(next);
    else void this.publishState();
  }

  private stopItem(itemId: string | undefined): void {
    this.queue = itemId ? this.queue.filter((q) => q.itemId !== itemId) : [];
    if (itemId) {
      for (const s of this.scheduled.filter((x) => x.entry.itemId === itemId)) clearTimeout(s.timer);
      this.scheduled = this.scheduled.filter((x) => x.entry.itemId !== itemId);
    }
    if (this.current && (!itemId || this.current.itemId === itemId)) this.end('interrupted', 'stopped');
  }

  /** A schedule replaces every entry held before; entries whose start has passed are skipped. */
  private replaceSchedule(commandId: string, entries: readonly ScheduleEntry[]): void {
    for (const s of this.scheduled) clearTimeout(s.timer);
    const now = this.now().getTime();
    this.scheduled = entries
      .filter((e) => Date.parse(e.startAt) >= now)
      .map((entry) => {
        const timer = setTimeout(
          () => {
            this.scheduled = this.scheduled.filter((s) => s.timer !== timer);
            this.request({ itemId: entry.itemId, commandId, priority: entry.priority, totalMs: this.mediaMs(entry.media) * entry.repeat, showing: false }, false, entry.volume);
          },
          Date.parse(entry.startAt) - now,
        );
        return { entry, commandId, timer };
      });
    void this.publishState();
  }

  private log(event: Unstamped<Exclude<DeviceLogEvent, { type: 'heartbeat' }>>): void {
    // Strictly increasing times, so the interrupted item sorts before the one that pre-empted it.
    this.lastLogAt = Math.max(this.now().getTime(), this.lastLogAt + 1);
    this.outbox.push({ ...event, id: randomUUID(), at: new Date(this.lastLogAt).toISOString() });
    // Events of the same turn (interrupted + started of a pre-emption) go in one batch.
    queueMicrotask(() => void this.flush());
  }

  /** Sends the outbox in batches; what fails stays for the next attempt (store and forward). */
  private flush(): Promise<void> {
    if (this.flushing || !this.online || this.outbox.length === 0) return this.flushing ?? Promise.resolve();
    this.flushing = (async () => {
      try {
        while (this.online && this.outbox.length > 0) {
          const events = this.outbox.slice(0, LOG_BATCH_MAX);
          await this.o.transport.sendLogs({ v: PROTOCOL_VERSION, events });
          this.outbox = this.outbox.slice(events.length);
        }
      } catch {
        // Kept in the outbox: sent again after the next heartbeat or reconnection.
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  private nextHeartbeat(delayMs: number): void {
    this.heartbeatTimer = setTimeout(() => void this.heartbeat(), delayMs);
    this.heartbeatTimer.unref();
  }

  private async heartbeat(): Promise<void> {
    if (this.stopped) return;
    const period = this.o.heartbeatMs;
    if (this.online && this.o.random() < this.o.offlineRate) {
      // Drops off (power cut, no 4G) and comes back after 1–3 periods.
      this.online = false;
      await this.o.transport.close().catch(() => undefined);
      const away = period * (1 + 2 * this.o.random());
      this.heartbeatTimer = setTimeout(() => void this.reconnect(), away);
      return;
    }
    if (this.online) {
      this.outbox.push({
        id: randomUUID(),
        at: this.now().toISOString(),
        type: 'heartbeat',
        volume: this.volume,
        ampOn: this.ampOn,
        signalDbm: -60 - Math.round(this.o.random() * 40),
        uptimeS: Math.round((Date.now() - this.startedAtMs) / 1000),
      });
      await this.flush();
    }
    this.nextHeartbeat(period);
  }

  private async reconnect(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.connect();
    } catch {
      // Loa or the broker is not there (yet): try again a period later.
    }
    this.nextHeartbeat(this.o.heartbeatMs);
  }
}
