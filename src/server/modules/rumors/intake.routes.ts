import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { RUMOR_LIMITS, RumorIdParams } from '../../../shared/contracts/rumors.ts';
import { RevealInput, RevealOut, RumorReportCreatedOut, StaffReportInput, splitLinks } from '../../../shared/contracts/rumors-intake.ts';
import type { Api } from '../../http/types.ts';
import { AppError } from '../../platform/errors.ts';
import type { IntakeService, UploadedFile } from './intake.service.ts';

const tags = { tags: ['rumors'] };

/** The multipart fields of a staff report (the informant's flattened) and their JSON names. */
const INFORMANT_FIELDS = { informantName: 'name', informantPhone: 'phone', informantEmail: 'email', informantSocialId: 'socialId' } as const;
const TEXT_FIELDS = ['unitId', 'description', 'urls', 'seenAt', 'caseId', ...Object.keys(INFORMANT_FIELDS)];

/** A multipart staff report → the JSON shape (urls one per line; empty fields dropped) and its file. */
async function readMultipart(req: FastifyRequest): Promise<{ body: Record<string, unknown>; file: UploadedFile | null }> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', {}, [{ path: `body.${part.fieldname}`, message: 'tệp phải gửi trong trường "file"' }]);
      const content = await part.toBuffer();
      if (content.length > 0) file = { fileName: part.filename, content };
    } else if (typeof part.value === 'string' && TEXT_FIELDS.includes(part.fieldname)) fields[part.fieldname] = part.value;
  }
  const informant: Record<string, string> = {};
  for (const [field, key] of Object.entries(INFORMANT_FIELDS)) if (fields[field]?.trim()) informant[key] = fields[field];
  const body: Record<string, unknown> = {
    description: fields.description ?? '',
    urls: splitLinks(fields.urls ?? ''),
    ...(fields.unitId?.trim() ? { unitId: fields.unitId.trim() } : {}),
    ...(fields.seenAt?.trim() ? { seenAt: fields.seenAt.trim() } : {}),
    ...(fields.caseId?.trim() ? { caseId: fields.caseId.trim() } : {}),
    ...(Object.keys(informant).length ? { informant } : {}),
  };
  return { body, file };
}

/**
 * Intake (thin: one service call each). POST /api/rumors/reports takes JSON (StaffReportInput) or multipart/form-data
 * with the same fields plus an optional image in "file" (size-limited while streaming: 413).
 */
export async function registerIntakeRoutes(app: Api, intake: IntakeService): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: RUMOR_LIMITS.fileBytes, files: 1, fields: 12, fieldSize: 50_000, parts: 14 } });
    scope
      .withTypeProvider<ZodTypeProvider>()
      .post('/api/rumors/reports', { schema: { ...tags, consumes: ['application/json', 'multipart/form-data'], response: { 201: RumorReportCreatedOut } } }, async (req, reply) => {
        const { body, file } = req.isMultipart() ? await readMultipart(req) : { body: req.body, file: null };
        const parsed = StaffReportInput.safeParse(body ?? {});
        if (!parsed.success)
          throw new AppError(
            'VALIDATION_FAILED',
            {},
            parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
          );
        return reply.status(201).send(await intake.fileStaffReport(req.actor, parsed.data, file));
      });
  });
  app.post('/api/rumors/reports/:id/reveal', { schema: { ...tags, params: RumorIdParams, body: RevealInput, response: { 200: RevealOut } } }, async (req) => ({
    identity: await intake.revealInformant(req.actor, req.params.id, req.body),
  }));
  app.get('/api/rumors/reports/:id/file', { schema: { ...tags, params: RumorIdParams } }, async (req, reply) => {
    const f = await intake.openReportFile(req.actor, req.params.id);
    return reply
      .type(f.mime)
      .header('content-length', f.size)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${f.fileName}"`)
      .send(f.stream);
  });
}
