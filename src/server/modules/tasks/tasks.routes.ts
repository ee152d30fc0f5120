import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import type { TasksService } from './tasks.service.ts';
import { TEMPLATES } from './report-form.ts';
import {
  CHANNELS,
  CHANNEL_LABELS,
  CommentBody,
  CommentCreatedOut,
  CommentListOut,
  CreateTaskBody,
  ExportQuery,
  IdempotencyHeaders,
  ListTasksQuery,
  MatrixOut,
  NotificationListOut,
  ProgressBody,
  ProgressSavedOut,
  RangeQuery,
  ReportFormBody,
  ReportFormSavedOut,
  ReportPrefillOut,
  ReportTemplatesOut,
  RollupOut,
  RollupQuery,
  SubmissionDetailOut,
  SubmitBody,
  SubmittedOut,
  TaskCreatedOut,
  TaskDetailOut,
  TaskIdParams,
  TaskListOut,
  TaskUnitPeriodParams,
} from './tasks.schemas.ts';

const tags = { tags: ['tasks'] };
const reports = { tags: ['reports'] };

export function registerTaskRoutes(app: Api, svc: TasksService): void {
  app.get('/api/report-templates', { schema: { ...reports, response: { 200: ReportTemplatesOut } } }, async () => ({
    templates: Object.entries(TEMPLATES).map(([id, t]) => ({ id, name: t.name, indicators: [...t.indicators] })),
    channels: CHANNELS.map((id) => ({ id, label: CHANNEL_LABELS[id] })),
  }));
  app.get('/api/tasks', { schema: { ...tags, querystring: ListTasksQuery, response: { 200: TaskListOut } } }, async (req) => ({
    items: await svc.listTasks(req.actor, req.query.limit),
  }));
  app.post('/api/tasks', { schema: { ...tags, body: CreateTaskBody, response: { 201: TaskCreatedOut } } }, async (req, reply) =>
    reply.status(201).send(await svc.createTask(req.actor, req.body)),
  );
  app.get('/api/tasks/:id', { schema: { ...tags, params: TaskIdParams, response: { 200: TaskDetailOut } } }, async (req) => svc.getTask(req.actor, req.params.id));
  app.put('/api/tasks/:id/report-form', { schema: { ...reports, params: TaskIdParams, body: ReportFormBody, response: { 200: ReportFormSavedOut } } }, async (req) => ({
    reportForm: await svc.setReportForm(req.actor, req.params.id, req.body),
  }));
  app.get('/api/tasks/:id/matrix', { schema: { ...tags, params: TaskIdParams, querystring: RangeQuery, response: { 200: MatrixOut } } }, async (req) =>
    svc.matrix(req.actor, req.params.id, req.query),
  );
  app.put(
    '/api/tasks/:id/progress/:unitId/:period',
    { schema: { ...tags, params: TaskUnitPeriodParams, body: ProgressBody, response: { 200: ProgressSavedOut } } },
    async (req) => ({ progress: await svc.updateProgress(req.actor, req.params.id, req.params.unitId, req.params.period, req.body) }),
  );
  app.get('/api/tasks/:id/comments', { schema: { ...tags, params: TaskIdParams, response: { 200: CommentListOut } } }, async (req) => ({
    items: await svc.listComments(req.actor, req.params.id),
  }));
  app.post('/api/tasks/:id/comments', { schema: { ...tags, params: TaskIdParams, body: CommentBody, response: { 201: CommentCreatedOut } } }, async (req, reply) =>
    reply.status(201).send({ comment: await svc.addComment(req.actor, req.params.id, req.body) }),
  );
  // 201 for a new record or revision; 200 with the recorded submission when the Idempotency-Key was seen.
  app.post(
    '/api/tasks/:id/submissions',
    { schema: { ...reports, params: TaskIdParams, headers: IdempotencyHeaders, body: SubmitBody, response: { 200: SubmittedOut, 201: SubmittedOut } } },
    async (req, reply) => {
      const result = await svc.submitReport(req.actor, req.params.id, req.body, req.headers['idempotency-key']);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );
  app.get('/api/tasks/:id/submissions/:unitId/:period', { schema: { ...reports, params: TaskUnitPeriodParams, response: { 200: SubmissionDetailOut } } }, async (req) =>
    svc.getSubmission(req.actor, req.params.id, req.params.unitId, req.params.period),
  );
  app.get('/api/tasks/:id/prefill/:unitId/:period', { schema: { ...reports, params: TaskUnitPeriodParams, response: { 200: ReportPrefillOut } } }, async (req) =>
    svc.readPrefill(req.actor, req.params.id, req.params.unitId, req.params.period),
  );
  app.get('/api/tasks/:id/rollup', { schema: { ...reports, params: TaskIdParams, querystring: RollupQuery, response: { 200: RollupOut } } }, async (req) =>
    svc.rollup(req.actor, req.params.id, req.query),
  );
  for (const format of ['csv', 'xlsx', 'docx', 'pdf'] as const) {
    const path = format === 'docx' || format === 'pdf' ? `/api/tasks/:id/report.${format}` : `/api/tasks/:id/rollup.${format}`;
    app.get(path, { schema: { ...reports, params: TaskIdParams, querystring: ExportQuery } }, async (req, reply) => {
      const file = await svc.exportRollup(req.actor, req.params.id, req.query, format);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'no-store').send(file.body);
    });
  }
  app.get(
    '/api/report-notifications',
    { schema: { ...reports, querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: NotificationListOut } } },
    async (req) => ({
      items: await svc.listNotifications(req.actor, req.query.limit),
    }),
  );
}
