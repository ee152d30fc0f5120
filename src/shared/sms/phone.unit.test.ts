import { describe, expect, it } from 'vitest';
import { TELCOS, maskPhone, normalisePhone, telcoOf } from './phone.ts';

describe('normalisePhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0084 912 345 678', '0912345678'],
    ['+84 91 234 5678', '0912345678'],
    ['091.234.5678', '0912345678'],
    ['091-234-5678', '0912345678'],
    ['(091) 234 5678', '0912345678'],
    ['912345678', '0912345678'], // a spreadsheet dropped the leading 0
    ['  0386 000 123 ', '0386000123'],
    ['０９１２３４５６７８', '0912345678'], // full-width digits
  ])('%s → %s', (raw, expected) => expect(normalisePhone(raw)).toBe(expected));

  it.each([
    '',
    'abc',
    '091234567', // 9 digits with a 0: too short
    '09123456789', // 11 digits
    '02438123456', // a Hà Nội landline
    '0112345678', // no such mobile prefix
    '+1 650 555 1234',
    '+8491234567',
    '0912x345678',
    '1900 1234',
    '0912345678;0987654321',
  ])('refuses %j', (raw) => expect(normalisePhone(raw)).toBeNull());

  it('is idempotent and every normalised number is 10 digits starting with 0', () => {
    // Property-ish: every mobile prefix, in every accepted spelling, comes back as the same 10 digits.
    for (const lead of ['3', '5', '7', '8', '9']) {
      for (let d = 0; d < 10; d++) {
        const national = `0${lead}${d}${String((d * 7919 + Number(lead) * 104729) % 10_000_000).padStart(7, '0')}`;
        const rest = national.slice(1);
        for (const spelling of [
          national,
          `+84${rest}`,
          `84${rest}`,
          `0084${rest}`,
          `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`,
          rest.split('').join('.'),
        ]) {
          const n = normalisePhone(spelling);
          expect(n, spelling).toBe(national);
          expect(normalisePhone(n!)).toBe(n);
          expect(n).toMatch(/^0\d{9}$/);
        }
      }
    }
  });
});

describe('telcoOf', () => {
  it.each([
    ['0961234567', 'viettel'],
    ['0321234567', 'viettel'],
    ['0861234567', 'viettel'],
    ['0912345678', 'vinaphone'],
    ['0888123456', 'vinaphone'],
    ['0901234567', 'mobifone'],
    ['0701234567', 'mobifone'],
    ['0921234567', 'vietnamobile'],
    ['0561234567', 'vietnamobile'],
    ['0991234567', 'gmobile'],
    ['0871234567', 'itelecom'],
    ['0551234567', 'reddi'],
    ['0501234567', 'unknown'],
  ])('%s → %s', (phone, telco) => expect(telcoOf(phone)).toBe(telco));

  it('answers a telco of the list for any normalised number', () => {
    for (let p = 30; p < 100; p++) expect(TELCOS).toContain(telcoOf(`0${p}1234567`));
  });
});

describe('maskPhone', () => {
  it('keeps the prefix and the last three digits', () => {
    expect(maskPhone('0912345678')).toBe('091****678');
    expect(maskPhone('0386000123')).toBe('038****123');
  });
  it('never shows the middle digits, whatever the length', () => {
    for (let n = 0; n < 14; n++) {
      const phone = '0123456789abcd'.slice(0, n);
      const masked = maskPhone(phone);
      expect(masked).toHaveLength(n);
      if (n >= 7) expect(masked.slice(3, -3)).toMatch(/^\*+$/);
      else expect(masked).toMatch(/^\**$/);
    }
  });
});
