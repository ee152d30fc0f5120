// Pure rules of SMS sending (issue #12): quiet hours, the send window and the local day in Viet Nam time (UTC+7, no daylight
// saving), the daily cap, opt-out keywords, the international form of a phone number. Unit-tested.
import { unaccented } from '../../../shared/sms/segments.ts';
import type { Priority } from '../../../shared/contracts/broadcasts.ts';
import { DEFAULT_SMS_SETTINGS } from '../../../shared/contracts/settings.ts';
import type { SmsSettings } from '../../../shared/contracts/settings.ts';

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MIN = 1440;
const DAY_MS = 86_400_000;

/** Default: no ordinary message 22:00–07:00 (emergencies any time); the SMS settings may change it. */
export const QUIET_HOURS = { startHour: DEFAULT_SMS_SETTINGS.quietStartHour, endHour: DEFAULT_SMS_SETTINGS.quietEndHour } as const;
/** Ordinary messages per phone per local day, unless the SMS settings say otherwise. */
export const DAILY_CAP = DEFAULT_SMS_SETTINGS.dailyCap;
export const DAILY_CAP_ERROR = 'vượt giới hạn trong ngày';
export const NO_OPENING_ERROR = 'khung giờ gửi nằm trọn trong giờ yên lặng: không có lúc nào được gửi';

export const isOrdinary = (p: Priority): boolean => p !== 'khan_cap';

/** YYYY-MM-DD of the instant in Asia/Ho_Chi_Minh. */
export function localDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** When an ordinary message may be sent each day: outside the quiet hours and, when the broadcast has one, inside its window. */
export interface SendRules {
  quiet: { startHour: number; endHour: number };
  /** "HH:MM" local times, start before end; null: the whole day. */
  window: { start: string; end: string } | null;
}

export const DEFAULT_RULES: SendRules = { quiet: QUIET_HOURS, window: null };

/** The rules for a broadcast under the SMS settings in force. */
export function rulesOf(settings: Pick<SmsSettings, 'quietStartHour' | 'quietEndHour'>, b: { windowStart: string | null; windowEnd: string | null }): SendRules {
  return {
    quiet: { startHour: settings.quietStartHour, endHour: settings.quietEndHour },
    window: b.windowStart && b.windowEnd ? { start: b.windowStart, end: b.windowEnd } : null,
  };
}

/** "07:30" → 450. */
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The open stretches of every local day, [from, to) in minutes since midnight, sorted: the window minus the quiet hours. */
export function openStretches(r: SendRules): [number, number][] {
  const qs = r.quiet.startHour * 60;
  const qe = r.quiet.endHour * 60;
  const quiet: [number, number][] =
    qs === qe
      ? []
      : qs > qe
        ? [
            [0, qe],
            [qs, DAY_MIN],
          ]
        : [[qs, qe]];
  let open: [number, number][] = [r.window ? [minutesOf(r.window.start), minutesOf(r.window.end)] : [0, DAY_MIN]];
  for (const [a, b] of quiet)
    open = open.flatMap(([x, y]): [number, number][] => [
      [x, Math.min(y, a)],
      [Math.max(x, b), y],
    ]);
  return open.filter(([x, y]) => x < y).sort((p, q) => p[0] - q[0]);
}

/**
 * Where `at` falls for an ordinary message: open (until `closesAt`, null when never closing), or closed until
 * `opensAt` (null when the rules leave no open minute at all).
 */
export function sendingStretch(at: Date, r: SendRules): { open: true; closesAt: Date | null } | { open: false; opensAt: Date | null } {
  const s = openStretches(r);
  if (s.length === 0) return { open: false, opensAt: null };
  if (s.length === 1 && s[0]![0] === 0 && s[0]![1] === DAY_MIN) return { open: true, closesAt: null };
  const local = at.getTime() + VN_OFFSET_MS;
  const day = Math.floor(local / DAY_MS) * DAY_MS;
  const ms = local - day;
  const toDate = (localMs: number) => new Date(localMs - VN_OFFSET_MS);
  for (const [a, b] of s) {
    if (ms < a * 60_000) return { open: false, opensAt: toDate(day + a * 60_000) };
    if (ms < b * 60_000) {
      // A stretch that ends at midnight goes on into the next day's first one when that starts at midnight.
      const end = b === DAY_MIN && s[0]![0] === 0 ? DAY_MS + s[0]![1] * 60_000 : b * 60_000;
      return { open: true, closesAt: toDate(day + end) };
    }
  }
  return { open: false, opensAt: toDate(day + DAY_MS + s[0]![0] * 60_000) };
}

/** The first instant from `at` on when an ordinary message may go (null: never under these rules). */
export function nextOpening(at: Date, r: SendRules): Date | null {
  const st = sendingStretch(at, r);
  return st.open ? at : st.opensAt;
}

/** When an ordinary message may go: `at`, or the end of the quiet hours it falls in. */
export function afterQuietHours(at: Date, quiet: { startHour: number; endHour: number } = QUIET_HOURS): Date {
  return nextOpening(at, { quiet, window: null }) ?? at;
}

/**
 * When the sending starts: the schedule (or now), moved to the next opening of the window outside the quiet hours
 * for ordinary messages (null when there is none); emergencies at once.
 */
export function sendAt(now: Date, scheduleAt: Date | null, priority: Priority, rules: SendRules = DEFAULT_RULES): Date | null {
  const at = scheduleAt && scheduleAt > now ? scheduleAt : now;
  return isOrdinary(priority) ? nextOpening(at, rules) : at;
}

/** Whether one more ordinary message to a phone that already had `sentToday` of them today goes over the cap. */
export const overDailyCap = (sentToday: number, cap: number = DAILY_CAP): boolean => sentToday >= cap;

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
