import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FILE_KEY as KEY, type FileStore } from './port.ts';

/**
 * Uploaded files on disk under one directory (DATA_DIR/files); names are random keys, never the
 * uploaded name. Shared by the media library (publishing) and directive attachments.
 */
export function createFileStore(dir: string): FileStore {
  return {
    dir,
    async save(content, ext) {
      await mkdir(dir, { recursive: true });
      const key = `${randomUUID()}.${ext}`;
      const tmp = path.join(dir, `.${key}.tmp`);
      await writeFile(tmp, content, { flag: 'wx' });
      await rename(tmp, path.join(dir, key));
      return { key, sha256: createHash('sha256').update(content).digest('hex') };
    },
    async open(key) {
      if (!KEY.test(key)) return null;
      const file = path.join(dir, key);
      const s = await stat(file).catch(() => null);
      if (!s?.isFile()) return null;
      return { stream: createReadStream(file), size: s.size };
    },
    async list() {
      const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [];
        throw err;
      });
      return names.filter((n) => KEY.test(n)).sort();
    },
    async put(key, content) {
      if (!KEY.test(key)) return false;
      await mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `.${key}.tmp`);
      await writeFile(tmp, content);
      await rename(tmp, path.join(dir, key));
      return true;
    },
    async remove(key) {
      if (!KEY.test(key)) return;
      await rm(path.join(dir, key), { force: true });
    },
  };
}
