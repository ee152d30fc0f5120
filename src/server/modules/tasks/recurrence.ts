/**
 * Deadlines of a task, computed on the Viet Nam calendar (Asia/Ho_Chi_Minh) and returned as UTC
 * instants. Pure functions: no clock, no database.
 *
 * A rule reuses the parser's Schedule shape (src/shared/dispatch.ts) without the
 * `relative` kind, which `dueRuleFromSchedule` turns into a one-off deadline.
 */
import type { Schedule } from '../../../shared/dispatch.ts';

export const TASK_TIMEZONE = 'Asia/Ho_Chi_Minh';

export type DueRule = Exclude<Schedule, { kind: 'relative' }>;

/** One occurrence: its key (local date of the deadline), the deadline, and when its period opened. */
export interface Period {
  /** YYYY-MM-DD: the local calendar date of the deadline (at most one deadline per day). */
  key: string;
  deadline: Date;
  /** The previous deadline, or the start of the rule's first day; null for an open one-off. */
  start: Date | null;
  /** The period in words: "Tuần 09/2021 (hạn 16:00 thứ Năm, 25/02/2021)" (see periodLabel). */
  label: string;
}

/** Hard cap so an open-ended rule over a long range cannot loop for ever. */
export const MAX_OCCURRENCES = 5000;

const DAY_MS = 86_400_000;

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TASK_TIMEZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function zoneParts(d: Date): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const p = Object.fromEntries(partsFormat.formatToParts(d).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), min: Number(p.minute), s: Number(p.second) };
}

/** Offset of the zone from UTC at an instant, in milliseconds (+7 h for Viet Nam). */
function zoneOffsetMs(at: Date): number {
  const p = zoneParts(at);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The UTC instant of a local wall-clock date and time in Viet Nam. */
export function localToUtc(dateKey: string, time: string): Date {
  const [y, m, d] = dateKey.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset even where it changes (not the case in Viet Nam since 1975).
  let guess = wall - zoneOffsetMs(new Date(wall));
  guess = wall - zoneOffsetMs(new Date(guess));
  return new Date(guess);
}

/** The local calendar date (YYYY-MM-DD) of an instant in Viet Nam. */
export function localDateKey(at: Date): string {
  const p = zoneParts(at);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** Days of a date key since the epoch (calendar arithmetic in UTC, independent of the zone). */
function dayNumber(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

function keyOfDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a date key: 1 = Monday … 7 = Sunday. */
export function isoWeekday(key: string): number {
  const dow = new Date(dayNumber(key) * DAY_MS).getUTCDay();
  return dow === 0 ? 7 : dow;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Candidate deadline dates of a repeating rule between two local dates (inclusive). */
function* candidateDays(rule: Exclude<DueRule, { kind: 'once' }>, fromKey: string, toKey: string): Generator<string> {
  const first = dayNumber(fromKey);
  const last = dayNumber(toKey);
  switch (rule.kind) {
    case 'daily':
      for (let n = first; n <= last; n++) yield keyOfDay(n);
      return;
    case 'weekly': {
      const shift = (rule.weekday - isoWeekday(fromKey) + 7) % 7;
      for (let n = first + shift; n <= last; n += 7) yield keyOfDay(n);
      return;
    }
    case 'monthly': {
      let [y, m] = fromKey.split('-').map(Number) as [number, number];
      for (;;) {
        // Day 31 in a 30-day month, or 29–31 in February, falls on the month's last day.
        const day = Math.min(rule.day, daysInMonth(y, m));
        const key = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const n = dayNumber(key);
        if (n > last) return;
        if (n >= first) yield key;
        m++;
        if (m > 12) {
          m = 1;
          y++;
        }
      }
    }
  }
}

function maxKey(a: string, b: string | null | undefined): string {
  return b && b > a ? b : a;
}
function minKey(a: string, b: string | null | undefined): string {
  return b && b < a ? b : a;
}

/**
 * Deadlines of a rule between two instants (both inclusive), oldest first, as UTC instants.
 * Weekly on Thursday 16:00 in February 2021 gives 4, 11, 18 and 25 February at 09:00Z.
 */
export function occurrences(rule: DueRule, from: Date, to: Date): Date[] {
  if (to < from) return [];
  if (rule.kind === 'once') {
    const at = new Date(rule.at);
    return at >= from && at <= to ? [at] : [];
  }
  const fromKey = maxKey(localDateKey(from), rule.from);
  const toKey = minKey(localDateKey(to), rule.until);
  if (toKey < fromKey) return [];
  const out: Date[] = [];
  for (const key of candidateDays(rule, fromKey, toKey)) {
    const at = localToUtc(key, rule.time);
    if (at < from || at > to) continue;
    out.push(at);
    if (out.length >= MAX_OCCURRENCES) break;
  }
  return out;
}

/** The first day a rule can have a deadline (null: open). */
export function ruleStart(rule: DueRule): Date | null {
  if (rule.kind === 'once') return null;
  return rule.from ? localToUtc(rule.from, '00:00') : null;
}

/** Looks back at most this far for the previous deadline (a monthly rule needs 31 days). */
const LOOKBACK_MS = 32 * DAY_MS;

function previousDeadline(rule: DueRule, before: Date): Date | null {
  const list = occurrences(rule, new Date(before.getTime() - LOOKBACK_MS), new Date(before.getTime() - 1));
  return list.at(-1) ?? null;
}

function toPeriod(rule: DueRule, deadline: Date): Period {
  const key = localDateKey(deadline);
  return { key, deadline, start: previousDeadline(rule, deadline) ?? ruleStart(rule), label: periodLabel(rule, { key, deadline }) };
}

/**
 * The period an instant falls in: the one whose deadline is the first at or after the instant
 * (a report at 16:00 sharp still belongs to the 16:00 deadline). Null after the last deadline, or
 * before the start of a rule that has one.
 */
export function periodFor(rule: DueRule, instant: Date): Period | null {
  const start = ruleStart(rule);
  if (start && instant < start) return null;
  const next = occurrences(rule, instant, new Date(instant.getTime() + LOOKBACK_MS))[0];
  return next ? toPeriod(rule, next) : null;
}

/** The period with a given key (local date of its deadline), or null when the rule has none that day. */
export function periodByKey(rule: DueRule, key: string): Period | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) return null;
  const dayStart = localToUtc(key, '00:00');
  const at = occurrences(rule, dayStart, new Date(dayStart.getTime() + DAY_MS - 1))[0];
  return at ? toPeriod(rule, at) : null;
}

/** Periods whose deadlines fall between two instants (inclusive). */
export function periodsBetween(rule: DueRule, from: Date, to: Date): Period[] {
  const deadlines = occurrences(rule, from, to);
  return deadlines.map((deadline, i) => {
    const key = localDateKey(deadline);
    return {
      key,
      deadline,
      start: i > 0 ? (deadlines[i - 1] ?? null) : (previousDeadline(rule, deadline) ?? ruleStart(rule)),
      label: periodLabel(rule, { key, deadline }),
    };
  });
}

/**
 * The latest period whose deadline has passed before an instant (a late report can still be sent
 * for it), or null: the rule's last deadline when it has ended, else the previous deadline.
 */
export function lastClosedPeriod(rule: DueRule, instant: Date): Period | null {
  const { last } = ruleBounds(rule);
  if (last && last < instant) return toPeriod(rule, last);
  const previous = previousDeadline(rule, instant);
  return previous ? toPeriod(rule, previous) : null;
}

/** When no period is open yet (a rule that starts later): when the first opens and that period. */
export function nextOpening(rule: DueRule, instant: Date): { opensAt: Date; period: Period } | null {
  const start = ruleStart(rule);
  if (!start || start <= instant) return null;
  const period = periodFor(rule, start);
  return period ? { opensAt: start, period } : null;
}

/** A submission is late when it arrives after the deadline: 15:59 and 16:00 are on time for 16:00. */
export function isLate(deadline: Date, at: Date): boolean {
  return at.getTime() > deadline.getTime();
}

/** Turns a parsed schedule into a due rule; "within N days from D" becomes a one-off at 17:00 of D+N. */
export function dueRuleFromSchedule(s: Schedule): DueRule | null {
  if (s.kind !== 'relative') return s;
  if (!s.from) return null;
  const key = keyOfDay(dayNumber(s.from) + s.days);
  return { kind: 'once', at: localToUtc(key, '17:00').toISOString() };
}

/** First and last deadline a rule can ever have (null when open-ended). */
export function ruleBounds(rule: DueRule): { first: Date | null; last: Date | null } {
  if (rule.kind === 'once') return { first: new Date(rule.at), last: new Date(rule.at) };
  let first: Date | null = null;
  let last: Date | null = null;
  if (rule.from) {
    const start = localToUtc(rule.from, '00:00');
    first = occurrences(rule, start, new Date(start.getTime() + LOOKBACK_MS))[0] ?? null;
  }
  if (rule.until) {
    const end = localToUtc(rule.until, '23:59');
    last = occurrences(rule, new Date(end.getTime() - LOOKBACK_MS), end).at(-1) ?? null;
  }
  return { first, last };
}

// Periods and deadlines in words, the way a commune officer reads them: never an ISO key.

const WEEKDAYS = ['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'] as const;

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TASK_TIMEZONE, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });

/** "25/02/2021" of a YYYY-MM-DD key. */
export function dayMonthYear(key: string): string {
  const [y, m, d] = key.split('-');
  return `${d}/${m}/${y}`;
}

/** "thứ Năm" of a YYYY-MM-DD key. */
export function weekdayName(key: string): string {
  return WEEKDAYS[isoWeekday(key) - 1] ?? '';
}

/** "16:00 thứ Năm, 25/02/2021": an instant in Viet Nam time. */
export function deadlineText(at: Date): string {
  const key = localDateKey(at);
  return `${timeFormat.format(at)} ${weekdayName(key)}, ${dayMonthYear(key)}`;
}

/** "16:00 25/02/2021": an instant in Viet Nam time, short (tables, spreadsheets). */
export function shortDeadlineText(at: Date): string {
  return `${timeFormat.format(at)} ${dayMonthYear(localDateKey(at))}`;
}

/**
 * Week number of a date: weeks start on Monday and week 1 is the one holding 1 January, so
 * Thursday 25/02/2021 is in week 09 (the count Vietnamese weekly reports use).
 */
export function weekOfYear(key: string): { week: number; year: number } {
  const year = Number(key.slice(0, 4));
  const dayOfYear = Math.round((Date.parse(`${key}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000);
  const jan1 = isoWeekday(`${year}-01-01`);
  return { week: Math.floor((dayOfYear + jan1 - 1) / 7) + 1, year };
}

/** The name of a period by its rule: "Tuần 09/2021", "Tháng 02/2021", "Ngày 25/02/2021", "Báo cáo". */
export function periodName(rule: DueRule, key: string): string {
  switch (rule.kind) {
    case 'weekly': {
      const { week, year } = weekOfYear(key);
      return `Tuần ${String(week).padStart(2, '0')}/${year}`;
    }
    case 'monthly':
      return `Tháng ${key.slice(5, 7)}/${key.slice(0, 4)}`;
    case 'daily':
      return `Ngày ${dayMonthYear(key)}`;
    case 'once':
      return 'Báo cáo';
  }
}

/** "Tuần 09/2021 (hạn 16:00 thứ Năm, 25/02/2021)". */
export function periodLabel(rule: DueRule, p: { key: string; deadline: Date }): string {
  return `${periodName(rule, p.key)} (hạn ${deadlineText(p.deadline)})`;
}
