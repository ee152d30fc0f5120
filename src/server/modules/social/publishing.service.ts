import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { inTx } from '../../db/unit-of-work.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { AppError } from '../../platform/errors.ts';
import type { SocialError, SocialPhoto } from '../../providers/social/port.ts';
import type { BroadcastView } from '../../../shared/contracts/broadcasts.ts';
import type { MarkPublishedBody, PublicationView, PublishBody, SourceKind } from '../../../shared/contracts/social.ts';
import { can, systemActor } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as accountsRepo from './accounts.repository.ts';
import * as repo from './publications.repository.ts';
import type { PublicationListRow, PublicationRow } from './publications.repository.ts';
import { TOKEN_INVALID_MESSAGE, assertUsable, readableCredentials, unitFor } from './social.context.ts';
import type { SocialContext } from './social.context.ts';
import { MAX_SEND_ATTEMPTS, publishJob, publishJobId, retryDelayMs, retryJobId } from './social.jobs.ts';

/** What cross-posting reads from the portal and the broadcasts (their own access checks apply). */
export interface CrossPostSources {
  getPost(actor: Actor, id: string): Promise<{ id: string; slug: string; title: string; summary: string | null; bodyHtml: string; status: string }>;
  getBroadcast(actor: Actor, id: string): Promise<Pick<BroadcastView, 'id' | 'unitId' | 'title' | 'smsText' | 'status'>>;
  /** A published post's featured image as a photo (JPEG/PNG from the portal's library, with its public URL), or null. */
  featuredPhoto(postId: string): Promise<SocialPhoto | null>;
}

const TEXT_MAX = 5000;
const JOB_ACTOR = systemActor('job:social.publish');
const UNREADABLE_MESSAGE = 'Không đọc được mã truy cập đã lưu (khóa mã hóa đã thay đổi), hãy kết nối lại trang';

/** The text of a portal post's body, for a page that shows plain text. */
function plainText(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h[1-6])\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Cross-posting (issue #14.4): one row per (source, page), sent by the outbox, retried, ambiguous never resent by itself. */
export function createCrossPosting(ctx: SocialContext & { jobs: JobQueue; sources: CrossPostSources }) {
  const { db, clock, box, providers } = ctx;

  function present(actor: Actor, unitPath: string, r: PublicationListRow): PublicationView {
    const publish = can(actor, 'social.publish', { unitPath });
    return {
      id: r.id,
      unitId: r.unitId,
      accountId: r.accountId,
      platform: r.platform,
      accountName: r.accountName,
      sourceKind: r.sourceKind,
      sourceId: r.sourceId,
      title: r.title,
      text: r.text,
      link: r.link,
      state: r.state,
      attempts: r.attempts,
      platformPostId: r.platformPostId,
      permalink: r.permalink,
      errorKind: r.errorKind,
      errorMessage: r.errorMessage,
      createdAt: r.createdAt.toISOString(),
      publishedAt: r.publishedAt?.toISOString() ?? null,
      capabilities: { retry: publish && (r.state === 'failed' || r.state === 'ambiguous'), markPublished: publish && (r.state === 'ambiguous' || r.state === 'failed') },
    };
  }

  /** What is posted: a published portal post (with the link back to it), an approved broadcast of the unit, or free text. */
  async function contentOf(
    actor: Actor,
    unitId: string,
    body: PublishBody,
  ): Promise<{ kind: SourceKind; sourceId: string | null; title: string; text: string; link: string | null }> {
    const s = body.source;
    if (s.kind === 'post') {
      const post = await ctx.sources.getPost(actor, s.postId);
      if (post.status !== 'published') throw new AppError('SOCIAL_POST_NOT_PUBLISHED');
      const text = post.summary?.trim() || plainText(post.bodyHtml);
      return { kind: 'post', sourceId: post.id, title: post.title, text: clip(text, TEXT_MAX), link: `${ctx.publicUrl()}/bai-viet/${encodeURIComponent(post.slug)}` };
    }
    if (s.kind === 'broadcast') {
      const b = await ctx.sources.getBroadcast(actor, s.broadcastId);
      if (b.unitId !== unitId) throw new AppError('SOCIAL_SOURCE_OTHER_UNIT');
      if (!['approved', 'sending', 'done'].includes(b.status)) throw new AppError('SOCIAL_BROADCAST_NOT_APPROVED');
      return { kind: 'broadcast', sourceId: b.id, title: b.title, text: b.smsText, link: null };
    }
    return { kind: 'text', sourceId: null, title: s.title, text: s.text, link: s.link ?? null };
  }

  async function listed(actor: Actor, unitId: string, unitPath: string, ids: string[], tx: Db = db): Promise<PublicationView[]> {
    return (await repo.listPublications(tx, { unitId, ids, limit: 100 })).map((r) => present(actor, unitPath, r));
  }

  /** The row's new state after the platform answered; a temporary failure or rate limit is sent again later. */
  async function recordOutcome(p: PublicationRow, result: { ok: true; id: string; permalink: string | null } | { ok: false; error: SocialError }): Promise<void> {
    const now = clock.now();
    await db.transaction(async (tx) => {
      if (result.ok) {
        await repo.updatePublication(
          tx,
          p.id,
          { state: 'published', platformPostId: result.id, permalink: result.permalink, publishedAt: now, errorKind: null, errorCode: null, errorMessage: null },
          now,
        );
        return;
      }
      const e = result.error;
      const error = { errorKind: e.kind, errorCode: e.platformCode, errorMessage: clip(e.message, 1000) };
      if ((e.kind === 'temporary' || e.kind === 'rate_limited') && p.attempts < MAX_SEND_ATTEMPTS) {
        await repo.updatePublication(tx, p.id, { state: 'queued', ...error }, now);
        const runAt = new Date(now.getTime() + retryDelayMs(p.attempts, e.retryAfterMs));
        await ctx.jobs.enqueue(tx, publishJob, { publicationId: p.id }, { id: retryJobId(p.id, 'auto', p.attempts, now), runAt });
        return;
      }
      await repo.updatePublication(tx, p.id, { state: e.kind === 'ambiguous' ? 'ambiguous' : 'failed', ...error }, now);
      if (e.kind === 'token_invalid') await markTokenInvalid(tx, p.accountId, p.unitId);
    });
  }

  async function markTokenInvalid(tx: Db, accountId: string, unitId: string, message = TOKEN_INVALID_MESSAGE): Promise<void> {
    await accountsRepo.setAccountStatus(tx, accountId, 'token_invalid', message);
    await recordAudit(tx, JOB_ACTOR, { action: 'social.token_invalid', entity: 'social_account', entityId: accountId, unitId, after: { status: 'token_invalid' } });
  }

  return {
    async listPublications(actor: Actor, unitId: string, q: { sourceKind?: SourceKind | undefined; sourceId?: string | undefined }): Promise<PublicationView[]> {
      const { unit } = await unitFor(ctx, actor, unitId, 'social.read');
      return (await repo.listPublications(db, { unitId: unit.id, sourceKind: q.sourceKind, sourceId: q.sourceId, limit: 200 })).map((r) => present(actor, unit.path, r));
    },

    /**
     * Queues the source for each chosen page, the send jobs in the same transaction. A post or broadcast already on a
     * page keeps its row (it is not posted twice). With an Idempotency-Key a retried request returns the same rows.
     * In a caller's transaction (`opts.tx`: the emergency fan-out) every read goes through it, so the source must be
     * text there: a portal post or a broadcast is read through its own module, outside the transaction (PGlite has
     * one connection: such a read would wait for the open transaction forever).
     */
    async publish(actor: Actor, unitId: string, body: PublishBody, idempotencyKey?: string, opts: InTx = {}): Promise<{ created: boolean; publications: PublicationView[] }> {
      if (opts.tx && body.source.kind !== 'text') throw new Error('socialPublishing.publish: in a caller transaction only a text source can be posted');
      const q = opts.tx ?? db;
      const { unit, a } = await unitFor(ctx, actor, unitId, 'social.publish', opts.tx);
      const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      if (idempotencyKey) {
        const seen = await repo.findPublishKey(q, unit.id, idempotencyKey);
        if (seen && seen.requestHash !== hash) throw new AppError('SOCIAL_IDEMPOTENCY_MISMATCH');
        if (seen) return { created: false, publications: await listed(a, unit.id, unit.path, seen.publicationIds, q) };
      }
      const content = await contentOf(a, unit.id, body);
      const accountIds = [...new Set(body.accountIds)];
      const accounts = await Promise.all(accountIds.map((id) => accountsRepo.findAccount(q, id)));
      for (const acc of accounts) {
        if (!acc || acc.unitId !== unit.id) throw new AppError('SOCIAL_BAD_ACCOUNT');
        assertUsable(acc);
      }
      const now = clock.now();
      return inTx(db, opts, async (tx) => {
        const existing = content.sourceId ? await repo.findForSource(tx, content.kind, content.sourceId, accountIds) : [];
        const fresh = accountIds.filter((id) => !existing.some((e) => e.accountId === id));
        const rows = await repo.insertPublications(
          tx,
          fresh.map((accountId) => ({
            unitId: unit.id,
            accountId,
            sourceKind: content.kind,
            sourceId: content.sourceId,
            title: content.title,
            text: content.text,
            link: content.link,
            createdBy: a.userId,
            createdAt: now,
            updatedAt: now,
          })),
        );
        for (const r of rows) await ctx.jobs.enqueue(tx, publishJob, { publicationId: r.id }, { id: publishJobId(r.id) });
        if (rows.length)
          await recordAudit(
            tx,
            a,
            rows.map((r) => ({
              action: 'social.publish',
              entity: 'social_publication',
              entityId: r.id,
              unitId: unit.id,
              after: { accountId: r.accountId, source: r.sourceKind, sourceId: r.sourceId, title: r.title, link: r.link },
            })),
          );
        // A concurrent request may have queued the same source on a page in between: its row stands for this one.
        const raced =
          content.sourceId && rows.length < fresh.length
            ? await repo.findForSource(
                tx,
                content.kind,
                content.sourceId,
                fresh.filter((f) => !rows.some((r) => r.accountId === f)),
              )
            : [];
        const ids = [...rows.map((r) => r.id), ...existing.map((e) => e.id), ...raced.map((e) => e.id)];
        if (idempotencyKey && !(await repo.claimPublishKey(tx, { unitId: unit.id, key: idempotencyKey, requestHash: hash, publicationIds: ids, at: now }))) {
          throw new AppError('CONFLICT');
        }
        return { created: rows.length > 0, publications: await listed(a, unit.id, unit.path, ids, tx) };
      });
    },

    /** "Đăng lại": the operator sends a failed or ambiguous publication again, knowingly (audited). */
    async retryPublication(actor: Actor, id: string): Promise<PublicationView> {
      const p = await repo.findPublication(db, id);
      if (!p) throw new AppError('NOT_FOUND');
      const { unit, a } = await unitFor(ctx, actor, p.unitId, 'social.publish');
      const account = await accountsRepo.findAccount(db, p.accountId);
      if (!account) throw new AppError('NOT_FOUND');
      assertUsable(account);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await repo.findPublication(tx, id, { forUpdate: true });
        if (!row || (row.state !== 'failed' && row.state !== 'ambiguous')) throw new AppError('SOCIAL_NOT_RETRYABLE');
        await repo.updatePublication(tx, id, { state: 'queued', attempts: 0 }, now);
        await ctx.jobs.enqueue(tx, publishJob, { publicationId: id }, { id: retryJobId(id, 'manual', row.attempts, now) });
        await recordAudit(tx, a, {
          action: 'social.publication_retry',
          entity: 'social_publication',
          entityId: id,
          unitId: unit.id,
          before: { state: row.state, errorKind: row.errorKind },
          after: { state: 'queued' },
        });
        return (await listed(a, unit.id, unit.path, [id], tx))[0]!;
      });
    },

    /** "Đã có trên trang": the operator found the post on the page (an ambiguous send that did arrive). */
    async markPublished(actor: Actor, id: string, input: MarkPublishedBody): Promise<PublicationView> {
      const p = await repo.findPublication(db, id);
      if (!p) throw new AppError('NOT_FOUND');
      const { unit, a } = await unitFor(ctx, actor, p.unitId, 'social.publish');
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await repo.findPublication(tx, id, { forUpdate: true });
        if (!row || (row.state !== 'ambiguous' && row.state !== 'failed')) throw new AppError('SOCIAL_NOT_AMBIGUOUS');
        await repo.updatePublication(tx, id, { state: 'published', permalink: input.permalink, platformPostId: input.platformPostId ?? null, publishedAt: now }, now);
        await recordAudit(tx, a, {
          action: 'social.publication_mark_published',
          entity: 'social_publication',
          entityId: id,
          unitId: unit.id,
          before: { state: row.state },
          after: { state: 'published', permalink: input.permalink },
        });
        return (await listed(a, unit.id, unit.path, [id], tx))[0]!;
      });
    },

    /**
     * The job: queued → sending (committed) → the platform → the outcome. A row found `sending` was interrupted
     * mid-call (a crash, a restart): the post may exist, so it becomes ambiguous and waits for the operator.
     */
    async runPublication(publicationId: string): Promise<void> {
      const p = await repo.findPublication(db, publicationId);
      if (!p) return;
      const now = clock.now();
      if (p.state === 'sending') {
        await repo.updatePublication(db, p.id, { state: 'ambiguous', errorKind: 'ambiguous', errorMessage: 'Quá trình đăng bị gián đoạn; không rõ bài đã lên trang chưa' }, now);
        return;
      }
      if (p.state !== 'queued') return;
      const account = await accountsRepo.findAccount(db, p.accountId);
      if (!account || account.disconnectedAt || account.status !== 'connected') {
        const message = account?.status === 'token_invalid' ? TOKEN_INVALID_MESSAGE : 'Trang đã ngắt kết nối';
        await repo.updatePublication(db, p.id, { state: 'failed', errorKind: account?.status === 'token_invalid' ? 'token_invalid' : 'not_allowed', errorMessage: message }, now);
        return;
      }
      const credentials = readableCredentials(box, account);
      if (!credentials) {
        // Nothing was sent: the page must be connected again (its secrets were sealed with another key).
        await db.transaction(async (tx) => {
          await repo.updatePublication(tx, p.id, { state: 'failed', errorKind: 'token_invalid', errorMessage: UNREADABLE_MESSAGE }, now);
          await markTokenInvalid(tx, account.id, account.unitId, UNREADABLE_MESSAGE);
        });
        return;
      }
      const claimed = await repo.claimForSending(db, p.id, now);
      if (!claimed) return;
      // A portal post's featured image goes with it (a Facebook photo post with the link in its caption, a Zalo cover).
      const photo = claimed.sourceKind === 'post' && claimed.sourceId ? await ctx.sources.featuredPhoto(claimed.sourceId).catch(() => null) : null;
      let result: Awaited<ReturnType<(typeof providers)['facebook']['publish']>>;
      try {
        result = await providers[account.platform].publish(credentials, {
          ...(photo ? { photo } : {}),
          text: claimed.text,
          title: claimed.title,
          ...(claimed.link ? { link: claimed.link } : {}),
          reference: claimed.id,
        });
      } catch (err) {
        // An adapter that throws did not say what happened: treat it as possibly posted.
        ctx.logger.warn({ err: err instanceof Error ? err.message : String(err), publicationId }, 'social publish threw');
        result = { ok: false, error: { kind: 'ambiguous', platformCode: null, message: 'Không rõ kết quả đăng bài', retryAfterMs: null } };
      }
      await recordOutcome(claimed, result);
    },
  };
}
export type CrossPosting = ReturnType<typeof createCrossPosting>;
