import { describe, expect, it } from 'vitest';
import { commonAncestorId, figureValue, mergeAcc, rollupPeriods } from './rollup-math.ts';
import type { Acc, FigureRow } from './rollup-math.ts';

const acc = (o: Partial<Acc> = {}): Acc => ({ sum: 0, n: 0, max: null, latest: null, latestAt: null, ...o });
const fig = (child: string, period: string, indicator: string, o: Partial<FigureRow> = {}): FigureRow => ({
  child,
  period,
  indicator,
  n: 1,
  sum: null,
  max: null,
  latest: null,
  latestTxt: null,
  latestAt: null,
  ...o,
});

describe('figureValue', () => {
  it('sums, averages to 2 decimals, takes the maximum or the latest; null when nobody reported', () => {
    const a = acc({ sum: 10, n: 3, max: 7, latest: 'x', latestAt: '2021-02-04' });
    expect(figureValue({ aggregation: 'sum' }, a)).toBe(10);
    expect(figureValue({ aggregation: 'avg' }, a)).toBe(3.33);
    expect(figureValue({ aggregation: 'max' }, a)).toBe(7);
    expect(figureValue({ aggregation: 'latest' }, a)).toBe('x');
    expect(figureValue({ aggregation: 'sum' }, undefined)).toBeNull();
    expect(figureValue({ aggregation: 'sum' }, acc())).toBeNull();
    expect(figureValue({ aggregation: 'avg' }, acc())).toBeNull();
  });
});

describe('mergeAcc', () => {
  it('adds sums and counts, keeps the larger maximum and the more recent latest value', () => {
    const a = acc({ sum: 2, n: 1, max: 2, latest: 2, latestAt: '2021-02-04T09:00' });
    const b = acc({ sum: 5, n: 2, max: 4, latest: 4, latestAt: '2021-02-03T09:00' });
    expect(mergeAcc(a, b)).toEqual({ sum: 7, n: 3, max: 4, latest: 2, latestAt: '2021-02-04T09:00' });
    expect(mergeAcc(b, a)).toEqual({ sum: 7, n: 3, max: 4, latest: 2, latestAt: '2021-02-04T09:00' });
    expect(mergeAcc(acc({ max: null }), acc({ max: 3 })).max).toBe(3);
    expect(mergeAcc(acc({ max: 3 }), acc({ max: null })).max).toBe(3);
    expect(mergeAcc(undefined, a)).toEqual(a);
    expect(mergeAcc(undefined, a)).not.toBe(a);
  });
});

describe('commonAncestorId', () => {
  it('is the deepest unit above every path; one path rolls up at its parent', () => {
    expect(commonAncestorId(['vn.lc.td.a', 'vn.lc.td.b'])).toBe('td');
    expect(commonAncestorId(['vn.lc.td.a', 'vn.lc.sh'])).toBe('lc');
    expect(commonAncestorId(['vn.lc.td.a'])).toBe('td');
    expect(commonAncestorId(['vn'])).toBe('vn');
    expect(commonAncestorId([])).toBeNull();
  });
});

describe('rollupPeriods', () => {
  const indicators = [
    { key: 'tin', aggregation: 'sum' as const },
    { key: 'nghe', aggregation: 'avg' as const },
  ];
  const periods = [{ key: '2021-02-04' }, { key: '2021-02-11' }];
  const unit = (id: string) => ({ id, name: id.toUpperCase() });

  it('puts each child into its row, sums the totals, counts coverage and late reports from the marker rows', () => {
    const out = rollupPeriods({
      indicators,
      periods,
      rows: [
        { u: unit('x'), formedFrom: [] },
        { u: unit('y'), formedFrom: [unit('y1'), unit('y2')] },
      ],
      expected: [
        { child: 'x', n: 1 },
        { child: 'y1', n: 1 },
        { child: 'y2', n: 2 },
      ],
      figures: [
        fig('x', '2021-02-04', 'tin', { sum: 3 }),
        fig('x', '2021-02-04', 'nghe', { sum: 100 }),
        fig('y1', '2021-02-04', 'tin', { sum: 4 }),
        fig('y2', '2021-02-04', 'tin', { sum: 5, n: 2 }),
        fig('y2', '2021-02-04', 'nghe', { sum: 300, n: 2 }),
        fig('x', '2021-02-04', '*', { n: 1, sum: 0 }),
        fig('y1', '2021-02-04', '*', { n: 1, sum: 1 }),
        fig('y2', '2021-02-04', '*', { n: 2, sum: 1 }),
      ],
      marker: '*',
      rowOf: (c) => (c.startsWith('y') ? 'y' : c),
      ref: (u) => u.name,
    });
    expect(out).toHaveLength(2);
    const [first, second] = out;
    expect(first?.period).toEqual({ key: '2021-02-04' });
    expect(first?.coverage).toEqual({ expected: 4, reported: 4, late: 2 });
    expect(first?.totals).toEqual([
      { indicator: 'tin', value: 12, reported: 4 },
      { indicator: 'nghe', value: 133.33, reported: 3 },
    ]);
    expect(first?.rows).toEqual([
      {
        unit: 'X',
        mapped: false,
        formedFrom: [],
        expected: 1,
        reported: 1,
        late: 0,
        figures: [
          { indicator: 'tin', value: 3, reported: 1 },
          { indicator: 'nghe', value: 100, reported: 1 },
        ],
      },
      {
        unit: 'Y',
        mapped: true,
        formedFrom: ['Y1', 'Y2'],
        expected: 3,
        reported: 3,
        late: 2,
        figures: [
          { indicator: 'tin', value: 9, reported: 3 },
          { indicator: 'nghe', value: 150, reported: 2 },
        ],
      },
    ]);
    // A period nobody reported: expected counts stay, figures are null.
    expect(second?.coverage).toEqual({ expected: 4, reported: 0, late: 0 });
    expect(second?.totals.map((t) => t.value)).toEqual([null, null]);
    expect(second?.rows[0]?.figures).toEqual([
      { indicator: 'tin', value: null, reported: 0 },
      { indicator: 'nghe', value: null, reported: 0 },
    ]);
  });
});
