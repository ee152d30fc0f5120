import { sniffFileType } from '../../platform/sniff.ts';

/** The types the media library accepts, recognised from the first bytes of the content (not the name). */
export const MEDIA_TYPES = {
  png: { mime: 'image/png', ext: 'png' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  pdf: { mime: 'application/pdf', ext: 'pdf' },
  mp4: { mime: 'video/mp4', ext: 'mp4' },
  mp3: { mime: 'audio/mpeg', ext: 'mp3' },
} as const;
export type MediaType = keyof typeof MEDIA_TYPES;

/** The media library's accepted types, sniffed by the platform's one sniffer (platform/sniff.ts). */
const ACCEPTED = Object.keys(MEDIA_TYPES) as MediaType[];

/** Sniffs the content: PNG, JPEG, PDF, MP4 (ISO BMFF "ftyp"), MP3 (ID3 tag or an MPEG audio frame sync). */
export function sniffMediaType(b: Buffer): MediaType | null {
  return sniffFileType(b, ACCEPTED);
}
