import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Api } from './types.ts';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorMessage, errorStatus } from '../platform/errors.ts';
import type { ErrorCode, FieldIssue } from '../platform/errors.ts';
import { requestLocale } from './locale.ts';

/** Fastify's own refusals (by status) as catalogue codes; any other client error is a validation failure. */
const FASTIFY_STATUS_CODES: Readonly<Record<number, ErrorCode>> = { 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED' };

/**
 * The one mapping from any error to the catalogue: an AppError's own code, a schema failure's issues,
 * or a Fastify refusal by its status; anything else is INTERNAL. The API and the server-rendered pages
 * (site/server-rendered.ts) both use it, so an error has the same status and text everywhere.
 */
export function classifyError(err: unknown): { code: ErrorCode; params: Record<string, string | number>; issues: FieldIssue[] } {
  if (err instanceof AppError) return { code: err.code, params: err.params, issues: err.issues };
  if (err instanceof Error && hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({
      path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].filter(Boolean).join('.'),
      message: v.message ?? 'không hợp lệ',
    }));
    return { code: 'VALIDATION_FAILED', params: {}, issues };
  }
  if (err instanceof Error && 'statusCode' in err && typeof err.statusCode === 'number' && err.statusCode < 500) {
    return { code: FASTIFY_STATUS_CODES[err.statusCode] ?? 'VALIDATION_FAILED', params: {}, issues: [] };
  }
  return { code: 'INTERNAL', params: {}, issues: [] };
}

/** Maps every error to {error:{code,message,issues?}} in the client's language. Never a stack trace. */
export function installErrorHandler(app: Api): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const locale = requestLocale(req);
    const { code, params, issues } = classifyError(err);
    if (code === 'INTERNAL') req.log.error({ err }, 'unhandled error');
    const message = errorMessage(code, locale, params);
    const detail = issues.length ? `${message} ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` : message;
    void reply.status(errorStatus(code)).send({ error: { code, message: detail, ...(issues.length ? { issues } : {}) } });
  });

  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: errorMessage('ROUTE_NOT_FOUND', requestLocale(req)) } });
  });
}

/**
 * The router's own refusals, before any route runs (Fastify's `frameworkErrors`): a path parameter longer than the
 * router takes is an unknown resource (404), a malformed URL a bad request (400) — in the client's language, in the
 * same envelope, instead of Fastify's English body.
 */
export function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const code: ErrorCode = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'NOT_FOUND' : 'VALIDATION_FAILED';
  void reply.status(errorStatus(code)).send({ error: { code, message: errorMessage(code, requestLocale(req)) } });
}
