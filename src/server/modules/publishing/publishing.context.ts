/**
 * What every part of the publishing service shares: its dependencies, the change signal of the public
 * site, the question form's secret, and the section access rules (deny by default).
 */
import type { Db } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { can } from '../access/index.ts';
import type { Actor, Permission } from '../access/index.ts';
import * as repo from './publishing.repository.ts';
import type { PostRow, SectionWithPaths } from './publishing.repository.ts';

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

/** The dependencies plus the shared state of one publishing service (created by createPublishingService). */
export interface PublishingContext extends PublishingDeps {
  /** Tells the listeners (the page cache) that public content changed. */
  emit: (change: PortalChange) => void;
  /** The question form's signing secret (created once, kept in the database). */
  formSecret: () => Promise<string>;
}

/** The section's units (delegate first): a permission held on either one counts in the section. */
export function sectionUnits(s: SectionWithPaths): { id: string; path: string }[] {
  const list: { id: string; path: string }[] = [];
  if (s.delegateUnitId && s.delegatePath) list.push({ id: s.delegateUnitId, path: s.delegatePath });
  list.push({ id: s.ownerUnitId, path: s.ownerPath });
  return list;
}

export function canInSection(actor: Actor, permission: Permission, s: SectionWithPaths): boolean {
  return sectionUnits(s).some((u) => can(actor, permission, { unitPath: u.path }));
}

/** Deny by default: an editor acts in the sections of their unit and in those delegated to it. */
export function authorizeSection(actor: Actor, permission: Permission, s: SectionWithPaths, readPermission?: Permission): Actor {
  const a = actor;
  if (canInSection(a, permission, s)) return a;
  if (readPermission && !canInSection(a, readPermission, s)) throw new AppError('NOT_FOUND');
  throw new AppError('FORBIDDEN');
}

export async function sectionOr404(db: Db, id: string): Promise<SectionWithPaths> {
  const s = await repo.findSectionById(db, id);
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}

export async function postAndSection(db: Db, id: string): Promise<{ post: PostRow; section: SectionWithPaths }> {
  const post = await repo.findPostById(db, id);
  if (!post) throw new AppError('NOT_FOUND');
  return { post, section: await sectionOr404(db, post.sectionId) };
}
