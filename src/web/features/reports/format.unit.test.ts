import { describe, expect, it } from 'vitest';
import { coveragePercent, describeRule, figureText, indicatorLabel, niceMax, periodText, shortKey } from './format.ts';
import { reportStrings } from './strings.ts';

describe('reports format helpers', () => {
  const S = reportStrings('vi');

  it('describes a weekly rule in Vietnamese', () => {
    expect(describeRule({ kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' }, S, 'vi')).toBe(
      'Hằng tuần, Thứ Năm lúc 16:00 (từ 01/02/2021 đến 28/02/2021)',
    );
    expect(describeRule({ kind: 'monthly', day: 25, time: '17:00' }, S, 'vi')).toBe('Hằng tháng, ngày 25 lúc 17:00');
    expect(describeRule({ nope: 1 }, S, 'vi')).toBe('—');
  });

  it('rounds chart axes and coverage', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(14)).toBe(20);
    expect(niceMax(1400)).toBe(2000);
    expect(niceMax(230)).toBe(250);
    expect(coveragePercent(1, 14)).toBe(7.1);
    expect(coveragePercent(0, 0)).toBe(0);
    expect(shortKey('2021-02-04')).toBe('04/02');
  });

  it('formats figures by indicator type', () => {
    expect(figureText(1400, { type: 'people' }, 'vi')).toBe('1.400');
    expect(figureText(null, { type: 'count' }, 'vi')).toBe('—');
    expect(figureText(12.5, { type: 'percent' }, 'en')).toBe('12.5 %');
  });
});

describe('periods and indicators as people read them', () => {
  const p = { key: '2021-02-25', deadline: '2021-02-25T09:00:00.000Z', label: 'Tuần 09/2021 (hạn 16:00 thứ Năm, 25/02/2021)' };

  it('shows the server label in Vietnamese, never the ISO key, and the date with the deadline in English', () => {
    expect(periodText(p, reportStrings('vi'), 'vi')).toBe('Tuần 09/2021 (hạn 16:00 thứ Năm, 25/02/2021)');
    const en = periodText(p, reportStrings('en'), 'en');
    expect(en).toContain('25/02/2021');
    expect(en).not.toContain('2021-02-25');
  });

  it('adds the unit of measure to an indicator', () => {
    expect(indicatorLabel({ label: 'Độ dài tin, bài', unit: 'phút' })).toBe('Độ dài tin, bài (phút)');
    expect(indicatorLabel({ label: 'Ghi chú', unit: null })).toBe('Ghi chú');
  });
});
