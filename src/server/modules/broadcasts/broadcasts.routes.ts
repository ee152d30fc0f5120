import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import {
  AudiencePreviewSchema,
  BroadcastListQuerySchema,
  BroadcastListSchema,
  BroadcastRoutesOutSchema,
  BroadcastViewSchema,
  CreateBroadcastBodySchema,
  DeliveriesQuerySchema,
  DeliveryListSchema,
  RecordTelcoResultBodySchema,
  TelcoResultHeadersSchema,
  TelcoResultOutSchema,
  UpdateBroadcastBodySchema,
} from '../../../shared/contracts/broadcasts.ts';
import type { BroadcastsService } from './broadcasts.service.ts';
import { resultsXlsx } from './results-export.ts';

const tags = { tags: ['broadcasts'] };
const Params = z.object({ id: z.uuid() });
const Out = z.object({ broadcast: BroadcastViewSchema });

/** Thin routes: the schema validates (400 in Vietnamese), the service decides. */
export function registerBroadcastRoutes(app: Api, svc: BroadcastsService): void {
  app.get('/api/broadcasts', { schema: { ...tags, querystring: BroadcastListQuerySchema, response: { 200: BroadcastListSchema } } }, async (req) => ({
    items: await svc.listBroadcasts(req.actor, req.query),
    capabilities: svc.listCapabilities(req.actor),
  }));
  // A new draft replacing this broadcast (it ends when the new one is approved).
  app.post('/api/broadcasts/:id/supersede', { schema: { ...tags, params: Params, response: { 201: Out } } }, async (req, reply) =>
    reply.code(201).send({ broadcast: await svc.supersedeBroadcast(req.actor, req.params.id) }),
  );
  app.post('/api/broadcasts', { schema: { ...tags, body: CreateBroadcastBodySchema, response: { 201: Out } } }, async (req, reply) =>
    reply.code(201).send({ broadcast: await svc.createBroadcast(req.actor, req.body) }),
  );
  app.get('/api/broadcasts/:id', { schema: { ...tags, params: Params, response: { 200: Out } } }, async (req) => ({
    broadcast: await svc.getBroadcast(req.actor, req.params.id),
  }));
  app.patch('/api/broadcasts/:id', { schema: { ...tags, params: Params, body: UpdateBroadcastBodySchema, response: { 200: Out } } }, async (req) => ({
    broadcast: await svc.updateBroadcast(req.actor, req.params.id, req.body),
  }));
  const steps = {
    submit: svc.submitBroadcast,
    approve: svc.approveBroadcast,
    'emergency-approve': svc.emergencyApproveBroadcast,
    cancel: svc.cancelBroadcast,
    finish: svc.finishBroadcast,
  } as const;
  for (const [step, run] of Object.entries(steps)) {
    app.post(`/api/broadcasts/:id/${step}`, { schema: { ...tags, params: Params, response: { 200: Out } } }, async (req) => ({
      broadcast: await run(req.actor, req.params.id),
    }));
  }
  app.get('/api/broadcasts/routes', { schema: { ...tags, response: { 200: BroadcastRoutesOutSchema } } }, async () => svc.routes());
  // A telco's reply to a telco request ("đã nhắn N thuê bao"); a retry with the same Idempotency-Key records it once.
  app.post(
    '/api/broadcasts/:id/telco-results',
    {
      schema: { ...tags, params: Params, headers: TelcoResultHeadersSchema, body: RecordTelcoResultBodySchema, response: { 200: TelcoResultOutSchema, 201: TelcoResultOutSchema } },
    },
    async (req, reply) => {
      const out = await svc.recordTelcoResult(req.actor, req.params.id, req.body, req.headers['idempotency-key']);
      return reply.code(out.replayed ? 200 : 201).send(out);
    },
  );
  app.get('/api/broadcasts/:id/preview-audience', { schema: { ...tags, params: Params, response: { 200: AudiencePreviewSchema } } }, async (req) =>
    svc.previewAudience(req.actor, req.params.id),
  );
  app.get('/api/broadcasts/:id/deliveries', { schema: { ...tags, params: Params, querystring: DeliveriesQuerySchema, response: { 200: DeliveryListSchema } } }, async (req) => ({
    items: await svc.listDeliveries(req.actor, req.params.id, req.query),
  }));
  app.get('/api/broadcasts/:id/results.xlsx', { schema: { ...tags, params: Params } }, async (req, reply) => {
    const b = await svc.getBroadcast(req.actor, req.params.id);
    const rows = await svc.listDeliveries(req.actor, req.params.id, { limit: 1_000_000 });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="ket-qua-${b.id}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(await resultsXlsx(b, rows));
  });
}
