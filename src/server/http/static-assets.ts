import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { markRoutesPublic } from './session.ts';
import type { Api } from './types.ts';

const ICONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/icons');
/** Hashed file names change with their content: a browser may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
const ICON_CACHE = 'public, max-age=86400';

/** The site icon, for browsers that ask for /favicon.ico and for pages that link the SVG. */
export function registerIcons(app: Api): void {
  const ico = readFileSync(path.join(ICONS, 'favicon.ico'));
  const svg = readFileSync(path.join(ICONS, 'favicon.svg'));
  app.register(async (icons) => {
    markRoutesPublic(icons);
    icons.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) => reply.type('image/x-icon').header('cache-control', ICON_CACHE).send(ico));
    icons.get('/favicon.svg', { schema: { hide: true } }, async (_req, reply) => reply.type('image/svg+xml').header('cache-control', ICON_CACHE).send(svg));
  });
}

/**
 * The built admin UI (dist/web) under /admin/. The build step writes .br and .gz beside every text
 * file, sent to browsers that accept them; hashed files under assets/ are immutable, index.html is
 * revalidated on every load so a new release is picked up at once.
 */
export async function registerAdminUi(app: Api, root: string): Promise<void> {
  // The admin UI's files are public (it signs in through /api); every /api route still checks the session.
  await app.register(async (admin) => {
    markRoutesPublic(admin);
    await admin.register(fastifyStatic, {
      root,
      prefix: '/admin/',
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply, file) {
        const inAssets = path.relative(root, file).split(path.sep)[0] === 'assets';
        void reply.header('cache-control', inAssets ? IMMUTABLE : 'no-cache');
      },
    });
    admin.get('/admin', async (_req, reply) => reply.redirect('/admin/'));
  });
}
