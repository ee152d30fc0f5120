/**
 * Place and date of issue as Decree 30 writes them (Phụ lục I, II.4.b): "Lạng Sơn, ngày 05 tháng 02
 * năm 2020": days below 10 and the months 1 and 2 take a leading zero, the other months do not.
 */
import { BLANK_DATE_PART } from './layout.ts';

const DATE = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/;

/**
 * "ngày 05 tháng 02 năm 2020" from "2020-02-05"; "YYYY-MM" leaves the day blank, null (or anything
 * else) leaves every part blank, for the clerk to fill in on signing.
 */
export function formatVnDate(date: string | null): string {
  const m = date ? DATE.exec(date.trim()) : null;
  const [, year, month, day] = m ?? [];
  const monthNumber = Number(month);
  const dayPart = day ? day.padStart(2, '0') : BLANK_DATE_PART;
  const monthPart = month ? (monthNumber <= 2 ? month.padStart(2, '0') : String(monthNumber)) : BLANK_DATE_PART;
  return `ngày ${dayPart} tháng ${monthPart} năm ${year ?? BLANK_DATE_PART}`;
}

/** "Lạng Sơn, ngày 05 tháng 02 năm 2020"; a missing place is left blank before the comma. */
export function formatPlaceAndDate(place: string | null, date: string | null): string {
  return `${place?.trim() || BLANK_DATE_PART}, ${formatVnDate(date)}`;
}

/** The date of issue as a UTC midnight (the 1st for "YYYY-MM"), or null when there is none. */
export function issueDate(date: string | null): Date | null {
  const m = date ? DATE.exec(date.trim()) : null;
  if (!m) return null;
  const [, year, month, day] = m;
  return new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
}
