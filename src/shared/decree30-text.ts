/**
 * Text forms of Decree 30/2020/NĐ-CP (Phụ lục I) shared by the server's renderer (DOCX/PDF) and the
 * admin UI's live preview, so the preview prints what the document will print. Pure; document text is
 * always Vietnamese. `blank` is what an unknown part prints as (non-breaking spaces, for the clerk to
 * fill in by hand; the renderer and the preview use different widths).
 */

const DATE = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/;

/** "05" for 5: register numbers below 10 take a leading zero (II.3.c); none prints `blank`. */
export function documentNumber(n: string | null | undefined, blank: string): string {
  const v = n?.trim();
  if (!v) return blank;
  return /^\d$/.test(v) ? `0${v}` : v;
}

/**
 * "ngày 05 tháng 02 năm 2020" from "2020-02-05" (II.4.b): days below 10 and the months 1 and 2 take a
 * leading zero, the other months do not; "YYYY-MM" leaves the day blank, null (or anything else) every part.
 */
export function formatVnDate(date: string | null, blank: string): string {
  const m = date ? DATE.exec(date.trim()) : null;
  const [, year, month, day] = m ?? [];
  const monthNumber = Number(month);
  const dayPart = day ? day.padStart(2, '0') : blank;
  const monthPart = month ? (monthNumber <= 2 ? month.padStart(2, '0') : String(monthNumber)) : blank;
  return `ngày ${dayPart} tháng ${monthPart} năm ${year ?? blank}`;
}

/** "Lạng Sơn, ngày 05 tháng 02 năm 2020"; a missing place is left blank before the comma. */
export function formatPlaceAndDate(place: string | null, date: string | null, blank: string): string {
  return `${place?.trim() || blank}, ${formatVnDate(date, blank)}`;
}

/** Text of a list entry without the dash and the closing ";" or "." the list adds. */
export function listEntry(s: string): string {
  return s
    .trim()
    .replace(/^[-–•]\s*/, '')
    .replace(/[;.,]+$/, '')
    .trim();
}

/** "- a;", "- b.": every entry of a list (Kính gửi, Nơi nhận) ends with ";", the last with "." (II.9.d). */
export function punctuateList(items: readonly string[]): string[] {
  return items.map((s, i) => `- ${s}${i === items.length - 1 ? '.' : ';'}`);
}
