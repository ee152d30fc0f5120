// Pure helpers of the reports pages: numbers, schedules, chart scales. No React, no DOM.
import type { Lang } from '../../i18n.ts';
import { asDueRule, type Figure, type Indicator, type PeriodRef } from './reports-api.ts';
import type { ReportStrings } from './strings.ts';

const NUMERIC = new Set(['count', 'duration_minutes', 'people', 'percent', 'yes_no']);

export function isNumericIndicator(ind: Pick<Indicator, 'type'>): boolean {
  return NUMERIC.has(ind.type);
}

export function formatNumber(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
}

/** A figure's value as a number, or null (text indicators, nothing reported). */
export function numericValue(v: Figure['value'] | undefined): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return null;
}

/** Display text of an aggregated value. */
export function figureText(v: Figure['value'] | undefined, ind: Pick<Indicator, 'type'>, lang: Lang): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') return ind.type === 'percent' ? `${formatNumber(v, lang)} %` : formatNumber(v, lang);
  return v;
}

/** "dd/mm/yyyy" of a YYYY-MM-DD key (no time zone shift). */
export function formatKey(key: string, _lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : key;
}

/** Short "dd/mm" label of a period key for chart axes. */
export function shortKey(key: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(key);
  return m ? `${m[2]}/${m[1]}` : key;
}

/** The schedule of a task in words ("Hằng tuần, Thứ Năm lúc 16:00 (từ 01/02/2021 đến 28/02/2021)"). */
export function describeRule(raw: unknown, S: ReportStrings, lang: Lang): string {
  const rule = asDueRule(raw);
  if (!rule) return S.unknownSchedule;
  const d = (k: string | null | undefined) => (k ? formatKey(k, lang) : null);
  switch (rule.kind) {
    case 'once':
      return S.once(
        new Date(rule.at).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
          timeZone: 'Asia/Ho_Chi_Minh',
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
        }),
      );
    case 'daily':
      return S.daily(rule.time) + S.range(d(rule.from), d(rule.until));
    case 'weekly':
      return S.weekly(S.weekdays[rule.weekday - 1] ?? String(rule.weekday), rule.time) + S.range(d(rule.from), d(rule.until));
    case 'monthly':
      return S.monthly(rule.day, rule.time) + S.range(d(rule.from), d(rule.until));
  }
}

/** A deadline instant in Viet Nam time, "16:00 04/02/2021". */
export function formatDeadline(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
}

/** "Độ dài tin, bài (phút)": an indicator's label with its unit of measure. */
export function indicatorLabel(ind: Pick<Indicator, 'label' | 'unit'>): string {
  return ind.unit ? `${ind.label} (${ind.unit})` : ind.label;
}

/** A period as people read it: the server's words in Vietnamese; date and deadline in English. */
export function periodText(p: PeriodRef, S: ReportStrings, lang: Lang): string {
  return lang === 'vi' ? p.label : S.periodOption(formatKey(p.key, lang), formatDeadline(p.deadline, lang));
}

/** A round axis maximum ≥ max (1, 2, 2.5, 5 × 10^k), at least 1. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const exp = Math.floor(Math.log10(max));
  const base = 10 ** exp;
  for (const m of [1, 2, 2.5, 5, 10]) if (m * base >= max) return m * base;
  return 10 * base;
}

/** Share of expected units that reported, 0–100 (0 when nothing is expected). */
export function coveragePercent(reported: number, expected: number): number {
  if (expected <= 0) return 0;
  return Math.min(100, Math.round((reported / expected) * 1000) / 10);
}
