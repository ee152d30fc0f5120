// Client of the emergency API (the emergency module): the composer's choices and reach, the launch, the progress.
// Every response is checked against the shared contract.
import { requestParsed } from '../../api.ts';
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
