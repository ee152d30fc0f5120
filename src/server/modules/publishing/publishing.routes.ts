import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import { AppError } from '../../platform/errors.ts';
import type { PublishingService } from './publishing.service.ts';
import {
  AnswerBody,
  CreateLinkBody,
  CreatePostBody,
  CreateSectionBody,
  IdParams,
  LIMITS,
  LinkOut,
  MediaFields,
  MediaOut,
  MediaQuery,
  PostOut,
  PostsQuery,
  PublishBody,
  QuestionOut,
  QuestionsQuery,
  SectionOut,
  SituationBody,
  SituationOut,
  SituationParams,
  UpdatePostBody,
  UpdateSectionBody,
} from './publishing.schemas.ts';

const tags = { tags: ['portal'] };

/** The editors' API of the public portal (the portal itself is src/server/site). */
export async function registerPublishingRoutes(app: Api, svc: PublishingService): Promise<void> {
  app.get('/api/portal/sections', { schema: { ...tags, response: { 200: z.object({ items: z.array(SectionOut) }) } } }, async (req) => ({
    items: await svc.listSections(req.actor),
  }));
  app.post('/api/portal/sections', { schema: { ...tags, body: CreateSectionBody, response: { 201: z.object({ section: SectionOut }) } } }, async (req, reply) =>
    reply.status(201).send({ section: await svc.createSection(req.actor, req.body) }),
  );
  app.patch('/api/portal/sections/:id', { schema: { ...tags, params: IdParams, body: UpdateSectionBody, response: { 200: z.object({ section: SectionOut }) } } }, async (req) => ({
    section: await svc.updateSection(req.actor, req.params.id, req.body),
  }));

  app.get('/api/portal/posts', { schema: { ...tags, querystring: PostsQuery, response: { 200: z.object({ items: z.array(PostOut) }) } } }, async (req) => ({
    items: await svc.listPosts(req.actor, req.query),
  }));
  app.get('/api/portal/posts/:id', { schema: { ...tags, params: IdParams, response: { 200: z.object({ post: PostOut }) } } }, async (req) => ({
    post: await svc.getPost(req.actor, req.params.id),
  }));
  app.post('/api/portal/posts', { schema: { ...tags, body: CreatePostBody, response: { 201: z.object({ post: PostOut }) } } }, async (req, reply) =>
    reply.status(201).send({ post: await svc.createPost(req.actor, req.body) }),
  );
  app.patch('/api/portal/posts/:id', { schema: { ...tags, params: IdParams, body: UpdatePostBody, response: { 200: z.object({ post: PostOut }) } } }, async (req) => ({
    post: await svc.updatePost(req.actor, req.params.id, req.body),
  }));
  const postOut = { 200: z.object({ post: PostOut }) };
  app.post('/api/portal/posts/:id/submit', { schema: { ...tags, params: IdParams, response: postOut } }, async (req) => ({ post: await svc.submitPost(req.actor, req.params.id) }));
  app.post('/api/portal/posts/:id/return', { schema: { ...tags, params: IdParams, response: postOut } }, async (req) => ({ post: await svc.returnPost(req.actor, req.params.id) }));
  app.post('/api/portal/posts/:id/publish', { schema: { ...tags, params: IdParams, body: PublishBody.optional(), response: postOut } }, async (req) => ({
    post: await svc.publishPost(req.actor, req.params.id, req.body?.publishAt),
  }));
  app.post('/api/portal/posts/:id/unpublish', { schema: { ...tags, params: IdParams, response: postOut } }, async (req) => ({
    post: await svc.unpublishPost(req.actor, req.params.id),
  }));

  app.get('/api/portal/sections/:id/situation', { schema: { ...tags, params: IdParams, response: { 200: z.object({ items: z.array(SituationOut) }) } } }, async (req) => ({
    items: await svc.listSituation(req.actor, req.params.id),
  }));
  app.put(
    '/api/portal/sections/:id/situation/:date',
    { schema: { ...tags, params: SituationParams, body: SituationBody, response: { 200: z.object({ update: SituationOut }) } } },
    async (req) => ({
      update: await svc.saveSituation(req.actor, req.params.id, req.params.date, req.body),
    }),
  );

  app.get('/api/portal/questions', { schema: { ...tags, querystring: QuestionsQuery, response: { 200: z.object({ items: z.array(QuestionOut) }) } } }, async (req) => ({
    items: await svc.listQuestions(req.actor, req.query.status),
  }));
  app.post(
    '/api/portal/questions/:id/answer',
    { schema: { ...tags, params: IdParams, body: AnswerBody, response: { 200: z.object({ question: QuestionOut }) } } },
    async (req) => ({
      question: await svc.answerQuestion(req.actor, req.params.id, req.body),
    }),
  );
  app.post('/api/portal/questions/:id/reject', { schema: { ...tags, params: IdParams, response: { 200: z.object({ question: QuestionOut }) } } }, async (req) => ({
    question: await svc.rejectQuestion(req.actor, req.params.id),
  }));

  app.get('/api/portal/links', { schema: { ...tags, response: { 200: z.object({ items: z.array(LinkOut) }) } } }, async () => ({ items: await svc.portal.links() }));
  app.post('/api/portal/links', { schema: { ...tags, body: CreateLinkBody, response: { 201: z.object({ link: LinkOut }) } } }, async (req, reply) =>
    reply.status(201).send({ link: await svc.createLink(req.actor, req.body) }),
  );
  app.delete('/api/portal/links/:id', { schema: { ...tags, params: IdParams } }, async (req, reply) => {
    await svc.deleteLink(req.actor, req.params.id);
    return reply.status(204).send();
  });

  app.get('/api/portal/media', { schema: { ...tags, querystring: MediaQuery, response: { 200: z.object({ items: z.array(MediaOut) }) } } }, async (req) => ({
    items: await svc.listMediaAdmin(req.actor, req.query),
  }));
  app.post('/api/portal/media/:id/publish', { schema: { ...tags, params: IdParams, response: { 200: z.object({ media: MediaOut }) } } }, async (req) => ({
    media: await svc.publishMedia(req.actor, req.params.id),
  }));
  app.post('/api/portal/media/:id/unpublish', { schema: { ...tags, params: IdParams, response: { 200: z.object({ media: MediaOut }) } } }, async (req) => ({
    media: await svc.unpublishMedia(req.actor, req.params.id),
  }));
  // Reviewers look at a draft here before publishing it; never cached, never run as a page.
  app.get('/api/portal/media/:id/file', { schema: { ...tags, params: IdParams } }, async (req, reply) => {
    const file = await svc.openMediaForReview(req.actor, req.params.id);
    return reply
      .type(file.media.mime)
      .header('content-length', file.size)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'")
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.media.fileName)}`)
      .send(file.stream);
  });
  // Multipart only here: one file plus "title" and "sectionId" (optionally "ownerUnitId"), size-limited while streaming.
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: LIMITS.mediaBytes, files: 1, fields: 5, fieldSize: 2000, parts: 6 } });
    scope.post('/api/portal/media', { schema: { ...tags, consumes: ['multipart/form-data'], response: { 201: z.object({ media: MediaOut }) } } }, async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body', message: 'cần multipart/form-data' }]);
      const fields: Record<string, string> = {};
      let file: { fileName: string; content: Buffer } | null = null;
      for await (const part of req.parts()) {
        if (part.type === 'file') file = { fileName: part.filename, content: await part.toBuffer() };
        else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      }
      if (!file) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.file', message: 'thiếu tệp' }]);
      const parsed = MediaFields.safeParse(fields);
      if (!parsed.success)
        throw new AppError(
          'VALIDATION_FAILED',
          {},
          parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
        );
      return reply.status(201).send({ media: await svc.uploadMedia(req.actor, { ...parsed.data, ...file }) });
    });
  });
}
