import type { Api } from '../../http/types.ts';
import type { Webhooks } from './webhooks.service.ts';

/** Public like the portal's forms, and limited the same way per source address (Meta and Zalo send from a few). */
export const WEBHOOK_RATE_LIMIT = { max: 300, timeWindow: '1 minute' } as const;
/** A webhook body is small; a larger one is not a platform's. */
const WEBHOOK_BODY_LIMIT = 256 * 1024;

/**
 * The platforms' webhooks, in a scope of their own: the body stays the raw bytes (the signature is over them),
 * whatever the content type says — no other route sees this parser.
 */
export async function registerWebhookRoutes(app: Api, webhooks: Webhooks): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) => done(null, body));
    const config = { public: true, rateLimit: WEBHOOK_RATE_LIMIT };
    const schema = { tags: ['webhooks'] };
    const raw = (body: unknown): Buffer => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

    scope.get('/webhooks/facebook', { config, schema }, async (req, reply) => {
      const challenge = await webhooks.facebookHandshake(req.query as Record<string, unknown>, req.ip);
      return reply.type('text/plain; charset=utf-8').send(challenge);
    });
    scope.post('/webhooks/facebook', { config, schema }, async (req) => webhooks.receive('facebook', { headers: req.headers, rawBody: raw(req.body), ip: req.ip }));
    scope.post('/webhooks/zalo', { config, schema }, async (req) => webhooks.receive('zalo', { headers: req.headers, rawBody: raw(req.body), ip: req.ip }));
  });
}
