import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCb } from 'node:zlib';
import { GEO_FILES } from '../../shared/contracts/geo.ts';
import { AppError } from '../platform/errors.ts';
import { GEO_DIR, readGeoFile } from '../platform/geo.ts';
import { notModified } from '../site/cache.ts';
import { markRoutesPublic } from './session.ts';
import type { Api } from './types.ts';

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCb);

/** A day, then a revalidation by ETag (a 304 costs a few bytes on a slow line). */
export const GEO_CACHE = 'public, max-age=86400, stale-while-revalidate=604800';

interface GeoAsset {
  etag: string;
  lastModified: Date;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

async function load(file: string): Promise<GeoAsset> {
  const identity = readGeoFile(file);
  // Whole seconds, as the header carries them (an If-Modified-Since of the sent value must match).
  const lastModified = new Date(Math.floor(statSync(path.join(GEO_DIR, file)).mtimeMs / 1000) * 1000);
  const [br, gz] = await Promise.all([
    brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    gzip(identity, { level: 9 }),
  ]);
  return { etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`, lastModified, identity, br, gzip: gz };
}

/** Brotli, then gzip, when the client accepts it (q=0 refuses); otherwise the plain bytes. */
function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)))
      .map(([name]) => name),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

/**
 * The boundary files of assets/geo/ at /geo/<file>, public (the admin maps load them before any data):
 * compressed once on first request and kept in memory (the largest, 700 KB, is about 130 KB in brotli).
 */
export function registerGeoAssets(app: Api): void {
  const cache = new Map<string, Promise<GeoAsset>>();
  app.register(async (geo) => {
    markRoutesPublic(geo);
    geo.get('/geo/:file', { schema: { hide: true } }, async (req, reply) => {
      const { file } = req.params as { file: string };
      if (!GEO_FILES.includes(file)) throw new AppError('NOT_FOUND');
      let pending = cache.get(file);
      if (!pending) {
        pending = load(file);
        cache.set(file, pending);
        pending.catch(() => cache.delete(file)); // a failed read is tried again by the next request
      }
      const asset = await pending;
      void reply.header('cache-control', GEO_CACHE).header('etag', asset.etag).header('last-modified', asset.lastModified.toUTCString()).header('vary', 'accept-encoding');
      if (notModified(asset, req.headers)) return reply.code(304).send();
      const encoding = pickEncoding(req.headers['accept-encoding']);
      if (encoding) void reply.header('content-encoding', encoding);
      return reply.type('application/geo+json').send(encoding ? asset[encoding] : asset.identity);
    });
  });
}
