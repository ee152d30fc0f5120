import { segment, unaccented as toUnaccented } from '../../../shared/sms/segments.ts';
import { DELIVERY_STATES } from '../../../shared/contracts/broadcasts.ts';
import type { BroadcastCapabilities, BroadcastView, CountsByState, DeliveryState, Progress } from '../../../shared/contracts/broadcasts.ts';
import { can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import type { BroadcastRow } from './broadcasts.repository.ts';

export const textToSend = (b: Pick<BroadcastRow, 'smsText' | 'unaccented'>): string => (b.unaccented ? toUnaccented(b.smsText).text : b.smsText.normalize('NFC'));

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

export function emptyCounts(): CountsByState {
  return Object.fromEntries(DELIVERY_STATES.map((s) => [s, 0])) as CountsByState;
}

export function progressOf(rows: readonly { telco: string; state: DeliveryState; n: number }[]): Progress {
  const byState = emptyCounts();
  const byTelco: Record<string, CountsByState> = {};
  let total = 0;
  for (const r of rows) {
    byState[r.state] += r.n;
    (byTelco[r.telco] ??= emptyCounts())[r.state] += r.n;
    total += r.n;
  }
  return { total, byState, byTelco };
}

/** A broadcast a new one may replace: submitted or sent (a draft is edited instead; a cancelled one is over). */
export const SUPERSEDABLE: readonly BroadcastRow['status'][] = ['submitted', 'approved', 'sending', 'done'];

/** What the actor may do with it now, by the same policy the service applies. */
export function capabilitiesOf(actor: Actor, b: BroadcastRow, unitPath: string): BroadcastCapabilities {
  const draft = can(actor, 'broadcast.draft', { unitPath });
  const approve = can(actor, 'broadcast.approve', { unitPath });
  const open = b.status === 'draft' || b.status === 'submitted';
  return {
    edit: draft && b.status === 'draft',
    submit: draft && b.status === 'draft',
    approve: approve && b.status === 'submitted',
    emergencyApprove: approve && open && b.priority === 'khan_cap',
    cancel: (open && (draft || approve)) || ((b.status === 'approved' || b.status === 'sending') && approve),
    supersede: draft && SUPERSEDABLE.includes(b.status) && b.supersededById === null,
    recordTelcoResult: draft && b.route === 'telco_request' && (b.status === 'sending' || b.status === 'done'),
    finish: draft && b.route === 'telco_request' && b.status === 'sending',
  };
}

/** The telco-request part of the view (telco-request.service.ts) and whether Loa has an SMS account. */
export type RoutePart = Pick<BroadcastView, 'smsAccount' | 'telcoRequest' | 'telcoResults' | 'telcoTotal'>;

export function presentBroadcast(actor: Actor, b: BroadcastRow, unit: { name: string; path: string }, progress: Progress, route: RoutePart): BroadcastView {
  const text = textToSend(b);
  const s = segment(text);
  return {
    id: b.id,
    unitId: b.unitId,
    unitName: unit.name,
    title: b.title,
    priority: b.priority,
    status: b.status,
    smsText: b.smsText,
    unaccented: b.unaccented,
    senderName: b.senderName,
    textToSend: text,
    segments: { encoding: s.encoding, parts: s.parts, characters: s.characters },
    audience: b.audience,
    recipients: b.recipients,
    scheduleAt: iso(b.scheduleAt),
    directiveId: b.directiveId,
    createdAt: iso(b.createdAt)!,
    createdBy: b.createdBy,
    approvedAt: iso(b.approvedAt),
    approvedBy: b.approvedBy,
    emergency: b.emergency,
    cancelledAt: iso(b.cancelledAt),
    windowStart: b.windowStart,
    windowEnd: b.windowEnd,
    supersedesId: b.supersedesId,
    supersededById: b.supersededById,
    progress,
    route: b.route,
    ...route,
    capabilities: capabilitiesOf(actor, b, unit.path),
  };
}
