import { z } from 'zod';
import {
  CreateFeedBody,
  CreateKeywordBody,
  DeskUnitQuery,
  FeedIdParams,
  FeedItemIdParams,
  FeedItemResponse,
  FeedListOut,
  FeedOut,
  FeedResponse,
  FiguresOut,
  FiguresQuery,
  FromSocialBody,
  HandedReportOut,
  InboxItemIdParams,
  KeywordIdParams,
  KeywordListOut,
  KeywordResponse,
  MonitoringListOut,
  MonitoringQuery,
  ReportFeedItemBody,
  ReportFeedItemOut,
  UpdateFeedBody,
} from '../../../shared/contracts/rumors-monitoring.ts';
import type { Api } from '../../http/types.ts';
import type { FiguresService } from './figures.service.ts';
import type { FromSocialService } from './from-social.service.ts';
import type { MonitoringService } from './monitoring.service.ts';

const tags = { tags: ['rumors'] };

/** Feeds, keywords, the monitoring queue, the social hand-off and the figures (thin: one service call each). */
export function registerMonitoringRoutes(app: Api, svc: { monitoring: MonitoringService; fromSocial: FromSocialService; figures: FiguresService }): void {
  const { monitoring, fromSocial, figures } = svc;

  app.get('/api/rumors/feeds', { schema: { ...tags, querystring: DeskUnitQuery, response: { 200: FeedListOut } } }, async (req) => ({
    feeds: await monitoring.listFeeds(req.actor, req.query),
  }));
  app.post('/api/rumors/feeds', { schema: { ...tags, body: CreateFeedBody, response: { 201: FeedResponse } } }, async (req, reply) =>
    reply.code(201).send({ feed: await monitoring.createFeed(req.actor, req.body) }),
  );
  app.patch('/api/rumors/feeds/:id', { schema: { ...tags, params: FeedIdParams, body: UpdateFeedBody, response: { 200: FeedResponse } } }, async (req) => ({
    feed: await monitoring.updateFeed(req.actor, req.params.id, req.body),
  }));
  app.delete('/api/rumors/feeds/:id', { schema: { ...tags, params: FeedIdParams } }, async (req, reply) => {
    await monitoring.deleteFeed(req.actor, req.params.id);
    return reply.code(204).send();
  });
  app.post('/api/rumors/feeds/:id/fetch', { schema: { ...tags, params: FeedIdParams, response: { 200: z.object({ feed: FeedOut, added: z.number().int() }) } } }, async (req) =>
    monitoring.checkFeed(req.actor, req.params.id),
  );

  app.get('/api/rumors/keywords', { schema: { ...tags, querystring: DeskUnitQuery, response: { 200: KeywordListOut } } }, async (req) => ({
    keywords: await monitoring.listKeywords(req.actor, req.query),
  }));
  app.post('/api/rumors/keywords', { schema: { ...tags, body: CreateKeywordBody, response: { 201: KeywordResponse } } }, async (req, reply) =>
    reply.code(201).send({ keyword: await monitoring.createKeyword(req.actor, req.body) }),
  );
  app.delete('/api/rumors/keywords/:id', { schema: { ...tags, params: KeywordIdParams } }, async (req, reply) => {
    await monitoring.deleteKeyword(req.actor, req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/rumors/monitoring', { schema: { ...tags, querystring: MonitoringQuery, response: { 200: MonitoringListOut } } }, async (req) =>
    monitoring.listItems(req.actor, req.query),
  );
  app.post('/api/rumors/monitoring/:itemId/dismiss', { schema: { ...tags, params: FeedItemIdParams, response: { 200: FeedItemResponse } } }, async (req) => ({
    item: await monitoring.dismissItem(req.actor, req.params.itemId),
  }));
  app.post(
    '/api/rumors/monitoring/:itemId/report',
    { schema: { ...tags, params: FeedItemIdParams, body: ReportFeedItemBody.nullish(), response: { 200: ReportFeedItemOut, 201: ReportFeedItemOut } } },
    async (req, reply) => {
      const out = await monitoring.reportItem(req.actor, req.params.itemId, req.body ?? {});
      return reply.code(out.created ? 201 : 200).send(out);
    },
  );

  app.post(
    '/api/rumors/from-social/:inboxItemId',
    { schema: { ...tags, params: InboxItemIdParams, body: FromSocialBody.nullish(), response: { 200: HandedReportOut, 201: HandedReportOut } } },
    async (req, reply) => {
      const out = await fromSocial.fromSocial(req.actor, req.params.inboxItemId, req.body ?? {});
      return reply.code(out.created ? 201 : 200).send(out);
    },
  );

  app.get('/api/rumors/figures', { schema: { ...tags, querystring: FiguresQuery, response: { 200: FiguresOut } } }, async (req) => figures.figures(req.actor, req.query));
}
