import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { GEO_FILES, GeoFeatureCollection, communesFileOf, geoUrl } from '../../shared/contracts/geo.ts';
import { readGeoFile } from '../platform/geo.ts';

describe('/geo: the boundary files, public, compressed, cached by ETag', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext('pglite');
  });
  afterAll(() => t?.close());

  const url = geoUrl(communesFileOf('38') ?? '');

  it('sends the largest file compressed to a browser that accepts it, without a session, and the same bytes plain', async () => {
    const original = readGeoFile('communes-2026-38.geojson');
    const br = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toMatch(/^public, max-age=86400/);
    // A slow line gets well under a quarter of the bytes.
    expect(br.rawPayload.length).toBeLessThan(original.length / 4);
    expect(brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);

    const gz = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, br;q=0' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(original)).toBe(true);

    const plain = await t.app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
    const communes = GeoFeatureCollection.parse(plain.json());
    expect(communes.features).toHaveLength(166);
    expect(communes.features.every((f) => f.properties.provinceCode === '38' && /^\d{5}$/.test(f.properties.code))).toBe(true);
  });

  it('answers 304 to a revalidation with the ETag, weak or in a list, and 200 to another tag', async () => {
    const first = await t.app.inject({ url, headers: { 'accept-encoding': 'br' } });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await t.app.inject({ url, headers: { 'accept-encoding': 'br', 'if-none-match': tag } });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
    }
    expect((await t.app.inject({ url, headers: { 'if-none-match': '"stale"' } })).statusCode).toBe(200);
  });

  it('serves exactly the listed files: every one parses, anything else is a 404', async () => {
    for (const file of GEO_FILES) {
      const res = await t.app.inject({ url: geoUrl(file), headers: { 'accept-encoding': 'gzip' } });
      expect(res.statusCode).toBe(200);
      expect(GeoFeatureCollection.safeParse(JSON.parse(gunzipSync(res.rawPayload).toString('utf8'))).success).toBe(true);
    }
    for (const bad of ['README.md', 'LICENSE', '..%2Fvn-units%2FLICENSE', 'communes-2026-01.geojson', '%2e%2e%2fpackage.json']) {
      expect((await t.app.inject({ url: `/geo/${bad}` })).statusCode).toBe(404);
    }
  });
});
