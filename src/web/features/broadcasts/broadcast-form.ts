// The compose form's state and its conversions: from a saved broadcast, to the API body, and the checks made
// before saving (the server checks again; these only spare a round trip).
import { validateSenderName } from '../../../shared/sms/segments.ts';
import type { BroadcastInput, BroadcastView, Priority } from './broadcasts-api.ts';
import type { BroadcastRoute } from './telco-request-api.ts';
import type { BroadcastStrings } from './strings.ts';

export interface BroadcastForm {
  title: string;
  priority: Priority;
  smsText: string;
  unaccented: boolean;
  senderName: string;
  unitIds: string[];
  listIds: string[];
  /** `datetime-local` value (local time, YYYY-MM-DDTHH:mm) or empty for "as soon as approved". */
  scheduleAt: string;
  /** Daily send window, "HH:MM" each, or both empty for the whole day (outside the quiet hours). */
  windowStart: string;
  windowEnd: string;
  /** SMS account or công văn to the telcos; null: the server's default (SMS when Loa has an account). */
  route: BroadcastRoute | null;
}

export function emptyForm(): BroadcastForm {
  return { title: '', priority: 'thuong', smsText: '', unaccented: false, senderName: '', unitIds: [], listIds: [], scheduleAt: '', windowStart: '', windowEnd: '', route: null };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the browser's local `datetime-local` value. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formFromView(b: BroadcastView): BroadcastForm {
  return {
    title: b.title,
    priority: b.priority,
    smsText: b.smsText,
    unaccented: b.unaccented,
    senderName: b.senderName ?? '',
    unitIds: [...b.audience.unitIds],
    listIds: [...b.audience.listIds],
    scheduleAt: toLocalInput(b.scheduleAt),
    windowStart: b.windowStart ?? '',
    windowEnd: b.windowEnd ?? '',
    route: b.route,
  };
}

export function formToInput(f: BroadcastForm): BroadcastInput {
  const schedule = f.scheduleAt ? new Date(f.scheduleAt) : null;
  return {
    title: f.title.trim(),
    priority: f.priority,
    smsText: f.smsText.trim(),
    unaccented: f.unaccented,
    senderName: f.senderName.trim() || null,
    audience: { unitIds: f.unitIds, listIds: f.listIds },
    scheduleAt: schedule && !Number.isNaN(schedule.getTime()) ? schedule.toISOString() : null,
    windowStart: f.windowStart || null,
    windowEnd: f.windowEnd || null,
    ...(f.route ? { route: f.route } : {}),
  };
}

export type FormErrors = Partial<Record<'title' | 'smsText' | 'senderName' | 'audience' | 'window', string>>;

export function checkForm(f: BroadcastForm, S: BroadcastStrings): FormErrors {
  const errors: FormErrors = {};
  if (!f.title.trim()) errors.title = S.needTitle;
  if (!f.smsText.trim()) errors.smsText = S.needText;
  if (f.senderName.trim()) {
    const r = validateSenderName(f.senderName);
    if (!r.ok) errors.senderName = r.error;
  }
  if (f.unitIds.length === 0 && f.listIds.length === 0) errors.audience = S.needAudience;
  if (!f.windowStart !== !f.windowEnd || (f.windowStart && f.windowEnd && f.windowStart >= f.windowEnd)) errors.window = S.needWindow;
  return errors;
}
