import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import {
  BULLETIN_LIMITS,
  BulletinListQuerySchema,
  BulletinListSchema,
  BulletinOutSchema,
  CancelBulletinBodySchema,
  CoverageSchema,
  CreateBulletinBodySchema,
  IdempotencyHeadersSchema,
  TtsPreviewBodySchema,
  TtsPreviewOutSchema,
  UpdateBulletinBodySchema,
  UploadAudioBodySchema,
} from '../../../shared/contracts/bulletins.ts';
import type { BulletinReads } from './bulletins.reads.ts';
import type { BulletinsService } from './bulletins.service.ts';

const tags = { tags: ['bulletins'] };
const Params = z.object({ id: z.uuid() });

/** Thin routes: the schema validates (400 in Vietnamese), the service decides. */
export function registerBulletinRoutes(app: Api, svc: BulletinsService, reads: BulletinReads): void {
  app.get('/api/bulletins', { schema: { ...tags, querystring: BulletinListQuerySchema, response: { 200: BulletinListSchema } } }, async (req) => ({
    items: await svc.listBulletins(req.actor, req.query),
    capabilities: svc.listCapabilities(req.actor),
  }));
  app.post('/api/bulletins', { schema: { ...tags, body: CreateBulletinBodySchema, response: { 201: BulletinOutSchema } } }, async (req, reply) =>
    reply.code(201).send({ bulletin: await svc.createBulletin(req.actor, req.body) }),
  );
  app.post('/api/bulletins/tts-preview', { schema: { ...tags, body: TtsPreviewBodySchema, response: { 200: TtsPreviewOutSchema } } }, async (req) =>
    reads.ttsPreview(req.actor, req.body.text),
  );
  app.get('/api/bulletins/:id', { schema: { ...tags, params: Params, response: { 200: BulletinOutSchema } } }, async (req) => ({
    bulletin: await svc.getBulletin(req.actor, req.params.id),
  }));
  app.patch('/api/bulletins/:id', { schema: { ...tags, params: Params, body: UpdateBulletinBodySchema, response: { 200: BulletinOutSchema } } }, async (req) => ({
    bulletin: await svc.updateBulletin(req.actor, req.params.id, req.body),
  }));
  app.post(
    '/api/bulletins/:id/audio',
    {
      bodyLimit: Math.ceil(BULLETIN_LIMITS.audioBytes / 3) * 4 + 64 * 1024,
      schema: { ...tags, params: Params, body: UploadAudioBodySchema, response: { 200: BulletinOutSchema } },
    },
    async (req) => ({ bulletin: await svc.uploadAudio(req.actor, req.params.id, req.body) }),
  );
  app.get('/api/bulletins/:id/audio', { schema: { ...tags, params: Params } }, async (req, reply) => {
    const f = await svc.openAudio(req.actor, req.params.id);
    return reply
      .type(f.contentType)
      .header('content-length', f.size)
      .header('etag', f.etag)
      .header('cache-control', 'private, no-cache')
      .header('x-content-type-options', 'nosniff')
      .send(f.stream);
  });
  app.post('/api/bulletins/:id/submit', { schema: { ...tags, params: Params, response: { 200: BulletinOutSchema } } }, async (req) => ({
    bulletin: await svc.submitBulletin(req.actor, req.params.id),
  }));
  // Approval publishes; a retry with the same Idempotency-Key gets the same answer (nothing sent twice).
  app.post('/api/bulletins/:id/approve', { schema: { ...tags, params: Params, headers: IdempotencyHeadersSchema, response: { 200: BulletinOutSchema } } }, async (req) => ({
    bulletin: await svc.approveBulletin(req.actor, req.params.id, req.headers['idempotency-key']),
  }));
  app.post(
    '/api/bulletins/:id/emergency-publish',
    { schema: { ...tags, params: Params, headers: IdempotencyHeadersSchema, response: { 200: BulletinOutSchema } } },
    async (req) => ({ bulletin: await svc.emergencyPublishBulletin(req.actor, req.params.id, req.headers['idempotency-key']) }),
  );
  app.post('/api/bulletins/:id/cancel', { schema: { ...tags, params: Params, body: CancelBulletinBodySchema, response: { 200: BulletinOutSchema } } }, async (req) => ({
    bulletin: await svc.cancelBulletin(req.actor, req.params.id, req.body.reason ?? null),
  }));
  app.get('/api/bulletins/:id/coverage', { schema: { ...tags, params: Params, response: { 200: CoverageSchema } } }, async (req) => reads.coverage(req.actor, req.params.id));
}

/** Devices download a bulletin's audio here (bearer device token; only a device it was sent to). */
export function registerDeviceMediaRoute(app: Api, reads: BulletinReads): void {
  const Media = z.object({ bulletinId: z.uuid() });
  app.get('/device/v1/media/:bulletinId', { config: { public: true }, schema: { tags: ['device protocol v1'], params: Media } }, async (req, reply) => {
    const f = await reads.deviceMedia(req.headers.authorization, req.params.bulletinId);
    reply.header('etag', f.etag).header('cache-control', 'private, max-age=86400, immutable');
    if (req.headers['if-none-match'] === f.etag) {
      f.stream.destroy();
      return reply.code(304).send();
    }
    return reply.type(f.contentType).header('content-length', f.size).send(f.stream);
  });
}
