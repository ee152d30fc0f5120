import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { FILE_KEY, type FileStore } from './port.ts';

export interface FakeFileStore extends FileStore {
  /** The stored files by key. */
  readonly files: Map<string, Buffer>;
}

/** In memory, for tests: the same key rules as the disk store, nothing written anywhere. */
export function createFakeFileStore(dir = '/fake/files'): FakeFileStore {
  const files = new Map<string, Buffer>();
  return {
    dir,
    files,
    async save(content, ext) {
      const key = `${randomUUID()}.${ext}`;
      files.set(key, Buffer.from(content));
      return { key, sha256: createHash('sha256').update(content).digest('hex') };
    },
    async open(key) {
      const content = FILE_KEY.test(key) ? files.get(key) : undefined;
      return content ? { stream: Readable.from([content]), size: content.byteLength } : null;
    },
    async list() {
      return [...files.keys()].sort();
    },
    async put(key, content) {
      if (!FILE_KEY.test(key)) return false;
      files.set(key, Buffer.from(content));
      return true;
    },
    async remove(key) {
      files.delete(key);
    },
  };
}
