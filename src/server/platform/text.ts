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

const TZ = 'Asia/Ho_Chi_Minh';

function vnParts(d: Date): { day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' })
    .formatToParts(d);
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
