// Pure rules of SMS sending (issue #12): quiet hours and the local day in Viet Nam time (UTC+7, no daylight
// saving), the daily cap, opt-out keywords, the international form of a phone number. Unit-tested.
import { unaccented } from '../../../shared/sms/segments.ts';
import type { Priority } from '../../../shared/contracts/broadcasts.ts';

const VN_OFFSET_MS = 7 * 3_600_000;

/** Default: no ordinary message 22:00–07:00 (emergencies any time). */
export const QUIET_HOURS = { startHour: 22, endHour: 7 } as const;
/** Ordinary messages per phone per local day. */
export const DAILY_CAP = 3;
export const DAILY_CAP_ERROR = 'vượt giới hạn trong ngày';

export const isOrdinary = (p: Priority): boolean => p !== 'khan_cap';

/** YYYY-MM-DD of the instant in Asia/Ho_Chi_Minh. */
export function localDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** When an ordinary message may go: `at`, or the end of the quiet hours it falls in. */
export function afterQuietHours(at: Date, quiet: { startHour: number; endHour: number } = QUIET_HOURS): Date {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  const h = local.getUTCHours();
  if (h < quiet.endHour) {
    local.setUTCHours(quiet.endHour, 0, 0, 0);
  } else if (h >= quiet.startHour) {
    local.setUTCDate(local.getUTCDate() + 1);
    local.setUTCHours(quiet.endHour, 0, 0, 0);
  } else {
    return at;
  }
  return new Date(local.getTime() - VN_OFFSET_MS);
}

/** When the sending starts: the schedule (or now), moved past the quiet hours for ordinary messages. */
export function sendAt(now: Date, scheduleAt: Date | null, priority: Priority): Date {
  const at = scheduleAt && scheduleAt > now ? scheduleAt : now;
  return isOrdinary(priority) ? afterQuietHours(at) : at;
}

const OPT_OUT_KEYWORDS = ['TU CHOI', 'TUCHOI', 'HUY', 'STOP'];

/** True for a subscriber's reply asking to receive no more (TU CHOI, TUCHOI, HUY, STOP; accents, case and spacing ignored). */
export function isOptOutKeyword(text: string): boolean {
  const t = unaccented(text)
    .text.toUpperCase()
    .replace(/[^A-Z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return OPT_OUT_KEYWORDS.some((k) => t === k || t.startsWith(`${k} `));
}

/** 0912345678 → 84912345678 (what the SMSC expects). */
export function toMsisdn(phone: string): string {
  return phone.startsWith('0') ? `84${phone.slice(1)}` : phone;
}

/** 84912345678 / +84912345678 → 0912345678; null when it is not a Vietnamese number. */
export function fromMsisdn(addr: string): string | null {
  const d = addr.replace(/\D/g, '');
  if (/^84\d{9}$/.test(d)) return `0${d.slice(2)}`;
  if (/^0\d{9}$/.test(d)) return d;
  return null;
}

/** The SMSC's message id as stored for matching: lower case, no leading zeros (receipts bring every form). */
export function messageKey(id: string): string {
  return id
    .trim()
    .toLowerCase()
    .replace(/^0+(?=.)/, '');
}
