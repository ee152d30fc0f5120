import { describe, expect, it } from 'vitest';
import { measuredByPeriod, measuredRowOf } from './rollup-channels.ts';

const m = (child: string, path: string | null, period: string, smsSent: number, smsDelivered: number, telcoReported = 0) => ({
  child,
  path,
  period,
  smsSent,
  smsDelivered,
  telcoReported,
});

describe('the measured channel of the roll-up', () => {
  it("puts a root's child in its row, else in the root's row when the root is one, else nowhere", () => {
    const rowOf = (c: string) => c || 'root';
    expect(measuredRowOf(m('a', null, 'p', 1, 1), new Set(['a', 'b']), rowOf)).toBe('a');
    expect(measuredRowOf(m('c', null, 'p', 1, 1), new Set(['a', 'b']), rowOf)).toBeNull();
    expect(measuredRowOf(m('station', null, 'p', 1, 1), new Set(['root']), rowOf)).toBe('root');
    expect(measuredRowOf(m('', null, 'p', 1, 1), new Set(['root', 'a']), rowOf)).toBe('root');
  });

  it("in today's tree puts a unit in the row of its nearest unit on the path: itself, its commune, or its old commune's successor", () => {
    const successor = new Map([['oldCommune', 'newCommune']]);
    const rowOf = (c: string) => successor.get(c) ?? c;
    const rows = new Set(['newCommune', 'other']);
    expect(measuredRowOf(m('village', 'nation.oldProvince.oldDistrict.oldCommune.village', 'p', 1, 1), rows, rowOf)).toBe('newCommune');
    expect(measuredRowOf(m('village2', 'nation.province.newCommune.village2', 'p', 1, 1), rows, rowOf)).toBe('newCommune');
    expect(measuredRowOf(m('other', 'nation.province.other', 'p', 1, 1), rows, rowOf)).toBe('other');
    expect(measuredRowOf(m('elsewhere', 'nation.province.elsewhere', 'p', 1, 1), rows, rowOf)).toBeNull();
  });

  it('sums per row and period, and totals only the rows shown', () => {
    const out = measuredByPeriod(
      [m('a', null, 'p1', 4, 3), m('a', null, 'p1', 1, 1, 1), m('b', null, 'p1', 2, 2), m('c', null, 'p1', 9, 9), m('a', null, 'p2', 1, 0), m('a', null, 'p9', 5, 5)],
      ['p1', 'p2', 'p3'],
      ['a', 'b'],
      (c) => c,
    );
    expect(out.get('p1')?.rows.get('a')).toEqual({ smsSent: 5, smsDelivered: 4, telcoReported: 1 });
    expect(out.get('p1')?.total).toEqual({ smsSent: 7, smsDelivered: 6, telcoReported: 1 });
    expect(out.get('p1')?.outside).toEqual({ smsSent: 9, smsDelivered: 9, telcoReported: 0 });
    expect(out.get('p2')?.outside).toEqual({ smsSent: 0, smsDelivered: 0, telcoReported: 0 });
    expect(out.get('p2')?.total).toEqual({ smsSent: 1, smsDelivered: 0, telcoReported: 0 });
    expect(out.get('p3')?.total).toEqual({ smsSent: 0, smsDelivered: 0, telcoReported: 0 });
    expect(out.has('p9')).toBe(false);
  });
});
