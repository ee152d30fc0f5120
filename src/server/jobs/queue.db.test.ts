import { eq, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobs } from '../db/schema/index.ts';
import { createLogger } from '../platform/logger.ts';
import { describeEachDb, createTestContext } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { JobQueue, defineJob } from './queue.ts';
import type { JobDefinition } from './queue.ts';
import { findJob, insertJob } from './jobs.repository.ts';

const logger = createLogger('silent');

describeEachDb('job queue', (kind) => {
  let t: TestContext;
  const start = new Date('2021-02-03T03:00:00Z');
  const queue = (...defs: JobDefinition[]) => new JobQueue({ db: t.c.database.db, clock: t.clock, logger }).register(...defs);
  const at = (ms: number) => new Date(start.getTime() + ms);

  beforeAll(async () => {
    t = await createTestContext(kind, { now: start });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.clock.set(start);
    await t.c.database.db.delete(jobs);
  });

  it('validates the typed payload at enqueue and writes nothing when it is wrong', async () => {
    const def = defineJob({ name: 'test.typed', payload: z.object({ n: z.number().int() }), maxAttempts: 1, backoffMs: () => 0, handle: async () => undefined });
    const q = queue(def);
    // @ts-expect-error: the payload type is checked at compile time too
    await expect(q.enqueue(t.c.database.db, def, { n: 'one' }, { id: 'typed-bad' })).rejects.toThrow();
    expect(await findJob(t.c.database.db, 'typed-bad')).toBeUndefined();
    expect(await q.enqueue(t.c.database.db, def, { n: 1 }, { id: 'typed-good' })).toBe(true);
    expect((await findJob(t.c.database.db, 'typed-good'))?.payload).toEqual({ n: 1 });
  });

  it('refuses to enqueue a job whose handler is not registered', async () => {
    const def = defineJob({ name: 'test.unregistered', payload: z.object({}), maxAttempts: 1, backoffMs: () => 0, handle: async () => undefined });
    await expect(queue().enqueue(t.c.database.db, def, {})).rejects.toThrow(/not registered/);
  });

  it('retries with backoff, then marks the job failed after maxAttempts', async () => {
    let calls = 0;
    const def = defineJob({
      name: 'test.flaky',
      payload: z.object({}),
      maxAttempts: 3,
      backoffMs: (attempt) => attempt * 60_000,
      handle: async () => {
        calls++;
        throw new Error(`boom ${calls}`);
      },
    });
    const q = queue(def);
    await q.enqueue(t.c.database.db, def, {}, { id: 'flaky' });

    expect(await q.drain()).toBe(1);
    let row = await findJob(t.c.database.db, 'flaky');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'boom 1', lockedBy: null });
    expect(row?.runAt.getTime()).toBe(at(60_000).getTime());

    t.clock.set(at(59_999));
    expect(await q.drain()).toBe(0); // not due yet
    t.clock.set(at(60_000));
    expect(await q.drain()).toBe(1);
    row = await findJob(t.c.database.db, 'flaky');
    expect(row).toMatchObject({ status: 'pending', attempts: 2, lastError: 'boom 2' });
    expect(row?.runAt.getTime()).toBe(at(60_000 + 120_000).getTime());

    t.clock.set(at(180_000));
    expect(await q.drain()).toBe(1);
    row = await findJob(t.c.database.db, 'flaky');
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'boom 3' });
    expect(row?.finishedAt?.getTime()).toBe(at(180_000).getTime());

    t.clock.set(at(10 * 3_600_000));
    expect(await q.drain()).toBe(0);
    expect(calls).toBe(3);
  });

  it('runs a job enqueued twice under one id only once', async () => {
    const ran: number[] = [];
    const def = defineJob({ name: 'test.once', payload: z.object({ n: z.number() }), maxAttempts: 1, backoffMs: () => 0, handle: async ({ n }) => void ran.push(n) });
    const q = queue(def);
    expect(await q.enqueue(t.c.database.db, def, { n: 1 }, { id: 'once' })).toBe(true);
    expect(await q.enqueue(t.c.database.db, def, { n: 2 }, { id: 'once' })).toBe(false);
    expect(await q.drain()).toBe(1);
    expect(await q.enqueue(t.c.database.db, def, { n: 3 }, { id: 'once' })).toBe(false);
    expect(await q.drain()).toBe(0);
    expect(ran).toEqual([1]);
    expect((await findJob(t.c.database.db, 'once'))?.status).toBe('done');
  });

  it('enqueues a scheduled slot exactly once across instances (15:00 Viet Nam = 08:00Z)', async () => {
    const def = defineJob({ name: 'test.daily', payload: z.object({}), maxAttempts: 1, backoffMs: () => 0, handle: async () => undefined });
    const schedule = { key: 'daily-report', cron: '0 15 * * *', job: 'test.daily', payload: {} };
    const a = queue(def).schedule(schedule);
    const b = queue(def).schedule(schedule);
    t.clock.set(new Date('2021-02-03T09:30:00Z')); // 16:30 in Viet Nam: today's 15:00 slot is due
    const added = await Promise.all([a.enqueueDueSchedules(), b.enqueueDueSchedules()]);
    expect(added[0] + added[1]).toBe(1);
    expect(await a.enqueueDueSchedules()).toBe(0);
    const rows = await t.c.database.db.select().from(jobs).where(like(jobs.id, 'schedule:daily-report:%'));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toContain('2021-02-03T08:00:00.000Z');
    expect(rows[0]?.runAt.toISOString()).toBe('2021-02-03T08:00:00.000Z');

    // Before 15:00 Viet Nam time, the latest slot is still yesterday's.
    t.clock.set(new Date('2021-02-04T07:59:00Z'));
    await a.enqueueDueSchedules();
    const ids = (await t.c.database.db.select({ id: jobs.id }).from(jobs)).map((r) => r.id);
    expect(ids).toEqual(['schedule:daily-report:2021-02-03T08:00:00.000Z']);
  });

  it('refuses an invalid cron expression', () => {
    const def = defineJob({ name: 'test.cron', payload: z.object({}), maxAttempts: 1, backoffMs: () => 0, handle: async () => undefined });
    expect(() => queue(def).schedule({ key: 'bad', cron: '61 25 * * *', job: 'test.cron', payload: {} })).toThrow();
  });

  it('assertHandlersComplete throws for a waiting job or a schedule with no handler', async () => {
    const def = defineJob({ name: 'test.known', payload: z.object({}), maxAttempts: 1, backoffMs: () => 0, handle: async () => undefined });
    await expect(queue(def).assertHandlersComplete()).resolves.toBeUndefined();
    await insertJob(t.c.database.db, { id: 'ghost-1', name: 'test.ghost', payload: {}, runAt: start, maxAttempts: 1 });
    await expect(queue(def).assertHandlersComplete()).rejects.toThrow(/test\.ghost/);
    await t.c.database.db.update(jobs).set({ status: 'done' }).where(eq(jobs.id, 'ghost-1'));
    await expect(queue(def).assertHandlersComplete()).resolves.toBeUndefined();
    await expect(queue(def).schedule({ key: 's', cron: '0 * * * *', job: 'test.unbound', payload: {} }).assertHandlersComplete()).rejects.toThrow(/test\.unbound/);
  });

  it('reclaims a job left running by a dead worker', async () => {
    let calls = 0;
    const def = defineJob({ name: 'test.orphan', payload: z.object({}), maxAttempts: 3, backoffMs: () => 0, handle: async () => void calls++ });
    const q = queue(def);
    await q.enqueue(t.c.database.db, def, {}, { id: 'orphan' });
    await t.c.database.db.update(jobs).set({ status: 'running', lockedBy: 'worker-dead', lockedAt: start, attempts: 1 }).where(eq(jobs.id, 'orphan'));
    t.clock.set(at(5 * 60_000));
    expect(await q.drain()).toBe(0); // the other worker may still be on it
    t.clock.set(at(11 * 60_000));
    expect(await q.drain()).toBe(1);
    expect(calls).toBe(1);
    expect(await findJob(t.c.database.db, 'orphan')).toMatchObject({ status: 'done', attempts: 2 });
  });

  describe('two workers', () => {
    it('draining concurrently never run a job twice', async () => {
      const runs: string[] = [];
      const def = defineJob({
        name: 'test.concurrent',
        payload: z.object({ i: z.number() }),
        maxAttempts: 1,
        backoffMs: () => 0,
        handle: async (_p, ctx) => {
          runs.push(ctx.jobId);
          await new Promise((r) => setTimeout(r, 2));
        },
      });
      const a = queue(def);
      const b = queue(def);
      for (let i = 0; i < 40; i++) await a.enqueue(t.c.database.db, def, { i }, { id: `c-${i}` });
      const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
      expect(ra + rb).toBe(40);
      expect(runs).toHaveLength(40);
      expect(new Set(runs).size).toBe(40);
      const [left] = await t.c.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(sql`${jobs.status} <> 'done'`);
      expect(left?.n).toBe(0);
    });
  });
});
