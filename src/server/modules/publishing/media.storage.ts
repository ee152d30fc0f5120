/** The types the media library accepts, recognised from the first bytes of the content (not the name). */
export const MEDIA_TYPES = {
  png: { mime: 'image/png', ext: 'png' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  pdf: { mime: 'application/pdf', ext: 'pdf' },
  mp4: { mime: 'video/mp4', ext: 'mp4' },
  mp3: { mime: 'audio/mpeg', ext: 'mp3' },
} as const;
export type MediaType = keyof typeof MEDIA_TYPES;

const starts = (b: Buffer, bytes: readonly number[], at = 0) => bytes.every((x, i) => b[at + i] === x);

/** Sniffs the content: PNG, JPEG, PDF, MP4 (ISO BMFF "ftyp"), MP3 (ID3 tag or an MPEG audio frame sync). */
export function sniffMediaType(b: Buffer): MediaType | null {
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (b.length >= 12 && starts(b, [0x66, 0x74, 0x79, 0x70], 4)) return 'mp4';
  if (starts(b, [0x49, 0x44, 0x33])) return 'mp3';
  const b0 = b[0] ?? 0;
  const b1 = b[1] ?? 0;
  // MPEG-1/2 layer III frame sync: 11 set bits, a valid version and layer III.
  if (b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) === 0x02 && (b1 & 0x18) !== 0x08) return 'mp3';
  return null;
}
