/**
 * Place and date of issue as Decree 30 writes them (Phụ lục I, II.4.b): "Lạng Sơn, ngày 05 tháng 02
 * năm 2020": days below 10 and the months 1 and 2 take a leading zero, the other months do not.
 */
import * as shared from '../../../../shared/decree30-text.ts';
import { BLANK_DATE_PART } from './layout.ts';

const DATE = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/;

/** "ngày 05 tháng 02 năm 2020" from "2020-02-05"; unknown parts blank (see src/shared/decree30-text.ts). */
export function formatVnDate(date: string | null): string {
  return shared.formatVnDate(date, BLANK_DATE_PART);
}

/** "Lạng Sơn, ngày 05 tháng 02 năm 2020"; a missing place is left blank before the comma. */
export function formatPlaceAndDate(place: string | null, date: string | null): string {
  return shared.formatPlaceAndDate(place, date, BLANK_DATE_PART);
}

/** The date of issue as a UTC midnight (the 1st for "YYYY-MM"), or null when there is none. */
export function issueDate(date: string | null): Date | null {
  const m = date ? DATE.exec(date.trim()) : null;
  if (!m) return null;
  const [, year, month, day] = m;
  return new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
}
