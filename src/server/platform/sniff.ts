/**
 * What a file is, from its first bytes — never from its name or the client's Content-Type.
 *
 * The one magic-byte sniffer: attachments, the media library and imports each keep their own list of
 * accepted types and ask `sniffFileType(bytes, accepted)` (or `sniffFile(bytes)` and decide).
 */

/** Every kind the sniffer recognises. `zip` is an archive that is neither a DOCX nor an XLSX. */
export const SNIFFED_TYPES = ['pdf', 'docx', 'xlsx', 'zip', 'png', 'jpeg', 'gif', 'webp', 'mp4', 'mp3', 'wav', 'ogg', 'text'] as const;
export type SniffedType = (typeof SNIFFED_TYPES)[number];

const starts = (b: Uint8Array, sig: readonly number[], at = 0): boolean => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = ascii('%PDF-');
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const ID3 = ascii('ID3');
const OGG = ascii('OggS');

/** Whether `needle` (ASCII) occurs in the bytes: zip entry names are stored uncompressed in the headers. */
function contains(b: Uint8Array, needle: string): boolean {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(needle, 0, 'latin1');
}

/** DOCX and XLSX are zip archives (OOXML: `[Content_Types].xml` or `_rels/.rels`) holding their main part. */
function sniffZip(b: Uint8Array): 'docx' | 'xlsx' | 'zip' {
  if (contains(b, '[Content_Types].xml') || contains(b, '_rels/.rels')) {
    if (contains(b, 'word/document.xml')) return 'docx';
    if (contains(b, 'xl/workbook.xml')) return 'xlsx';
  }
  return 'zip';
}

/** MPEG-1/2 layer III frame sync: 11 set bits, a valid version and layer III. */
function isMpegAudioFrame(b: Uint8Array): boolean {
  const b0 = b[0] ?? 0;
  const b1 = b[1] ?? 0;
  return b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) === 0x02 && (b1 & 0x18) !== 0x08;
}

/**
 * Plain text: a UTF-16 byte-order mark, or UTF-8 (the first 64 KiB decide; a whole 10 MiB text is
 * decoded only where it is read) without the control characters U+0000–U+0008 and U+000E–U+001A, which
 * mean a binary file (tab, newlines, form feed and escape are text). An empty file counts as text.
 */
export function looksLikeText(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  try {
    const s = new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, 65_536), { stream: true });
    // eslint-disable-next-line no-control-regex
    return !/[\u0000-\u0008\u000e-\u001a]/.test(s);
  } catch {
    return false;
  }
}

/**
 * The file's type from its signature: PDF (`%PDF-`), PNG, JPEG, GIF, WebP (RIFF…WEBP), WAV (RIFF…WAVE),
 * MP4 (ISO BMFF `ftyp` at byte 4), MP3 (an ID3 tag or an MPEG audio frame sync), Ogg (`OggS`), a zip
 * archive (DOCX, XLSX or another zip), else `text` when the bytes read as text, else null.
 * Binary signatures win over text (a text beginning with "ID3" is taken for an MP3).
 */
export function sniffFile(b: Uint8Array): SniffedType | null {
  if (starts(b, PDF)) return 'pdf';
  if (starts(b, ZIP_LOCAL_HEADER)) return sniffZip(b);
  if (starts(b, PNG)) return 'png';
  if (starts(b, JPEG)) return 'jpeg';
  if (starts(b, GIF87) || starts(b, GIF89)) return 'gif';
  if (starts(b, RIFF) && starts(b, ascii('WEBP'), 8)) return 'webp';
  if (starts(b, RIFF) && starts(b, ascii('WAVE'), 8)) return 'wav';
  if (b.length >= 12 && starts(b, ascii('ftyp'), 4)) return 'mp4';
  if (starts(b, ID3) || isMpegAudioFrame(b)) return 'mp3';
  if (starts(b, OGG)) return 'ogg';
  if (looksLikeText(b)) return 'text';
  return null;
}

/** The sniffed type when it is one of `accepted`, else null: e.g. `sniffFileType(b, ['png', 'jpeg', 'pdf'])`. */
export function sniffFileType<T extends SniffedType>(b: Uint8Array, accepted: readonly T[]): T | null {
  const type = sniffFile(b);
  return type !== null && (accepted as readonly SniffedType[]).includes(type) ? (type as T) : null;
}
