import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import type { Api } from './types.ts';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Container } from '../container.ts';
import { registerSiteRoutes } from '../site/site.routes.ts';
import { frameworkError, installErrorHandler } from './error-handler.ts';
import { installInputGuard } from './input-guard.ts';
import { inlineScriptHashes, installSecurityHeaders } from './security-headers.ts';
import { installSession } from './session.ts';
import { registerGeoAssets } from './geo-assets.ts';
import { registerAdminUi, registerIcons } from './static-assets.ts';

// Field problems zod describes itself (a bad UUID, a too-long text) read in Vietnamese, the product's
// language, inside the catalogue's message; schemas with their own messages keep them.
z.config(z.locales.vi());

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const ADMIN_DIST = path.join(ROOT, 'dist', 'web');

export interface AppOptions {
  /** Serve the built admin UI from dist/web when present. */
  serveAdmin?: boolean;
  secureCookies?: boolean;
  /** Structured request logs (off in tests). */
  logger?: boolean;
  /** Fastify trustProxy: false (default), or comma-separated addresses/CIDRs of the proxies. */
  trustProxy?: false | string;
}

/** Builds the HTTP app: API, OpenAPI document, admin UI and public site. */
export async function buildApp(c: Container, opts: AppOptions = {}): Promise<Api> {
  const app = Fastify({
    loggerInstance: opts.logger ? (c.logger as FastifyBaseLogger) : undefined,
    // Behind a reverse proxy set TRUST_PROXY (its addresses/CIDRs); never trust X-Forwarded-For from anyone.
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: frameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Loa API', version: VERSION, description: 'Loa: directives, reports, portal and channels for public-information authorities.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'loa_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  const adminIndex = path.join(ADMIN_DIST, 'index.html');
  const serveAdmin = Boolean(opts.serveAdmin) && existsSync(adminIndex);
  installSecurityHeaders(app, { publicUrl: c.publicUrl, adminScriptHashes: serveAdmin ? inlineScriptHashes(readFileSync(adminIndex, 'utf8')) : [] });
  installInputGuard(app);
  installSession(app, c.services.users);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string(), migrations: z.array(z.string()) }) },
      },
    },
    async () => ({ status: 'ok' as const, database: c.database.kind, version: VERSION, migrations: await c.database.appliedMigrations() }),
  );

  const secureCookies = opts.secureCookies ?? (c.env.PUBLIC_URL ?? '').startsWith('https://');
  const routeCtx = { services: c.services, clock: c.clock, publicUrl: c.publicUrl, env: c.env, secureCookies };
  for (const m of c.modules) await m.routes?.(app, routeCtx);
  await registerSiteRoutes(app, {
    settings: c.services.settings,
    publishing: c.services.publishing,
    directives: c.services.directives,
    ...(c.services.emergency ? { emergency: c.services.emergency } : {}),
    ...(c.services.rumorIntake ? { rumors: c.services.rumorIntake } : {}),
    clock: c.clock,
    publicUrl: c.publicUrl,
  });

  registerIcons(app);
  registerGeoAssets(app);
  if (serveAdmin) await registerAdminUi(app, ADMIN_DIST);
  return app;
}
