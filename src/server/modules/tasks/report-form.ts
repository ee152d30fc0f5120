/**
 * Report forms: the built-in template (from seed 002, the Tết 2021 propaganda report), a mapping
 * from the parser's indicator phrases to typed indicators, and the per-type validation of a
 * submission with messages in Vietnamese. Pure: no database.
 */
import { AppError } from '../../platform/errors.ts';
import './tasks.errors.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import { foldDiacritics } from '../../platform/text.ts';
import { CHANNELS, CHANNEL_LABELS, IndicatorSchema, NUMERIC_TYPES, TASK_LIMITS } from './tasks.schemas.ts';
import type { Channel, Indicator, IndicatorType } from './tasks.schemas.ts';

export interface ReportFormSpec {
  name: string;
  indicators: Indicator[];
}

const ind = (key: string, label: string, type: IndicatorType, unit: string): Indicator => IndicatorSchema.parse({ key, label, type, unit, required: true });

/** "Số lượng tin, bài; độ dài tin, bài; số lượng phát sóng; ước số lượng người nghe" (seed 002). */
export const TEMPLATES = {
  'tuyen-truyen': {
    name: 'Kết quả công tác tuyên truyền',
    indicators: [
      ind('so_tin_bai', 'Số lượng tin, bài', 'count', 'tin, bài'),
      ind('do_dai_tin_bai', 'Độ dài tin, bài', 'duration_minutes', 'phút'),
      ind('so_luot_phat_song', 'Số lượng phát sóng', 'count', 'lượt'),
      ind('uoc_so_nguoi_nghe', 'Ước số lượng người nghe', 'people', 'người'),
    ],
  },
} as const satisfies Record<string, ReportFormSpec>;
export type TemplateId = keyof typeof TEMPLATES;

/** Known phrases of công văn report requests → typed indicators (folded, no diacritics). */
const PHRASES: { match: RegExp; key: string; type: IndicatorType; unit: string }[] = [
  { match: /so luong tin/, key: 'so_tin_bai', type: 'count', unit: 'tin, bài' },
  { match: /do dai|thoi luong/, key: 'do_dai_tin_bai', type: 'duration_minutes', unit: 'phút' },
  { match: /phat song|luot phat/, key: 'so_luot_phat_song', type: 'count', unit: 'lượt' },
  { match: /nguoi nghe|nguoi xem|luot tiep can/, key: 'uoc_so_nguoi_nghe', type: 'people', unit: 'người' },
  { match: /ty le|phan tram/, key: 'ty_le', type: 'percent', unit: '%' },
];

/** Builds a form from the indicator phrases the parser found (seed 002 gives the built-in template). */
export function formFromParsed(name: string, phrases: readonly string[]): ReportFormSpec {
  const used = new Set<string>();
  const indicators = phrases.map((phrase, i) => {
    const folded = foldDiacritics(phrase);
    const hit = PHRASES.find((p) => p.match.test(folded));
    let key = hit?.key ?? `chi_tieu_${i + 1}`;
    if (used.has(key)) key = `${key}_${i + 1}`;
    used.add(key);
    const label = phrase.charAt(0).toUpperCase() + phrase.slice(1);
    return IndicatorSchema.parse({ key, label, type: hit?.type ?? 'count', unit: hit?.unit, required: true });
  });
  return { name, indicators };
}

/** A value as stored: numbers, text, yes/no, or a per-channel breakdown with its total. */
export type StoredValue = number | string | boolean | { total: number; channels: Partial<Record<Channel, number>> };

/** What a submission writes to report_values: one row per indicator (channel '') and per channel. */
export interface ValueRow {
  indicator: string;
  channel: string;
  num: number | null;
  txt: string | null;
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim().replace(',', '.'));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const YES = new Set(['true', 'yes', 'co', '1', 'x']);
const NO = new Set(['false', 'no', 'khong', '0']);

/** Checks one numeric figure; returns the problem in Vietnamese, or the number. */
function checkNumber(type: IndicatorType, raw: unknown): number | string {
  if (type === 'yes_no') {
    if (typeof raw === 'boolean') return raw ? 1 : 0;
    const s = typeof raw === 'string' ? foldDiacritics(raw.trim()) : String(raw);
    if (YES.has(s)) return 1;
    if (NO.has(s)) return 0;
    return 'phải chọn Có hoặc Không';
  }
  const n = toNumber(raw);
  if (n === null) return 'phải là một số';
  if (n < 0) return 'không được âm';
  switch (type) {
    case 'count':
    case 'people':
      if (!Number.isInteger(n)) return 'phải là số nguyên';
      if (n > 1e12) return 'quá lớn';
      return n;
    case 'duration_minutes':
      if (n > 1e9) return 'quá lớn';
      return Math.round(n * 100) / 100;
    case 'percent':
      if (n > 100) return 'phải từ 0 đến 100';
      return n;
    case 'text':
    case 'url':
    case 'choice':
      return 'không phải chỉ tiêu dạng số';
  }
}

function checkText(ind: Indicator, raw: unknown): string | { error: string } {
  if (typeof raw !== 'string') return { error: 'phải là chữ' };
  const s = raw.normalize('NFC').trim();
  switch (ind.type) {
    case 'url': {
      if (s.length > TASK_LIMITS.url) return { error: `dài quá ${TASK_LIMITS.url} ký tự` };
      try {
        const u = new URL(s);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') return { error: 'đường dẫn phải bắt đầu bằng http:// hoặc https://' };
      } catch {
        return { error: 'đường dẫn không hợp lệ (ví dụ https://example.gov.vn/tin-bai)' };
      }
      return s;
    }
    case 'choice':
      return ind.options?.includes(s) ? s : { error: `phải là một trong: ${(ind.options ?? []).join('; ')}` };
    default:
      return s.length > TASK_LIMITS.text ? { error: `dài quá ${TASK_LIMITS.text} ký tự` } : s;
  }
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * Validates a submission against the form. Every problem is listed at once, each naming the
 * indicator in Vietnamese ("Số lượng tin, bài: phải là số nguyên"). Returns the values to store
 * and the rows the roll-up aggregates.
 */
export function validateValues(indicators: readonly Indicator[], raw: Record<string, unknown>): { values: Record<string, StoredValue>; rows: ValueRow[] } {
  const issues: FieldIssue[] = [];
  const values: Record<string, StoredValue> = {};
  const rows: ValueRow[] = [];
  const known = new Set(indicators.map((i) => i.key));
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) issues.push({ path: `values.${key}`, message: `"${key}" không có trong biểu mẫu báo cáo` });
  }
  for (const ind of indicators) {
    const v = raw[ind.key];
    const path = `values.${ind.key}`;
    const fail = (message: string) => issues.push({ path, message: `${ind.label}: ${message}` });
    if (isEmpty(v)) {
      if (ind.required) fail('chưa nhập (bắt buộc)');
      continue;
    }
    if (!NUMERIC_TYPES.has(ind.type)) {
      const r = checkText(ind, v);
      if (typeof r === 'string') {
        values[ind.key] = r;
        rows.push({ indicator: ind.key, channel: '', num: null, txt: r });
      } else fail(r.error);
      continue;
    }
    if (ind.byChannel && typeof v === 'object' && !Array.isArray(v)) {
      const channels: Partial<Record<Channel, number>> = {};
      let total = 0;
      let ok = true;
      for (const [ch, cv] of Object.entries(v as Record<string, unknown>)) {
        if (!(CHANNELS as readonly string[]).includes(ch)) {
          fail(`kênh "${ch}" không hợp lệ (${CHANNELS.join(', ')})`);
          ok = false;
          continue;
        }
        if (isEmpty(cv)) continue;
        const n = checkNumber(ind.type, cv);
        if (typeof n === 'string') {
          fail(`${CHANNEL_LABELS[ch as Channel]}: ${n}`);
          ok = false;
          continue;
        }
        channels[ch as Channel] = n;
        total += n;
      }
      if (!ok) continue;
      if (Object.keys(channels).length === 0) {
        if (ind.required) fail('chưa nhập (bắt buộc)');
        continue;
      }
      // A percentage per channel aggregates as their mean, not their sum.
      const stored = ind.type === 'percent' ? Math.round((total / Object.keys(channels).length) * 100) / 100 : total;
      values[ind.key] = { total: stored, channels };
      rows.push({ indicator: ind.key, channel: '', num: stored, txt: null });
      for (const [ch, n] of Object.entries(channels)) rows.push({ indicator: ind.key, channel: ch, num: n, txt: null });
      continue;
    }
    const n = checkNumber(ind.type, v);
    if (typeof n === 'string') {
      fail(n);
      continue;
    }
    values[ind.key] = ind.type === 'yes_no' ? n === 1 : n;
    rows.push({ indicator: ind.key, channel: '', num: n, txt: null });
  }
  if (issues.length) throw new AppError('REPORT_INVALID', {}, issues);
  return { values, rows };
}
