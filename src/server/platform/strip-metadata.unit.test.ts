import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sniffFile } from './sniff.ts';
import { StripError, exifOrientation, stripMetadata } from './strip-metadata.ts';

// Real files built byte by byte: a 1×1 progressive JPEG, a 1×1 PNG and a 1×1 lossless WebP, each given an EXIF
// block with a GPS position (and the other metadata a phone or an editor writes), then stripped.

const GPS_MARK = 'GPS-21.3869N-103.4541E';
const AUTHOR = 'Nguyễn Văn Báo Tin';

/** A 1×1 JPEG (SOI, APP0 JFIF, DQT, SOF2, DHT, SOS + data) and its EOI. */
const TINY_JPEG = Buffer.concat([
  Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  ),
  Buffer.from([0xff, 0xd9]),
]);

function segment(marker: number, payload: Buffer): Buffer {
  const h = Buffer.from([0xff, marker, 0, 0]);
  h.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([h, payload]);
}

/** A TIFF/EXIF block, little-endian: IFD0 with Make, Orientation and a GPS IFD pointer; the GPS IFD with a latitude ref and a text tag. */
function exifPayload(orientation: number): Buffer {
  const t = Buffer.alloc(200);
  t.write('II', 0, 'latin1');
  t.writeUInt16LE(42, 2);
  t.writeUInt32LE(8, 4);
  // IFD0 at 8: 3 entries
  t.writeUInt16LE(3, 8);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    t.writeUInt16LE(tag, at);
    t.writeUInt16LE(type, at + 2);
    t.writeUInt32LE(count, at + 4);
    t.writeUInt32LE(value, at + 8);
  };
  entry(10, 0x010f, 2, 6, 120); // Make → "Canon\0" at 120
  entry(22, 0x0112, 3, 1, orientation);
  entry(34, 0x8825, 4, 1, 60); // GPS IFD at 60
  t.writeUInt32LE(0, 46);
  // GPS IFD at 60: LatitudeRef "N", and a GPS processing method text carrying our marker
  t.writeUInt16LE(2, 60);
  t.writeUInt16LE(0x0001, 62);
  t.writeUInt16LE(2, 64);
  t.writeUInt32LE(2, 66);
  t.write('N\0', 70, 'latin1');
  t.writeUInt16LE(0x001b, 74);
  t.writeUInt16LE(7, 76);
  t.writeUInt32LE(GPS_MARK.length, 78);
  t.writeUInt32LE(140, 82);
  t.writeUInt32LE(0, 86);
  t.write('Canon\0', 120, 'latin1');
  t.write(GPS_MARK, 140, 'latin1');
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), t]);
}

const xmp = () => Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>${AUTHOR}</dc:creator></x:xmpmeta>`, 'utf8');

/** Marker list of a JPEG up to SOS (what a decoder walks). */
function jpegMarkers(b: Buffer): number[] {
  expect(b.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  const markers: number[] = [];
  let i = 2;
  for (;;) {
    expect(b[i]).toBe(0xff);
    const m = b[i + 1]!;
    markers.push(m);
    if (m === 0xda) break;
    i += 2 + b.readUInt16BE(i + 2);
  }
  expect(b.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  return markers;
}

describe('stripMetadata: JPEG', () => {
  const app0End = 2 + 2 + TINY_JPEG.readUInt16BE(4);
  const withMeta = (orientation: number) =>
    Buffer.concat([
      TINY_JPEG.subarray(0, app0End),
      segment(0xe1, exifPayload(orientation)),
      segment(0xe1, xmp()),
      segment(0xed, Buffer.from(`Photoshop 3.0\0${AUTHOR}`, 'utf8')),
      segment(0xfe, Buffer.from(`comment by ${AUTHOR}`, 'utf8')),
      TINY_JPEG.subarray(app0End),
    ]);

  it('drops EXIF (with its GPS block), XMP, IPTC and comments; keeps JFIF and the image data', () => {
    const input = withMeta(1);
    expect(input.includes(GPS_MARK)).toBe(true);
    const { bytes, removed } = stripMetadata('jpeg', input);
    expect(removed).toEqual(['APP1', 'APP1', 'APP13', 'COM']);
    for (const needle of [GPS_MARK, 'Canon', 'Exif', 'xmpmeta', AUTHOR, 'Photoshop']) expect(bytes.includes(needle)).toBe(false);
    expect(bytes).toEqual(TINY_JPEG); // nothing else changed, byte for byte
    expect(jpegMarkers(bytes)).toEqual([0xe0, 0xdb, 0xc2, 0xc4, 0xda]);
    expect(sniffFile(bytes)).toBe('jpeg');
  });

  it('keeps a rotated photo upright: a minimal EXIF block with only the orientation, after JFIF', () => {
    const { bytes } = stripMetadata('jpeg', withMeta(6));
    expect(jpegMarkers(bytes)).toEqual([0xe0, 0xe1, 0xdb, 0xc2, 0xc4, 0xda]);
    const app1At = app0End;
    const app1 = bytes.subarray(app1At + 4, app1At + 2 + bytes.readUInt16BE(app1At + 2));
    expect(exifOrientation(app1)).toBe(6);
    expect(app1.length).toBeLessThan(40);
    expect(bytes.includes(GPS_MARK)).toBe(false);
    expect(bytes.includes('Canon')).toBe(false);
  });

  it('refuses what it cannot parse', () => {
    expect(() => stripMetadata('jpeg', Buffer.from('not a jpeg'))).toThrow(StripError);
    expect(() => stripMetadata('jpeg', withMeta(1).subarray(0, app0End + 30))).toThrow(StripError);
  });
});

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function pngChunks(b: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  const out = [];
  let i = 8;
  while (i < b.length) {
    const len = b.readUInt32BE(i);
    const type = b.subarray(i + 4, i + 8).toString('latin1');
    const data = b.subarray(i + 8, i + 8 + len);
    out.push({ type, data, crcOk: b.readUInt32BE(i + 8 + len) === crc32(b.subarray(i + 4, i + 8 + len)) });
    i += 12 + len;
  }
  return out;
}

describe('stripMetadata: PNG', () => {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]); // 1×1, 8-bit RGB
  const scanline = Buffer.from([0, 0xc0, 0x20, 0x10]);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Author\0${AUTHOR}`, 'latin1')),
    chunk('eXIf', exifPayload(1).subarray(6)),
    chunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${xmp().toString('utf8')}`, 'utf8')),
    chunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), deflateSync(Buffer.from(AUTHOR, 'utf8'))])),
    chunk('tIME', Buffer.from([0x07, 0xea, 1, 2, 3, 4, 5])),
    chunk('IDAT', deflateSync(scanline)),
    chunk('IEND', Buffer.alloc(0)),
    Buffer.from(`trailer ${GPS_MARK}`, 'latin1'),
  ]);

  it('drops the text, EXIF and time chunks and anything after IEND; the image chunks stay valid', () => {
    expect(png.includes(GPS_MARK)).toBe(true);
    const { bytes, removed } = stripMetadata('png', png);
    expect(removed).toEqual(['tEXt', 'eXIf', 'iTXt', 'zTXt', 'tIME', 'trailing-data']);
    for (const needle of [GPS_MARK, 'Canon', 'Author', 'xmp', AUTHOR]) expect(bytes.includes(needle)).toBe(false);
    const chunks = pngChunks(bytes);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(inflateSync(chunks[1]!.data)).toEqual(scanline);
    expect(sniffFile(bytes)).toBe('png');
  });

  it('refuses a truncated PNG', () => {
    expect(() => stripMetadata('png', png.subarray(0, 40))).toThrow(StripError);
  });
});

describe('stripMetadata: WebP', () => {
  /** The 1×1 lossless WebP's VP8L chunk. */
  const vp8l = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64').subarray(12);
  const riffChunk = (fourcc: string, data: Buffer) => {
    const h = Buffer.alloc(8);
    h.write(fourcc, 0, 'latin1');
    h.writeUInt32LE(data.length, 4);
    return Buffer.concat([h, data, data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const vp8x = Buffer.from([0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // EXIF + XMP flags, canvas 1×1
  const body = Buffer.concat([riffChunk('VP8X', vp8x), vp8l, riffChunk('EXIF', exifPayload(1).subarray(6)), riffChunk('XMP ', xmp())]);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  const webp = Buffer.concat([head, body]);

  it('drops the EXIF and XMP chunks, clears their VP8X flags and fixes the RIFF size', () => {
    expect(webp.includes(GPS_MARK)).toBe(true);
    const { bytes, removed } = stripMetadata('webp', webp);
    expect(removed).toEqual(['EXIF', 'XMP']);
    for (const needle of [GPS_MARK, 'Canon', 'xmpmeta', AUTHOR]) expect(bytes.includes(needle)).toBe(false);
    expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
    const fourccs: string[] = [];
    for (let i = 12; i < bytes.length;) {
      const size = bytes.readUInt32LE(i + 4);
      fourccs.push(bytes.subarray(i, i + 4).toString('latin1'));
      i += 8 + size + (size & 1);
      expect(i).toBeLessThanOrEqual(bytes.length);
    }
    expect(fourccs).toEqual(['VP8X', 'VP8L']);
    expect(bytes[20]! & 0x0c).toBe(0);
    expect(bytes.includes(vp8l)).toBe(true);
    expect(sniffFile(bytes)).toBe('webp');
  });

  it('refuses a RIFF whose size overruns the file', () => {
    const bad = Buffer.from(webp);
    bad.writeUInt32LE(webp.length * 2, 4);
    expect(() => stripMetadata('webp', bad)).toThrow(StripError);
  });
});
