// Client of the bulletins API (the bulletins module): list, compose, TTS preview, upload, workflow steps, coverage.
// Every response is checked against the shared contract.
import type { z } from 'zod';
import { requestParsed } from '../../api.ts';
import { BulletinListSchema, BulletinOutSchema, CoverageSchema, TtsPreviewOutSchema } from '../../../shared/contracts/bulletins.ts';
import type { BulletinStatus, BulletinView, Coverage, CreateBulletinBodySchema, TtsPreviewOut } from '../../../shared/contracts/bulletins.ts';
import { fileToBase64 } from '../imports/imports-api.ts';

export { BULLETIN_SOURCES, BULLETIN_STATUSES, PRIORITIES } from '../../../shared/contracts/bulletins.ts';
export type { BulletinSource, BulletinStatus, BulletinView, Coverage, Priority } from '../../../shared/contracts/bulletins.ts';
export type BulletinList = z.infer<typeof BulletinListSchema>;
/** What the composer sends (defaults filled by the server). */
export type BulletinDraft = z.input<typeof CreateBulletinBodySchema>;

const enc = encodeURIComponent;

export function listBulletins(q: { unitId: string; status: BulletinStatus | ''; subtree: boolean }): Promise<BulletinList> {
  const p = new URLSearchParams({ unitId: q.unitId, subtree: q.subtree ? '1' : '0', ...(q.status ? { status: q.status } : {}) });
  return requestParsed(BulletinListSchema, 'GET', `/api/bulletins?${p.toString()}`);
}

export async function getBulletin(id: string): Promise<BulletinView> {
  return (await requestParsed(BulletinOutSchema, 'GET', `/api/bulletins/${enc(id)}`)).bulletin;
}

export async function createBulletin(body: BulletinDraft): Promise<BulletinView> {
  return (await requestParsed(BulletinOutSchema, 'POST', '/api/bulletins', body)).bulletin;
}

export async function updateBulletin(id: string, body: Partial<Omit<BulletinDraft, 'unitId'>>): Promise<BulletinView> {
  return (await requestParsed(BulletinOutSchema, 'PATCH', `/api/bulletins/${enc(id)}`, body)).bulletin;
}

export async function uploadAudio(id: string, file: File): Promise<BulletinView> {
  return (await requestParsed(BulletinOutSchema, 'POST', `/api/bulletins/${enc(id)}/audio`, { fileName: file.name, contentBase64: await fileToBase64(file) })).bulletin;
}

export function ttsPreview(text: string): Promise<TtsPreviewOut> {
  return requestParsed(TtsPreviewOutSchema, 'POST', '/api/bulletins/tts-preview', { text });
}

export type BulletinStep = 'submit' | 'approve' | 'emergencyApprove' | 'cancel';
const STEP_PATHS: Record<BulletinStep, string> = { submit: 'submit', approve: 'approve', emergencyApprove: 'emergency-publish', cancel: 'cancel' };

/** The step from the bulletin's current status: a second click on the same step carries the same Idempotency-Key. */
export async function bulletinStep(b: Pick<BulletinView, 'id' | 'status'>, step: BulletinStep, body: { reason?: string | null } = {}): Promise<BulletinView> {
  const out = await requestParsed(BulletinOutSchema, 'POST', `/api/bulletins/${enc(b.id)}/${STEP_PATHS[step]}`, step === 'cancel' ? body : undefined, {
    idempotencyKey: `${b.id}:${step}:${b.status}`,
  });
  return out.bulletin;
}

export function getCoverage(id: string): Promise<Coverage> {
  return requestParsed(CoverageSchema, 'GET', `/api/bulletins/${enc(id)}/coverage`);
}
