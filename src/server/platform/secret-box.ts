// Encryption at rest for secrets Loa must be able to read back (social page tokens, app secrets): AES-256-GCM with a
// random 12-byte IV per value, stored as `v1:<base64 iv>:<base64 tag>:<base64 ciphertext>`. The key comes from
// LOA_SECRET_KEY (base64 of 32 bytes) or, when unset, from `<DATA_DIR>/secret.key` (32 random bytes, created 0600 on
// first use). Losing the key loses the secrets: back the key file up with the data directory, or set the variable.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_BYTES = 32;
export const SECRET_KEY_FILE = 'secret.key';

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export interface SecretBox {
  /** Encrypts a UTF-8 string; each call uses a new IV, so the same value never gives the same text twice. */
  seal(plaintext: string): string;
  /** Decrypts a value sealed with the same key; throws SecretBoxError when it was altered or the key differs. */
  open(sealed: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== SECRET_KEY_BYTES) throw new SecretBoxError(`the secret key must be ${SECRET_KEY_BYTES} bytes (got ${key.length})`);
  const k = Buffer.from(key);
  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', k, iv, { authTagLength: TAG_BYTES });
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
    },
    open(sealed) {
      const parts = sealed.split(':');
      if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError('not a sealed value (v1:iv:tag:ciphertext)');
      const [, ivB64, tagB64, ctB64] = parts as [string, string, string, string];
      const iv = Buffer.from(ivB64, 'base64');
      const tag = Buffer.from(tagB64, 'base64');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('sealed value has a bad IV or tag');
      try {
        const decipher = createDecipheriv('aes-256-gcm', k, iv, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(Buffer.from(ctB64, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('sealed value altered or sealed with another key');
      }
    },
  };
}

/** Decodes LOA_SECRET_KEY; null when it is not base64 of exactly 32 bytes. */
export function decodeSecretKey(value: string): Buffer | null {
  const v = value.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return null;
  const key = Buffer.from(v, 'base64');
  return key.length === SECRET_KEY_BYTES ? key : null;
}

/**
 * The key: LOA_SECRET_KEY when set (env.ts validated it), else `<DATA_DIR>/secret.key`, created with 32 random bytes
 * (mode 0600) when missing. A key file of the wrong length is an error, never silently replaced.
 */
export function loadSecretKey(env: { LOA_SECRET_KEY?: string | undefined; DATA_DIR?: string | undefined }): Buffer {
  if (env.LOA_SECRET_KEY) {
    const key = decodeSecretKey(env.LOA_SECRET_KEY);
    if (!key) throw new SecretBoxError(`LOA_SECRET_KEY must be base64 of ${SECRET_KEY_BYTES} bytes`);
    return key;
  }
  const dir = env.DATA_DIR ?? './data';
  const file = path.join(dir, SECRET_KEY_FILE);
  try {
    const key = readFileSync(file);
    if (key.length !== SECRET_KEY_BYTES) throw new SecretBoxError(`${file} must hold ${SECRET_KEY_BYTES} bytes (got ${key.length})`);
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(SECRET_KEY_BYTES);
  try {
    // 'wx': two processes starting at once must not each write their own key.
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return loadSecretKey(env);
    throw e;
  }
  chmodSync(file, 0o600);
  return key;
}

/** A secret as an operator may see it: the first 4 and last 4 characters, or "••••" when it is too short to show any. */
export function mask(secret: string): string {
  const chars = [...secret];
  if (chars.length < 12) return '••••';
  return `${chars.slice(0, 4).join('')}…${chars.slice(-4).join('')}`;
}
