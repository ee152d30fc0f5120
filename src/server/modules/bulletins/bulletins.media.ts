import type { Db } from '../../db/client.ts';
import type { PublicUrl } from '../../platform/public-url.ts';
import { PROTOCOL_VERSION } from '../../../shared/contracts/device-protocol.ts';
import type { DeviceCommand, Media } from '../../../shared/contracts/device-protocol.ts';
import type { BulletinStatus, LedPage, Priority } from '../../../shared/contracts/bulletins.ts';
import * as repo from './bulletins.repository.ts';
import type { BulletinRow } from './bulletins.repository.ts';

/** Where a device downloads a bulletin's audio (bearer device token). */
export const deviceMediaPath = (bulletinId: string): string => `/device/v1/media/${bulletinId}`;

/** What a device plays for the bulletin: its audio file (TTS or upload) or its live relay; null when it has none yet. */
export function mediaOf(b: BulletinRow, baseUrl: string): Media | null {
  if (b.source === 'stream') return b.streamUrl ? { kind: 'stream', url: b.streamUrl } : null;
  if (!b.audioKey || !b.audioContentType || !b.audioDurationMs) return null;
  return {
    kind: 'audio',
    url: `${baseUrl}${deviceMediaPath(b.id)}`,
    contentType: b.audioContentType,
    durationMs: b.audioDurationMs,
    ...(b.audioSha256 ? { sha256: b.audioSha256 } : {}),
  };
}

/** Characters an LED page holds and how long it stays (about 12 characters a second, at least 8 s). */
const PAGE_CHARS = 160;
const pageSeconds = (text: string) => Math.min(3600, Math.max(8, Math.ceil(text.length / 12)));

/** The LED rendition when the composer gave none: the title, then the text in pages cut at word boundaries. */
export function defaultLedPages(title: string, text: string): LedPage[] {
  const pages: LedPage[] = [{ text: title.slice(0, 2000), scroll: 'none', seconds: pageSeconds(title) }];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > PAGE_CHARS) {
      pages.push({ text: current, scroll: 'left', seconds: pageSeconds(current) });
      current = '';
    }
    current = current ? `${current} ${word}` : word.slice(0, 2000);
  }
  if (current) pages.push({ text: current, scroll: 'left', seconds: pageSeconds(current) });
  return pages.slice(0, 50);
}

/** The command a target device gets on publication of a khẩn cấp bulletin: play at once (loudspeakers) or show (LED boards). */
export function emergencyCommandFor(b: BulletinRow, kind: string, media: Media | null, commandId: string, at: Date): DeviceCommand | null {
  const envelope = { v: PROTOCOL_VERSION, id: commandId, at: at.toISOString(), itemId: b.id } as const;
  if (kind === 'led_board') return { ...envelope, cmd: 'show_text', pages: b.ledPages, ...(b.validUntil ? { until: b.validUntil.toISOString() } : {}) };
  if (!media) return null;
  return { ...envelope, cmd: 'play_now', media, priority: 'khan_cap', repeat: b.repeat, interrupt: true };
}

/** What the programmes service needs of a bulletin to put it in a device's schedule. */
export interface BulletinMedia {
  title: string;
  unitId: string;
  status: BulletinStatus;
  /** null: no audio or relay yet. */
  media: Media | null;
  ledPages: LedPage[];
  priority: Priority;
  repeat: number;
  validUntil: Date | null;
}

/** Reads bulletins' media for the programmes (same module): `bulletinMediaFor(ids)`. */
export function createBulletinMediaReader(deps: { db: Db; publicUrl: PublicUrl }) {
  return {
    bulletinMediaFor: async (ids: readonly string[], opts: { tx?: Db } = {}): Promise<Map<string, BulletinMedia>> => {
      const rows = await repo.findBulletins(opts.tx ?? deps.db, [...new Set(ids)]);
      const base = deps.publicUrl();
      return new Map(
        rows.map((b) => [
          b.id,
          { title: b.title, unitId: b.unitId, status: b.status, media: mediaOf(b, base), ledPages: b.ledPages, priority: b.priority, repeat: b.repeat, validUntil: b.validUntil },
        ]),
      );
    },
  };
}
export type BulletinMediaReader = ReturnType<typeof createBulletinMediaReader>;
