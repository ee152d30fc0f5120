// Client of the programmes API (bulletins module): a commune's broadcast programmes and bulletin queue, and the
// province view of every commune's programmes. Every response is checked against the contract.
import type { z } from 'zod';
import { request, requestParsed } from '../../api.ts';
import { OneProgrammeOut, OneQueueItemOut, ProgrammesOut, QueueOut } from '../../../shared/contracts/programmes.ts';
import type { ProgrammeBody } from '../../../shared/contracts/programmes.ts';

export type ProgrammesData = z.infer<typeof ProgrammesOut>;
export type Programme = ProgrammesData['items'][number];
export type QueueData = z.infer<typeof QueueOut>;
export type QueueItem = QueueData['items'][number];
export type ProgrammeInput = z.input<typeof ProgrammeBody>;

const enc = encodeURIComponent;

/** The unit's own programmes, or with `subtree` those of every commune under it. */
export function listProgrammes(unitId: string, subtree: boolean): Promise<ProgrammesData> {
  return subtree
    ? requestParsed(ProgrammesOut, 'GET', `/api/programmes?unitId=${enc(unitId)}&subtree=1`)
    : requestParsed(ProgrammesOut, 'GET', `/api/units/${enc(unitId)}/programmes`);
}

export async function saveProgramme(unitId: string, id: string | null, body: ProgrammeInput): Promise<Programme> {
  const base = `/api/units/${enc(unitId)}/programmes`;
  return (await requestParsed(OneProgrammeOut, id ? 'PUT' : 'POST', id ? `${base}/${enc(id)}` : base, body)).programme;
}

export async function deleteProgramme(unitId: string, id: string): Promise<void> {
  await request<unknown>('DELETE', `/api/units/${enc(unitId)}/programmes/${enc(id)}`);
}

export function listQueue(unitId: string): Promise<QueueData> {
  return requestParsed(QueueOut, 'GET', `/api/units/${enc(unitId)}/bulletin-queue`);
}

/** "Xếp vào chương trình". */
export async function placeQueued(unitId: string, bulletinId: string, programmeId: string): Promise<QueueItem> {
  return (await requestParsed(OneQueueItemOut, 'POST', `/api/units/${enc(unitId)}/bulletin-queue/${enc(bulletinId)}/place`, { programmeId })).item;
}

export async function dismissQueued(unitId: string, bulletinId: string): Promise<QueueItem> {
  return (await requestParsed(OneQueueItemOut, 'POST', `/api/units/${enc(unitId)}/bulletin-queue/${enc(bulletinId)}/dismiss`)).item;
}
