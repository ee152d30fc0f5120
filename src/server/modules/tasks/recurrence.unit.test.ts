import { describe, expect, it } from 'vitest';
import { dueRuleFromSchedule, isLate, localDateKey, localToUtc, occurrences, periodByKey, periodFor, periodsBetween, ruleBounds } from './recurrence.ts';
import type { DueRule } from './recurrence.ts';

const iso = (ds: Date[]) => ds.map((d) => d.toISOString());
/** Seed 002: "trước 16h 00' ngày thứ năm hàng tuần trong tháng 02/2021". */
const weeklyFeb: DueRule = { kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' };

describe('occurrences', () => {
  it('gives the Thursdays of February 2021 at 16:00 Viet Nam time (09:00Z)', () => {
    const got = occurrences(weeklyFeb, new Date('2021-01-01T00:00:00Z'), new Date('2021-12-31T00:00:00Z'));
    expect(iso(got)).toEqual(['2021-02-04T09:00:00.000Z', '2021-02-11T09:00:00.000Z', '2021-02-18T09:00:00.000Z', '2021-02-25T09:00:00.000Z']);
  });

  it('includes both ends of the range and nothing outside it', () => {
    const from = new Date('2021-02-11T09:00:00Z');
    const to = new Date('2021-02-18T09:00:00Z');
    expect(iso(occurrences(weeklyFeb, from, to))).toEqual(['2021-02-11T09:00:00.000Z', '2021-02-18T09:00:00.000Z']);
    expect(occurrences(weeklyFeb, new Date(from.getTime() + 1), new Date(to.getTime() - 1))).toEqual([]);
    expect(occurrences(weeklyFeb, to, from)).toEqual([]);
  });

  it('puts a monthly day 31 on the last day of shorter months (Feb 28 and 29, Apr 30)', () => {
    const rule: DueRule = { kind: 'monthly', day: 31, time: '17:00', from: '2024-01-01', until: '2024-05-31' };
    const got = occurrences(rule, new Date('2023-12-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z')).map(localDateKey);
    expect(got).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
    const y2021 = occurrences({ kind: 'monthly', day: 30, time: '08:00' }, new Date('2021-01-15T00:00:00Z'), new Date('2021-03-15T00:00:00Z')).map(localDateKey);
    expect(y2021).toEqual(['2021-01-30', '2021-02-28']);
  });

  it('reads the time in Viet Nam, not UTC: 06:00 local is 23:00Z the day before', () => {
    const rule: DueRule = { kind: 'daily', time: '06:00', from: '2021-02-01', until: '2021-02-02' };
    expect(iso(occurrences(rule, new Date('2021-01-01T00:00:00Z'), new Date('2021-03-01T00:00:00Z')))).toEqual(['2021-01-31T23:00:00.000Z', '2021-02-01T23:00:00.000Z']);
    expect(localToUtc('2021-02-04', '16:00').toISOString()).toBe('2021-02-04T09:00:00.000Z');
    expect(localDateKey(new Date('2021-02-03T17:30:00Z'))).toBe('2021-02-04');
  });

  it('handles a one-off deadline with an offset', () => {
    const rule: DueRule = { kind: 'once', at: '2021-02-10T16:00:00+07:00' };
    expect(iso(occurrences(rule, new Date('2021-02-01T00:00:00Z'), new Date('2021-03-01T00:00:00Z')))).toEqual(['2021-02-10T09:00:00.000Z']);
    expect(ruleBounds(rule).first?.toISOString()).toBe('2021-02-10T09:00:00.000Z');
  });

  it('stops an open-ended daily rule at the end of the range', () => {
    const got = occurrences({ kind: 'daily', time: '16:00' }, new Date('2021-02-01T00:00:00Z'), new Date('2021-02-08T00:00:00Z'));
    expect(got).toHaveLength(7);
  });
});

describe('periodFor and periodByKey', () => {
  it('puts 15:59 and 16:00 in the period of the 16:00 deadline, and 16:01 in the next', () => {
    expect(periodFor(weeklyFeb, new Date('2021-02-04T08:59:00Z'))?.key).toBe('2021-02-04');
    expect(periodFor(weeklyFeb, new Date('2021-02-04T09:00:00Z'))?.key).toBe('2021-02-04');
    const next = periodFor(weeklyFeb, new Date('2021-02-04T09:01:00Z'));
    expect(next?.key).toBe('2021-02-11');
    expect(next?.start?.toISOString()).toBe('2021-02-04T09:00:00.000Z');
  });

  it('opens the first period at the start of the rule and has none after the last deadline', () => {
    const first = periodFor(weeklyFeb, new Date('2021-02-01T01:00:00Z'));
    expect(first?.key).toBe('2021-02-04');
    expect(first?.start?.toISOString()).toBe('2021-01-31T17:00:00.000Z');
    expect(periodFor(weeklyFeb, new Date('2021-01-20T00:00:00Z'))).toBeNull();
    expect(periodFor(weeklyFeb, new Date('2021-02-25T09:00:01Z'))).toBeNull();
  });

  it('finds a period by the local date of its deadline only on a deadline day', () => {
    expect(periodByKey(weeklyFeb, '2021-02-18')?.deadline.toISOString()).toBe('2021-02-18T09:00:00.000Z');
    expect(periodByKey(weeklyFeb, '2021-02-17')).toBeNull();
    expect(periodByKey(weeklyFeb, '2021-03-04')).toBeNull();
    expect(periodByKey(weeklyFeb, 'nonsense')).toBeNull();
  });

  it('lists periods with their starts chained', () => {
    const ps = periodsBetween(weeklyFeb, new Date('2021-02-01T00:00:00Z'), new Date('2021-03-01T00:00:00Z'));
    expect(ps.map((p) => p.key)).toEqual(['2021-02-04', '2021-02-11', '2021-02-18', '2021-02-25']);
    expect(ps[1]?.start?.toISOString()).toBe(ps[0]?.deadline.toISOString());
  });
});

describe('isLate and dueRuleFromSchedule', () => {
  it('is on time up to and including the deadline instant', () => {
    const deadline = new Date('2021-02-04T09:00:00Z');
    expect(isLate(deadline, new Date('2021-02-04T08:59:00Z'))).toBe(false);
    expect(isLate(deadline, deadline)).toBe(false);
    expect(isLate(deadline, new Date('2021-02-04T09:01:00Z'))).toBe(true);
  });

  it('turns "within N days" into a one-off at 17:00 local', () => {
    expect(dueRuleFromSchedule({ kind: 'relative', days: 5, from: '2021-02-01' })).toEqual({ kind: 'once', at: '2021-02-06T10:00:00.000Z' });
    expect(dueRuleFromSchedule({ kind: 'relative', days: 5, from: null })).toBeNull();
    expect(dueRuleFromSchedule(weeklyFeb)).toEqual(weeklyFeb);
  });
});
