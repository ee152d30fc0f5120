import type { Api } from '../../http/types.ts';
import {
  OneProgrammeOut,
  OneQueueItemOut,
  PlaceBody,
  ProgrammeBody,
  ProgrammeParams,
  ProgrammesOut,
  ProvinceProgrammesQuery,
  QueueItemParams,
  QueueOut,
  UnitIdParams,
  UpdateProgrammeBody,
} from '../../../shared/contracts/programmes.ts';
import type { ProgrammesService } from './programmes.service.ts';

const tags = { tags: ['programmes'] };

/** A commune's broadcast programmes and bulletin queue (Lịch phát sóng), and the province view. */
export function registerProgrammeRoutes(app: Api, svc: ProgrammesService): void {
  app.get('/api/programmes', { schema: { ...tags, querystring: ProvinceProgrammesQuery, response: { 200: ProgrammesOut } } }, async (req) =>
    svc.listProgrammes(req.actor, req.query.unitId, { subtree: req.query.subtree === '1' }),
  );
  app.get('/api/units/:unitId/programmes', { schema: { ...tags, params: UnitIdParams, response: { 200: ProgrammesOut } } }, async (req) =>
    svc.listProgrammes(req.actor, req.params.unitId, { subtree: false }),
  );
  app.post('/api/units/:unitId/programmes', { schema: { ...tags, params: UnitIdParams, body: ProgrammeBody, response: { 201: OneProgrammeOut } } }, async (req, reply) =>
    reply.code(201).send({ programme: await svc.createProgramme(req.actor, req.params.unitId, req.body) }),
  );
  app.put(
    '/api/units/:unitId/programmes/:programmeId',
    { schema: { ...tags, params: ProgrammeParams, body: UpdateProgrammeBody, response: { 200: OneProgrammeOut } } },
    async (req) => ({
      programme: await svc.updateProgramme(req.actor, req.params.unitId, req.params.programmeId, req.body),
    }),
  );
  app.delete('/api/units/:unitId/programmes/:programmeId', { schema: { ...tags, params: ProgrammeParams } }, async (req, reply) => {
    await svc.deleteProgramme(req.actor, req.params.unitId, req.params.programmeId);
    return reply.status(204).send();
  });
  app.get('/api/units/:unitId/bulletin-queue', { schema: { ...tags, params: UnitIdParams, response: { 200: QueueOut } } }, async (req) =>
    svc.listQueue(req.actor, req.params.unitId),
  );
  app.post(
    '/api/units/:unitId/bulletin-queue/:bulletinId/place',
    { schema: { ...tags, params: QueueItemParams, body: PlaceBody, response: { 200: OneQueueItemOut } } },
    async (req) => ({
      item: await svc.placeQueued(req.actor, req.params.unitId, req.params.bulletinId, req.body.programmeId),
    }),
  );
  app.post('/api/units/:unitId/bulletin-queue/:bulletinId/dismiss', { schema: { ...tags, params: QueueItemParams, response: { 200: OneQueueItemOut } } }, async (req) => ({
    item: await svc.dismissQueued(req.actor, req.params.unitId, req.params.bulletinId),
  }));
}
