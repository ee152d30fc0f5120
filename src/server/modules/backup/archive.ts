import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';

/**
 * The backup file: a gzip-compressed POSIX ustar archive (readable with `tar -xzf`), written and
 * read as a stream so a backup never has to fit in memory. Only regular files with short names
 * (at most 100 bytes) are written; the reader refuses anything else.
 */
const BLOCK = 512;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mtime: Date): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new Error(`archive entry name too long: ${name}`);
  const h = Buffer.alloc(BLOCK);
  nameBytes.copy(h, 0);
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii'); // checksum field counts as spaces while summing
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

export interface ArchiveWriter {
  add(name: string, content: Buffer): Promise<void>;
  /** Writes the end-of-archive blocks and waits until everything reached `out`. */
  finish(): Promise<void>;
}

/** Writes entries into `out` (gzip-compressed); respects back-pressure. */
export function createArchiveWriter(out: Writable, mtime: Date): ArchiveWriter {
  const gzip = createGzip({ level: 6 });
  gzip.pipe(out);
  const failed = new Promise<never>((_, reject) => {
    gzip.once('error', reject);
    out.once('error', reject);
  });
  failed.catch(() => undefined);
  async function write(chunk: Buffer): Promise<void> {
    if (!gzip.write(chunk)) await Promise.race([once(gzip, 'drain'), failed]);
  }
  return {
    async add(name, content) {
      await write(header(name, content.length, mtime));
      await write(content);
      const pad = (BLOCK - (content.length % BLOCK)) % BLOCK;
      if (pad) await write(Buffer.alloc(pad));
    },
    async finish() {
      await write(Buffer.alloc(BLOCK * 2));
      gzip.end();
      await Promise.race([once(out, 'finish'), once(out, 'close'), failed]);
    },
  };
}

export interface ArchiveEntry {
  name: string;
  content: Buffer;
}

/** A pull reader over a byte stream: exactly `n` bytes at a time (null at a clean end). */
function byteReader(source: AsyncIterable<Buffer>) {
  const it = source[Symbol.asyncIterator]();
  let buffered: Buffer[] = [];
  let length = 0;
  return async function take(n: number): Promise<Buffer | null> {
    while (length < n) {
      const next = await it.next();
      if (next.done) {
        if (length === 0) return null;
        throw new Error('archive ends in the middle of an entry');
      }
      buffered.push(next.value);
      length += next.value.length;
    }
    const all = buffered.length === 1 ? buffered[0]! : Buffer.concat(buffered, length);
    const out = all.subarray(0, n);
    buffered = length > n ? [all.subarray(n)] : [];
    length -= n;
    return out;
  };
}

function parseOctal(field: Buffer): number {
  const text = field.toString('ascii').replace(/\0.*$/s, '').trim();
  if (!/^[0-7]+$/.test(text)) throw new Error('not an archive entry header');
  return Number.parseInt(text, 8);
}

/** Reads the entries of a gzip ustar archive in order. Throws on anything malformed. */
export async function* readArchive(input: Readable): AsyncGenerator<ArchiveEntry> {
  const gunzip = createGunzip();
  input.once('error', (err) => gunzip.destroy(err));
  const take = byteReader(input.pipe(gunzip));
  for (;;) {
    const h = await take(BLOCK);
    if (!h || h.every((b) => b === 0)) return;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    if (sum !== parseOctal(h.subarray(148, 156)) || h.toString('ascii', 257, 262) !== 'ustar') throw new Error('not an archive entry header');
    if (h[156] !== 0x30 && h[156] !== 0) throw new Error('archive entry is not a regular file');
    const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const size = parseOctal(h.subarray(124, 136));
    const content = size ? await take(size) : Buffer.alloc(0);
    if (!content) throw new Error('archive ends in the middle of an entry');
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad && !(await take(pad))) throw new Error('archive ends in the middle of an entry');
    yield { name, content: Buffer.from(content) };
  }
}
