// Client of the CAP alerts API (the alerts module): list, compose, area choices, preview, workflow steps.
// Every response is checked against the shared contract.
import type { z } from 'zod';
import { requestParsed } from '../../api.ts';
import { AlertAreasSchema, AlertListSchema, AlertOutSchema, AlertPreviewSchema } from '../../../shared/contracts/alerts.ts';
import type { AlertAreaUnit, AlertPhase, AlertPreview, AlertView, CreateAlertBodySchema } from '../../../shared/contracts/alerts.ts';

export { ALERT_LIMITS, ALERT_PHASES, CAP_CATEGORIES, CAP_CERTAINTIES, CAP_SEVERITIES, CAP_STATUSES, CAP_URGENCIES } from '../../../shared/contracts/alerts.ts';
export type { AlertAreaUnit, AlertPhase, AlertPreview, AlertView, CapCategory, CapCertainty, CapSeverity, CapStatus, CapUrgency } from '../../../shared/contracts/alerts.ts';
export type AlertList = z.infer<typeof AlertListSchema>;
/** What the composer sends (defaults filled by the server). */
export type AlertDraft = z.input<typeof CreateAlertBodySchema>;

const enc = encodeURIComponent;

export function listAlerts(q: { unitId: string; phase: AlertPhase | '' }): Promise<AlertList> {
  const p = new URLSearchParams({ unitId: q.unitId, ...(q.phase ? { phase: q.phase } : {}) });
  return requestParsed(AlertListSchema, 'GET', `/api/alerts?${p.toString()}`);
}

export async function getAlert(id: string): Promise<AlertView> {
  return (await requestParsed(AlertOutSchema, 'GET', `/api/alerts/${enc(id)}`)).alert;
}

export async function createAlert(body: AlertDraft): Promise<AlertView> {
  return (await requestParsed(AlertOutSchema, 'POST', '/api/alerts', body)).alert;
}

export async function updateAlert(id: string, body: Omit<AlertDraft, 'unitId'>): Promise<AlertView> {
  return (await requestParsed(AlertOutSchema, 'PATCH', `/api/alerts/${enc(id)}`, body)).alert;
}

export async function areaChoices(unitId: string): Promise<AlertAreaUnit[]> {
  return (await requestParsed(AlertAreasSchema, 'GET', `/api/alerts/areas?unitId=${enc(unitId)}`)).items;
}

export function previewAlert(id: string): Promise<AlertPreview> {
  return requestParsed(AlertPreviewSchema, 'GET', `/api/alerts/${enc(id)}/preview.xml`);
}

export type AlertStep = 'submit' | 'publish' | 'update' | 'cancel';

/** submit / publish answer the same alert; update / cancel the new draft of the chain. */
export async function alertStep(a: Pick<AlertView, 'id' | 'state'>, step: AlertStep, body: { note?: string | null } = {}): Promise<AlertView> {
  const withBody = step === 'update' || step === 'cancel';
  // A second click on the same step of the same state carries the same Idempotency-Key (publishing honours it).
  const out = await requestParsed(AlertOutSchema, 'POST', `/api/alerts/${enc(a.id)}/${step}`, withBody ? body : undefined, { idempotencyKey: `${a.id}:${step}:${a.state}` });
  return out.alert;
}

/** Vietnam time (UTC+7) for a datetime-local input, and back to an ISO string with its offset. */
export function toLocalInput(iso: string | null | undefined): string {
  return iso ? new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 16) : '';
}
export function fromLocalInput(v: string): string | null {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(v) ? `${v}:00+07:00` : null;
}
