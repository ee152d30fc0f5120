import { describe, expect, it } from 'vitest';
import { decodeGsm7, decodeUcs2, encodeGsm7, encodeUcs2 } from './gsm7.ts';
import { segment, stripVietnamese, unaccented, validateSenderName } from './segments.ts';

describe('segment', () => {
  it('keeps a plain ASCII text in GSM-7 and counts 160 septets in one SMS', () => {
    const s = segment('a'.repeat(160));
    expect(s).toMatchObject({ encoding: 'gsm7', parts: 1, characters: 160, units: 160, perPart: 160 });
    expect(segment('a'.repeat(161))).toMatchObject({ parts: 2, perPart: 153 });
    expect(segment('a'.repeat(306)).parts).toBe(2);
    expect(segment('a'.repeat(307)).parts).toBe(3);
  });

  it('counts extension characters twice and never splits their escape pair', () => {
    expect(segment('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', parts: 1, characters: 80, units: 160 });
    const s = segment(`${'a'.repeat(152)}€${'b'.repeat(10)}`);
    expect(s.units).toBe(164);
    expect(s.partsText).toEqual(['a'.repeat(152), `€${'b'.repeat(10)}`]);
    for (const ch of '^{}\\[~]|\f') expect(segment(ch).units).toBe(2);
  });

  it('switches Vietnamese to UCS-2: 70 per SMS, 67 per part', () => {
    const s = segment('Thông báo: cắt điện');
    expect(s).toMatchObject({ encoding: 'ucs2', parts: 1, characters: 19, units: 19, perPart: 70 });
    expect(segment('ư'.repeat(70)).parts).toBe(1);
    expect(segment('ư'.repeat(71))).toMatchObject({ parts: 2, perPart: 67 });
    expect(segment('ư'.repeat(134)).parts).toBe(2);
    expect(segment('ư'.repeat(135)).parts).toBe(3);
  });

  it('counts an emoji as two UTF-16 units and keeps its surrogate pair in one part', () => {
    expect(segment('🙂')).toMatchObject({ encoding: 'ucs2', characters: 1, units: 2 });
    const s = segment(`${'ư'.repeat(66)}🙂x${'ư'.repeat(10)}`);
    expect(s.partsText[0]).toBe('ư'.repeat(66));
    expect(s.partsText[1]!.startsWith('🙂')).toBe(true);
    expect(s.partsText.join('')).toBe(s.text);
  });

  it('normalises to NFC before counting (a decomposed "ế" is one character)', () => {
    const s = segment('Tie\u0302\u0301ng Vie\u0302\u0323t');
    expect(s.text).toBe('Tiếng Việt');
    expect(s.characters).toBe(10);
  });

  it('flags a text that needs more parts than allowed', () => {
    expect(segment('ư'.repeat(200), { maxParts: 2 })).toMatchObject({ parts: 3, overMaxParts: true, maxParts: 2 });
    expect(segment('ư'.repeat(100), { maxParts: 2 }).overMaxParts).toBe(false);
    expect(segment('')).toMatchObject({ parts: 0, partsText: [] });
  });
});

describe('unaccented', () => {
  it('removes tone and vowel marks and đ, and replaces typographic punctuation', () => {
    expect(stripVietnamese('Đường Hồ Chí Minh – đoạn “qua” xã… «Tân Lập»')).toBe('Duong Ho Chi Minh - doan "qua" xa... "Tan Lap"');
    expect(stripVietnamese('Ủy ban nhân dân\u00a0xã — ‘khẩn’')).toBe("Uy ban nhan dan xa - 'khan'");
  });

  it('reports the saving in parts', () => {
    const text = 'UBND xã thông báo: từ 7 giờ ngày 15/8 cắt điện để sửa chữa đường dây, đề nghị bà con chủ động sắp xếp công việc.';
    const r = unaccented(text);
    expect(r.before).toMatchObject({ encoding: 'ucs2', parts: 2 });
    expect(r.after).toMatchObject({ encoding: 'gsm7', parts: 1 });
    expect(r.savedParts).toBe(1);
    expect(r.text).toBe('UBND xa thong bao: tu 7 gio ngay 15/8 cat dien de sua chua duong day, de nghi ba con chu dong sap xep cong viec.');
  });

  it('keeps an emoji (still UCS-2) while removing the marks', () => {
    const r = unaccented('Chúc mừng 🎉');
    expect(r.text).toBe('Chuc mung 🎉');
    expect(r.after.encoding).toBe('ucs2');
  });
});

describe('validateSenderName', () => {
  it('accepts a brandname of up to 11 ASCII letters, digits, space . - _', () => {
    expect(validateSenderName('UBND.TAMDUONG')).toMatchObject({ ok: false });
    expect(validateSenderName('UBND-TDuong')).toEqual({ ok: true, name: 'UBND-TDuong' });
    expect(validateSenderName(' XA TAN LAP ')).toEqual({ ok: true, name: 'XA TAN LAP' });
  });

  it('refuses diacritics, symbols, length, empty and digits-only names in Vietnamese', () => {
    expect(validateSenderName('UBND Xã')).toEqual({ ok: false, error: 'Tên định danh không được có dấu tiếng Việt: ã.' });
    expect(validateSenderName('ĐOÀN')).toMatchObject({ ok: false, error: expect.stringContaining('Đ') });
    expect(validateSenderName('UBND@XA')).toMatchObject({ ok: false, error: expect.stringContaining('"@"') });
    expect(validateSenderName('ABCDEFGHIJKL')).toMatchObject({ ok: false, error: 'Tên định danh tối đa 11 ký tự (hiện có 12).' });
    expect(validateSenderName('  ')).toMatchObject({ ok: false, error: expect.stringContaining('trống') });
    expect(validateSenderName('0912345678')).toMatchObject({ ok: false, error: expect.stringContaining('chữ cái') });
  });
});

describe('GSM-7 and UCS-2 octets', () => {
  it('encodes unpacked septets with ESC for the extension table and decodes them back', () => {
    expect([...encodeGsm7('@A€{')]).toEqual([0x00, 0x41, 0x1b, 0x65, 0x1b, 0x28]);
    expect(decodeGsm7(encodeGsm7('Hello [world] ~ ^_^ £¥'))).toBe('Hello [world] ~ ^_^ £¥');
    expect(() => encodeGsm7('ư')).toThrow(RangeError);
  });

  it('encodes UTF-16BE with surrogate pairs', () => {
    expect([...encodeUcs2('ư🙂')]).toEqual([0x01, 0xb0, 0xd8, 0x3d, 0xde, 0x42]);
    expect(decodeUcs2(encodeUcs2('Việt 🙂'))).toBe('Việt 🙂');
  });
});
