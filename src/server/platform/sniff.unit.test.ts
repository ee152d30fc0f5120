import { describe, expect, it } from 'vitest';
import { looksLikeText, sniffFile, sniffFileType } from './sniff.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const zip = (...entries: string[]) => bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0], ...entries.map((e) => `\0\0${e}\0\0`));

describe('sniffFile', () => {
  it.each([
    ['pdf', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF')],
    ['gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['gif', bytes('GIF87a', [1, 0, 1, 0])],
    ['webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['wav', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['mp4', bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0])],
    ['mp3', bytes('ID3', [4, 0, 0, 0, 0, 0, 0])],
    ['mp3', bytes([0xff, 0xfb, 0x90, 0x64])], // MPEG-1 layer III frame
    ['ogg', bytes('OggS', [0, 2, 0, 0])],
    ['docx', zip('[Content_Types].xml', '_rels/.rels', 'word/document.xml')],
    ['xlsx', zip('[Content_Types].xml', 'xl/workbook.xml')],
    ['zip', zip('readme.txt')],
    ['zip', zip('word/document.xml')], // not OOXML: no content types, no rels
    ['text', new Uint8Array(Buffer.from('Kính gửi: UBND các xã, phường\r\n\tĐề nghị …\f\x1b', 'utf8'))],
    ['text', new Uint8Array(Buffer.from('Công văn số 12/UBND', 'utf8'))],
    ['text', bytes([0xff, 0xfe], 'C\0')], // UTF-16 LE byte-order mark
    ['text', bytes([0xfe, 0xff], '\0C')], // UTF-16 BE byte-order mark
    ['text', new Uint8Array(0)],
  ] as const)('recognises %s', (type, b) => {
    expect(sniffFile(b)).toBe(type);
  });

  it('refuses what is neither a known signature nor text', () => {
    expect(sniffFile(bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).toBeNull(); // ELF: control characters
    expect(sniffFile(bytes([0xc3, 0x28, 0xa0, 0xa1]))).toBeNull(); // invalid UTF-8
    expect(sniffFile(bytes([0xff, 0xf1, 0x50, 0x80]))).toBeNull(); // AAC ADTS: a frame sync but not layer III
    expect(sniffFile(bytes([0xff, 0xfe, 0x00]).subarray(1))).toBeNull(); // a stray byte-order-mark half
  });

  it('needs the whole signature: a truncated header is not that type', () => {
    expect(sniffFile(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffFile(bytes('%PDF'))).toBe('text');
    expect(sniffFile(bytes([0, 0, 0, 0x20], 'ftyp'))).toBeNull(); // under 12 bytes, and binary
    expect(sniffFile(bytes('RIFF', [0x24, 0, 0, 0], 'AVI '))).toBeNull();
  });

  it('works on a view into a larger buffer (byteOffset respected)', () => {
    const big = Buffer.concat([Buffer.from('junk word/document.xml'), Buffer.from(zip('[Content_Types].xml', 'xl/workbook.xml'))]);
    expect(sniffFile(big.subarray(22))).toBe('xlsx');
  });
});

describe('looksLikeText', () => {
  it('decides on the first 64 KiB and tolerates a character cut at that boundary', () => {
    const text = Buffer.from('ă'.repeat(40_000), 'utf8'); // 80 000 bytes, a 2-byte character across 65 536
    expect(looksLikeText(text)).toBe(true);
    const late = Buffer.concat([Buffer.alloc(70_000, 0x61), Buffer.from([0])]);
    expect(looksLikeText(late)).toBe(true);
    expect(looksLikeText(Buffer.from([0x61, 0x00, 0x62]))).toBe(false);
  });
});

describe('sniffFileType', () => {
  it('returns the type only when the caller accepts it', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(sniffFileType(png, ['png', 'jpeg'])).toBe('png');
    expect(sniffFileType(png, ['pdf'])).toBeNull();
    expect(sniffFileType(bytes('hello'), ['png'])).toBeNull();
    expect(sniffFileType(zip('readme.txt'), ['docx', 'xlsx'])).toBeNull();
  });
});
