import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import {
  ChoicesOutSchema,
  EmergencyListOutSchema,
  EmergencyOutSchema,
  IdempotencyHeadersSchema,
  LaunchBodySchema,
  ReachBodySchema,
  ReachOutSchema,
} from '../../../shared/contracts/emergency.ts';
import type { EmergencyService } from './emergency.service.ts';

const tags = { tags: ['emergency'] };
const Params = z.object({ id: z.uuid() });

/** Thin routes: the schema validates (400 in Vietnamese), the service decides. */
export function registerEmergencyRoutes(app: Api, svc: EmergencyService): void {
  app.get('/api/emergency/choices', { schema: { ...tags, response: { 200: ChoicesOutSchema } } }, async (req) => svc.choices(req.actor));
  app.post('/api/emergency/reach', { schema: { ...tags, body: ReachBodySchema, response: { 200: ReachOutSchema } } }, async (req) =>
    svc.reach(req.actor, req.body.unitId, req.body.areaUnitIds),
  );
  app.get('/api/emergency', { schema: { ...tags, response: { 200: EmergencyListOutSchema } } }, async (req) => ({ items: await svc.listEmergencies(req.actor) }));
  // The launch fans out to every chosen channel in one transaction; a retry with the same Idempotency-Key gets the same message.
  app.post('/api/emergency', { schema: { ...tags, body: LaunchBodySchema, headers: IdempotencyHeadersSchema, response: { 201: EmergencyOutSchema } } }, async (req, reply) =>
    reply.code(201).send({ emergency: await svc.launch(req.actor, req.body, req.headers['idempotency-key'] ?? req.body.idempotencyKey) }),
  );
  app.get('/api/emergency/:id', { schema: { ...tags, params: Params, response: { 200: EmergencyOutSchema } } }, async (req) => ({
    emergency: await svc.getEmergency(req.actor, req.params.id),
  }));
  app.post('/api/emergency/:id/end-banner', { schema: { ...tags, params: Params, response: { 200: EmergencyOutSchema } } }, async (req) => ({
    emergency: await svc.endBanner(req.actor, req.params.id),
  }));
}
