import { like } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { jobs } from '../db/schema/index.ts';
import { describeEachDb, createTestContext } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { defineJob, enqueueMany } from './queue.ts';
import { JOB_INSERT_CHUNK, findJob, findJobsByIdPrefix } from './jobs.repository.ts';

const def = defineJob({ name: 'test.many', payload: z.object({ n: z.number().int() }), maxAttempts: 3, backoffMs: () => 0, handle: async () => undefined });

describeEachDb('jobs.enqueueMany (the outbox writer)', (kind) => {
  let t: TestContext;
  const now = new Date('2021-02-03T03:00:00Z');

  beforeAll(async () => {
    t = await createTestContext(kind, { now });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.c.database.db.delete(jobs).where(like(jobs.id, 'many:%'));
  });

  it('inserts in chunks, skips ids that exist or repeat, and counts only what it inserted', async () => {
    const db = t.c.database.db;
    const rows = Array.from({ length: JOB_INSERT_CHUNK + 5 }, (_, i) => ({ id: `many:${i}`, payload: { n: i } }));
    expect(await enqueueMany(db, def, rows, { now })).toBe(JOB_INSERT_CHUNK + 5);
    // A repeat (some old ids, some new, one new id twice) inserts only the new ones, once.
    const again = [
      { id: 'many:0', payload: { n: 0 } },
      { id: 'many:new', payload: { n: 1 } },
      { id: 'many:new', payload: { n: 2 } },
    ];
    expect(await enqueueMany(db, def, again, { now })).toBe(1);
    const stored = await findJob(db, 'many:7');
    expect(stored).toMatchObject({ name: 'test.many', payload: { n: 7 }, status: 'pending', maxAttempts: 3 });
    expect(stored?.runAt.toISOString()).toBe(now.toISOString());
    expect((await findJobsByIdPrefix(db, 'many:')).length).toBe(JOB_INSERT_CHUNK + 6);
    expect(await enqueueMany(db, def, [], { now })).toBe(0);
  });

  it('keeps any text of a payload as it was (quotes, backslashes, braces, Vietnamese)', async () => {
    const db = t.c.database.db;
    const textDef = defineJob({ name: 'test.many-text', payload: z.object({ s: z.string() }), maxAttempts: 1, backoffMs: () => 0, handle: async () => undefined });
    const s = 'Kính gửi "UBND", {a,b} \\ \'x\' ,NULL, Đề nghị…';
    expect(await enqueueMany(db, textDef, [{ id: 'many:text', payload: { s } }], { now })).toBe(1);
    expect((await findJob(db, 'many:text'))?.payload).toEqual({ s });
  });

  it('validates every payload first: one bad row and nothing is written', async () => {
    const db = t.c.database.db;
    const rows = [
      { id: 'many:ok', payload: { n: 1 } },
      { id: 'many:bad', payload: { n: 'two' } as unknown as { n: number } },
    ];
    await expect(enqueueMany(db, def, rows, { now })).rejects.toThrow();
    expect(await findJobsByIdPrefix(db, 'many:')).toEqual([]);
  });

  it("commits with the caller's transaction and rolls back with it", async () => {
    const db = t.c.database.db;
    await db.transaction(async (tx) => {
      expect(await enqueueMany(tx, def, [{ id: 'many:committed', payload: { n: 1 } }], { now })).toBe(1);
    });
    expect(await findJob(db, 'many:committed')).toBeDefined();
    await expect(
      db.transaction(async (tx) => {
        await enqueueMany(tx, def, [{ id: 'many:rolled-back', payload: { n: 1 } }], { now });
        throw new Error('the caller fails after enqueueing');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await findJob(db, 'many:rolled-back')).toBeUndefined();
  });
});
