// The file-store port: uploaded files (media library, directive attachments) kept under random keys,
// never the uploaded name. Implementations: disk.ts (DATA_DIR/files), fake.ts (in memory, for tests).
import type { Readable } from 'node:stream';

/** A store key: a random UUID and the sniffed type's extension ("…-….pdf"). */
export const FILE_KEY = /^[0-9a-f-]{36}\.[a-z0-9]{2,4}$/;

export interface FileStore {
  /** Where the files live (backups name it; the fake has a made-up one). */
  readonly dir: string;
  /** Stores new content under a fresh key with this extension. */
  save(content: Buffer, ext: string): Promise<{ key: string; sha256: string }>;
  /** The stored file, or null for an unknown or malformed key. */
  open(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** Keys of every stored file, sorted (for backups). */
  list(): Promise<string[]>;
  /** Stores content under a given key (restoring a backup); false when the key is not a store key. */
  put(key: string, content: Buffer): Promise<boolean>;
  /** Deletes a stored file; a missing file is not an error. */
  remove(key: string): Promise<void>;
}
