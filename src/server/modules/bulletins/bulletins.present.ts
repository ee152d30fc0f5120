import type { BulletinCapabilities, BulletinStatus, BulletinSummary, BulletinView } from '../../../shared/contracts/bulletins.ts';
import { can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import type { BulletinRow } from './bulletins.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A published bulletin whose validity has passed reads as ended (the stored status follows at the next step). */
export const statusAt = (b: Pick<BulletinRow, 'status' | 'validUntil'>, now: Date): BulletinStatus =>
  b.status === 'published' && b.validUntil && b.validUntil <= now ? 'ended' : b.status;

/** What the actor may do with it now, by the same policy the service applies. */
export function capabilitiesOf(actor: Actor, b: BulletinRow, unitPath: string, now: Date): BulletinCapabilities {
  const draft = can(actor, 'broadcast.draft', { unitPath });
  const approve = can(actor, 'broadcast.approve', { unitPath });
  const status = statusAt(b, now);
  const open = status === 'draft' || status === 'submitted';
  return {
    edit: draft && status === 'draft',
    submit: draft && status === 'draft',
    approve: approve && status === 'submitted',
    emergencyApprove: approve && open && b.priority === 'khan_cap',
    cancel: (open && (draft || approve)) || (status === 'published' && approve),
  };
}

export function presentSummary(b: BulletinRow, unitName: string, devices: number, now: Date): BulletinSummary {
  return {
    id: b.id,
    unitId: b.unitId,
    unitName,
    title: b.title,
    priority: b.priority,
    source: b.source,
    status: statusAt(b, now),
    createdAt: b.createdAt.toISOString(),
    publishedAt: iso(b.publishedAt),
    devices,
  };
}

export function presentBulletin(
  actor: Actor,
  b: BulletinRow,
  unit: { name: string; path: string },
  o: { devices: number; targetUnits: BulletinView['targetUnits']; now: Date },
): BulletinView {
  return {
    ...presentSummary(b, unit.name, o.devices, o.now),
    text: b.text,
    spokenText: b.spokenText,
    ttsVoice: b.ttsVoice,
    audio: {
      contentType: b.audioContentType,
      durationMs: b.audioDurationMs,
      sha256: b.audioSha256,
      url: b.audioKey ? `/api/bulletins/${b.id}/audio` : null,
    },
    streamUrl: b.streamUrl,
    ledPages: b.ledPages,
    repeat: b.repeat,
    targetUnitIds: b.targetUnitIds,
    targetUnits: o.targetUnits,
    validUntil: iso(b.validUntil),
    emergency: b.emergency,
    createdBy: b.createdBy,
    submittedAt: iso(b.submittedAt),
    approvedAt: iso(b.approvedAt),
    approvedBy: b.approvedBy,
    cancelledAt: iso(b.cancelledAt),
    cancelReason: b.cancelReason,
    capabilities: capabilitiesOf(actor, b, unit.path, o.now),
  };
}
