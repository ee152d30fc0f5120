import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { SYSTEM_ACTOR, hasGlobalScope, isWithin, systemActor } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import './publishing.errors.ts';
import { htmlToText, sanitizeBody } from './sanitize.ts';
import { recordAudit } from '../audit/index.ts';
import { afterWrite, authorizeSection, canInSection, postAndSection, sectionCapabilities } from './publishing.context.ts';
import type { ModuleWrite, PublishingContext, SectionUnits } from './publishing.context.ts';
import { inTx } from '../../db/unit-of-work.ts';
import { POST_STEPS, isLive, postCapabilities } from './post-workflow.ts';
import type { PostStep } from './post-workflow.ts';
import * as repo from './publishing.repository.ts';
import type { PostRow } from './publishing.repository.ts';
import { POST_STATUS_LABELS } from './publishing.schemas.ts';
import type { CreatePostInput, PostCapabilities, PostStatus, UpdatePostInput } from './publishing.schemas.ts';
import { RevisionsSchema, mediaIdsOf, presentPost, slugify } from './publishing.presenters.ts';
import type { PostView } from './publishing.presenters.ts';
import { randomBytes } from 'node:crypto';
import { publishScheduledJob } from './publishing.jobs.ts';

/** A post as an editor sees it: with the steps the signed-in user may take on it. */
export type EditorPost = PostView & { capabilities: PostCapabilities };

/** Posts and their workflow: draft → review → published (now or scheduled) → unpublished. */
export function createPostsService(ctx: PublishingContext) {
  const { db, clock, emit } = ctx;
  const deps = ctx;

  function invalidState(status: string, action: string): AppError {
    return new AppError('POST_INVALID_STATE', { status: POST_STATUS_LABELS[status as PostStatus] ?? status, action });
  }

  async function uniqueSlug(tx: Db, wanted: string | undefined, title: string): Promise<string> {
    if (wanted) {
      if (await repo.slugExists(tx, wanted)) throw new AppError('SLUG_TAKEN', { slug: wanted });
      return wanted;
    }
    const base = slugify(title);
    if (!(await repo.slugExists(tx, base))) return base;
    for (let i = 2; i < 50; i++) if (!(await repo.slugExists(tx, `${base}-${i}`))) return `${base}-${i}`;
    return `${base}-${randomBytes(3).toString('hex')}`;
  }

  /**
   * Publishing a post publishes the draft files of its own section that it shows, so a publisher
   * never puts a page live with a broken image; files of other sections stay as they are.
   */
  async function publishMediaShownBy(tx: Db, a: Actor, post: PostRow, now: Date): Promise<void> {
    const rows = await repo.publishDraftMediaOfSection(tx, { ids: mediaIdsOf(post), sectionId: post.sectionId, now, by: a.userId === SYSTEM_ACTOR.userId ? null : a.userId });
    if (rows.length === 0) return;
    await recordAudit(
      tx,
      a,
      rows.map((m) => ({
        action: 'media.publish',
        entity: 'media',
        entityId: m.id,
        unitId: m.ownerUnitId,
        before: { status: 'draft' },
        after: { status: 'published', postId: post.id },
      })),
    );
  }

  /** A post for an editor: the post and the steps this editor may take on it. */
  function postFor(actor: Actor, post: PostRow, section: SectionUnits): EditorPost {
    return { ...presentPost(post), capabilities: postCapabilities(post.status as PostStatus, sectionCapabilities(actor, section)) };
  }

  async function changePost(
    actor: Actor,
    id: string,
    step: PostStep,
    action: string,
    change: (post: PostRow, now: Date) => Partial<PostRow> | null,
    opts: ModuleWrite = {},
  ): Promise<EditorPost> {
    const { post, section } = await postAndSection(opts.tx ?? db, id);
    const a = authorizeSection(actor, step.permission, section, 'post.read');
    if (!step.from.includes(post.status as PostStatus)) throw invalidState(post.status, step.label);
    const now = clock.now();
    const patch = change(post, now);
    const saved = await inTx(db, opts, async (tx) => {
      const updated = await repo.updatePost(tx, id, { ...patch, updatedAt: now, updatedBy: a.userId === SYSTEM_ACTOR.userId ? null : a.userId });
      if (!updated) throw new AppError('NOT_FOUND');
      await recordAudit(tx, a, {
        action,
        entity: 'post',
        entityId: id,
        unitId: post.authorUnitId,
        before: { status: post.status },
        after: { status: updated.status, publishAt: updated.publishAt },
      });
      if (updated.status === 'published') await publishMediaShownBy(tx, a, updated, now);
      if (updated.status === 'scheduled' && updated.publishAt) {
        await deps.jobs.enqueue(tx, publishScheduledJob, { postId: id }, { id: `post-publish:${id}:${updated.publishAt.toISOString()}`, runAt: updated.publishAt });
      }
      return updated;
    });
    if (saved.status === 'published' || post.status === 'published') afterWrite(opts, () => emit({ kind: 'post', id }));
    return postFor(a, saved, section);
  }

  return {
    async listPosts(actor: Actor, q: { sectionId?: string | undefined; status?: PostStatus | undefined; limit: number }): Promise<EditorPost[]> {
      const a = actor;
      const readable = (await repo.listSections(db)).filter((s) => canInSection(a, 'post.read', s) && (!q.sectionId || s.id === q.sectionId));
      const caps = new Map(readable.map((s) => [s.id, sectionCapabilities(a, s)]));
      const none = { write: false, publish: false };
      return (await repo.listPosts(db, { sectionIds: readable.map((s) => s.id), status: q.status, limit: q.limit })).map((p) => ({
        ...presentPost(p),
        capabilities: postCapabilities(p.status as PostStatus, caps.get(p.sectionId) ?? none),
      }));
    },

    async getPost(actor: Actor, id: string): Promise<EditorPost> {
      const { post, section } = await postAndSection(db, id);
      const a = actor;
      if (!canInSection(a, 'post.read', section)) throw new AppError('NOT_FOUND');
      return postFor(a, post, section);
    },

    /**
     * A new draft. A module composing it into its use case passes `opts.tx` and may give the post's JSON-LD
     * (`opts.structuredData`, e.g. the desk's ClaimReview): not a field of the public API.
     */
    async createPost(actor: Actor, input: CreatePostInput, opts: ModuleWrite & { structuredData?: Record<string, unknown> | null } = {}): Promise<EditorPost> {
      const q = opts.tx ?? db;
      const section = await repo.findSectionById(q, input.sectionId);
      if (!section) throw new AppError('NOT_FOUND');
      const a = authorizeSection(actor, 'post.write', section);
      const authorUnitId = input.authorUnitId ?? a.unitId;
      const author = (await repo.findUnitPaths(q, [authorUnitId])).get(authorUnitId);
      if (!author) throw new AppError('UNKNOWN_UNIT', { unit: authorUnitId });
      if (!hasGlobalScope(a) && !isWithin(author.path, a.unitPath)) throw new AppError('FORBIDDEN');
      const bodyHtml = sanitizeBody(input.body);
      const now = clock.now();
      const created = await inTx(db, opts, async (tx) => {
        const slug = await uniqueSlug(tx, input.slug, input.title);
        const row = await repo
          .insertPost(tx, {
            sectionId: section.id,
            slug,
            title: input.title,
            summary: input.summary ?? null,
            bodyHtml,
            bodyText: htmlToText(bodyHtml),
            tags: input.tags,
            featuredImageUrl: input.featuredImageUrl ?? null,
            authorUnitId,
            sourceName: input.sourceName ?? null,
            sourceUrl: input.sourceUrl ?? null,
            structuredData: opts.structuredData ?? null,
            status: 'draft',
            createdBy: a.userId === SYSTEM_ACTOR.userId ? null : a.userId,
            updatedBy: a.userId === SYSTEM_ACTOR.userId ? null : a.userId,
            createdAt: now,
            updatedAt: now,
          })
          .catch((err: unknown) => {
            if (err instanceof repo.UniqueViolation) throw new AppError('SLUG_TAKEN', { slug });
            throw err;
          });
        await recordAudit(tx, a, {
          action: 'post.create',
          entity: 'post',
          entityId: row.id,
          unitId: authorUnitId,
          after: { title: row.title, slug: row.slug, sectionId: row.sectionId },
        });
        return row;
      });
      return postFor(a, created, section);
    },

    /** Editing a live (published or scheduled) post needs the publish permission; a note records a correction. */
    async updatePost(actor: Actor, id: string, input: UpdatePostInput): Promise<EditorPost> {
      const { post, section } = await postAndSection(db, id);
      const live = isLive(post.status as PostStatus);
      const a = authorizeSection(actor, live ? 'post.publish' : 'post.write', section, 'post.read');
      const now = clock.now();
      const bodyHtml = input.body !== undefined ? sanitizeBody(input.body) : undefined;
      const revisions = RevisionsSchema.safeParse(post.revisions);
      const updated = await db.transaction(async (tx) => {
        const row = await repo.updatePost(tx, id, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.summary !== undefined ? { summary: input.summary } : {}),
          ...(bodyHtml !== undefined ? { bodyHtml, bodyText: htmlToText(bodyHtml) } : {}),
          ...(input.tags !== undefined ? { tags: input.tags } : {}),
          ...(input.featuredImageUrl !== undefined ? { featuredImageUrl: input.featuredImageUrl } : {}),
          ...(input.sourceName !== undefined ? { sourceName: input.sourceName } : {}),
          ...(input.sourceUrl !== undefined ? { sourceUrl: input.sourceUrl } : {}),
          ...(input.revisionNote ? { revisions: [...(revisions.success ? revisions.data : []), { at: now.toISOString(), note: input.revisionNote }] } : {}),
          updatedAt: now,
          updatedBy: a.userId === SYSTEM_ACTOR.userId ? null : a.userId,
        });
        if (!row) throw new AppError('NOT_FOUND');
        await recordAudit(tx, a, {
          action: 'post.update',
          entity: 'post',
          entityId: id,
          unitId: post.authorUnitId,
          before: { title: post.title, summary: post.summary, bodyHtml: post.bodyHtml },
          after: { title: row.title, summary: row.summary, bodyHtml: row.bodyHtml, revisionNote: input.revisionNote ?? null },
        });
        return row;
      });
      if (live) emit({ kind: 'post', id });
      return postFor(a, updated, section);
    },

    submitPost: (actor: Actor, id: string) => changePost(actor, id, POST_STEPS.submit, 'post.submit', () => ({ status: 'review' })),

    returnPost: (actor: Actor, id: string) => changePost(actor, id, POST_STEPS.return, 'post.return', () => ({ status: 'draft' })),

    /** Publishes now, or at `publishAt` (a job flips it then). An approver may publish a draft directly. */
    publishPost(actor: Actor, id: string, publishAt?: string, opts: ModuleWrite = {}) {
      const at = publishAt ? new Date(publishAt) : null;
      return changePost(
        actor,
        id,
        POST_STEPS.publish,
        at && at > clock.now() ? 'post.schedule' : 'post.publish',
        (_post, now) => (at && at > now ? { status: 'scheduled', publishAt: at } : { status: 'published', publishedAt: now, publishAt: null }),
        opts,
      );
    },

    unpublishPost: (actor: Actor, id: string) => changePost(actor, id, POST_STEPS.unpublish, 'post.unpublish', () => ({ status: 'unpublished', publishAt: null })),

    /** The scheduled-publish job: flips the post when due; a moved or cancelled schedule is a no-op. */
    async publishDue(postId: string): Promise<boolean> {
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const published = await repo.publishIfDue(tx, postId, now);
        if (published) {
          await recordAudit(tx, systemActor('job:publishing.publish-scheduled'), {
            action: 'post.publish',
            entity: 'post',
            entityId: postId,
            unitId: published.authorUnitId,
            after: { status: 'published', scheduled: true },
          });
          await publishMediaShownBy(tx, systemActor('job:publishing.publish-scheduled'), published, now);
        }
        return published;
      });
      if (row) emit({ kind: 'post', id: postId });
      return Boolean(row);
    },
  };
}
