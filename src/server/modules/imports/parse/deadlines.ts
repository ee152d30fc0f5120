/**
 * Time phrases that set a deadline or a recurring schedule, resolved against the document
 * date (Asia/Ho_Chi_Minh, +07:00): one-off ("trước 16h00 ngày 15/3/2021"), daily ("vào lúc
 * 15h00 hàng ngày"), weekly ("trước 16h 00' ngày thứ năm hàng tuần trong tháng 02/2021"),
 * monthly ("trước ngày 25 hàng tháng") and relative ("trong vòng 14 ngày").
 */
import type { Deadline, Schedule } from '../../../../shared/dispatch.ts';
import { WEEKDAYS } from './vocab.ts';
import { fold, squash, unique } from './text.ts';

const LEAD = String.raw`(?:trước|chậm nhất(?:\s+(?:là|vào))?|vào lúc|vào|lúc|hạn chót|hạn cuối|không muộn hơn)`;
const ACTION = String.raw`(?:(?:cập nhật|báo cáo|gửi|tổng hợp|nộp)\s+)?`;
const TIME = String.raw`(\d{1,2})\s?(?:h|giờ|g|:)(?!\p{L})\s?(\d{2})?\s?(?:['’′]|phút)?`;
const WEEKDAY = String.raw`(?:thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s+nhật))`;
const EVERY = String.raw`(?:hàng|hằng|mỗi)`;
const DATE = String.raw`(\d{1,2})\s?[/.-]\s?(\d{1,2})(?:\s?[/.-]\s?(\d{4}))?(?!\d)`;
const PERIOD = String.raw`(?:\s+trong\s+tháng\s+(\d{1,2})\s?\/\s?(\d{4}))?`;

const WEEKLY_RE = new RegExp(String.raw`${ACTION}(?:${LEAD}\s+(?:ngày\s+)?)?${TIME}\s?,?\s?(?:(?:vào\s+)?ngày\s+)?${WEEKDAY}\s+${EVERY}\s+tuần${PERIOD}`, 'giu');
const DAILY_RE = new RegExp(String.raw`${ACTION}(?:${LEAD}\s+)?${TIME}\s?,?\s?${EVERY}\s+ngày`, 'giu');
const MONTHLY_RE = new RegExp(String.raw`${ACTION}(?:${LEAD}\s+)?(?:${TIME}\s?,?\s?)?ngày\s+(\d{1,2})\s+${EVERY}\s+tháng`, 'giu');
const ONCE_RE = new RegExp(String.raw`${ACTION}(trước|chậm nhất(?:\s+(?:là|vào))?|hạn chót|hạn cuối|không muộn hơn)\s+(?:ngày\s+)?(?:${TIME}\s?,?\s?(?:ngày\s+)?)?${DATE}`, 'giu');
const RELATIVE_RE = /trong\s+(?:vòng|thời hạn|thời gian)\s+(\d{1,3})\s+ngày(?:\s+làm\s+việc)?/giu;

function hhmm(h: string | undefined, m: string | undefined): string | null {
  const hour = Number(h);
  const minute = Number(m ?? '0');
  if (!Number.isInteger(hour) || hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The document date when it has a day, else null. */
function fullDate(docDate: string | null): string | null {
  return docDate && /^\d{4}-\d{2}-\d{2}$/.test(docDate) ? docDate : null;
}

/** Drops a stray "ngày" printed between the lead word and the time ("trước ngày 16h00 …"). */
function phrase(text: string): string {
  return squash(text.replace(new RegExp(String.raw`^(.*?${LEAD})\s+ngày\s+(?=\d{1,2}\s?(?:h|giờ|g|:)(?!\p{L}))`, 'iu'), '$1 '));
}

interface Hit {
  at: number;
  length: number;
  deadline: Deadline;
}

function weekly(m: RegExpExecArray): Schedule | null {
  const [, h, min, wd, sunday, pm, py] = m;
  const time = hhmm(h, min);
  const weekday = sunday ? 7 : WEEKDAYS[fold(wd ?? '')];
  if (!time || weekday === undefined) return null;
  const month = Number(pm);
  const year = Number(py);
  const period = pm && py && month >= 1 && month <= 12;
  return {
    kind: 'weekly',
    weekday,
    time,
    from: period ? ymd(year, month, 1) : null,
    until: period ? ymd(year, month, lastDayOfMonth(year, month)) : null,
  };
}

function once(m: RegExpExecArray, docDate: string | null): Schedule | null {
  const [, lead, h, min, d, mo, y] = m;
  const docYear = Number((docDate ?? '').slice(0, 4)) || null;
  const day = Number(d);
  const month = Number(mo);
  let year = y ? Number(y) : docYear;
  if (!year || month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  const date = ymd(year, month, day);
  if (!y && docDate && date < docDate.slice(0, 10)) year += 1;
  const time = h ? hhmm(h, min) : /^trước/iu.test(lead ?? '') ? '00:00' : '23:59';
  return time ? { kind: 'once', at: `${ymd(year, month, day)}T${time}:00+07:00` } : null;
}

/** All deadline phrases in the text, in order, de-duplicated by text. */
export function deadlines(text: string, docDate: string | null): Deadline[] {
  const hits: Hit[] = [];
  const collect = (re: RegExp, schedule: (m: RegExpExecArray) => Schedule | null): void => {
    for (const m of text.matchAll(re)) {
      hits.push({ at: m.index, length: m[0].length, deadline: { text: phrase(m[0]), schedule: schedule(m) } });
    }
  };
  collect(WEEKLY_RE, weekly);
  collect(DAILY_RE, (m) => {
    const time = hhmm(m[1], m[2]);
    return time ? { kind: 'daily', time, from: null, until: null } : null;
  });
  collect(MONTHLY_RE, (m) => {
    const day = Number(m[3]);
    const time = m[1] ? hhmm(m[1], m[2]) : '23:59';
    return time && day >= 1 && day <= 31 ? { kind: 'monthly', day, time, from: null, until: null } : null;
  });
  collect(ONCE_RE, (m) => once(m, docDate));
  collect(RELATIVE_RE, (m) => ({ kind: 'relative', days: Number(m[1]), from: fullDate(docDate) }));
  hits.sort((a, b) => a.at - b.at || b.length - a.length);
  const kept: Hit[] = [];
  for (const hit of hits) {
    const prev = kept[kept.length - 1];
    if (prev && hit.at < prev.at + prev.length) continue;
    kept.push(hit);
  }
  return unique(
    kept.map((k) => k.deadline),
    (d) => d.text,
  );
}
