import type { FastifyError } from 'fastify';
import type { Api } from './types.ts';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorMessage, errorStatus } from '../platform/errors.ts';
import type { ErrorCode, FieldIssue } from '../platform/errors.ts';
import { requestLocale } from './locale.ts';

/** Maps every error to {error:{code,message,issues?}} in the client's language. Never a stack trace. */
export function installErrorHandler(app: Api): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const locale = requestLocale(req);
    let code: ErrorCode = 'INTERNAL';
    let params: Record<string, string | number> = {};
    let issues: FieldIssue[] = [];
    if (err instanceof AppError) {
      ({ code, params, issues } = err);
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      code = 'VALIDATION_FAILED';
      issues = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].filter(Boolean).join('.'),
        message: v.message ?? 'không hợp lệ',
      }));
    } else if ('statusCode' in err && typeof err.statusCode === 'number' && err.statusCode < 500) {
      code =
        err.statusCode === 429 ? 'RATE_LIMITED' : err.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : err.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED';
    }
    if (code === 'INTERNAL') req.log.error({ err }, 'unhandled error');
    const message = errorMessage(code, locale, params);
    const detail = issues.length ? `${message} ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` : message;
    void reply.status(errorStatus(code)).send({ error: { code, message: detail, ...(issues.length ? { issues } : {}) } });
  });

  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: errorMessage('ROUTE_NOT_FOUND', requestLocale(req)) } });
  });
}
