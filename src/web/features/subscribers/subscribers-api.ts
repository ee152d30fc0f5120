// Client of the subscriber API (the subscribers module): lists of a unit, their numbers, the import
// (dry-run preview, then the real one) and staff opt-out. Every response is checked against the contract.
import type { z } from 'zod';
import { queryString, request, requestParsed } from '../../api.ts';
import { ImportReportOut, ListsOut, OneListOut, OneSubscriberOut, SubscribersOut } from '../../../shared/contracts/subscribers.ts';
import type { CreateListBody } from '../../../shared/contracts/subscribers.ts';

export type ListsPage = z.infer<typeof ListsOut>;
export type SubscriberList = ListsPage['items'][number];
export type SubscribersPageData = z.infer<typeof SubscribersOut>;
export type Subscriber = SubscribersPageData['items'][number];
export type ImportReport = z.infer<typeof ImportReportOut>;

const enc = encodeURIComponent;

export function listLists(unitId: string): Promise<ListsPage> {
  return requestParsed(ListsOut, 'GET', `/api/units/${enc(unitId)}/subscriber-lists`);
}

export async function createList(unitId: string, body: z.input<typeof CreateListBody>): Promise<SubscriberList> {
  return (await requestParsed(OneListOut, 'POST', `/api/units/${enc(unitId)}/subscriber-lists`, body)).list;
}

export function listSubscribers(listId: string, q: { q?: string; offset: number; limit: number }): Promise<SubscribersPageData> {
  return requestParsed(SubscribersOut, 'GET', `/api/subscriber-lists/${enc(listId)}/subscribers${queryString({ q: q.q || undefined, offset: q.offset, limit: q.limit })}`);
}

/** Base64 of a file's bytes (chunked: large files would overflow String.fromCharCode's arguments). */
async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** dryRun: the preview (nothing written); otherwise all rows or none (a bad row is a 422). */
export async function importFile(listId: string, file: File, dryRun: boolean): Promise<ImportReport> {
  return requestParsed(ImportReportOut, 'POST', `/api/subscriber-lists/${enc(listId)}/import`, { fileName: file.name, contentBase64: await fileToBase64(file), dryRun });
}

export async function optOut(subscriberId: string, reason: string): Promise<Subscriber> {
  return (await requestParsed(OneSubscriberOut, 'POST', `/api/subscribers/${enc(subscriberId)}/opt-out`, { reason })).subscriber;
}

export async function optIn(subscriberId: string, reason: string): Promise<Subscriber> {
  return (await requestParsed(OneSubscriberOut, 'POST', `/api/subscribers/${enc(subscriberId)}/opt-in`, { reason })).subscriber;
}

export async function deleteList(listId: string): Promise<void> {
  await request<unknown>('DELETE', `/api/subscriber-lists/${enc(listId)}`);
}
