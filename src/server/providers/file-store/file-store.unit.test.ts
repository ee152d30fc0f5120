import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileStore } from './disk.ts';
import { createFakeFileStore } from './fake.ts';
import type { FileStore } from './port.ts';

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

// The disk store and the fake keep the same contract, so a test using the fake tests the real thing's behaviour.
describe.each([
  [
    'disk',
    async (): Promise<FileStore> => {
      const dir = await mkdtemp(path.join(tmpdir(), 'loa-files-'));
      dirs.push(dir);
      return createFileStore(path.join(dir, 'files'));
    },
  ],
  ['fake', async (): Promise<FileStore> => createFakeFileStore()],
] as const)('file store (%s)', (_name, make) => {
  it('saves under a random key, opens and lists it, removes it', async () => {
    const store = await make();
    expect(await store.list()).toEqual([]);
    const { key, sha256 } = await store.save(Buffer.from('%PDF-1.7'), 'pdf');
    expect(key).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    expect(sha256).toBe(createHash('sha256').update('%PDF-1.7').digest('hex'));
    const opened = await store.open(key);
    expect(opened?.size).toBe(8);
    expect((await read(opened!.stream)).toString()).toBe('%PDF-1.7');
    expect(await store.list()).toEqual([key]);
    await store.remove(key);
    await store.remove(key); // a missing file is not an error
    expect(await store.open(key)).toBeNull();
    expect(await store.list()).toEqual([]);
  });

  it('puts under a given store key only, and opens no malformed key', async () => {
    const store = await make();
    const key = '00000000-0000-4000-8000-000000000000.png';
    expect(await store.put(key, Buffer.from('x'))).toBe(true);
    expect(await store.put('../etc/passwd', Buffer.from('x'))).toBe(false);
    expect(await store.open('../etc/passwd')).toBeNull();
    expect(await store.list()).toEqual([key]);
  });
});
