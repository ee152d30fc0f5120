import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

const KEY = /^[0-9a-f-]{36}\.[a-z0-9]{2,4}$/;

/**
 * Uploaded files on disk under one directory (DATA_DIR/files); names are random keys, never the
 * uploaded name. Shared by the media library (publishing) and directive attachments.
 */
export function createFileStore(dir: string) {
  return {
    dir,
    async save(content: Buffer, ext: string): Promise<{ key: string; sha256: string }> {
      await mkdir(dir, { recursive: true });
      const key = `${randomUUID()}.${ext}`;
      const tmp = path.join(dir, `.${key}.tmp`);
      await writeFile(tmp, content, { flag: 'wx' });
      await rename(tmp, path.join(dir, key));
      return { key, sha256: createHash('sha256').update(content).digest('hex') };
    },
    async open(key: string): Promise<{ stream: Readable; size: number } | null> {
      if (!KEY.test(key)) return null;
      const file = path.join(dir, key);
      const s = await stat(file).catch(() => null);
      if (!s?.isFile()) return null;
      return { stream: createReadStream(file), size: s.size };
    },
    /** Keys of every stored file, sorted (for backups). */
    async list(): Promise<string[]> {
      const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [];
        throw err;
      });
      return names.filter((n) => KEY.test(n)).sort();
    },
    /** Stores content under a given key (restoring a backup); false when the key is not a store key. */
    async put(key: string, content: Buffer): Promise<boolean> {
      if (!KEY.test(key)) return false;
      await mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `.${key}.tmp`);
      await writeFile(tmp, content);
      await rename(tmp, path.join(dir, key));
      return true;
    },
    /** Deletes a stored file; a missing file is not an error. */
    async remove(key: string): Promise<void> {
      if (!KEY.test(key)) return;
      await rm(path.join(dir, key), { force: true });
    },
  };
}
export type FileStore = ReturnType<typeof createFileStore>;
