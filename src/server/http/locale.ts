import type { FastifyRequest } from 'fastify';
import type { Locale } from '../platform/errors.ts';

/** English when the client asks for it first (Accept-Language or ?lang=en), Vietnamese otherwise. */
export function requestLocale(req: FastifyRequest): Locale {
  const lang = (req.query as Record<string, unknown> | undefined)?.lang;
  if (lang === 'en' || lang === 'vi') return lang;
  const header = req.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(header) ? 'en' : 'vi';
}
