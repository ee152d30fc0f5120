/** Text helpers shared by every module: normalisation and Vietnamese formatting. */

/** NFC-normalises and trims; every text input goes through this at the boundary. */
export function nfc(s: string): string {
  return s.normalize('NFC').trim();
}

/** Lower-case, diacritics removed (đ → d): the key the database search uses too. */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/**
 * Moves the tone mark of an open "oa", "oe", "uy" syllable to the new-style position: "Hóa" →
 * "Hoá", "Thụy" → "Thuỵ", "Khỏe" → "Khoẻ" (closed syllables such as "Hoàng" are the same in both
 * styles). NFC out. Both spellings are in use, in GSO lists and in dispatches alike.
 */
export function toneNewStyle(s: string): string {
  return s
    .normalize('NFD')
    .replace(/([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?![\p{L}\u0300-\u036f])/gu, '$1$3$2')
    .normalize('NFC');
}

/** The comparison key of a Vietnamese name that keeps diacritics but not tone placement or case. */
export function toneKey(s: string): string {
  return toneNewStyle(s.normalize('NFC').trim().replace(/\s+/g, ' ')).toLowerCase();
}

/** "Thanh Hóa" equals "Thanh Hoá", "Thụy Khuê" equals "Thuỵ Khuê"; "Tân" never equals "Tấn". */
export function sameName(a: string, b: string): boolean {
  return toneKey(a) === toneKey(b);
}

const TZ = 'Asia/Ho_Chi_Minh';

function vnParts(d: Date): { day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { day: get('day'), month: get('month'), year: get('year') };
}

/** "ngày 05 tháng 02 năm 2020" (Decree 30: day and month below 10 get a leading zero). */
export function formatVnDate(d: Date): string {
  const { day, month, year } = vnParts(d);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** The calendar date in Viet Nam as YYYY-MM-DD. */
export function vnDateKey(d: Date): string {
  const { day, month, year } = vnParts(d);
  return `${year}-${month}-${day}`;
}
