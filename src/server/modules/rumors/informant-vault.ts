// The informant vault (issue #15 point 5): an informant's identity — name, phone, e-mail, social account id, IP
// address, user agent, the upload's original file name — is sealed as ONE value (AES-256-GCM, platform/secret-box)
// under a key of the informant KEY RING, which lives outside the database:
//
// - LOA_INFORMANT_KEY (base64 of 32 bytes; its id LOA_INFORMANT_KEY_ID, default "env") and the older keys still
//   needed to open rows sealed before a rotation, LOA_INFORMANT_OLD_KEYS ("id:base64,id:base64");
// - else `<DATA_DIR>/informant.keys`, JSON lines {"id","key"} newest first, created 0600 on first use;
// - else (tests, no data directory) a ring held in memory.
//
// The ring is distinct from LOA_SECRET_KEY (social tokens): whoever holds that key does not read informants.
// Rotation (`loa rumors rotate-key`): with the key file, a new key is added at its head; with the environment the
// operator first sets the new LOA_INFORMANT_KEY and moves the old one into LOA_INFORMANT_OLD_KEYS. Then every row
// not sealed under the newest key is re-sealed under it in one transaction (intake.service.ts, rotateKey).
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SECRET_KEY_BYTES, createSecretBox, decodeSecretKey } from '../../platform/secret-box.ts';
import type { SecretBox } from '../../platform/secret-box.ts';

export const INFORMANT_KEY_FILE = 'informant.keys';
/** What an erased row's `sealed` holds (and its key id): nothing left to open. */
export const ERASED_MARKER = 'erased';

/** Everything that identifies an informant; all of it sealed together. */
export const InformantIdentitySchema = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  socialId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  fileName: z.string().nullable(),
});
export type InformantIdentity = z.infer<typeof InformantIdentitySchema>;

export const EMPTY_IDENTITY: InformantIdentity = { name: null, phone: null, email: null, socialId: null, ip: null, userAgent: null, fileName: null };

export class InformantKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InformantKeyError';
  }
}

export interface InformantKeyEnv {
  LOA_INFORMANT_KEY?: string | undefined;
  LOA_INFORMANT_KEY_ID?: string | undefined;
  LOA_INFORMANT_OLD_KEYS?: string | undefined;
  DATA_DIR?: string | undefined;
}

interface RingKey {
  id: string;
  box: SecretBox;
}

export interface InformantVault {
  /** Where the ring comes from (for the CLI's messages; never the keys). */
  readonly source: 'env' | 'file' | 'memory';
  /** The id of the newest key (what `seal` uses). */
  currentKeyId(): string;
  seal(identity: InformantIdentity): { keyId: string; sealed: string };
  /** Opens a sealed identity; throws InformantKeyError when its key is not in the ring or the value was altered. */
  open(keyId: string, sealed: string): InformantIdentity;
  /**
   * Makes a new newest key (file and memory rings; an environment ring cannot change itself: the operator sets the
   * new key) and returns its id. Rows are re-sealed by the caller, in its transaction.
   */
  addKey(): string;
  /** A key for the public form's signed time, derived (HMAC) from the newest key: shared by every instance. */
  formSecret(): string;
}

const KEY_ID = /^[A-Za-z0-9_.-]{1,40}$/;

/** "id:base64,id:base64" → keys; null with the problem when malformed (env.ts reports it). */
export function parseOldKeys(value: string): { id: string; key: Buffer }[] | string {
  const out: { id: string; key: Buffer }[] = [];
  for (const item of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = item.indexOf(':');
    const id = at > 0 ? item.slice(0, at) : '';
    const key = at > 0 ? decodeSecretKey(item.slice(at + 1)) : null;
    if (!KEY_ID.test(id) || !key) return `each item must be "id:base64 of ${SECRET_KEY_BYTES} bytes" (ids: letters, digits, . _ -)`;
    out.push({ id, key });
  }
  return out;
}

export const isKeyId = (s: string): boolean => KEY_ID.test(s);

function newKeyId(): string {
  return `k-${randomBytes(6).toString('hex')}`;
}

function readKeyFile(file: string): { id: string; key: Buffer }[] {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.map((l, n) => {
    let v: unknown;
    try {
      v = JSON.parse(l);
    } catch {
      throw new InformantKeyError(`${file}: line ${n + 1} is not JSON`);
    }
    const o = v as { id?: unknown; key?: unknown };
    const key = typeof o.key === 'string' ? decodeSecretKey(o.key) : null;
    if (typeof o.id !== 'string' || !KEY_ID.test(o.id) || !key) throw new InformantKeyError(`${file}: line ${n + 1} must be {"id", "key": base64 of ${SECRET_KEY_BYTES} bytes}`);
    return { id: o.id, key };
  });
}

function writeKeyFile(file: string, keys: readonly { id: string; key: Buffer }[], flag: 'wx' | 'w'): void {
  const text = keys.map((k) => JSON.stringify({ id: k.id, key: k.key.toString('base64') })).join('\n') + '\n';
  if (flag === 'wx') {
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  } else {
    // Replace atomically: a crash mid-write must not lose the ring.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text, { mode: 0o600 });
    renameSync(tmp, file);
  }
  chmodSync(file, 0o600);
}

/** The key file's ring, created with one fresh key (mode 0600) when missing. */
function loadKeyFile(dir: string): { id: string; key: Buffer }[] {
  const file = path.join(dir, INFORMANT_KEY_FILE);
  try {
    const keys = readKeyFile(file);
    if (keys.length === 0) throw new InformantKeyError(`${file} holds no key`);
    return keys;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dir, { recursive: true });
  const keys = [{ id: newKeyId(), key: randomBytes(SECRET_KEY_BYTES) }];
  try {
    writeKeyFile(file, keys, 'wx');
  } catch (e) {
    // Two processes starting at once: the other one's file wins.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file);
    throw e;
  }
  return keys;
}

/** The vault over the ring the environment names (see the file's header). */
export function createInformantVault(env: InformantKeyEnv): InformantVault {
  let source: InformantVault['source'];
  let raw: { id: string; key: Buffer }[];
  if (env.LOA_INFORMANT_KEY) {
    source = 'env';
    const key = decodeSecretKey(env.LOA_INFORMANT_KEY);
    if (!key) throw new InformantKeyError(`LOA_INFORMANT_KEY must be base64 of ${SECRET_KEY_BYTES} bytes`);
    const id = env.LOA_INFORMANT_KEY_ID ?? 'env';
    if (!KEY_ID.test(id)) throw new InformantKeyError('LOA_INFORMANT_KEY_ID: letters, digits, . _ - (at most 40)');
    const old = env.LOA_INFORMANT_OLD_KEYS ? parseOldKeys(env.LOA_INFORMANT_OLD_KEYS) : [];
    if (typeof old === 'string') throw new InformantKeyError(`LOA_INFORMANT_OLD_KEYS: ${old}`);
    raw = [{ id, key }, ...old.filter((k) => k.id !== id)];
  } else if (env.DATA_DIR) {
    source = 'file';
    raw = loadKeyFile(env.DATA_DIR);
  } else {
    source = 'memory';
    raw = [{ id: newKeyId(), key: randomBytes(SECRET_KEY_BYTES) }];
  }
  let ring: RingKey[] = raw.map((k) => ({ id: k.id, box: createSecretBox(k.key) }));
  let keys = raw;

  const boxOf = (id: string): SecretBox => {
    let k = ring.find((r) => r.id === id);
    if (!k && source === 'file') {
      // Another process (the CLI's rotate-key) may have added the key since this one read the file.
      keys = loadKeyFile(env.DATA_DIR!);
      ring = keys.map((r) => ({ id: r.id, box: createSecretBox(r.key) }));
      k = ring.find((r) => r.id === id);
    }
    if (!k) throw new InformantKeyError(`informant key "${id}" is not in the key ring`);
    return k.box;
  };

  return {
    source,
    currentKeyId: () => ring[0]!.id,
    seal(identity) {
      const current = ring[0]!;
      return { keyId: current.id, sealed: current.box.seal(JSON.stringify(InformantIdentitySchema.parse(identity))) };
    },
    open(keyId, sealed) {
      let text: string;
      try {
        text = boxOf(keyId).open(sealed);
      } catch (e) {
        if (e instanceof InformantKeyError) throw e;
        throw new InformantKeyError('sealed identity altered or sealed with another key');
      }
      return InformantIdentitySchema.parse(JSON.parse(text));
    },
    addKey() {
      if (source === 'env') throw new InformantKeyError('the key ring comes from LOA_INFORMANT_KEY: set the new key there (the old one in LOA_INFORMANT_OLD_KEYS), then re-seal');
      const fresh = { id: newKeyId(), key: randomBytes(SECRET_KEY_BYTES) };
      const next = [fresh, ...keys];
      if (source === 'file') writeKeyFile(path.join(env.DATA_DIR!, INFORMANT_KEY_FILE), next, 'w');
      keys = next;
      ring = next.map((k) => ({ id: k.id, box: createSecretBox(k.key) }));
      return fresh.id;
    },
    formSecret: () => createHmac('sha256', keys[0]!.key).update('loa rumor-form token v1').digest('base64url'),
  };
}
