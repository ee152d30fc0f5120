import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { WEB_HASH_FILE, webSourcesHash } from '../../../scripts/web-sources-hash.mjs';
import { ADMIN_DIST } from './app.ts';

describe('static files: site icon and the precompressed admin UI', () => {
  let t: TestContext;
  let script: string;
  beforeAll(async () => {
    t = await createTestContext('pglite', { app: { serveAdmin: true } });
    const js = readdirSync(path.join(ADMIN_DIST, 'assets')).filter((f) => f.endsWith('.js'));
    // The biggest script: the one that matters most on a slow line.
    script = js.sort((a, b) => readFileSync(path.join(ADMIN_DIST, 'assets', b)).length - readFileSync(path.join(ADMIN_DIST, 'assets', a)).length)[0] ?? '';
  });
  afterAll(() => t?.close());

  it('serves /favicon.ico as a real icon (not a JSON 404) and the SVG icon', async () => {
    const ico = await t.app.inject({ url: '/favicon.ico' });
    expect(ico.statusCode).toBe(200);
    expect(ico.headers['content-type']).toBe('image/x-icon');
    expect([...ico.rawPayload.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // ICONDIR: reserved 0, type 1 (icon)
    const svg = await t.app.inject({ url: '/favicon.svg' });
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body).toMatch(/^<svg /);
  });

  it('the portal pages and the admin index link the icon', async () => {
    expect((await t.app.inject({ url: '/' })).body).toMatch(/<link rel="icon" href="\/favicon\.svg" type="image\/svg\+xml">/);
    const admin = await t.app.inject({ url: '/admin/', headers: { 'accept-encoding': 'identity' } });
    expect(admin.body).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
  });

  it('sends brotli or gzip bytes to a browser that accepts them, with immutable caching for hashed files', async () => {
    const original = readFileSync(path.join(ADMIN_DIST, 'assets', script));
    expect(original.length).toBeGreaterThan(10_000);
    const br = await t.app.inject({ url: `/admin/assets/${script}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);

    const gz = await t.app.inject({ url: `/admin/assets/${script}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(original)).toBe(true);

    const plain = await t.app.inject({ url: `/admin/assets/${script}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
  });

  it('revalidates index.html on every load (a new release is seen at once), compressed too', async () => {
    for (const url of ['/admin/', '/admin/index.html']) {
      const res = await t.app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString()).toContain('<div id="root">');
    }
  });

  it('the build step can tell a stale admin build: the sources hash changes with any web source, the Vite config or the lock', () => {
    const tree = mkdtempSync(path.join(tmpdir(), 'loa-web-'));
    mkdirSync(path.join(tree, 'src/web/features'), { recursive: true });
    writeFileSync(path.join(tree, 'src/web/features/a.tsx'), 'export const a = 1;');
    writeFileSync(path.join(tree, 'vite.config.ts'), 'export default {};');
    writeFileSync(path.join(tree, 'package-lock.json'), '{}');
    const first = webSourcesHash(tree);
    expect(webSourcesHash(tree)).toBe(first);
    const changes: [string, string][] = [
      ['src/web/features/a.tsx', 'export const a = 2;'],
      ['src/web/features/b.css', '.b{}'],
      ['vite.config.ts', 'export default { base: "/" };'],
      ['package-lock.json', '{"lockfileVersion":3}'],
    ];
    const seen = new Set([first]);
    for (const [file, text] of changes) {
      writeFileSync(path.join(tree, file), text);
      const h = webSourcesHash(tree);
      expect(seen.has(h)).toBe(false);
      seen.add(h);
    }
    expect(WEB_HASH_FILE).toBe('.sources-hash');
    // The build step records the hash it built from next to the build.
    expect(readFileSync(path.join(ADMIN_DIST, WEB_HASH_FILE), 'utf8')).toMatch(/^[0-9a-f]{16}\n$/);
  });
});
