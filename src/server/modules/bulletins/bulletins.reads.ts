import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { Coverage, TtsPreviewOut } from '../../../shared/contracts/bulletins.ts';
import { authorize } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import type { DeviceIdentity } from '../devices/index.ts';
import type { BulletinAudioService } from './bulletins.audio.ts';
import * as repo from './bulletins.repository.ts';
import type { BulletinsService } from './bulletins.service.ts';
import * as coverage from './coverage.repository.ts';

/** How many silent devices the coverage lists. */
const NOT_PLAYED_LIMIT = 500;

/** What is read about bulletins beside the workflow: coverage, the TTS preview, the device media download. */
export function createBulletinReads(deps: {
  db: Db;
  bulletins: Pick<BulletinsService, 'loadForRead'>;
  audio: BulletinAudioService;
  deviceFromBearer: (authorization: string | undefined) => Promise<DeviceIdentity>;
}) {
  const { db, audio } = deps;
  return {
    /** Per commune: devices targeted, and those that started, finished or were interrupted playing it; the silent ones. */
    async coverage(actor: Actor, id: string): Promise<Coverage> {
      const { b } = await deps.bulletins.loadForRead(actor, id);
      const communes = await coverage.coverageByCommune(db, b.id);
      const totals = { targeted: 0, started: 0, finished: 0, interrupted: 0 };
      for (const c of communes) for (const k of ['targeted', 'started', 'finished', 'interrupted'] as const) totals[k] += c[k];
      const silent = await coverage.notPlayed(db, b.id, NOT_PLAYED_LIMIT);
      return {
        bulletinId: b.id,
        totals,
        communes,
        notPlayed: silent.map((d) => ({ ...d, lastSeenAt: d.lastSeenAt ? new Date(d.lastSeenAt).toISOString() : null })),
      };
    },

    /** The composer's TTS preview: the text as read aloud and the WAV (drafters only: synthesis costs CPU). */
    async ttsPreview(actor: Actor, text: string): Promise<TtsPreviewOut> {
      authorize(actor, 'broadcast.draft', { unitPath: actor.unitPath });
      const s = await audio.speak(text);
      return { spokenText: s.spokenText, voice: audio.voice(), durationMs: s.durationMs, wavBase64: s.wav.toString('base64') };
    },

    /** GET /device/v1/media/:bulletinId: the audio, for a device the bulletin was sent to (others: 404). */
    async deviceMedia(authorization: string | undefined, bulletinId: string) {
      const device = await deps.deviceFromBearer(authorization);
      const b = await repo.findBulletin(db, bulletinId);
      if (!b || !(await repo.isTarget(db, b.id, device.deviceId))) throw new AppError('NOT_FOUND');
      const f = await audio.open(b);
      if (!f) throw new AppError('NOT_FOUND');
      return f;
    },
  };
}
export type BulletinReads = ReturnType<typeof createBulletinReads>;
