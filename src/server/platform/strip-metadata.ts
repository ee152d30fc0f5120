/**
 * Removes what an image says about who made it (camera, GPS position, author, software, dates, comments) before it
 * is stored: an informant's screenshot or photo must not identify them (issue #15). Pure Buffer code: the image
 * data itself is copied byte for byte, only metadata blocks are dropped; nothing is decoded or re-encoded.
 *
 * - JPEG: drops APP1–APP15 (EXIF, XMP, ICC profile, IPTC/Photoshop, …) and COM segments; keeps APP0 (JFIF) and the
 *   Adobe APP14 marker (a colour-transform flag CMYK images need; it holds nothing personal). The EXIF orientation
 *   is kept: when the photo had one other than 1, a minimal new EXIF block holding only that tag is written, so a
 *   phone photo stays upright.
 * - PNG: drops tEXt, zTXt, iTXt, eXIf and tIME chunks; every other chunk (and its CRC) is kept as it was.
 * - WebP: drops the EXIF and "XMP " chunks, clears their flags in VP8X and fixes the RIFF size.
 *
 * A file whose structure is broken throws StripError (the caller refuses the upload): what cannot be parsed cannot
 * be proven clean. PDFs and other types are not handled here (the desk accepts images only; see intake.service.ts).
 */

export class StripError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StripError';
  }
}

export type StrippableType = 'jpeg' | 'png' | 'webp';

export interface Stripped {
  bytes: Buffer;
  /** What was dropped, e.g. ["APP1", "COM"] or ["tEXt", "eXIf"]: for tests and logs (names only, never content). */
  removed: string[];
}

export function stripMetadata(type: StrippableType, input: Uint8Array): Stripped {
  const b = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (type === 'jpeg') return stripJpeg(b);
  if (type === 'png') return stripPng(b);
  return stripWebp(b);
}

// ---- JPEG ----------------------------------------------------------------------------------------------------

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP14 = 0xee;
const COM = 0xfe;

/** Markers without a length: TEM, RST0–RST7 (SOI/EOI handled apart). */
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);

interface JpegSegment {
  marker: number;
  /** From the segment's 0xFF to its end (for SOS: to the end of the file). */
  start: number;
  end: number;
  payload: Buffer;
}

/** The segments of a JPEG up to and including its first scan (the rest is image data) or EOI. */
function jpegSegments(b: Buffer): JpegSegment[] {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== SOI) throw new StripError('not a JPEG (no SOI)');
  const segments: JpegSegment[] = [];
  let i = 2;
  for (;;) {
    if (i >= b.length) throw new StripError('JPEG ends before its image data');
    if (b[i] !== 0xff) throw new StripError(`JPEG: expected a marker at ${i}`);
    // Fill bytes (0xFF repeated) may precede a marker.
    let j = i + 1;
    while (j < b.length && b[j] === 0xff) j++;
    if (j >= b.length) throw new StripError('JPEG ends inside a marker');
    const marker = b[j]!;
    if (marker === EOI || standalone(marker)) {
      segments.push({ marker, start: i, end: j + 1, payload: Buffer.alloc(0) });
      if (marker === EOI) return segments;
      i = j + 1;
      continue;
    }
    if (j + 2 >= b.length) throw new StripError('JPEG segment without a length');
    const len = b.readUInt16BE(j + 1);
    if (len < 2 || j + 1 + len > b.length) throw new StripError(`JPEG segment 0x${marker.toString(16)} overruns the file`);
    const end = j + 1 + len;
    if (marker === SOS) {
      // Scan header and entropy-coded data up to the end: markers inside are image data (RSTn, later scans, EOI).
      segments.push({ marker, start: i, end: b.length, payload: b.subarray(j + 3, end) });
      return segments;
    }
    segments.push({ marker, start: i, end, payload: b.subarray(j + 3, end) });
    i = end;
  }
}

function stripJpeg(b: Buffer): Stripped {
  const segments = jpegSegments(b);
  if (!segments.some((s) => s.marker === SOS)) throw new StripError('JPEG without image data (no SOS)');
  const removed: string[] = [];
  let orientation: number | null = null;
  const kept: JpegSegment[] = [];
  for (const s of segments) {
    const isApp = s.marker >= APP0 && s.marker <= 0xef;
    const keep = s.marker === APP0 || (s.marker === APP14 && s.payload.subarray(0, 5).toString('latin1') === 'Adobe') || (!isApp && s.marker !== COM);
    if (keep) kept.push(s);
    else {
      removed.push(s.marker === COM ? 'COM' : `APP${s.marker - APP0}`);
      if (s.marker === APP1 && orientation === null) orientation = exifOrientation(s.payload);
    }
  }
  const out: Buffer[] = [b.subarray(0, 2)];
  // The orientation block goes where EXIF belongs: right after APP0 (JFIF), else right after SOI.
  const extra = orientation !== null && orientation !== 1 ? orientationSegment(orientation) : null;
  if (extra && kept[0]?.marker !== APP0) out.push(extra);
  kept.forEach((s, k) => {
    out.push(b.subarray(s.start, s.end));
    if (extra && k === 0 && s.marker === APP0) out.push(extra);
  });
  return { bytes: Buffer.concat(out), removed };
}

/** The Orientation tag (0x0112) of IFD0 in an APP1 "Exif\0\0" payload, or null. */
export function exifOrientation(payload: Buffer): number | null {
  if (payload.length < 14 || payload.subarray(0, 6).toString('latin1') !== 'Exif\0\0') return null;
  const t = payload.subarray(6);
  const order = t.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > t.length) return null;
  const n = u16(ifd);
  for (let k = 0; k < n; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > t.length) return null;
    if (u16(e) === 0x0112 && u16(e + 2) === 3) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : null;
    }
  }
  return null;
}

/** An APP1 EXIF segment holding nothing but IFD0 with one entry, Orientation. */
export function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14); // count
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = APP1;
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

// ---- PNG -----------------------------------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function stripPng(b: Buffer): Stripped {
  if (b.length < 8 || !b.subarray(0, 8).equals(PNG_SIGNATURE)) throw new StripError('not a PNG (bad signature)');
  const out: Buffer[] = [b.subarray(0, 8)];
  const removed: string[] = [];
  let i = 8;
  let sawEnd = false;
  while (i < b.length) {
    if (i + 12 > b.length) throw new StripError('PNG chunk header overruns the file');
    const len = b.readUInt32BE(i);
    const type = b.subarray(i + 4, i + 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) throw new StripError(`PNG: bad chunk type at ${i}`);
    const end = i + 12 + len;
    if (end > b.length) throw new StripError(`PNG chunk ${type} overruns the file`);
    if (PNG_DROP.has(type)) removed.push(type);
    else out.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') {
      sawEnd = true;
      break; // bytes after IEND (a favourite hiding place) are dropped too
    }
  }
  if (!sawEnd) throw new StripError('PNG without IEND');
  if (i < b.length) removed.push('trailing-data');
  return { bytes: Buffer.concat(out), removed };
}

// ---- WebP ----------------------------------------------------------------------------------------------------

const WEBP_DROP = new Set(['EXIF', 'XMP ']);
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function stripWebp(b: Buffer): Stripped {
  if (b.length < 12 || b.subarray(0, 4).toString('latin1') !== 'RIFF' || b.subarray(8, 12).toString('latin1') !== 'WEBP') throw new StripError('not a WebP (no RIFF/WEBP header)');
  const riffEnd = 8 + b.readUInt32LE(4);
  if (riffEnd > b.length) throw new StripError('WebP RIFF size overruns the file');
  const chunks: Buffer[] = [];
  const removed: string[] = [];
  let i = 12;
  while (i < riffEnd) {
    if (i + 8 > riffEnd) throw new StripError('WebP chunk header overruns the file');
    const fourcc = b.subarray(i, i + 4).toString('latin1');
    const size = b.readUInt32LE(i + 4);
    const end = i + 8 + size + (size & 1);
    if (i + 8 + size > riffEnd) throw new StripError(`WebP chunk ${fourcc} overruns the file`);
    if (WEBP_DROP.has(fourcc)) removed.push(fourcc.trim());
    else if (fourcc === 'VP8X') {
      const c = Buffer.from(b.subarray(i, Math.min(end, riffEnd)));
      if (c.length > 8) c[8] = c[8]! & ~(VP8X_EXIF | VP8X_XMP);
      chunks.push(c);
    } else chunks.push(b.subarray(i, Math.min(end, riffEnd)));
    i = end;
  }
  if (chunks.length === 0) throw new StripError('WebP without image data');
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  if (riffEnd < b.length) removed.push('trailing-data');
  return { bytes: Buffer.concat([head, body]), removed };
}
