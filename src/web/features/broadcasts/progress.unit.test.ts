import { describe, expect, it } from 'vitest';
import { shouldPoll, summariseProgress } from './progress.ts';

describe('campaign progress', () => {
  it('counts settled deliveries, the bar sections and the telcos, most recipients first', () => {
    const s = summariseProgress({
      total: 10,
      byState: { delivered: 5, failed: 1, submitted: 2, queued: 1, ambiguous: 1 } as never,
      byTelco: { vinaphone: { delivered: 2, queued: 1 } as never, viettel: { delivered: 3, failed: 1, submitted: 2, ambiguous: 1 } as never },
    });
    expect(s).toMatchObject({ total: 10, settled: 6, delivered: 5 });
    expect(s.sections.map((x) => [x.state, x.count, x.percent])).toEqual([
      ['queued', 1, 10],
      ['submitted', 2, 20],
      ['delivered', 5, 50],
      ['failed', 1, 10],
      ['ambiguous', 1, 10],
    ]);
    expect(s.telcos.map((t) => [t.telco, t.total, t.byState.delivered, t.byState.expired])).toEqual([
      ['viettel', 7, 3, 0],
      ['vinaphone', 3, 2, 0],
    ]);
  });

  it('an empty campaign has no sections and no division by zero', () => {
    expect(summariseProgress({ total: 0, byState: {} as never, byTelco: {} })).toEqual({ total: 0, settled: 0, delivered: 0, sections: [], telcos: [] });
  });

  it('polls while sending or approved, not before or after', () => {
    expect(shouldPoll({ status: 'sending' })).toBe(true);
    expect(shouldPoll({ status: 'approved' })).toBe(true);
    expect(shouldPoll({ status: 'draft' })).toBe(false);
    expect(shouldPoll({ status: 'done' })).toBe(false);
    expect(shouldPoll({ status: 'cancelled' })).toBe(false);
  });
});
