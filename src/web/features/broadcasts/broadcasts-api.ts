// Typed client for the broadcasts API (/api/broadcasts/*): SMS campaigns of a unit, their workflow, the audience
// preview, live progress and deliveries. Every JSON response is checked against the shared contract
// (src/shared/contracts/broadcasts.ts). Pure module: no React, no DOM access at import time.
import { z } from 'zod';
import { ListsOut } from '../../../shared/contracts/subscribers.ts';
import { ApiError, queryString, requestParsed } from '../../api.ts';
import { SmsSettingsOutSchema } from '../../../shared/contracts/settings.ts';
import type { SmsSettings, SmsSettingsOut } from '../../../shared/contracts/settings.ts';
import { AudiencePreviewSchema, BroadcastListSchema, BroadcastViewSchema, DeliveryListSchema } from '../../../shared/contracts/broadcasts.ts';
import type { AudiencePreview, BroadcastInput, BroadcastStatus, BroadcastSummary, BroadcastView, DeliveryState, DeliveryView } from '../../../shared/contracts/broadcasts.ts';

export { BROADCAST_LIMITS, BROADCAST_STATUSES, DELIVERY_STATES, FINAL_DELIVERY_STATES, PRIORITIES } from '../../../shared/contracts/broadcasts.ts';
export type {
  AudiencePreview,
  BroadcastCapabilities,
  BroadcastInput,
  BroadcastStatus,
  BroadcastSummary,
  BroadcastView,
  DeliveryState,
  DeliveryView,
  Priority,
  Progress,
} from '../../../shared/contracts/broadcasts.ts';

export type { SmsSettings, SmsSettingsOut } from '../../../shared/contracts/settings.ts';
export { DEFAULT_SMS_SETTINGS, SMS_SETTINGS_LIMITS } from '../../../shared/contracts/settings.ts';

const enc = encodeURIComponent;

/** The routes answer one broadcast as `{ broadcast }`. */
const BroadcastOne = z.object({ broadcast: BroadcastViewSchema }).transform((o) => o.broadcast);

type ListFilter = { unitId?: string; status?: BroadcastStatus | ''; subtree?: '0' | '1' };

export async function listBroadcasts(f: ListFilter): Promise<BroadcastSummary[]> {
  return (await listBroadcastsPage(f)).items;
}

/** The list with what the viewer may do on the page (draft a new broadcast). */
export function listBroadcastsPage(f: ListFilter): Promise<{ items: BroadcastSummary[]; capabilities: { draft: boolean } }> {
  return requestParsed(BroadcastListSchema, 'GET', `/api/broadcasts${queryString(f)}`);
}

/** A new draft replacing the broadcast (same content, linked); the old one ends when the new one is approved. */
export function supersedeBroadcast(id: string): Promise<BroadcastView> {
  return requestParsed(BroadcastOne, 'POST', `/api/broadcasts/${enc(id)}/supersede`, {});
}

/** The SMS settings (quiet hours, daily cap, maximum parts) and whether the viewer may change them. */
export function getSmsSettings(): Promise<SmsSettingsOut> {
  return requestParsed(SmsSettingsOutSchema, 'GET', '/api/settings/sms');
}

export function saveSmsSettings(s: SmsSettings): Promise<SmsSettingsOut> {
  return requestParsed(SmsSettingsOutSchema, 'PUT', '/api/settings/sms', s);
}

export function getBroadcast(id: string): Promise<BroadcastView> {
  return requestParsed(BroadcastOne, 'GET', `/api/broadcasts/${enc(id)}`);
}

export function createBroadcast(input: BroadcastInput & { unitId: string }): Promise<BroadcastView> {
  return requestParsed(BroadcastOne, 'POST', '/api/broadcasts', input);
}

export function updateBroadcast(id: string, patch: Partial<BroadcastInput>): Promise<BroadcastView> {
  return requestParsed(BroadcastOne, 'PATCH', `/api/broadcasts/${enc(id)}`, patch);
}

export type BroadcastStep = 'submit' | 'approve' | 'emergencyApprove' | 'cancel';

const STEP_PATHS: Record<BroadcastStep, string> = { submit: 'submit', approve: 'approve', emergencyApprove: 'emergency-approve', cancel: 'cancel' };

/** One workflow step; the server answers with the broadcast as it is now. */
export function broadcastStep(id: string, step: BroadcastStep, body: { reason?: string | null } = {}): Promise<BroadcastView> {
  return requestParsed(BroadcastOne, 'POST', `/api/broadcasts/${enc(id)}/${STEP_PATHS[step]}`, body);
}

export function previewAudience(id: string): Promise<AudiencePreview> {
  return requestParsed(AudiencePreviewSchema, 'GET', `/api/broadcasts/${enc(id)}/preview-audience`);
}

export async function listDeliveries(id: string, f: { state?: DeliveryState; limit?: number } = {}): Promise<DeliveryView[]> {
  return (await requestParsed(DeliveryListSchema, 'GET', `/api/broadcasts/${enc(id)}/deliveries${queryString(f)}`)).items;
}

export function resultsUrl(id: string): string {
  return `/api/broadcasts/${enc(id)}/results.xlsx`;
}

// Subscriber lists of a unit and its subtree (the subscribers module, GET /api/units/:unitId/subscriber-lists): only
// their ids, names and sizes are needed to pick an audience. A server without that API (404) or a user who may not
// read the lists (403) gets none to offer, and the picker hides that part.
export interface SubscriberListRef {
  id: string;
  name: string;
  unitName: string;
  subscribers: number;
}

/** The unit's subscriber lists (its subtree's too), or null when there are none to offer. */
export async function listSubscriberLists(unitId: string): Promise<SubscriberListRef[] | null> {
  try {
    const out = await requestParsed(ListsOut, 'GET', `/api/units/${enc(unitId)}/subscriber-lists${queryString({ subtree: '1' })}`);
    return out.items.map((l) => ({ id: l.id, name: l.name, unitName: l.unitName, subscribers: l.subscribers }));
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 403 || err.code === 'BAD_RESPONSE')) return null;
    throw err;
  }
}
