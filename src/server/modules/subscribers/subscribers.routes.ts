import type { Api } from '../../http/types.ts';
import {
  CreateListBody,
  ImportBody,
  ImportReportOut,
  ListIdParams,
  ListsOut,
  ListsQuery,
  OneListOut,
  OneSubscriberOut,
  OptOutBody,
  SUBSCRIBER_LIMITS,
  SubscriberIdParams,
  SubscribersOut,
  SubscribersQuery,
  UnitIdParams,
  UpdateListBody,
} from '../../../shared/contracts/subscribers.ts';
import type { SubscribersService } from './subscribers.service.ts';

const tags = { tags: ['subscribers'] };

/** Subscriber lists of a unit, their numbers, the import and staff opt-out. */
export function registerSubscriberRoutes(app: Api, svc: SubscribersService): void {
  app.get('/api/units/:unitId/subscriber-lists', { schema: { ...tags, params: UnitIdParams, querystring: ListsQuery, response: { 200: ListsOut } } }, async (req) =>
    svc.listLists(req.actor, req.params.unitId, { subtree: req.query.subtree === '1' }),
  );
  app.post('/api/units/:unitId/subscriber-lists', { schema: { ...tags, params: UnitIdParams, body: CreateListBody, response: { 201: OneListOut } } }, async (req, reply) =>
    reply.code(201).send({ list: await svc.createList(req.actor, req.params.unitId, req.body) }),
  );
  app.get('/api/subscriber-lists/:listId', { schema: { ...tags, params: ListIdParams, response: { 200: OneListOut } } }, async (req) => ({
    list: await svc.getList(req.actor, req.params.listId),
  }));
  app.patch('/api/subscriber-lists/:listId', { schema: { ...tags, params: ListIdParams, body: UpdateListBody, response: { 200: OneListOut } } }, async (req) => ({
    list: await svc.updateList(req.actor, req.params.listId, req.body),
  }));
  app.delete('/api/subscriber-lists/:listId', { schema: { ...tags, params: ListIdParams } }, async (req, reply) => {
    await svc.deleteList(req.actor, req.params.listId);
    return reply.status(204).send();
  });
  app.get(
    '/api/subscriber-lists/:listId/subscribers',
    { schema: { ...tags, params: ListIdParams, querystring: SubscribersQuery, response: { 200: SubscribersOut } } },
    async (req) => svc.listSubscribers(req.actor, req.params.listId, req.query),
  );
  app.post(
    '/api/subscriber-lists/:listId/import',
    { bodyLimit: Math.ceil(SUBSCRIBER_LIMITS.fileBytes / 3) * 4 + 64 * 1024, schema: { ...tags, params: ListIdParams, body: ImportBody, response: { 200: ImportReportOut } } },
    async (req) => svc.importFile(req.actor, req.params.listId, req.body),
  );
  app.post('/api/subscribers/:subscriberId/opt-out', { schema: { ...tags, params: SubscriberIdParams, body: OptOutBody, response: { 200: OneSubscriberOut } } }, async (req) => ({
    subscriber: await svc.optOutSubscriber(req.actor, req.params.subscriberId, req.body.reason),
  }));
  app.post('/api/subscribers/:subscriberId/opt-in', { schema: { ...tags, params: SubscriberIdParams, body: OptOutBody, response: { 200: OneSubscriberOut } } }, async (req) => ({
    subscriber: await svc.optInSubscriber(req.actor, req.params.subscriberId, req.body.reason),
  }));
}
