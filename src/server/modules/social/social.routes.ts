import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import {
  AccountListOut,
  AssignBody,
  ConnectAccountBody,
  ConvertBody,
  IdempotencyHeaders,
  InboxItemOut,
  InboxListOut,
  InboxMembersOut,
  InboxQuery,
  InboxStateBody,
  MarkPublishedBody,
  PublicationListOut,
  PublicationView,
  PublicationsOut,
  PublishBody,
  ReplyBody,
  SocialAccountView,
  SourceKindEnum,
  TagsBody,
} from '../../../shared/contracts/social.ts';
import type { AccountsService } from './accounts.service.ts';
import type { InboxService } from './inbox.service.ts';
import type { CrossPosting } from './publishing.service.ts';

const tags = { tags: ['social'] };
const UnitParams = z.object({ unitId: z.uuid() });
const IdParams = z.object({ id: z.uuid() });
const PublicationOut = z.object({ publication: PublicationView });

/** The social pages of a unit, cross-posts and the inbox (issue #14): thin routes, one service call each. */
export function registerSocialRoutes(app: Api, svc: { accounts: AccountsService; crossPosting: CrossPosting; inbox: InboxService }): void {
  const { accounts, crossPosting, inbox } = svc;
  app.get('/api/units/:unitId/social/accounts', { schema: { ...tags, params: UnitParams, response: { 200: AccountListOut } } }, async (req) =>
    accounts.listAccounts(req.actor, req.params.unitId),
  );
  app.post(
    '/api/units/:unitId/social/accounts',
    { schema: { ...tags, params: UnitParams, body: ConnectAccountBody, response: { 201: z.object({ account: SocialAccountView }) } } },
    async (req, reply) => reply.code(201).send({ account: await accounts.connectAccount(req.actor, req.params.unitId, req.body) }),
  );
  app.delete('/api/social/accounts/:id', { schema: { ...tags, params: IdParams } }, async (req, reply) => {
    await accounts.disconnectAccount(req.actor, req.params.id);
    return reply.code(204).send();
  });

  const PublicationQuery = z.object({ sourceKind: SourceKindEnum.optional(), sourceId: z.uuid().optional() });
  app.get(
    '/api/units/:unitId/social/publications',
    { schema: { ...tags, params: UnitParams, querystring: PublicationQuery, response: { 200: PublicationListOut } } },
    async (req) => ({
      items: await crossPosting.listPublications(req.actor, req.params.unitId, req.query),
    }),
  );
  // 201 when something was queued; 200 when the Idempotency-Key was seen or every page had the source already.
  app.post(
    '/api/units/:unitId/social/publications',
    { schema: { ...tags, params: UnitParams, headers: IdempotencyHeaders, body: PublishBody, response: { 200: PublicationsOut, 201: PublicationsOut } } },
    async (req, reply) => {
      const r = await crossPosting.publish(req.actor, req.params.unitId, req.body, req.headers['idempotency-key']);
      return reply.code(r.created ? 201 : 200).send({ publications: r.publications });
    },
  );
  app.post('/api/social/publications/:id/retry', { schema: { ...tags, params: IdParams, response: { 200: PublicationOut } } }, async (req) => ({
    publication: await crossPosting.retryPublication(req.actor, req.params.id),
  }));
  app.post('/api/social/publications/:id/mark-published', { schema: { ...tags, params: IdParams, body: MarkPublishedBody, response: { 200: PublicationOut } } }, async (req) => ({
    publication: await crossPosting.markPublished(req.actor, req.params.id, req.body),
  }));

  app.get('/api/units/:unitId/social/inbox', { schema: { ...tags, params: UnitParams, querystring: InboxQuery, response: { 200: InboxListOut } } }, async (req) =>
    inbox.listInbox(req.actor, req.params.unitId, req.query),
  );
  app.get('/api/units/:unitId/social/inbox/members', { schema: { ...tags, params: UnitParams, response: { 200: InboxMembersOut } } }, async (req) => ({
    items: await inbox.inboxMembers(req.actor, req.params.unitId),
  }));
  app.get('/api/social/inbox/:id', { schema: { ...tags, params: IdParams, response: { 200: InboxItemOut } } }, async (req) => ({
    item: await inbox.getInboxItem(req.actor, req.params.id),
  }));
  app.put('/api/social/inbox/:id/assignee', { schema: { ...tags, params: IdParams, body: AssignBody, response: { 200: InboxItemOut } } }, async (req) => ({
    item: await inbox.assignInboxItem(req.actor, req.params.id, req.body.assigneeId),
  }));
  app.put('/api/social/inbox/:id/tags', { schema: { ...tags, params: IdParams, body: TagsBody, response: { 200: InboxItemOut } } }, async (req) => ({
    item: await inbox.tagInboxItem(req.actor, req.params.id, req.body),
  }));
  app.post('/api/social/inbox/:id/state', { schema: { ...tags, params: IdParams, body: InboxStateBody, response: { 200: InboxItemOut } } }, async (req) => ({
    item: await inbox.setInboxState(req.actor, req.params.id, req.body.state),
  }));
  app.post('/api/social/inbox/:id/reply', { schema: { ...tags, params: IdParams, body: ReplyBody, response: { 200: InboxItemOut } } }, async (req) => ({
    item: await inbox.replyToInboxItem(req.actor, req.params.id, req.body.text),
  }));
  app.post('/api/social/inbox/:id/question', { schema: { ...tags, params: IdParams, body: ConvertBody, response: { 200: InboxItemOut } } }, async (req) => ({
    item: await inbox.convertToQuestion(req.actor, req.params.id, req.body),
  }));
}
