// From a stored alert to what the API returns and to the CAP message it publishes (pure).
import type { AlertAreaUnit, AlertCapabilities, AlertPhase, AlertSummary, AlertView, CapMsgType } from '../../../shared/contracts/alerts.ts';
import { can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import type { AlertRow, AreaUnitRow } from './alerts.repository.ts';
import { communePolygons } from './cap-geo.ts';
import { capDateTime } from './cap-xml.ts';
import type { CapArea, CapInfo, CapMessage } from './cap-xml.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The edition whose boundaries assets/geo/ holds. */
const GEO_EDITION = 'vn-2026';

/** The host-like part of a unit's sender ("svhttdl-12.gov.vn"; GSO units "gso-03390.gov.vn"): a-z, 0-9, "-" and ".". */
export function senderHostOf(unit: { id: string; code: string | null; edition: string | null }): string {
  const slug = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const code = unit.code ? slug(unit.code) : '';
  const name = code ? (unit.edition ? `gso-${code}` : code) : `u-${unit.id.slice(0, 8)}`;
  return `${name}.gov.vn`;
}

export const senderOf = (unit: Parameters<typeof senderHostOf>[0]): string => `loa@${senderHostOf(unit)}`;

/** What a reader sees of it now (see ALERT_PHASES). */
export function phaseOf(a: Pick<AlertRow, 'state' | 'expires'>, successor: CapMsgType | undefined, now: Date): AlertPhase {
  if (a.state !== 'published') return a.state;
  if (successor === 'Cancel') return 'cancelled';
  if (successor === 'Update') return 'updated';
  return a.expires <= now ? 'expired' : 'active';
}

export function capabilitiesOf(actor: Actor, a: AlertRow, unitPath: string, phase: AlertPhase): AlertCapabilities {
  const draft = can(actor, 'broadcast.draft', { unitPath });
  const approve = can(actor, 'broadcast.approve', { unitPath });
  const followUp = approve && phase === 'active' && a.msgType !== 'Cancel';
  return {
    edit: draft && a.state === 'draft',
    submit: draft && a.state === 'draft',
    publish: approve && (a.state === 'submitted' || (a.state === 'draft' && a.msgType !== 'Alert')),
    emergencyPublish: approve && a.state === 'draft' && a.msgType === 'Alert',
    update: followUp,
    cancel: followUp,
  };
}

export function presentSummary(a: AlertRow, unitName: string, phase: AlertPhase): AlertSummary {
  return {
    id: a.id,
    unitId: a.unitId,
    unitName,
    state: a.state,
    phase,
    status: a.status,
    msgType: a.msgType,
    event: a.event,
    headline: a.infoVi.headline,
    severity: a.severity,
    urgency: a.urgency,
    identifier: a.identifier,
    sent: iso(a.sent),
    expires: a.expires.toISOString(),
    createdAt: a.createdAt.toISOString(),
  };
}

export function presentAlert(actor: Actor, a: AlertRow, o: { unit: { name: string; path: string }; phase: AlertPhase; areas: AlertAreaUnit[]; chain: AlertRow[] }): AlertView {
  return {
    ...presentSummary(a, o.unit.name, o.phase),
    scope: a.scope,
    categories: a.categories,
    certainty: a.certainty,
    vi: a.infoVi,
    en: a.infoEn,
    effective: iso(a.effective),
    onset: iso(a.onset),
    note: a.note,
    areaUnitIds: a.areaUnitIds,
    areas: o.areas,
    sender: a.sender,
    references: a.references,
    previousId: a.previousId,
    chain: o.chain.map((c) => ({ id: c.id, msgType: c.msgType, state: c.state, identifier: c.identifier, sent: iso(c.sent) })),
    xmlUrl: a.state === 'published' && a.identifier ? `/cap/${a.identifier}.xml` : null,
    emergency: a.emergency,
    submittedAt: iso(a.submittedAt),
    publishedAt: iso(a.publishedAt),
    capabilities: capabilitiesOf(actor, a, o.unit.path, o.phase),
  };
}

/** areaDesc = the unit's name, geocode GSO = its code, polygons from the 2026 boundaries when the unit has one. */
export function capAreaOf(u: AreaUnitRow): CapArea {
  return {
    areaDesc: u.name,
    polygons: u.code && u.kind === 'commune' && u.edition === GEO_EDITION ? communePolygons(u.code) : [],
    geocodes: u.code && u.edition ? [{ valueName: 'GSO', value: u.code }] : [],
  };
}

/** The CAP message of the alert, with the header fields the publication fixes. */
export function capMessageOf(
  a: AlertRow,
  o: { senderName: string; areas: readonly AreaUnitRow[]; web: string; identifier: string; sender: string; sent: Date; references: string | null },
): CapMessage {
  const areas = o.areas.map(capAreaOf);
  const dt = (d: Date | null) => (d ? capDateTime(d) : null);
  const info = (language: CapInfo['language'], t: AlertRow['infoVi'], event: string): CapInfo => ({
    language,
    categories: a.categories,
    event,
    urgency: a.urgency,
    severity: a.severity,
    certainty: a.certainty,
    effective: dt(a.effective),
    onset: dt(a.onset),
    expires: capDateTime(a.expires),
    senderName: o.senderName,
    headline: t.headline,
    description: t.description,
    instruction: t.instruction || null,
    web: o.web,
    contact: t.contact || null,
    areas,
  });
  return {
    identifier: o.identifier,
    sender: o.sender,
    sent: capDateTime(o.sent),
    status: a.status,
    msgType: a.msgType,
    scope: a.scope,
    note: a.note,
    references: o.references,
    infos: [info('vi-VN', a.infoVi, a.event), ...(a.infoEn ? [info('en-US', a.infoEn, a.infoEn.event || a.event)] : [])],
  };
}
