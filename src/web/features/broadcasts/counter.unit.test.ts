import { describe, expect, it } from 'vitest';
import { countSms, DEFAULT_MAX_PARTS } from './counter.ts';

const ACCENTED = 'UBND xã thông báo: từ 7 giờ ngày 15/8 cắt điện để sửa chữa đường dây, đề nghị bà con chủ động sắp xếp công việc.';

describe('SMS composer counter', () => {
  it('counts a plain GSM-7 text: characters, one part, room left, total for the audience', () => {
    const m = countSms({ text: 'Hop dan luc 19h tai nha van hoa thon', unaccented: false, recipients: 250 });
    expect(m).toMatchObject({ encoding: 'gsm7', characters: 36, parts: 1, unitsLeft: 124, totalParts: 250, overMaxParts: false, savedParts: 0, savedTotal: 0 });
  });

  it('counts Vietnamese as UCS-2 and shows what the unaccented rendition saves', () => {
    const m = countSms({ text: ACCENTED, unaccented: false, recipients: 1000 });
    expect(m).toMatchObject({ encoding: 'ucs2', characters: 112, parts: 2, totalParts: 2000, savedParts: 1, savedTotal: 1000 });
    expect(m.alternative).toEqual({ unaccented: true, parts: 1, encoding: 'gsm7' });
    expect(m.unitsLeft).toBe(2 * 67 - 112);
  });

  it('with the toggle on, counts the unaccented text that is sent', () => {
    const m = countSms({ text: ACCENTED, unaccented: true, recipients: 1000 });
    expect(m.textToSend.startsWith('UBND xa thong bao: tu 7 gio')).toBe(true);
    expect(m).toMatchObject({ encoding: 'gsm7', characters: 112, parts: 1, totalParts: 1000, unitsLeft: 48, savedParts: 1 });
    expect(m.alternative).toEqual({ unaccented: false, parts: 2, encoding: 'ucs2' });
  });

  it('leaves the totals unknown while the audience is not counted', () => {
    const m = countSms({ text: ACCENTED, unaccented: false, recipients: null });
    expect(m.totalParts).toBeNull();
    expect(m.savedTotal).toBeNull();
  });

  it('counts extension characters double in GSM-7 (80 euro signs fill one SMS)', () => {
    const m = countSms({ text: '€'.repeat(80), unaccented: false, recipients: 1 });
    expect(m).toMatchObject({ encoding: 'gsm7', characters: 80, parts: 1, unitsLeft: 0 });
    expect(countSms({ text: '€'.repeat(81), unaccented: false, recipients: 1 }).parts).toBe(2);
  });

  it('counts an emoji as two UCS-2 units', () => {
    const m = countSms({ text: 'Chúc mừng 🎉', unaccented: false, recipients: 3 });
    expect(m).toMatchObject({ encoding: 'ucs2', characters: 11, parts: 1, unitsLeft: 70 - 12, totalParts: 3 });
  });

  it('warns above the maximum parts', () => {
    const long = 'ư'.repeat(67 * DEFAULT_MAX_PARTS + 1);
    const m = countSms({ text: long, unaccented: false, recipients: 10 });
    expect(m).toMatchObject({ parts: DEFAULT_MAX_PARTS + 1, overMaxParts: true, maxParts: DEFAULT_MAX_PARTS });
    expect(countSms({ text: long, unaccented: false, recipients: 10, maxParts: DEFAULT_MAX_PARTS + 1 }).overMaxParts).toBe(false);
    // Unaccented, the same text fits: 'u' in GSM-7 parts of 153.
    const gsmParts = Math.ceil((67 * DEFAULT_MAX_PARTS + 1) / 153);
    expect(countSms({ text: long, unaccented: true, recipients: 10 })).toMatchObject({
      parts: gsmParts,
      overMaxParts: false,
      savedParts: DEFAULT_MAX_PARTS + 1 - gsmParts,
      savedTotal: (DEFAULT_MAX_PARTS + 1 - gsmParts) * 10,
    });
  });

  it('the empty text costs nothing and has the whole first part free', () => {
    expect(countSms({ text: '', unaccented: false, recipients: 100 })).toMatchObject({ parts: 0, characters: 0, totalParts: 0, unitsLeft: 160 });
  });

  it('never reports a negative saving (the unaccented text never needs more parts)', () => {
    const m = countSms({ text: 'Hello', unaccented: true, recipients: 5 });
    expect(m.savedParts).toBe(0);
  });
});
