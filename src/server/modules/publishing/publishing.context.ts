/**
 * What every part of the publishing service shares: its dependencies, the change signal of the public
 * site, the question form's secret, and the section access rules (deny by default).
 */
import type { Db } from '../../db/client.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../providers/file-store/port.ts';
import { can } from '../access/index.ts';
import type { Actor, Permission } from '../access/index.ts';
import * as repo from './publishing.repository.ts';
import type { PostRow, SectionWithPaths } from './publishing.repository.ts';
import { presentSection } from './publishing.presenters.ts';
import type { SectionView } from './publishing.presenters.ts';
import type { SectionCapabilities } from './publishing.schemas.ts';

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
export function sectionUnits(s: SectionUnits): { id: string; path: string }[] {
  const list: { id: string; path: string }[] = [];
  if (s.delegateUnitId && s.delegatePath) list.push({ id: s.delegateUnitId, path: s.delegatePath });
  list.push({ id: s.ownerUnitId, path: s.ownerPath });
  return list;
}

export function canInSection(actor: Actor, permission: Permission, s: SectionUnits): boolean {
  return sectionUnits(s).some((u) => can(actor, permission, { unitPath: u.path }));
}

/** What decides access in a section: its owner and delegate units and their paths. */
export type SectionUnits = Pick<SectionWithPaths, 'ownerUnitId' | 'ownerPath' | 'delegateUnitId' | 'delegatePath'>;

/** The capabilities the admin UI shows for a section: the same rules the service functions check. */
export function sectionCapabilities(actor: Actor, s: SectionUnits): SectionCapabilities {
  return {
    manage: can(actor, 'section.manage', { unitPath: s.ownerPath }),
    write: canInSection(actor, 'post.write', s),
    publish: canInSection(actor, 'post.publish', s),
    situation: canInSection(actor, 'situation.write', s),
    answer: canInSection(actor, 'question.answer', s),
  };
}

/** A section for an editor: the section and what this editor may do in it. */
export function sectionFor(actor: Actor, s: SectionWithPaths): SectionView & { capabilities: SectionCapabilities } {
  return { ...presentSection(s), capabilities: sectionCapabilities(actor, s) };
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

/**
 * How another module writes portal content inside its own use case (the misinformation desk's correction):
 * its transaction, the permission that lets the actor do it when it is not the step's own, what runs after
 * its commit (the portal's cache forgets a page only once the change is visible), the post's JSON-LD.
 */
export interface ModuleWrite extends InTx {
  permission?: Permission;
  afterCommit?: (work: () => void) => void;
}

/** Runs `work` now, or after the caller's commit when it writes inside the caller's transaction. */
export function afterWrite(opts: ModuleWrite, work: () => void): void {
  if (opts.tx && opts.afterCommit) opts.afterCommit(work);
  else work();
}
