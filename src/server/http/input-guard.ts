import type { FastifyRequest } from 'fastify';
import type { Api } from './types.ts';
import { AppError } from '../platform/errors.ts';

/** C0 controls and DEL, except tab, line feed and carriage return: never valid in Loa's text. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}
/** Deepest JSON nesting accepted (a report form's values are two levels deep). */
export const MAX_JSON_DEPTH = 32;

/** True when the JSON text nests arrays/objects deeper than `max` (a linear scan, before parsing). */
export function jsonTooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The dotted path of the first string (value or key) holding a control character, or null. */
function controlAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return hasControl(value) ? path : null;
  if (depth > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = controlAt(value[i], `${path}.${i}`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  // Parsed data only (JSON, forms, query strings); a Buffer or a stream body is not text.
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return null;
  for (const [k, v] of Object.entries(value)) {
    if (hasControl(k)) return `${path}.${[...k].map((ch) => (hasControl(ch) ? '?' : ch)).join('')}`;
    const hit = controlAt(v, `${path}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

function checkRequest(req: FastifyRequest): void {
  for (const [part, value] of [
    ['query', req.query],
    ['params', req.params],
    ['body', req.body],
  ] as const) {
    const at = controlAt(value, part);
    if (at) throw new AppError('CONTROL_CHARACTERS', { field: at });
  }
}

/**
 * Refuses, with a 400 in the client's language, what the database or the renderer cannot take:
 * JSON nested deeper than MAX_JSON_DEPTH (checked on the raw text, before parsing), and NUL or
 * other control characters (except tab and line breaks) in any text of the query string, path
 * parameters or body (JSON, forms, plain text). Runs for every route, before its validation.
 */
export function installInputGuard(app: Api): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonTooDeep(text, MAX_JSON_DEPTH)) {
      done(new AppError('INPUT_TOO_DEEP', { max: MAX_JSON_DEPTH }), undefined);
      return;
    }
    void parseJson(req, text, done);
  });
  app.addHook('preValidation', async (req) => checkRequest(req));
}
