import { describe, expect, it } from 'vitest';
import { createBatcher, sendPipelined } from './sending.pipeline.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sendPipelined', () => {
  it('claims in batches, keeps at most `lanes` claimed and unrecorded, records every outcome once', async () => {
    const ids = Array.from({ length: 537 }, (_, i) => `d${i}`);
    let open = 0;
    let most = 0;
    const claims: number[] = [];
    const recorded: string[] = [];
    await sendPipelined(ids, {
      lanes: 40,
      minClaim: 10,
      minRecord: 10,
      claim: async (batch) => {
        await tick(1);
        claims.push(batch.length);
        const got = batch.filter((id) => id !== 'd7'); // one no longer queued: skipped
        open += got.length;
        most = Math.max(most, open);
        return got;
      },
      submit: async (id) => {
        await tick(Math.random() * 3);
        return id;
      },
      record: async (outcomes) => {
        await tick(1);
        recorded.push(...outcomes);
        open -= outcomes.length;
      },
    });
    expect(most).toBeLessThanOrEqual(40);
    expect(claims.slice(0, -1).every((n) => n >= 10)).toBe(true);
    expect(recorded.length).toBe(536);
    expect(new Set(recorded).size).toBe(536);
    expect(recorded).not.toContain('d7');
  });

  it('rejects when an outcome write fails, without claiming more', async () => {
    let claimed = 0;
    const run = sendPipelined(
      Array.from({ length: 100 }, (_, i) => `d${i}`),
      {
        lanes: 10,
        minClaim: 5,
        minRecord: 5,
        claim: async (batch) => ((claimed += batch.length), batch),
        submit: async (id) => id,
        record: () => Promise.reject(new Error('disk full')),
      },
    );
    await expect(run).rejects.toThrow('disk full');
    expect(claimed).toBe(10);
  });
});

describe('createBatcher', () => {
  it('groups the calls made while a batch runs into the next one, results in order', async () => {
    const sizes: number[] = [];
    const double = createBatcher(async (xs: number[]) => {
      sizes.push(xs.length);
      await tick(5);
      return xs.map((x) => x * 2);
    });
    const first = await Promise.all([1, 2, 3].map(double));
    const later = [double(4)];
    await tick(1);
    later.push(double(5), double(6));
    expect(first).toEqual([2, 4, 6]);
    expect(await Promise.all(later)).toEqual([8, 10, 12]);
    expect(sizes).toEqual([3, 1, 2]);
  });
});
