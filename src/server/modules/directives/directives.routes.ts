import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Api } from '../../http/types.ts';
import { AppError } from '../../platform/errors.ts';
import { ATTACHMENT_MAX_BYTES } from './attachments.files.ts';
import type { DirectivesService } from './directives.service.ts';
import type { InboxService } from './inbox.service.ts';
import {
  AttachmentFields,
  AttachmentParams,
  CreateDirectiveBody,
  DOC_TYPES,
  DirectiveIdParams,
  DirectiveFileCreatedOut,
  DirectiveListOut,
  DirectiveOneOut,
  DocTypesOut,
  InboxAckOut,
  InboxItemParams,
  InboxListOut,
  InboxOpenOut,
  InboxQuery,
  IssueBody,
  RecipientsPreviewOut,
  RecipientsPreviewQuery,
  ReturnBody,
  RevokeBody,
  SearchQuery,
  TrackingOut,
  TrackingQuery,
  UpdateDirectiveBody,
} from './directives.schemas.ts';

const tags = { tags: ['directives'] };
const inboxTags = { tags: ['inbox'] };
const One = DirectiveOneOut;

export async function registerDirectiveRoutes(app: Api, svc: { directives: DirectivesService; inbox: InboxService }): Promise<void> {
  const d = svc.directives;

  app.get('/api/directives/types', { schema: { ...tags, response: { 200: DocTypesOut } } }, async () => ({
    items: Object.entries(DOC_TYPES).map(([code, name]) => ({ code, name })),
  }));
  app.get('/api/directives', { schema: { ...tags, querystring: SearchQuery, response: { 200: DirectiveListOut } } }, async (req) => d.searchDirectives(req.actor, req.query));
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
  app.get(
    '/api/directives/:id/recipients-preview',
    {
      schema: {
        ...tags,
        summary: 'How many units each Kính gửi entry reaches at a date (issue dialog)',
        params: DirectiveIdParams,
        querystring: RecipientsPreviewQuery,
        response: { 200: RecipientsPreviewOut },
      },
    },
    async (req) => d.previewRecipients(req.actor, req.params.id, req.query),
  );
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
  // Attached files: multipart only here (one "file" plus an optional "kind"), size-limited while streaming (413).
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2, fieldSize: 200, parts: 3 } });
    scope
      .withTypeProvider<ZodTypeProvider>()
      .post(
        '/api/directives/:id/attachments',
        { schema: { ...tags, params: DirectiveIdParams, consumes: ['multipart/form-data'], response: { 201: DirectiveFileCreatedOut } } },
        async (req, reply) => {
          if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body', message: 'cần multipart/form-data' }]);
          const fields: Record<string, string> = {};
          let file: { fileName: string; content: Buffer } | null = null;
          for await (const part of req.parts()) {
            if (part.type === 'file') {
              if (part.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', {}, [{ path: `body.${part.fieldname}`, message: 'tệp phải gửi trong trường "file"' }]);
              file = { fileName: part.filename, content: await part.toBuffer() };
            } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
          }
          if (!file) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.file', message: 'thiếu tệp' }]);
          const parsed = AttachmentFields.safeParse(fields);
          if (!parsed.success)
            throw new AppError(
              'VALIDATION_FAILED',
              {},
              parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
            );
          return reply.status(201).send({ file: await d.addAttachment(req.actor, req.params.id, { kind: parsed.data.kind, ...file }) });
        },
      );
  });
  app.get('/api/directives/:id/attachments/:attachmentId', { schema: { ...tags, params: AttachmentParams } }, async (req, reply) => {
    const f = await d.openAttachment(req.actor, req.params.id, req.params.attachmentId);
    return reply
      .type(f.mime)
      .header('content-length', f.size)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .send(f.stream);
  });
  app.delete('/api/directives/:id/attachments/:attachmentId', { schema: { ...tags, params: AttachmentParams } }, async (req, reply) => {
    await d.deleteAttachment(req.actor, req.params.id, req.params.attachmentId);
    return reply.status(204).send();
  });
  app.get('/api/directives/:id/tracking', { schema: { ...tags, params: DirectiveIdParams, querystring: TrackingQuery, response: { 200: TrackingOut } } }, async (req) =>
    d.trackDirective(req.actor, req.params.id, req.query),
  );

  app.get('/api/inbox', { schema: { ...inboxTags, querystring: InboxQuery, response: { 200: InboxListOut } } }, async (req) => svc.inbox.listInbox(req.actor, req.query));
  app.get('/api/inbox/:itemId', { schema: { ...inboxTags, params: InboxItemParams, response: { 200: InboxOpenOut } } }, async (req) =>
    svc.inbox.openInboxItem(req.actor, req.params.itemId),
  );
  app.post('/api/inbox/:itemId/acknowledge', { schema: { ...inboxTags, params: InboxItemParams, response: { 200: InboxAckOut } } }, async (req) => ({
    item: await svc.inbox.acknowledgeInboxItem(req.actor, req.params.itemId),
  }));
}
