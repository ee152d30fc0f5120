import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../http/types.ts';
import { AppError } from '../../platform/errors.ts';
import type { ImportsService } from './imports.service.ts';
import { ConfirmBody, ConfirmOut, IMPORT_LIMITS, ImportIdParams, ImportJsonBody, ImportOneOut } from './imports.schemas.ts';

const tags = { tags: ['imports'] };
const One = ImportOneOut;

/** Reads the upload: multipart/form-data with one "file" part, or JSON {fileName, contentBase64}. */
async function readUpload(req: FastifyRequest): Promise<{ fileName: string; content: Uint8Array }> {
  if (req.isMultipart()) {
    let file: { fileName: string; content: Uint8Array } | null = null;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') file = { fileName: part.filename.normalize('NFC').slice(0, IMPORT_LIMITS.fileName), content: new Uint8Array(await part.toBuffer()) };
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE');
      throw err;
    }
    if (!file) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.file', message: 'thiếu tệp công văn (trường "file")' }]);
    return file;
  }
  const parsed = ImportJsonBody.safeParse(req.body);
  if (!parsed.success)
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    );
  return { fileName: parsed.data.fileName, content: new Uint8Array(Buffer.from(parsed.data.contentBase64, 'base64')) };
}

/** Công văn import: upload → proposal; confirm → received document, tasks and report form. */
export async function registerImportRoutes(app: Api, svc: ImportsService): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: IMPORT_LIMITS.fileBytes, files: 1, fields: 5, fieldSize: 2000, parts: 6 } });
    scope.post(
      '/api/imports',
      {
        bodyLimit: Math.ceil(IMPORT_LIMITS.fileBytes / 3) * 4 + 64 * 1024,
        schema: { ...tags, consumes: ['multipart/form-data', 'application/json'], response: { 200: One, 201: One } },
      },
      async (req, reply) => {
        const result = await svc.createImport(req.actor, await readUpload(req));
        return reply.status(result.duplicate ? 200 : 201).send({ import: result.import });
      },
    );
  });
  app.get('/api/imports/:id', { schema: { ...tags, params: ImportIdParams, response: { 200: One } } }, async (req) => ({
    import: await svc.getImport(req.actor, req.params.id),
  }));
  app.post('/api/imports/:id/confirm', { schema: { ...tags, params: ImportIdParams, body: ConfirmBody, response: { 200: ConfirmOut } } }, async (req) =>
    svc.confirmImport(req.actor, req.params.id, req.body),
  );
}
