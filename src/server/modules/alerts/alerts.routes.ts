import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Api } from '../../http/types.ts';
import type { PublicUrl } from '../../platform/public-url.ts';
import {
  AlertAreasQuerySchema,
  AlertAreasSchema,
  AlertIdempotencyHeadersSchema,
  AlertListQuerySchema,
  AlertListSchema,
  AlertOutSchema,
  AlertPreviewSchema,
  CreateAlertBodySchema,
  FollowUpBodySchema,
  UpdateAlertBodySchema,
} from '../../../shared/contracts/alerts.ts';
import type { PublicDocument, CapFeed } from './alerts.public.ts';
import type { AlertsService } from './alerts.service.ts';
import { ATOM_CONTENT_TYPE } from './atom.ts';
import { CAP_CONTENT_TYPE } from './cap-xml.ts';

const tags = { tags: ['alerts'] };
const Params = z.object({ id: z.uuid() });
const FollowUp = FollowUpBodySchema.nullish();

/** Thin routes: the schema validates (400 in Vietnamese), the service decides. */
export function registerAlertRoutes(app: Api, svc: AlertsService): void {
  app.get('/api/alerts', { schema: { ...tags, querystring: AlertListQuerySchema, response: { 200: AlertListSchema } } }, async (req) => ({
    items: await svc.listAlerts(req.actor, req.query),
    capabilities: svc.listCapabilities(req.actor),
  }));
  app.post('/api/alerts', { schema: { ...tags, body: CreateAlertBodySchema, response: { 201: AlertOutSchema } } }, async (req, reply) =>
    reply.code(201).send({ alert: await svc.createAlert(req.actor, req.body) }),
  );
  app.get('/api/alerts/areas', { schema: { ...tags, querystring: AlertAreasQuerySchema, response: { 200: AlertAreasSchema } } }, async (req) => ({
    items: await svc.areaChoices(req.actor, req.query.unitId),
  }));
  app.get('/api/alerts/:id', { schema: { ...tags, params: Params, response: { 200: AlertOutSchema } } }, async (req) => ({ alert: await svc.getAlert(req.actor, req.params.id) }));
  app.patch('/api/alerts/:id', { schema: { ...tags, params: Params, body: UpdateAlertBodySchema, response: { 200: AlertOutSchema } } }, async (req) => ({
    alert: await svc.updateAlert(req.actor, req.params.id, req.body),
  }));
  app.get('/api/alerts/:id/preview.xml', { schema: { ...tags, params: Params, response: { 200: AlertPreviewSchema } } }, async (req) => svc.previewAlert(req.actor, req.params.id));
  app.post('/api/alerts/:id/submit', { schema: { ...tags, params: Params, response: { 200: AlertOutSchema } } }, async (req) => ({
    alert: await svc.submitAlert(req.actor, req.params.id),
  }));
  // Publishing signs and makes it public; a retry with the same Idempotency-Key gets the same answer.
  app.post('/api/alerts/:id/publish', { schema: { ...tags, params: Params, headers: AlertIdempotencyHeadersSchema, response: { 200: AlertOutSchema } } }, async (req) => ({
    alert: await svc.publishAlert(req.actor, req.params.id, req.headers['idempotency-key']),
  }));
  app.post('/api/alerts/:id/update', { schema: { ...tags, params: Params, body: FollowUp, response: { 201: AlertOutSchema } } }, async (req, reply) =>
    reply.code(201).send({ alert: await svc.updatePublished(req.actor, req.params.id, req.body?.note ?? null) }),
  );
  app.post('/api/alerts/:id/cancel', { schema: { ...tags, params: Params, body: FollowUp, response: { 201: AlertOutSchema } } }, async (req, reply) =>
    reply.code(201).send({ alert: await svc.cancelPublished(req.actor, req.params.id, req.body?.note ?? null) }),
  );
}

function sendDocument(req: FastifyRequest, reply: FastifyReply, doc: PublicDocument, type: string) {
  // Public, read only and without cookies: aggregators' web apps may read them from any origin.
  reply
    .header('etag', doc.etag)
    .header('cache-control', 'public, max-age=60, stale-while-revalidate=300')
    .header('x-content-type-options', 'nosniff')
    .header('access-control-allow-origin', '*');
  if (doc.lastModified) reply.header('last-modified', doc.lastModified.toUTCString());
  if (req.headers['if-none-match'] === doc.etag) return reply.code(304).send();
  return reply.type(type).send(doc.body);
}

/** Public, no session: /cap/atom.xml and /cap/<identifier>.xml (the document as published, byte for byte). */
export function registerCapRoutes(app: Api, feed: CapFeed, publicUrl: PublicUrl): void {
  const pub = { config: { public: true }, schema: { tags: ['cap'] } };
  app.get('/cap/atom.xml', pub, async (req, reply) => sendDocument(req, reply, await feed.atomFeed(publicUrl.forRequest(req)), ATOM_CONTENT_TYPE));
  app.get('/cap/:file', { ...pub, schema: { ...pub.schema, params: z.object({ file: z.string().max(300) }) } }, async (req, reply) =>
    sendDocument(req, reply, await feed.capDocument(req.params.file), CAP_CONTENT_TYPE),
  );
}
