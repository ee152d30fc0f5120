// The CAP 1.2 document Loa emits (OASIS Common Alerting Protocol, urn:oasis:names:tc:emergency:cap:1.2): a plain
// model of the elements used and its rendering in the XSD's element order. Pure; the service fills the model.
import type { CapCategory, CapCertainty, CapMsgType, CapScope, CapSeverity, CapStatus, CapUrgency } from '../../../shared/contracts/alerts.ts';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
export const CAP_CONTENT_TYPE = 'application/cap+xml; charset=utf-8';

export interface CapGeocode {
  valueName: string;
  value: string;
}

export interface CapArea {
  areaDesc: string;
  /** "lat,lon lat,lon …", first pair equal to the last. */
  polygons: string[];
  geocodes: CapGeocode[];
}

export interface CapInfo {
  language: 'vi-VN' | 'en-US';
  categories: readonly CapCategory[];
  event: string;
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  effective: string | null;
  onset: string | null;
  expires: string;
  senderName: string;
  headline: string;
  description: string;
  instruction: string | null;
  web: string | null;
  contact: string | null;
  areas: CapArea[];
}

export interface CapMessage {
  identifier: string;
  sender: string;
  /** CAP dateTime strings (capDateTime). */
  sent: string;
  status: CapStatus;
  msgType: CapMsgType;
  scope: CapScope;
  note: string | null;
  /** "sender,identifier,sent" of every earlier message of the chain, space-separated; null for an Alert. */
  references: string | null;
  infos: CapInfo[];
}

/** Asia/Ho_Chi_Minh: UTC+7, no daylight saving. */
const VN_OFFSET_MS = 7 * 3600_000;

/** A CAP dateTime in Vietnam time with its numeric offset ("2026-12-01T09:30:00+07:00"), never "Z", whole seconds. */
export function capDateTime(d: Date): string {
  return `${new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** The date part of capDateTime without dashes ("20261201"), for identifiers. */
export function capDateKey(d: Date): string {
  return capDateTime(d).slice(0, 10).replace(/-/g, '');
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

const el = (indent: string, name: string, value: string | null | undefined): string[] => (value ? [`${indent}<${name}>${escapeXml(value)}</${name}>`] : []);

function renderArea(a: CapArea): string[] {
  return [
    '    <area>',
    ...el('      ', 'areaDesc', a.areaDesc),
    ...a.polygons.flatMap((p) => el('      ', 'polygon', p)),
    ...a.geocodes.flatMap((g) => ['      <geocode>', ...el('        ', 'valueName', g.valueName), ...el('        ', 'value', g.value), '      </geocode>']),
    '    </area>',
  ];
}

function renderInfo(i: CapInfo): string[] {
  const x = '    ';
  return [
    '  <info>',
    ...el(x, 'language', i.language),
    ...i.categories.flatMap((c) => el(x, 'category', c)),
    ...el(x, 'event', i.event),
    ...el(x, 'urgency', i.urgency),
    ...el(x, 'severity', i.severity),
    ...el(x, 'certainty', i.certainty),
    ...el(x, 'effective', i.effective),
    ...el(x, 'onset', i.onset),
    ...el(x, 'expires', i.expires),
    ...el(x, 'senderName', i.senderName),
    ...el(x, 'headline', i.headline),
    ...el(x, 'description', i.description),
    ...el(x, 'instruction', i.instruction),
    ...el(x, 'web', i.web),
    ...el(x, 'contact', i.contact),
    ...i.areas.flatMap(renderArea),
    '  </info>',
  ];
}

/** The document, UTF-8, elements in the order of CAP-v1.2.xsd; empty optional elements are left out. */
export function renderCap(m: CapMessage): string {
  const x = '  ';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<alert xmlns="${CAP_NAMESPACE}">`,
    ...el(x, 'identifier', m.identifier),
    ...el(x, 'sender', m.sender),
    ...el(x, 'sent', m.sent),
    ...el(x, 'status', m.status),
    ...el(x, 'msgType', m.msgType),
    ...el(x, 'scope', m.scope),
    ...el(x, 'note', m.note),
    ...el(x, 'references', m.references),
    ...m.infos.flatMap(renderInfo),
    '</alert>',
    '',
  ].join('\n');
}

/** One entry of `references`: the message's sender, identifier and sent. */
export const referenceOf = (m: { sender: string; identifier: string; sent: string }): string => `${m.sender},${m.identifier},${m.sent}`;
