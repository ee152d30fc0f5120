import { randomUUID } from 'node:crypto';
import { CronExpressionParser } from 'cron-parser';
import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../platform/logger.ts';
import * as repo from './jobs.repository.ts';

export const JOB_TIMEZONE = 'Asia/Ho_Chi_Minh';

/** A typed job: name + payload schema + handler + retry policy. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  maxAttempts: number;
  /** Delay before retry number `attempt` (1-based). */
  backoffMs(attempt: number): number;
  handle(payload: z.infer<S>, ctx: { jobId: string; attempt: number; logger: Logger }): Promise<void>;
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

/** Exponential backoff: 30 s, 1 min, 2 min, ... capped at 1 h. */
export const exponentialBackoff = (attempt: number): number => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

/** A job that runs at every slot of a cron expression, in Viet Nam time. */
export interface Schedule {
  key: string;
  cron: string;
  job: string;
  payload: unknown;
}

export interface EnqueueOptions {
  /** Deterministic id: a second enqueue with the same id is ignored (no double runs). */
  id?: string;
  runAt?: Date;
}

export interface EnqueueRow<P> {
  /** Deterministic id: a row whose id exists already (or repeats in `rows`) is skipped. */
  id?: string;
  payload: P;
  /** Default: `opts.now`, else the current time. */
  runAt?: Date;
}

/**
 * The batched writer of the outbox: validates every payload with the job's schema (nothing is written
 * when one is wrong), then inserts in multi-row INSERTs with ON CONFLICT (id) DO NOTHING, in `db` —
 * pass the caller's transaction and the jobs commit or roll back with its change. Returns how many
 * were inserted. A module whose change sends notices enqueues them this way, never by SQL of its own.
 */
export async function enqueueMany<S extends z.ZodType>(db: Db, def: JobDefinition<S>, rows: readonly EnqueueRow<z.infer<S>>[], opts: { now?: Date } = {}): Promise<number> {
  if (rows.length === 0) return 0;
  const now = opts.now ?? new Date();
  const values = rows.map((r) => ({
    id: r.id ?? randomUUID(),
    name: def.name,
    payload: def.payload.parse(r.payload),
    runAt: r.runAt ?? now,
    maxAttempts: def.maxAttempts,
  }));
  return repo.insertJobs(db, values);
}

export class JobQueue {
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly schedules: Schedule[] = [];
  private readonly workerId = `worker-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(private readonly deps: { db: Db; clock: Clock; logger: Logger; pollMs?: number; staleAfterMs?: number }) {}

  register(...defs: JobDefinition[]): this {
    for (const def of defs) {
      if (this.definitions.has(def.name)) throw new Error(`job ${def.name} registered twice`);
      this.definitions.set(def.name, def);
    }
    return this;
  }

  schedule(...schedules: Schedule[]): this {
    for (const s of schedules) {
      CronExpressionParser.parse(s.cron, { tz: JOB_TIMEZONE }); // throws on a bad expression
      this.schedules.push(s);
    }
    return this;
  }

  /** Boot check: every scheduled job and every job waiting in the table has a handler. */
  async assertHandlersComplete(): Promise<void> {
    const names = new Set([...this.schedules.map((s) => s.job), ...(await repo.distinctPendingJobNames(this.deps.db))]);
    const missing = [...names].filter((n) => !this.definitions.has(n));
    if (missing.length) throw new Error(`No handler registered for job(s): ${missing.join(', ')}`);
  }

  /** Enqueues inside the caller's transaction when `db` is one, so the job commits with the change. */
  async enqueue<S extends z.ZodType>(db: Db, def: JobDefinition<S>, payload: z.infer<S>, opts: EnqueueOptions = {}): Promise<boolean> {
    if (!this.definitions.has(def.name)) throw new Error(`job ${def.name} is not registered`);
    return repo.insertJob(db, {
      id: opts.id ?? randomUUID(),
      name: def.name,
      payload: def.payload.parse(payload),
      runAt: opts.runAt ?? this.deps.clock.now(),
      maxAttempts: def.maxAttempts,
    });
  }

  /** enqueueMany for a registered job, due now by the queue's clock unless a row says otherwise. */
  async enqueueMany<S extends z.ZodType>(db: Db, def: JobDefinition<S>, rows: readonly EnqueueRow<z.infer<S>>[]): Promise<number> {
    if (!this.definitions.has(def.name)) throw new Error(`job ${def.name} is not registered`);
    return enqueueMany(db, def, rows, { now: this.deps.clock.now() });
  }

  /**
   * Enqueues the latest due slot of every schedule, with id "schedule:KEY:SLOT" so that any number
   * of instances enqueue each slot once.
   */
  async enqueueDueSchedules(): Promise<number> {
    const now = this.deps.clock.now();
    let added = 0;
    for (const s of this.schedules) {
      const slot = CronExpressionParser.parse(s.cron, { tz: JOB_TIMEZONE, currentDate: new Date(now.getTime() + 1) })
        .prev()
        .toDate();
      const def = this.definitions.get(s.job);
      if (!def) throw new Error(`No handler registered for job ${s.job}`);
      if (await this.enqueue(this.deps.db, def, s.payload, { id: `schedule:${s.key}:${slot.toISOString()}`, runAt: slot })) added++;
    }
    return added;
  }

  /** Claims and runs due jobs until none is left; returns how many ran. */
  async drain(): Promise<number> {
    let ran = 0;
    for (;;) {
      const job = await repo.claimNextJob(this.deps.db, this.workerId, this.deps.clock.now(), this.deps.staleAfterMs ?? 600_000);
      if (!job) return ran;
      await this.runOne(job);
      ran++;
    }
  }

  private async runOne(job: repo.JobRow): Promise<void> {
    const logger = this.deps.logger.child({ job: job.name, jobId: job.id, attempt: job.attempts });
    const def = this.definitions.get(job.name);
    try {
      if (!def) throw new Error(`no handler for ${job.name}`);
      await def.handle(def.payload.parse(job.payload), { jobId: job.id, attempt: job.attempts, logger });
      await repo.markJobDone(this.deps.db, job.id, this.workerId, this.deps.clock.now());
      logger.info('job done');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const now = this.deps.clock.now();
      const retryAt = def && job.attempts < job.maxAttempts ? new Date(now.getTime() + def.backoffMs(job.attempts)) : null;
      await repo.markJobFailed(this.deps.db, job.id, this.workerId, message.slice(0, 2000), retryAt, now);
      logger.warn({ err: message, retryAt }, retryAt ? 'job failed, will retry' : 'job failed for good');
    }
  }

  /** Starts polling: schedules, then due jobs. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = async () => {
      try {
        await this.enqueueDueSchedules();
        await this.drain();
      } catch (err) {
        this.deps.logger.error({ err }, 'job worker tick failed');
      }
    };
    const loop = () => {
      if (this.stopped) return;
      this.running = tick().finally(() => {
        this.running = null;
        if (!this.stopped) this.timer = setTimeout(loop, this.deps.pollMs ?? 1000);
      });
    };
    loop();
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
