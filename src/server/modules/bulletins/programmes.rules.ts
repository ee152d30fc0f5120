// Pure rules of a commune's broadcast programmes (issue #13): when two slots collide, and what a device
// plays in the next 48 hours. Local times are Viet Nam time (UTC+7, no daylight saving). Unit-tested.
import { createHash } from 'node:crypto';
import type { Media, Priority, ScheduleEntry } from '../../../shared/contracts/device-protocol.ts';
import { SCHEDULE_HORIZON_MS, WEEKDAY_LABELS, hhmmOf } from '../../../shared/contracts/programmes.ts';

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** A schedule command holds at most this many entries (protocol v1). */
const MAX_ENTRIES = 1000;

/** The timing of a programme: a slot [startMinute, startMinute + slotMinutes) on `days` between validFrom and validUntil. */
export interface Slot {
  id: string;
  name: string;
  days: readonly number[];
  startMinute: number;
  slotMinutes: number;
  /** YYYY-MM-DD, local. */
  validFrom: string;
  validUntil: string | null;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
const dayNumber = (ymd: string): number => Math.floor(Date.parse(`${ymd}T00:00:00Z`) / DAY_MS);
/** ISO weekday (1 = Monday … 7 = Sunday) of a day number (1970-01-01 was a Thursday). */
const weekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** The weekdays that occur in both validity windows and on both programmes' days (empty: they never meet). */
export function sharedWeekdays(a: Slot, b: Slot): number[] {
  const from = Math.max(dayNumber(a.validFrom), dayNumber(b.validFrom));
  const untils = [a.validUntil, b.validUntil].filter((d): d is string => d !== null).map(dayNumber);
  const until = untils.length ? Math.min(...untils) : Infinity;
  if (until < from) return [];
  const inWindow = new Set<number>();
  for (let d = from; d <= Math.min(until, from + 6); d++) inWindow.add(weekdayOf(d));
  return a.days.filter((w) => b.days.includes(w) && inWindow.has(w)).sort((x, y) => x - y);
}

export interface Conflict {
  other: Slot;
  weekday: number;
}

/** The first programme of `others` whose slot overlaps the candidate's on a day both play (the candidate itself skipped). */
export function findConflict(candidate: Slot, others: readonly Slot[]): Conflict | null {
  const end = candidate.startMinute + candidate.slotMinutes;
  for (const o of others) {
    if (o.id === candidate.id) continue;
    if (!(candidate.startMinute < o.startMinute + o.slotMinutes && o.startMinute < end)) continue;
    const days = sharedWeekdays(candidate, o);
    if (days.length) return { other: o, weekday: days[0]! };
  }
  return null;
}

/** The parameters of PROGRAMME_CONFLICT: the other programme's name, the first shared day and its time. */
export const conflictParams = (c: Conflict) => ({
  other: c.other.name,
  day: WEEKDAY_LABELS[c.weekday] ?? String(c.weekday),
  start: hhmmOf(c.other.startMinute),
  end: hhmmOf(c.other.startMinute + c.other.slotMinutes),
});

/** What the schedule needs of a bulletin (the bulletins module's BulletinMedia, narrowed). */
export interface PlayableBulletin {
  status: string;
  media: Media | null;
  priority: Priority;
  validUntil: Date | null;
}

export interface ProgrammePlan extends Slot {
  repeat: number;
  /** Bulletin ids in play order. */
  playlist: readonly string[];
}

/** "2026-03-02T07:30:00+07:00": the instant in Viet Nam time with its offset. */
export const vnIso = (ms: number): string => `${new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;

/**
 * The entries a loudspeaker plays from `now` to `now + 48 h`: for every slot occurrence, the playlist's
 * published bulletins back to back (audio: duration × repeat; a live relay takes the rest of the slot).
 * An item that would run past the slot's end, or past its bulletin's validity, is left out of that slot;
 * an item whose start is already past is not sent again. Sorted by start.
 */
export function expandSchedule(plans: readonly ProgrammePlan[], bulletins: ReadonlyMap<string, PlayableBulletin>, now: Date): ScheduleEntry[] {
  const from = now.getTime();
  const to = from + SCHEDULE_HORIZON_MS;
  const firstDay = Math.floor((from + VN_OFFSET_MS) / DAY_MS) - 1;
  const lastDay = Math.floor((to + VN_OFFSET_MS) / DAY_MS);
  const entries: ScheduleEntry[] = [];
  for (const p of plans) {
    const validFrom = dayNumber(p.validFrom);
    const validUntil = p.validUntil ? dayNumber(p.validUntil) : Infinity;
    for (let day = Math.max(firstDay, validFrom); day <= Math.min(lastDay, validUntil); day++) {
      if (!p.days.includes(weekdayOf(day))) continue;
      const slotStart = day * DAY_MS - VN_OFFSET_MS + p.startMinute * MINUTE_MS;
      const slotEnd = slotStart + p.slotMinutes * MINUTE_MS;
      let cursor = slotStart;
      for (const id of p.playlist) {
        const b = bulletins.get(id);
        if (!b || b.status !== 'published' || !b.media) continue;
        const repeat = b.media.kind === 'audio' ? p.repeat : 1;
        const length = b.media.kind === 'audio' ? b.media.durationMs * repeat : slotEnd - cursor;
        if (length <= 0 || cursor + length > slotEnd) continue;
        if (b.validUntil && cursor + length > b.validUntil.getTime()) continue;
        if (cursor >= from && cursor < to) entries.push({ itemId: id, media: b.media, priority: b.priority, startAt: vnIso(cursor), repeat });
        cursor += length;
      }
    }
  }
  return entries.sort((x, y) => Date.parse(x.startAt) - Date.parse(y.startAt)).slice(0, MAX_ENTRIES);
}

/** The next slot of any plan starting at or after `now` (to place an ưu tiên bulletin at its head), or null. */
export function nextSlot<P extends Slot>(plans: readonly P[], now: Date): { plan: P; startsAt: Date } | null {
  const from = now.getTime();
  const today = Math.floor((from + VN_OFFSET_MS) / DAY_MS);
  let best: { plan: P; startsAt: Date } | null = null;
  for (const p of plans) {
    const validFrom = dayNumber(p.validFrom);
    const validUntil = p.validUntil ? dayNumber(p.validUntil) : Infinity;
    for (let day = Math.max(today, validFrom); day <= Math.min(today + 7, validUntil); day++) {
      if (!p.days.includes(weekdayOf(day))) continue;
      const start = day * DAY_MS - VN_OFFSET_MS + p.startMinute * MINUTE_MS;
      if (start < from) continue;
      if (!best || start < best.startsAt.getTime()) best = { plan: p, startsAt: new Date(start) };
      break;
    }
  }
  return best;
}

/** A UUID (version 5 layout) from the device and the entries: the same programme resent has the same command id. */
export function scheduleCommandId(deviceId: string, entries: readonly ScheduleEntry[]): string {
  const h = createHash('sha256').update(deviceId).update('\u0000').update(JSON.stringify(entries)).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
