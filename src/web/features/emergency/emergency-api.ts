// Client of the emergency API (the emergency module): the composer's choices and reach, the launch, the progress.
// Every response is checked against the shared contract.
import { z } from 'zod';
import { requestParsed } from '../../api.ts';
import { AlertListSchema, AlertOutSchema } from '../../../shared/contracts/alerts.ts';
import { BroadcastListSchema, BroadcastViewSchema } from '../../../shared/contracts/broadcasts.ts';
import { ChoicesOutSchema, EmergencyListOutSchema, EmergencyOutSchema, ReachOutSchema } from '../../../shared/contracts/emergency.ts';
import type { Choices, EmergencyView, LaunchBody, Reach } from '../../../shared/contracts/emergency.ts';

export { CHANNEL_LABELS, EMERGENCY_CHANNELS, EMERGENCY_LIMITS, renditionsOf } from '../../../shared/contracts/emergency.ts';
export type { ChannelStatus, Choices, EmergencyChannel, EmergencyView, LaunchBody, Reach, Renditions } from '../../../shared/contracts/emergency.ts';

const enc = encodeURIComponent;

export const getChoices = (): Promise<Choices> => requestParsed(ChoicesOutSchema, 'GET', '/api/emergency/choices');

export const getReach = (unitId: string, areaUnitIds: string[]): Promise<Reach> => requestParsed(ReachOutSchema, 'POST', '/api/emergency/reach', { unitId, areaUnitIds });

export async function launchEmergency(body: LaunchBody): Promise<EmergencyView> {
  return (await requestParsed(EmergencyOutSchema, 'POST', '/api/emergency', body)).emergency;
}

export async function getEmergency(id: string): Promise<EmergencyView> {
  return (await requestParsed(EmergencyOutSchema, 'GET', `/api/emergency/${enc(id)}`)).emergency;
}

export async function endBanner(id: string): Promise<EmergencyView> {
  return (await requestParsed(EmergencyOutSchema, 'POST', `/api/emergency/${enc(id)}/end-banner`)).emergency;
}

export async function listEmergencies() {
  return (await requestParsed(EmergencyListOutSchema, 'GET', '/api/emergency')).items;
}

/** A CAP alert or a khẩn cấp broadcast of the unit the composer may start from. */
export interface StartingPoint {
  key: string;
  kind: 'alert' | 'broadcast';
  id: string;
  label: string;
}

export async function startingPoints(unitId: string): Promise<StartingPoint[]> {
  const [alerts, broadcasts] = await Promise.all([
    requestParsed(AlertListSchema, 'GET', `/api/alerts?unitId=${enc(unitId)}`),
    requestParsed(BroadcastListSchema, 'GET', `/api/broadcasts?unitId=${enc(unitId)}`),
  ]);
  return [
    ...alerts.items.filter((a) => a.msgType === 'Alert').map((a) => ({ key: `alert:${a.id}`, kind: 'alert' as const, id: a.id, label: a.headline })),
    ...broadcasts.items.filter((b) => b.priority === 'khan_cap').map((b) => ({ key: `broadcast:${b.id}`, kind: 'broadcast' as const, id: b.id, label: b.title })),
  ];
}

/** The title and text of the starting point (a CAP alert's Vietnamese headline and description with its instruction). */
export async function startFrom(p: StartingPoint): Promise<{ title: string; text: string }> {
  if (p.kind === 'alert') {
    const a = (await requestParsed(AlertOutSchema, 'GET', `/api/alerts/${enc(p.id)}`)).alert;
    return { title: a.vi.headline, text: [a.vi.description, a.vi.instruction].filter(Boolean).join(' ') };
  }
  const b = (await requestParsed(z.object({ broadcast: BroadcastViewSchema }), 'GET', `/api/broadcasts/${enc(p.id)}`)).broadcast;
  return { title: b.title, text: b.smsText };
}
