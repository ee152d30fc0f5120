import { describe, expect, it } from 'vitest';
import { formatPlaceAndDate, formatVnDate, issueDate } from './vn-date.ts';

const blanks = (s: string) => s.replace(/\u00a0+/g, '_');

describe('formatVnDate', () => {
  it('pads days below 10 and the months 1 and 2 only (Phụ lục I, II.4.b)', () => {
    expect(formatVnDate('2020-02-05')).toBe('ngày 05 tháng 02 năm 2020');
    expect(formatVnDate('2019-06-29')).toBe('ngày 29 tháng 6 năm 2019');
    expect(formatVnDate('2020-01-10')).toBe('ngày 10 tháng 01 năm 2020');
    expect(formatVnDate('2020-03-07')).toBe('ngày 07 tháng 3 năm 2020');
    expect(formatVnDate('2020-12-31')).toBe('ngày 31 tháng 12 năm 2020');
  });

  it('leaves the day blank for YYYY-MM and every part for null or an unreadable date', () => {
    expect(blanks(formatVnDate('2021-02'))).toBe('ngày _ tháng 02 năm 2021');
    expect(blanks(formatVnDate('2020-3'))).toBe('ngày _ tháng 3 năm 2020');
    expect(blanks(formatVnDate(null))).toBe('ngày _ tháng _ năm _');
    expect(blanks(formatVnDate('mùng 5'))).toBe('ngày _ tháng _ năm _');
  });

  it('puts the place before the date, or a blank', () => {
    expect(formatPlaceAndDate('Lạng Sơn', '2020-02-05')).toBe('Lạng Sơn, ngày 05 tháng 02 năm 2020');
    expect(blanks(formatPlaceAndDate(null, '2020-02-05'))).toBe('_, ngày 05 tháng 02 năm 2020');
  });
});

describe('issueDate', () => {
  it('is UTC midnight of the day, the 1st for a month, null without a date', () => {
    expect(issueDate('2020-02-05')?.toISOString()).toBe('2020-02-05T00:00:00.000Z');
    expect(issueDate('2021-02')?.toISOString()).toBe('2021-02-01T00:00:00.000Z');
    expect(issueDate(null)).toBeNull();
  });
});
