import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretBoxError, createSecretBox, decodeSecretKey, loadSecretKey, mask } from './secret-box.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('secret box', () => {
  const box = createSecretBox(randomBytes(32));

  it('round-trips, with a new IV each time', () => {
    const token = 'EAAG-page-token-Trang thông tin xã 🙂';
    const a = box.seal(token);
    const b = box.seal(token);
    expect(a).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('EAAG');
    expect(box.open(a)).toBe(token);
    expect(box.open(b)).toBe(token);
    expect(box.open(box.seal(''))).toBe('');
  });

  it('refuses a tampered value', () => {
    const sealed = box.seal('secret-value');
    const [v, iv, tag, ct] = sealed.split(':') as [string, string, string, string];
    const flipped = Buffer.from(ct, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([v, iv, tag, flipped.toString('base64')].join(':'))).toThrow(SecretBoxError);
    const badTag = Buffer.from(tag, 'base64');
    badTag[3] = badTag[3]! ^ 0x80;
    expect(() => box.open([v, iv, badTag.toString('base64'), ct].join(':'))).toThrow(SecretBoxError);
    expect(() => box.open('v2:a:b:c')).toThrow(SecretBoxError);
    expect(() => box.open('plain token')).toThrow(SecretBoxError);
  });

  it('refuses a value sealed with another key', () => {
    const other = createSecretBox(randomBytes(32));
    expect(() => other.open(box.seal('secret-value'))).toThrow(/another key/);
  });

  it('needs a 32-byte key', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(SecretBoxError);
    expect(decodeSecretKey(randomBytes(32).toString('base64'))).toHaveLength(32);
    expect(decodeSecretKey(randomBytes(31).toString('base64'))).toBeNull();
    expect(decodeSecretKey('not base64!')).toBeNull();
  });

  it('loads LOA_SECRET_KEY, or creates DATA_DIR/secret.key 0600 once and reuses it', () => {
    const key = randomBytes(32);
    expect(loadSecretKey({ LOA_SECRET_KEY: key.toString('base64') }).equals(key)).toBe(true);
    expect(() => loadSecretKey({ LOA_SECRET_KEY: 'c2hvcnQ=' })).toThrow(SecretBoxError);
    const dir = mkdtempSync(path.join(tmpdir(), 'loa-secret-'));
    dirs.push(dir);
    const dataDir = path.join(dir, 'data');
    const first = loadSecretKey({ DATA_DIR: dataDir });
    const file = path.join(dataDir, 'secret.key');
    expect(readFileSync(file).equals(first)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ DATA_DIR: dataDir }).equals(first)).toBe(true);
  });

  it('masks a secret: first 4 … last 4, or bullets when short', () => {
    expect(mask('EAAGabcdefghijklmnop1234')).toBe('EAAG…1234');
    expect(mask('short')).toBe('••••');
    expect(mask('')).toBe('••••');
  });
});
