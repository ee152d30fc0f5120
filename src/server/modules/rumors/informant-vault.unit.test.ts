import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_IDENTITY, INFORMANT_KEY_FILE, InformantKeyError, createInformantVault, parseOldKeys } from './informant-vault.ts';

const who = { ...EMPTY_IDENTITY, name: 'Lò Thị Bảo Mật', phone: '0912345678', ip: '203.0.113.77' };

describe('informant vault: the key ring outside the database', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'loa-vault-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('seals one value that holds nothing readable; each seal differs; it opens back', () => {
    const v = createInformantVault({});
    expect(v.source).toBe('memory');
    const a = v.seal(who);
    const b = v.seal(who);
    expect(a.sealed).not.toBe(b.sealed);
    expect(a.sealed).not.toContain('0912345678');
    expect(Buffer.from(a.sealed.split(':')[3]!, 'base64').toString('latin1')).not.toContain('912345678');
    expect(v.open(a.keyId, a.sealed)).toEqual(who);
    const tampered = a.sealed.slice(0, -4) + (a.sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => v.open(a.keyId, tampered)).toThrow(InformantKeyError);
    expect(() => v.open('unknown', a.sealed)).toThrow(InformantKeyError);
  });

  it('DATA_DIR/informant.keys: created 0600 on first use, shared by the next process, rotated by adding a newest key', () => {
    const dir = tmp();
    const v1 = createInformantVault({ DATA_DIR: dir });
    expect(v1.source).toBe('file');
    const file = path.join(dir, INFORMANT_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const old = v1.seal(who);
    const v2 = createInformantVault({ DATA_DIR: dir });
    expect(v2.currentKeyId()).toBe(v1.currentKeyId());
    expect(v2.open(old.keyId, old.sealed)).toEqual(who);

    const fresh = v1.addKey();
    expect(fresh).not.toBe(old.keyId);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([fresh, old.keyId]); // newest first
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const sealedNew = v1.seal(who);
    expect(sealedNew.keyId).toBe(fresh);
    // The other process learns the new key from the file when it meets it.
    expect(v2.open(sealedNew.keyId, sealedNew.sealed)).toEqual(who);
    expect(v2.open(old.keyId, old.sealed)).toEqual(who);
    // The form secret is the same for every process sharing the ring.
    expect(createInformantVault({ DATA_DIR: dir }).formSecret()).toBe(v1.formSecret());
  });

  it('LOA_INFORMANT_KEY with its id and the old keys still needed; the environment ring cannot add a key itself', () => {
    const k1 = randomBytes(32).toString('base64');
    const k2 = randomBytes(32).toString('base64');
    const before = createInformantVault({ LOA_INFORMANT_KEY: k1, LOA_INFORMANT_KEY_ID: 'k2026a', DATA_DIR: tmp() });
    expect(before.source).toBe('env');
    const s = before.seal(who);
    expect(s.keyId).toBe('k2026a');
    const after = createInformantVault({ LOA_INFORMANT_KEY: k2, LOA_INFORMANT_KEY_ID: 'k2026b', LOA_INFORMANT_OLD_KEYS: `k2026a:${k1}` });
    expect(after.currentKeyId()).toBe('k2026b');
    expect(after.open(s.keyId, s.sealed)).toEqual(who);
    expect(() => after.addKey()).toThrow(/LOA_INFORMANT_KEY/);
    expect(() => createInformantVault({ LOA_INFORMANT_KEY: 'short' })).toThrow(InformantKeyError);
    expect(parseOldKeys(`a:${k1}, b:${k2}`)).toHaveLength(2);
    expect(typeof parseOldKeys('no-colon')).toBe('string');
    expect(typeof parseOldKeys(`bad id:${k1}`)).toBe('string');
  });
});
