import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { foldDiacritics, formatVnDate, vnDateKey } from '../../platform/text.ts';
import { SYSTEM_ACTOR, can, hasGlobalScope, isWithin, systemActor } from '../access/index.ts';
import type { Actor, Permission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { checkFormTime, signFormTime } from './form-token.ts';
import { MEDIA_TYPES, sniffMediaType } from './media.storage.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { notifyAskerJob, publishScheduledJob } from './publishing.jobs.ts';
import type { MailOut } from './publishing.jobs.ts';
import * as repo from './publishing.repository.ts';
import type { LinkRow, MediaRow, PostRow, QuestionRow, SectionWithPaths, SituationRow } from './publishing.repository.ts';
import { LIMITS, POST_STATUS_LABELS, SituationFieldSchema } from './publishing.schemas.ts';
import type {
  AnswerInput,
  CreateLinkInput,
  CreatePostInput,
  CreateSectionInput,
  MediaStatus,
  PostStatus,
  QuestionFormInput,
  QuestionStatus,
  SituationField,
  SituationInput,
  UpdatePostInput,
  UpdateSectionInput,
} from './publishing.schemas.ts';
import { htmlToText, sanitizeBody } from './sanitize.ts';

// Presenters: a row is never serialised as it is.

export interface SectionView {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  ownerUnitId: string;
  delegateUnitId: string | null;
  situationFields: SituationField[] | null;
  position: number;
}

const FieldsSchema = z.array(SituationFieldSchema).nullable();

export function presentSection(s: repo.SectionRow): SectionView {
  const fields = FieldsSchema.safeParse(s.situationFields ?? null);
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    description: s.description,
    ownerUnitId: s.ownerUnitId,
    delegateUnitId: s.delegateUnitId,
    situationFields: fields.success ? fields.data : null,
    position: s.position,
  };
}

const RevisionsSchema = z.array(z.object({ at: z.string(), note: z.string() }));

export function presentPost(p: PostRow) {
  const revisions = RevisionsSchema.safeParse(p.revisions);
  return {
    id: p.id,
    sectionId: p.sectionId,
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    bodyHtml: p.bodyHtml,
    tags: p.tags,
    featuredImageUrl: p.featuredImageUrl,
    authorUnitId: p.authorUnitId,
    sourceName: p.sourceName,
    sourceUrl: p.sourceUrl,
    status: p.status as PostStatus,
    publishAt: p.publishAt?.toISOString() ?? null,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    revisions: revisions.success ? revisions.data : [],
    updatedAt: p.updatedAt.toISOString(),
  };
}
export type PostView = ReturnType<typeof presentPost>;

const FiguresSchema = z.record(z.string(), z.number());

export function presentSituation(s: SituationRow) {
  const figures = FiguresSchema.safeParse(s.figures);
  return {
    id: s.id,
    sectionId: s.sectionId,
    date: s.date,
    unitId: s.unitId,
    figures: figures.success ? figures.data : {},
    note: s.note,
    publishedAt: s.publishedAt.toISOString(),
  };
}
export type SituationView = ReturnType<typeof presentSituation>;

export function presentQuestion(q: QuestionRow) {
  return {
    id: q.id,
    sectionId: q.sectionId,
    name: q.name,
    email: q.email,
    question: q.question,
    answer: q.answer,
    status: q.status as QuestionStatus,
    answeredAt: q.answeredAt?.toISOString() ?? null,
    createdAt: q.createdAt.toISOString(),
  };
}
export type QuestionView = ReturnType<typeof presentQuestion>;

export function presentLink(l: LinkRow) {
  return { id: l.id, kind: l.kind as 'hotline' | 'service', label: l.label, value: l.value, note: l.note, ownerUnitId: l.ownerUnitId, position: l.position };
}
export type LinkView = ReturnType<typeof presentLink>;

export function mediaUrl(m: Pick<MediaRow, 'id' | 'fileName'>): string {
  return `/tep/${m.id}/${encodeURIComponent(m.fileName)}`;
}

export function presentMedia(m: MediaRow) {
  return {
    id: m.id,
    title: m.title,
    fileName: m.fileName,
    mime: m.mime,
    size: m.size,
    sha256: m.sha256,
    ownerUnitId: m.ownerUnitId,
    sectionId: m.sectionId,
    status: m.status as MediaStatus,
    publishedAt: m.publishedAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
    url: mediaUrl(m),
  };
}

const MEDIA_URL_ID = /\/tep\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//g;

/** Ids of the library files a post shows (featured image, links and images in the body). */
export function mediaIdsOf(p: Pick<PostRow, 'featuredImageUrl' | 'bodyHtml'>): string[] {
  return [...new Set([...`${p.featuredImageUrl ?? ''} ${p.bodyHtml}`.matchAll(MEDIA_URL_ID)].map((m) => m[1] ?? ''))].filter(Boolean);
}
export type MediaView = ReturnType<typeof presentMedia>;

/** "Phòng, chống dịch Covid-19!" → "phong-chong-dich-covid-19". */
export function slugify(title: string): string {
  return (
    foldDiacritics(title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'bai-viet'
  );
}

/** Words of a search query (folded later in SQL by loa_unaccent, and by foldDiacritics for highlighting). */
export function searchWords(q: string): string[] {
  return [
    ...new Set(
      q
        .normalize('NFC')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 0),
    ),
  ].slice(0, 8);
}

/** What changed on the public site: the page cache listens and drops its pages. */
export type PortalChange = { kind: 'post' | 'section' | 'situation' | 'question' | 'link' | 'media'; id: string };

export interface PublishingDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  files: FileStore;
  /** Base of absolute links in e-mails (no trailing slash). */
  publicUrl: () => string;
}

export function createPublishingService(deps: PublishingDeps) {
  const { db, clock } = deps;
  const listeners = new Set<(change: PortalChange) => void>();
  const emit = (change: PortalChange) => {
    for (const l of listeners) l(change);
  };
  let formSecret: Promise<string> | null = null;
  const secret = () => (formSecret ??= repo.ensureKey(db, 'question-form', randomBytes(32).toString('base64url')).catch((err: unknown) => {
    formSecret = null;
    throw err;
  }));

  /** The section's units (delegate first): a permission held on either one counts in the section. */
  function sectionUnits(s: SectionWithPaths): { id: string; path: string }[] {
    const list: { id: string; path: string }[] = [];
    if (s.delegateUnitId && s.delegatePath) list.push({ id: s.delegateUnitId, path: s.delegatePath });
    list.push({ id: s.ownerUnitId, path: s.ownerPath });
    return list;
  }

  function canInSection(actor: Actor, permission: Permission, s: SectionWithPaths): boolean {
    return sectionUnits(s).some((u) => can(actor, permission, { unitPath: u.path }));
  }

  /** Deny by default: an editor acts in the sections of their unit and in those delegated to it. */
  function authorizeSection(actor: Actor, permission: Permission, s: SectionWithPaths, readPermission?: Permission): Actor {
    const a = actor;
    if (canInSection(a, permission, s)) return a;
    if (readPermission && !canInSection(a, readPermission, s)) throw new AppError('NOT_FOUND');
    throw new AppError('FORBIDDEN');
  }

  async function sectionOr404(id: string): Promise<SectionWithPaths> {
    const s = await repo.findSectionById(db, id);
    if (!s) throw new AppError('NOT_FOUND');
    return s;
  }

  async function postAndSection(id: string): Promise<{ post: PostRow; section: SectionWithPaths }> {
    const post = await repo.findPostById(db, id);
    if (!post) throw new AppError('NOT_FOUND');
    return { post, section: await sectionOr404(post.sectionId) };
  }

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

  function situationFieldsOf(s: SectionWithPaths): SituationField[] {
    const fields = presentSection(s).situationFields;
    if (!fields) throw new AppError('NOT_A_SITUATION_SECTION');
    return fields;
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
      rows.map((m) => ({ action: 'media.publish', entity: 'media', entityId: m.id, unitId: m.ownerUnitId, before: { status: 'draft' }, after: { status: 'published', postId: post.id } })),
    );
  }

  async function mediaOr404(id: string): Promise<MediaRow> {
    const m = await repo.findMediaById(db, id);
    if (!m) throw new AppError('NOT_FOUND');
    return m;
  }

  /** A file is governed by its section like a post; a file from before review (no section) by its owner unit. */
  async function canOnMedia(a: Actor, permission: Permission, m: MediaRow): Promise<boolean> {
    if (m.sectionId) return canInSection(a, permission, await sectionOr404(m.sectionId));
    const owner = (await repo.findUnitPaths(db, [m.ownerUnitId])).get(m.ownerUnitId);
    return Boolean(owner && can(a, permission, { unitPath: owner.path }));
  }

  async function changeMediaStatus(actor: Actor, id: string, status: MediaStatus): Promise<MediaView> {
    const m = await mediaOr404(id);
    if (!(await canOnMedia(actor, 'post.publish', m))) throw new AppError((await canOnMedia(actor, 'post.read', m)) ? 'FORBIDDEN' : 'NOT_FOUND');
    if (m.status === status) return presentMedia(m);
    const now = clock.now();
    const saved = await db.transaction(async (tx) => {
      const row = await repo.updateMedia(tx, id, status === 'published' ? { status, publishedAt: now, publishedBy: actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId } : { status, publishedAt: null, publishedBy: null });
      if (!row) throw new AppError('NOT_FOUND');
      await recordAudit(tx, actor, { action: status === 'published' ? 'media.publish' : 'media.unpublish', entity: 'media', entityId: id, unitId: m.ownerUnitId, before: { status: m.status }, after: { status } });
      return row;
    });
    emit({ kind: 'media', id });
    return presentMedia(saved);
  }

  async function changePost(
    actor: Actor,
    id: string,
    permission: Permission,
    action: string,
    change: (post: PostRow, now: Date) => Partial<PostRow> | null,
    allowed: readonly PostStatus[],
    label: string,
  ): Promise<PostView> {
    const { post, section } = await postAndSection(id);
    const a = authorizeSection(actor, permission, section, 'post.read');
    if (!allowed.includes(post.status as PostStatus)) throw invalidState(post.status, label);
    const now = clock.now();
    const patch = change(post, now);
    const saved = await db.transaction(async (tx) => {
      const updated = await repo.updatePost(tx, id, { ...patch, updatedAt: now, updatedBy: a.userId === SYSTEM_ACTOR.userId ? null : a.userId });
      if (!updated) throw new AppError('NOT_FOUND');
      await recordAudit(tx, a, { action, entity: 'post', entityId: id, unitId: post.authorUnitId, before: { status: post.status }, after: { status: updated.status, publishAt: updated.publishAt } });
      if (updated.status === 'published') await publishMediaShownBy(tx, a, updated, now);
      if (updated.status === 'scheduled' && updated.publishAt) {
        await deps.jobs.enqueue(tx, publishScheduledJob, { postId: id }, { id: `post-publish:${id}:${updated.publishAt.toISOString()}`, runAt: updated.publishAt });
      }
      return updated;
    });
    if (saved.status === 'published' || post.status === 'published') emit({ kind: 'post', id });
    return presentPost(saved);
  }

  return {
    /** Subscribe to changes of public content; returns the unsubscribe function. */
    onChange(listener: (change: PortalChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    // Sections

    /** Any signed-in user reads the section list (the route requires a session). */
    async listSections(_actor: Actor): Promise<SectionView[]> {
      return (await repo.listSections(db)).map(presentSection);
    },

    async createSection(actor: Actor, input: CreateSectionInput): Promise<SectionView> {
      const a = actor;
      const unitIds = [input.ownerUnitId, ...(input.delegateUnitId ? [input.delegateUnitId] : [])];
      const found = await repo.findUnitPaths(db, unitIds);
      const owner = found.get(input.ownerUnitId);
      if (!owner) throw new AppError('UNKNOWN_UNIT', { unit: input.ownerUnitId });
      if (input.delegateUnitId && !found.has(input.delegateUnitId)) throw new AppError('UNKNOWN_UNIT', { unit: input.delegateUnitId });
      if (!can(a, 'section.manage', { unitPath: owner.path })) throw new AppError('FORBIDDEN');
      const created = await db.transaction(async (tx) => {
        const row = await repo
          .insertSection(tx, {
            slug: input.slug,
            name: input.name,
            description: input.description ?? null,
            ownerUnitId: input.ownerUnitId,
            delegateUnitId: input.delegateUnitId ?? null,
            situationFields: input.situationFields ?? null,
            position: input.position,
          })
          .catch((err: unknown) => {
            if (err instanceof repo.UniqueViolation) throw new AppError('SLUG_TAKEN', { slug: input.slug });
            throw err;
          });
        await recordAudit(tx, a, { action: 'section.create', entity: 'section', entityId: row.id, unitId: row.ownerUnitId, after: presentSection(row) });
        return row;
      });
      emit({ kind: 'section', id: created.id });
      return presentSection(created);
    },

    /** Also how a section is handed to (or taken back from) a delegate unit. */
    async updateSection(actor: Actor, id: string, input: UpdateSectionInput): Promise<SectionView> {
      const s = await sectionOr404(id);
      const a = actor;
      if (!can(a, 'section.manage', { unitPath: s.ownerPath })) throw new AppError('FORBIDDEN');
      if (input.delegateUnitId && !(await repo.findUnitPaths(db, [input.delegateUnitId])).has(input.delegateUnitId)) {
        throw new AppError('UNKNOWN_UNIT', { unit: input.delegateUnitId });
      }
      const updated = await db.transaction(async (tx) => {
        const row = await repo.updateSection(tx, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.delegateUnitId !== undefined ? { delegateUnitId: input.delegateUnitId } : {}),
          ...(input.situationFields !== undefined ? { situationFields: input.situationFields } : {}),
          ...(input.position !== undefined ? { position: input.position } : {}),
        });
        if (!row) throw new AppError('NOT_FOUND');
        await recordAudit(tx, a, { action: 'section.update', entity: 'section', entityId: id, unitId: s.ownerUnitId, before: presentSection(s), after: presentSection(row) });
        return row;
      });
      emit({ kind: 'section', id });
      return presentSection(updated);
    },

    // Posts

    async listPosts(actor: Actor, q: { sectionId?: string | undefined; status?: PostStatus | undefined; limit: number }): Promise<PostView[]> {
      const a = actor;
      const readable = (await repo.listSections(db)).filter((s) => canInSection(a, 'post.read', s) && (!q.sectionId || s.id === q.sectionId));
      return (await repo.listPosts(db, { sectionIds: readable.map((s) => s.id), status: q.status, limit: q.limit })).map(presentPost);
    },

    async getPost(actor: Actor, id: string): Promise<PostView> {
      const { post, section } = await postAndSection(id);
      const a = actor;
      if (!canInSection(a, 'post.read', section)) throw new AppError('NOT_FOUND');
      return presentPost(post);
    },

    async createPost(actor: Actor, input: CreatePostInput): Promise<PostView> {
      const section = await repo.findSectionById(db, input.sectionId);
      if (!section) throw new AppError('NOT_FOUND');
      const a = authorizeSection(actor, 'post.write', section);
      const authorUnitId = input.authorUnitId ?? a.unitId;
      const author = (await repo.findUnitPaths(db, [authorUnitId])).get(authorUnitId);
      if (!author) throw new AppError('UNKNOWN_UNIT', { unit: authorUnitId });
      if (!hasGlobalScope(a) && !isWithin(author.path, a.unitPath)) throw new AppError('FORBIDDEN');
      const bodyHtml = sanitizeBody(input.body);
      const now = clock.now();
      const created = await db.transaction(async (tx) => {
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
        await recordAudit(tx, a, { action: 'post.create', entity: 'post', entityId: row.id, unitId: authorUnitId, after: { title: row.title, slug: row.slug, sectionId: row.sectionId } });
        return row;
      });
      return presentPost(created);
    },

    /** Editing a live (published or scheduled) post needs the publish permission; a note records a correction. */
    async updatePost(actor: Actor, id: string, input: UpdatePostInput): Promise<PostView> {
      const { post, section } = await postAndSection(id);
      const live = post.status === 'published' || post.status === 'scheduled';
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
      return presentPost(updated);
    },

    submitPost: (actor: Actor, id: string) =>
      changePost(actor, id, 'post.write', 'post.submit', () => ({ status: 'review' }), ['draft', 'unpublished'], 'gửi duyệt'),

    returnPost: (actor: Actor, id: string) =>
      changePost(actor, id, 'post.publish', 'post.return', () => ({ status: 'draft' }), ['review'], 'trả lại'),

    /** Publishes now, or at `publishAt` (a job flips it then). An approver may publish a draft directly. */
    publishPost(actor: Actor, id: string, publishAt?: string) {
      const at = publishAt ? new Date(publishAt) : null;
      return changePost(
        actor,
        id,
        'post.publish',
        at && at > clock.now() ? 'post.schedule' : 'post.publish',
        (_post, now) => (at && at > now ? { status: 'scheduled', publishAt: at } : { status: 'published', publishedAt: now, publishAt: null }),
        ['draft', 'review', 'scheduled', 'unpublished'],
        'đăng',
      );
    },

    unpublishPost: (actor: Actor, id: string) =>
      changePost(actor, id, 'post.publish', 'post.unpublish', () => ({ status: 'unpublished', publishAt: null }), ['published', 'scheduled'], 'gỡ'),

    /** The scheduled-publish job: flips the post when due; a moved or cancelled schedule is a no-op. */
    async publishDue(postId: string): Promise<boolean> {
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const published = await repo.publishIfDue(tx, postId, now);
        if (published) {
          await recordAudit(tx, systemActor('job:publishing.publish-scheduled'), { action: 'post.publish', entity: 'post', entityId: postId, unitId: published.authorUnitId, after: { status: 'published', scheduled: true } });
          await publishMediaShownBy(tx, systemActor('job:publishing.publish-scheduled'), published, now);
        }
        return published;
      });
      if (row) emit({ kind: 'post', id: postId });
      return Boolean(row);
    },

    // Daily situation

    /** Enters (or corrects) the figures of a date in a situation section; they are public at once. */
    async saveSituation(actor: Actor, sectionId: string, date: string, input: SituationInput): Promise<SituationView> {
      const section = await sectionOr404(sectionId);
      const a = authorizeSection(actor, 'situation.write', section);
      const fields = situationFieldsOf(section);
      const keys = new Set(fields.map((f) => f.key));
      const unknown = Object.keys(input.figures).find((k) => !keys.has(k));
      if (unknown) throw new AppError('UNKNOWN_SITUATION_FIELD', { field: unknown });
      const now = clock.now();
      if (date > vnDateKey(now)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'params.date', message: 'ngày chưa tới' }]);
      const unit = sectionUnits(section).find((u) => can(a, 'situation.write', { unitPath: u.path })) ?? { id: section.ownerUnitId };
      const saved = await db.transaction(async (tx) => {
        const before = await repo.findSituation(tx, sectionId, date);
        const row = await repo.upsertSituation(tx, {
          sectionId,
          date,
          unitId: unit.id,
          figures: input.figures,
          note: input.note ?? null,
          createdBy: a.userId === SYSTEM_ACTOR.userId ? null : a.userId,
          publishedAt: before?.publishedAt ?? now,
          createdAt: now,
          updatedAt: now,
        });
        await recordAudit(tx, a, {
          action: before ? 'situation.correct' : 'situation.publish',
          entity: 'situation',
          entityId: row.id,
          unitId: unit.id,
          before: before ? presentSituation(before) : null,
          after: presentSituation(row),
        });
        return row;
      });
      emit({ kind: 'situation', id: saved.id });
      return presentSituation(saved);
    },

    /** Any signed-in user reads a section's figures (they are published on the portal). */
    async listSituation(_actor: Actor, sectionId: string, limit = 60): Promise<SituationView[]> {
      await sectionOr404(sectionId);
      return (await repo.listSituation(db, sectionId, limit)).map(presentSituation);
    },

    /** For the 15:00 job: an e-mail to the health unit of every situation section without today's figures. */
    async situationReminders(): Promise<MailOut[]> {
      const now = clock.now();
      const today = vnDateKey(now);
      const out: MailOut[] = [];
      for (const s of await repo.listSections(db)) {
        if (!presentSection(s).situationFields) continue;
        if (await repo.findSituation(db, s.id, today)) continue;
        const unitId = s.delegateUnitId ?? s.ownerUnitId;
        const unit = (await repo.findUnitPaths(db, [unitId])).get(unitId);
        for (const to of unit?.emails ?? []) {
          out.push({
            to,
            subject: `Nhắc cập nhật số liệu tình hình ${formatVnDate(now)}`,
            text:
              `Kính gửi ${unit?.name ?? 'đơn vị'},\n\n` +
              `Đến 15 giờ ${formatVnDate(now)}, chuyên mục "${s.name}" trên cổng thông tin chưa có số liệu tình hình của ngày hôm nay.\n` +
              `Đề nghị đơn vị cập nhật tại: ${deps.publicUrl()}/admin/\n\nTrân trọng.\n`,
          });
        }
      }
      return out;
    },

    // Citizen questions

    async listQuestions(actor: Actor, status: QuestionStatus | undefined): Promise<QuestionView[]> {
      const a = actor;
      const sections = (await repo.listSections(db)).filter((s) => canInSection(a, 'question.answer', s));
      return (await repo.listQuestions(db, { sectionIds: sections.map((s) => s.id), status, limit: 200 })).map(presentQuestion);
    },

    async answerQuestion(actor: Actor, id: string, input: AnswerInput): Promise<QuestionView> {
      const q = await repo.findQuestionById(db, id);
      if (!q) throw new AppError('NOT_FOUND');
      const section = await sectionOr404(q.sectionId);
      const a = authorizeSection(actor, 'question.answer', section, 'question.answer');
      const unit = sectionUnits(section).find((u) => can(a, 'question.answer', { unitPath: u.path })) ?? { id: section.ownerUnitId };
      const now = clock.now();
      const updated = await db.transaction(async (tx) => {
        const row = await repo.updateQuestion(tx, id, {
          answer: input.answer,
          status: input.publish ? 'published' : 'pending',
          answeredBy: a.userId === SYSTEM_ACTOR.userId ? null : a.userId,
          answerUnitId: unit.id,
          answeredAt: now,
        });
        if (!row) throw new AppError('NOT_FOUND');
        await recordAudit(tx, a, { action: 'question.answer', entity: 'question', entityId: id, unitId: unit.id, before: { status: q.status, answer: q.answer }, after: { status: row.status, answer: row.answer } });
        if (row.email) await deps.jobs.enqueue(tx, notifyAskerJob, { questionId: id }, { id: `question-answer:${id}` });
        return row;
      });
      if (updated.status === 'published' || q.status === 'published') emit({ kind: 'question', id });
      return presentQuestion(updated);
    },

    /** A question received by telephone or letter, entered with its answer and published as FAQ. */
    async recordAnsweredQuestion(actor: Actor, input: { sectionId: string; name: string; question: string; answer: string }): Promise<QuestionView> {
      const section = await sectionOr404(input.sectionId);
      const a = authorizeSection(actor, 'question.answer', section);
      const unit = sectionUnits(section).find((u) => can(a, 'question.answer', { unitPath: u.path })) ?? { id: section.ownerUnitId };
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertQuestion(tx, {
          sectionId: section.id,
          name: input.name,
          question: input.question,
          answer: input.answer,
          status: 'published',
          answeredBy: a.userId === SYSTEM_ACTOR.userId ? null : a.userId,
          answerUnitId: unit.id,
          answeredAt: now,
          createdAt: now,
        });
        await recordAudit(tx, a, { action: 'question.record', entity: 'question', entityId: created.id, unitId: unit.id, after: presentQuestion(created) });
        return created;
      });
      emit({ kind: 'question', id: row.id });
      return presentQuestion(row);
    },

    async rejectQuestion(actor: Actor, id: string): Promise<QuestionView> {
      const q = await repo.findQuestionById(db, id);
      if (!q) throw new AppError('NOT_FOUND');
      const section = await sectionOr404(q.sectionId);
      const a = authorizeSection(actor, 'question.answer', section, 'question.answer');
      const updated = await db.transaction(async (tx) => {
        const row = await repo.updateQuestion(tx, id, { status: 'rejected' });
        if (!row) throw new AppError('NOT_FOUND');
        await recordAudit(tx, a, { action: 'question.reject', entity: 'question', entityId: id, unitId: section.ownerUnitId, before: { status: q.status }, after: { status: 'rejected' } });
        return row;
      });
      if (q.status === 'published') emit({ kind: 'question', id });
      return presentQuestion(updated);
    },

    /** For the notify-asker job: the e-mail telling the asker their question was answered. */
    async answerMail(questionId: string): Promise<MailOut | null> {
      const q = await repo.findQuestionById(db, questionId);
      if (!q?.email || !q.answer) return null;
      const base = deps.publicUrl();
      return {
        to: q.email,
        subject: 'Câu hỏi của bạn đã được trả lời',
        text:
          `Xin chào ${q.name},\n\nCâu hỏi bạn gửi: "${q.question}"\n\nTrả lời:\n${q.answer}\n\n` +
          (q.status === 'published' ? `Xem tại: ${base}/hoi-dap#q-${q.id}\n\n` : '') +
          'Trân trọng.\n',
      };
    },

    // Links

    async createLink(actor: Actor, input: CreateLinkInput): Promise<LinkView> {
      const a = actor;
      const owner = (await repo.findUnitPaths(db, [input.ownerUnitId])).get(input.ownerUnitId);
      if (!owner) throw new AppError('UNKNOWN_UNIT', { unit: input.ownerUnitId });
      if (!can(a, 'section.manage', { unitPath: owner.path })) throw new AppError('FORBIDDEN');
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertLink(tx, { kind: input.kind, label: input.label, value: input.value, note: input.note ?? null, ownerUnitId: input.ownerUnitId, position: input.position });
        await recordAudit(tx, a, { action: 'link.create', entity: 'link', entityId: created.id, unitId: input.ownerUnitId, after: presentLink(created) });
        return created;
      });
      emit({ kind: 'link', id: row.id });
      return presentLink(row);
    },

    async deleteLink(actor: Actor, id: string): Promise<void> {
      const a = actor;
      const link = await repo.findLinkById(db, id);
      if (!link) throw new AppError('NOT_FOUND');
      const owner = (await repo.findUnitPaths(db, [link.ownerUnitId])).get(link.ownerUnitId);
      if (!owner || !can(a, 'section.manage', { unitPath: owner.path })) throw new AppError('FORBIDDEN');
      await db.transaction(async (tx) => {
        await repo.deleteLink(tx, id);
        await recordAudit(tx, a, { action: 'link.delete', entity: 'link', entityId: id, unitId: link.ownerUnitId, before: presentLink(link) });
      });
      emit({ kind: 'link', id });
    },

    // Media

    /**
     * Stores an upload whose content really is PNG, JPEG, PDF, MP4 or MP3 (the name and header are
     * not trusted), as a draft of the section: nothing is public until a publisher of the section
     * publishes it (or a post of the section that shows it).
     */
    async uploadMedia(actor: Actor, input: { title: string; sectionId: string; ownerUnitId?: string | undefined; fileName: string; content: Buffer }): Promise<MediaView> {
      const a = authorizeSection(actor, 'media.write', await sectionOr404(input.sectionId), 'post.read');
      const ownerUnitId = input.ownerUnitId ?? a.unitId;
      const owner = (await repo.findUnitPaths(db, [ownerUnitId])).get(ownerUnitId);
      if (!owner) throw new AppError('UNKNOWN_UNIT', { unit: ownerUnitId });
      if (!can(a, 'media.write', { unitPath: owner.path })) throw new AppError('FORBIDDEN');
      if (input.content.length > LIMITS.mediaBytes) throw new AppError('PAYLOAD_TOO_LARGE');
      const type = sniffMediaType(input.content);
      if (!type) throw new AppError('UNSUPPORTED_FILE_TYPE');
      const { mime, ext } = MEDIA_TYPES[type];
      const stem = path
        .basename(input.fileName.normalize('NFC'), path.extname(input.fileName))
        .replace(/[^\p{L}\p{N} ._-]+/gu, '')
        .trim()
        .slice(0, 100);
      const fileName = `${slugify(stem || 'tep')}.${ext}`;
      const stored = await deps.files.save(input.content, ext);
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertMedia(tx, {
          ownerUnitId,
          title: input.title,
          fileName,
          mime,
          size: input.content.length,
          sha256: stored.sha256,
          storageKey: stored.key,
          sectionId: input.sectionId,
          status: 'draft',
          createdBy: a.userId === SYSTEM_ACTOR.userId ? null : a.userId,
          createdAt: clock.now(),
        });
        await recordAudit(tx, a, { action: 'media.upload', entity: 'media', entityId: created.id, unitId: ownerUnitId, after: presentMedia(created) });
        return created;
      });
      return presentMedia(row);
    },

    /** The library of the sections the actor reads posts of (drafts included), newest first. */
    async listMediaAdmin(actor: Actor, q: { status?: MediaStatus | undefined } = {}): Promise<MediaView[]> {
      const sections = (await repo.listSections(db)).filter((s) => canInSection(actor, 'post.read', s));
      const rows = await repo.listMediaIn(db, { sectionIds: sections.map((s) => s.id), withUnsectioned: can(actor, 'post.read', { unitPath: actor.unitPath }), status: q.status, limit: 200 });
      return rows.map(presentMedia);
    },

    /** Makes a file public: a publisher of its section (post.publish there), like a post. Audited. */
    publishMedia: (actor: Actor, id: string) => changeMediaStatus(actor, id, 'published'),

    /** Takes a file down from every public address. Audited. */
    unpublishMedia: (actor: Actor, id: string) => changeMediaStatus(actor, id, 'draft'),

    /** The content of a file for its reviewers, drafts included (anyone who reads the section's posts). */
    async openMediaForReview(actor: Actor, id: string) {
      const m = await mediaOr404(id);
      if (!(await canOnMedia(actor, 'post.read', m))) throw new AppError('NOT_FOUND');
      const file = await deps.files.open(m.storageKey);
      if (!file) throw new AppError('NOT_FOUND');
      return { ...file, media: presentMedia(m) };
    },

    // The public portal: published content only, no actor.

    portal: {
      sections: async () => (await repo.listSections(db)).map((s) => ({ ...presentSection(s), ownerName: s.ownerName, delegateName: s.delegateName })),
      sectionBySlug: async (slug: string) => {
        const s = await repo.findSectionBySlug(db, slug);
        return s ? { ...presentSection(s), ownerName: s.ownerName, delegateName: s.delegateName } : null;
      },
      latestPosts: (q: { sectionId?: string | undefined; limit: number; offset?: number }) =>
        repo.listPublishedPosts(db, { sectionId: q.sectionId, limit: q.limit, offset: q.offset ?? 0 }),
      countPosts: (sectionId?: string) => repo.countPublishedPosts(db, sectionId),
      postBySlug: (slug: string) => repo.findPublishedPostBySlug(db, slug),
      publishedSlugs: () => repo.listPublishedSlugs(db, 50_000),
      revisionsOf: (p: PostRow) => presentPost(p).revisions,
      situation: async (sectionId: string, limit: number) => (await repo.listSituation(db, sectionId, limit)).map(presentSituation),
      search: async (q: string, limit: number) => {
        const words = searchWords(q);
        const [posts, situation] = await Promise.all([repo.searchPublishedPosts(db, words, limit), repo.searchSituation(db, words, limit)]);
        return { words, posts, situation: situation.map(presentSituation) };
      },
      questions: async (limit: number) => (await repo.listPublishedQuestions(db, limit)).map(presentQuestion),
      links: async () => (await repo.listLinks(db)).map(presentLink),
      media: async (limit: number) => (await repo.listPublishedMedia(db, limit)).map(presentMedia),
      mediaById: async (id: string) => {
        const m = await repo.findPublishedMediaById(db, id);
        return m ? presentMedia(m) : null;
      },
      /** The stored content of a published file, or null (a draft is not there for the public). */
      openMedia: async (id: string) => {
        const m = await repo.findPublishedMediaById(db, id);
        if (!m) return null;
        const file = await deps.files.open(m.storageKey);
        return file ? { ...file, media: presentMedia(m) } : null;
      },
      /** The signed time for a freshly served question form. */
      formToken: async () => signFormTime(await secret(), clock.now()),
      /** A citizen's question from the public form: honeypot empty, form neither too fast nor stale. */
      async submitQuestion(input: QuestionFormInput, meta: { ip: string | null }): Promise<QuestionView> {
        if (input.website && input.website.trim() !== '') throw new AppError('FORM_REJECTED');
        if (checkFormTime(await secret(), input.t, clock.now()) !== 'ok') throw new AppError('FORM_REJECTED');
        const section = await repo.findSectionById(db, input.sectionId);
        if (!section) throw new AppError('FORM_REJECTED');
        const row = await repo.insertQuestion(db, {
          sectionId: section.id,
          name: input.name,
          email: input.email ?? null,
          question: input.question,
          status: 'pending',
          ip: meta.ip,
          createdAt: clock.now(),
        });
        return presentQuestion(row);
      },
    },
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;
export type PublicPost = repo.PublicPostRow;
