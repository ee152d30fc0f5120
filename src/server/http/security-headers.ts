import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Api } from './types.ts';
import { AppError } from '../platform/errors.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The sha256 sources of every inline <script> of the admin page (Vite emits none today; this keeps the CSP right if it does). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1] ?? '')
    .filter((s) => s.trim() !== '')
    .map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`);
}

/** The admin UI: its own scripts only (no inline script, no eval); Mantine sets inline styles. */
export function adminCsp(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` ${h}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The server-rendered report page: one inline style sheet, no script, forms to itself. */
export const REPORT_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/** Everything else (the API, health, files): nothing runs and nothing may frame it. */
export const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';
export const HSTS = 'max-age=31536000; includeSubDomains';

function originOf(value: string): string | null {
  try {
    const u = new URL(value);
    return u.origin === 'null' ? null : u.origin.toLowerCase();
  } catch {
    return null;
  }
}

/** Where an unsafe request says it comes from (Origin, else Referer); undefined when neither is sent. */
function claimedOrigin(req: FastifyRequest): string | null | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined) return originOf(origin);
  const referer = req.headers.referer;
  return referer === undefined ? undefined : originOf(referer);
}

/**
 * Response headers for every route (the portal's pages set their own stricter CSP in their
 * scope): nosniff, no framing, a referrer policy, no powerful features, HSTS when served over
 * https; a CSP chosen by the matched route (admin UI, report page, everything else).
 * An unsafe request that names its origin (Origin, or Referer) must name this site's: the public
 * URL or the address it was sent to; another site gets 403 (the CSRF token stays the main defence).
 */
export function installSecurityHeaders(app: Api, opts: { publicUrl: () => string; adminScriptHashes?: readonly string[] }): void {
  const admin = adminCsp(opts.adminScriptHashes);
  app.addHook('onRequest', async (req, reply) => {
    const route = req.routeOptions.url ?? '';
    const https = req.protocol === 'https' || opts.publicUrl().startsWith('https://');
    void reply
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'strict-origin-when-cross-origin')
      .header('permissions-policy', PERMISSIONS_POLICY)
      .header('content-security-policy', route === '/admin' || route.startsWith('/admin/') ? admin : route.startsWith('/bao-cao/') ? REPORT_PAGE_CSP : DEFAULT_CSP);
    if (https) void reply.header('strict-transport-security', HSTS);

    if (!UNSAFE_METHODS.has(req.method)) return;
    const claimed = claimedOrigin(req);
    if (claimed === undefined) return;
    const own = new Set([originOf(opts.publicUrl()), originOf(`${req.protocol}://${req.host}`)]);
    if (claimed === null || !own.has(claimed)) throw new AppError('ORIGIN_MISMATCH');
  });
}
