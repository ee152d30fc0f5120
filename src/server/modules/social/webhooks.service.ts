import { AppError } from '../../platform/errors.ts';
import { facebookWebhookHandshake } from '../../providers/social/facebook.ts';
import type { IncomingSocialEvent, WebhookRequest } from '../../providers/social/port.ts';
import type { SocialPlatformName } from '../../../shared/contracts/social.ts';
import * as accountsRepo from './accounts.repository.ts';
import type { AccountRow } from './accounts.repository.ts';
import * as inboxRepo from './inbox.repository.ts';
import { readableCredentials, senderHash } from './social.context.ts';
import type { SocialContext } from './social.context.ts';

/** The signature header each platform sends (absent: 401, wrong: 403). */
const SIGNATURE_HEADER: Record<SocialPlatformName, string> = { facebook: 'x-hub-signature-256', zalo: 'x-zevent-signature' };

/** An event's own time when plausible (a platform clock a little ahead, a delivery retried for days), else now. */
const MAX_EVENT_AGE_MS = 7 * 24 * 3600_000;
const MAX_EVENT_AHEAD_MS = 5 * 60_000;
const MAX_PAGES_PER_DELIVERY = 20;

/**
 * The page ids a body names, read before its signature is checked only to find whose secret checks it (Facebook:
 * `entry[].id`; Zalo: `recipient.id` or `oa_id`). Nothing of the body is stored or acted on before the check.
 */
function pageIdsOf(platform: SocialPlatformName, rawBody: Buffer): string[] {
  let b: unknown;
  try {
    b = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return [];
  }
  if (!b || typeof b !== 'object') return [];
  const o = b as { entry?: unknown; recipient?: { id?: unknown }; oa_id?: unknown };
  const ids = platform === 'facebook' ? (Array.isArray(o.entry) ? o.entry.map((e) => (e as { id?: unknown } | null)?.id) : []) : [o.recipient?.id, o.oa_id];
  return [...new Set(ids.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String))];
}

/** Incoming webhooks: Facebook's verification handshake, signed deliveries into the inbox of the page's unit. */
export function createWebhooks(ctx: SocialContext) {
  const { db, clock, box, providers, logger } = ctx;
  const log = logger.child({ component: 'social-webhooks' });

  return {
    /** `GET /webhooks/facebook?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`: the challenge back, for a token Loa issued. */
    async facebookHandshake(query: Record<string, unknown>, ip: string | null): Promise<string> {
      const token = query['hub.verify_token'];
      const account = typeof token === 'string' && token !== '' ? await accountsRepo.findActiveByVerifyToken(db, token) : undefined;
      const r = account ? facebookWebhookHandshake(query, account.verifyToken ?? '') : { ok: false as const };
      if (!r.ok) {
        log.warn({ ip }, 'facebook webhook handshake refused');
        throw new AppError('SOCIAL_WEBHOOK_VERIFY');
      }
      return r.challenge;
    },

    /**
     * A delivery: the signature is checked with the secret of every page it names (a page Loa does not know is
     * dropped), then each event lands once in the inbox of the page's unit (a replay has the same event id).
     * A refused delivery is logged without its body and nothing of it is kept.
     */
    async receive(platform: SocialPlatformName, request: WebhookRequest & { ip: string | null }): Promise<{ received: number; duplicates: number }> {
      const provider = providers[platform];
      const signature = request.headers[SIGNATURE_HEADER[platform]];
      if (signature === undefined || signature === '') {
        log.warn({ platform, ip: request.ip, bytes: request.rawBody.length }, 'webhook without signature refused');
        throw new AppError('SOCIAL_WEBHOOK_UNSIGNED');
      }
      const accounts = new Map<string, AccountRow>();
      const pageIds = pageIdsOf(platform, request.rawBody);
      // A platform batches a few pages of one app; a body naming more is not one of theirs (and would cost a look-up each).
      if (pageIds.length > MAX_PAGES_PER_DELIVERY) {
        log.warn({ platform, ip: request.ip, pages: pageIds.length }, 'webhook naming too many pages refused');
        throw new AppError('SOCIAL_WEBHOOK_BAD_BODY');
      }
      for (const pageId of pageIds) {
        const a = await accountsRepo.findActiveByPage(db, platform, pageId);
        if (a) accounts.set(pageId, a);
        else log.warn({ platform, pageId }, 'webhook for a page no unit has connected');
      }
      if (accounts.size === 0) {
        // Nobody's secret to check it with: nothing of it can be trusted, nothing is kept.
        log.warn({ platform, ip: request.ip, bytes: request.rawBody.length }, 'webhook for no known page refused');
        throw new AppError('SOCIAL_WEBHOOK_SIGNATURE');
      }
      for (const account of accounts.values()) {
        const credentials = readableCredentials(box, account);
        if (!credentials) log.warn({ platform, pageId: account.pageId }, 'webhook for a page whose sealed secret cannot be opened: reconnect the page');
        if (!credentials || !provider.verifyWebhook(credentials, request)) {
          log.warn({ platform, pageId: account.pageId, ip: request.ip, bytes: request.rawBody.length }, 'webhook signature refused');
          throw new AppError('SOCIAL_WEBHOOK_SIGNATURE');
        }
      }
      let events: IncomingSocialEvent[];
      try {
        events = provider.parseWebhook(request.rawBody);
      } catch {
        throw new AppError('SOCIAL_WEBHOOK_BAD_BODY');
      }
      const now = clock.now();
      const rows = events.flatMap((e) => {
        const account = accounts.get(e.pageId);
        if (!account || e.platform !== platform) return [];
        const t = e.at.getTime();
        const at = Number.isFinite(t) && t > now.getTime() - MAX_EVENT_AGE_MS && t < now.getTime() + MAX_EVENT_AHEAD_MS ? e.at : now;
        return [
          {
            unitId: account.unitId,
            accountId: account.id,
            platform,
            kind: e.kind,
            eventId: e.eventId,
            senderEnc: box.seal(JSON.stringify({ id: e.senderId, name: e.senderName })),
            senderHash: senderHash(account.id, e.senderId),
            text: e.text.normalize('NFC').slice(0, 20_000),
            postId: e.postId,
            receivedAt: at,
            createdAt: now,
            updatedAt: now,
          },
        ];
      });
      const inserted = await inboxRepo.insertInboxItems(db, rows);
      return { received: inserted.length, duplicates: rows.length - inserted.length };
    },
  };
}
export type Webhooks = ReturnType<typeof createWebhooks>;
