import { AppError } from '../../platform/errors.ts';
import { SYSTEM_ACTOR, can } from '../access/index.ts';
import type { Actor, Permission } from '../access/index.ts';
import './publishing.errors.ts';
import { recordAudit } from '../audit/index.ts';
import { authorizeSection, canInSection, sectionOr404 } from './publishing.context.ts';
import type { PublishingContext } from './publishing.context.ts';
import * as repo from './publishing.repository.ts';
import type { MediaRow } from './publishing.repository.ts';
import { LIMITS } from './publishing.schemas.ts';
import type { MediaStatus } from './publishing.schemas.ts';
import { presentMedia, slugify } from './publishing.presenters.ts';
import type { MediaView } from './publishing.presenters.ts';
import path from 'node:path';
import { MEDIA_TYPES, sniffMediaType } from './media.storage.ts';

/** The media library: uploads checked by content, drafts reviewed and published by the section. */
export function createMediaService(ctx: PublishingContext) {
  const { db, clock, emit } = ctx;
  const deps = ctx;

  async function mediaOr404(id: string): Promise<MediaRow> {
    const m = await repo.findMediaById(db, id);
    if (!m) throw new AppError('NOT_FOUND');
    return m;
  }

  /** A file is governed by its section like a post; a file from before review (no section) by its owner unit. */
  async function canOnMedia(a: Actor, permission: Permission, m: MediaRow): Promise<boolean> {
    if (m.sectionId) return canInSection(a, permission, await sectionOr404(db, m.sectionId));
    const owner = (await repo.findUnitPaths(db, [m.ownerUnitId])).get(m.ownerUnitId);
    return Boolean(owner && can(a, permission, { unitPath: owner.path }));
  }

  async function changeMediaStatus(actor: Actor, id: string, status: MediaStatus): Promise<MediaView> {
    const m = await mediaOr404(id);
    if (!(await canOnMedia(actor, 'post.publish', m))) throw new AppError((await canOnMedia(actor, 'post.read', m)) ? 'FORBIDDEN' : 'NOT_FOUND');
    if (m.status === status) return presentMedia(m);
    const now = clock.now();
    const saved = await db.transaction(async (tx) => {
      const row = await repo.updateMedia(
        tx,
        id,
        status === 'published'
          ? { status, publishedAt: now, publishedBy: actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId }
          : { status, publishedAt: null, publishedBy: null },
      );
      if (!row) throw new AppError('NOT_FOUND');
      await recordAudit(tx, actor, {
        action: status === 'published' ? 'media.publish' : 'media.unpublish',
        entity: 'media',
        entityId: id,
        unitId: m.ownerUnitId,
        before: { status: m.status },
        after: { status },
      });
      return row;
    });
    emit({ kind: 'media', id });
    return presentMedia(saved);
  }

  return {
    /**
     * Stores an upload whose content really is PNG, JPEG, PDF, MP4 or MP3 (the name and header are
     * not trusted), as a draft of the section: nothing is public until a publisher of the section
     * publishes it (or a post of the section that shows it).
     */
    async uploadMedia(actor: Actor, input: { title: string; sectionId: string; ownerUnitId?: string | undefined; fileName: string; content: Buffer }): Promise<MediaView> {
      const a = authorizeSection(actor, 'media.write', await sectionOr404(db, input.sectionId), 'post.read');
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
      const rows = await repo.listMediaIn(db, {
        sectionIds: sections.map((s) => s.id),
        withUnsectioned: can(actor, 'post.read', { unitPath: actor.unitPath }),
        status: q.status,
        limit: 200,
      });
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
  };
}
