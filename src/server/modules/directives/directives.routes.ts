import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import type { DirectivesService } from './directives.service.ts';
import type { InboxService } from './inbox.service.ts';
import {
  CreateDirectiveBody,
  DOC_TYPES,
  DirectiveIdParams,
  DirectiveOut,
  DirectiveSummaryOut,
  InboxItemOut,
  InboxItemParams,
  InboxListOut,
  InboxOpenOut,
  InboxQuery,
  IssueBody,
  ReturnBody,
  RevokeBody,
  SearchQuery,
  TrackingOut,
  TrackingQuery,
  UpdateDirectiveBody,
} from './directives.schemas.ts';

const tags = { tags: ['directives'] };
const inboxTags = { tags: ['inbox'] };
const One = z.object({ directive: DirectiveOut });

export function registerDirectiveRoutes(app: Api, svc: { directives: DirectivesService; inbox: InboxService }): void {
  const d = svc.directives;

  app.get('/api/directives/types', { schema: { ...tags, response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }) } } }, async () => ({
    items: Object.entries(DOC_TYPES).map(([code, name]) => ({ code, name })),
  }));
  app.get(
    '/api/directives',
    { schema: { ...tags, querystring: SearchQuery, response: { 200: z.object({ items: z.array(DirectiveSummaryOut), total: z.number() }) } } },
    async (req) => d.searchDirectives(req.actor, req.query),
  );
  app.post('/api/directives', { schema: { ...tags, body: CreateDirectiveBody, response: { 201: One } } }, async (req, reply) => {
    const directive = await d.createDirective(req.actor, req.body);
    return reply.status(201).send({ directive });
  });
  app.get('/api/directives/:id', { schema: { ...tags, params: DirectiveIdParams, response: { 200: One } } }, async (req) => ({
    directive: await d.getDirective(req.actor, req.params.id),
  }));
  app.patch('/api/directives/:id', { schema: { ...tags, params: DirectiveIdParams, body: UpdateDirectiveBody, response: { 200: One } } }, async (req) => ({
    directive: await d.updateDirective(req.actor, req.params.id, req.body),
  }));
  app.post('/api/directives/:id/submit', { schema: { ...tags, params: DirectiveIdParams, response: { 200: One } } }, async (req) => ({
    directive: await d.submitDirective(req.actor, req.params.id),
  }));
  app.post('/api/directives/:id/approve', { schema: { ...tags, params: DirectiveIdParams, response: { 200: One } } }, async (req) => ({
    directive: await d.approveDirective(req.actor, req.params.id),
  }));
  app.post('/api/directives/:id/return', { schema: { ...tags, params: DirectiveIdParams, body: ReturnBody, response: { 200: One } } }, async (req) => ({
    directive: await d.returnDirective(req.actor, req.params.id, req.body.comment),
  }));
  app.post('/api/directives/:id/sign', { schema: { ...tags, params: DirectiveIdParams, response: { 200: One } } }, async (req) => ({
    directive: await d.signDirective(req.actor, req.params.id),
  }));
  app.post('/api/directives/:id/issue', { schema: { ...tags, params: DirectiveIdParams, body: IssueBody.optional(), response: { 200: One } } }, async (req) => ({
    directive: await d.issueDirective(req.actor, req.params.id, req.body ?? {}),
  }));
  app.post('/api/directives/:id/revoke', { schema: { ...tags, params: DirectiveIdParams, body: RevokeBody, response: { 200: One } } }, async (req) => ({
    directive: await d.revokeDirective(req.actor, req.params.id, req.body.reason),
  }));
  app.post('/api/directives/:id/amend', { schema: { ...tags, params: DirectiveIdParams, response: { 201: One } } }, async (req, reply) => {
    const directive = await d.amendDirective(req.actor, req.params.id);
    return reply.status(201).send({ directive });
  });
  for (const format of ['pdf', 'docx'] as const) {
    app.get(`/api/directives/:id/${format}`, { schema: { ...tags, params: DirectiveIdParams } }, async (req, reply) => {
      const { fileName, body } = await d.renderDirective(req.actor, req.params.id, format);
      return reply
        .type(format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(body);
    });
  }
  app.get('/api/directives/:id/tracking', { schema: { ...tags, params: DirectiveIdParams, querystring: TrackingQuery, response: { 200: TrackingOut } } }, async (req) =>
    d.trackDirective(req.actor, req.params.id, req.query),
  );

  app.get('/api/inbox', { schema: { ...inboxTags, querystring: InboxQuery, response: { 200: InboxListOut } } }, async (req) => svc.inbox.listInbox(req.actor, req.query));
  app.get('/api/inbox/:itemId', { schema: { ...inboxTags, params: InboxItemParams, response: { 200: InboxOpenOut } } }, async (req) =>
    svc.inbox.openInboxItem(req.actor, req.params.itemId),
  );
  app.post('/api/inbox/:itemId/acknowledge', { schema: { ...inboxTags, params: InboxItemParams, response: { 200: z.object({ item: InboxItemOut }) } } }, async (req) => ({
    item: await svc.inbox.acknowledgeInboxItem(req.actor, req.params.itemId),
  }));
}
