/**
 * The publishing service, composed of its parts: sections, the posts workflow, the daily situation,
 * citizen questions, links, the media library and the public portal's reads. Each part is a set of
 * plain functions over one shared context (publishing.context.ts); none uses `this`, so any function
 * may be destructured.
 */
import { randomBytes } from 'node:crypto';
import './publishing.errors.ts';
import type { PortalChange, PublishingContext, PublishingDeps } from './publishing.context.ts';
import { createLinksService } from './links.service.ts';
import { createMediaService } from './media.service.ts';
import { createPortalReads } from './portal.service.ts';
import { createPostsService } from './posts.service.ts';
import * as repo from './publishing.repository.ts';
import { createQuestionsService } from './questions.service.ts';
import { createSectionsService } from './sections.service.ts';
import { createSituationService } from './situation.service.ts';

export type { PortalChange, PublishingDeps } from './publishing.context.ts';
export { mediaIdsOf, mediaUrl, presentLink, presentMedia, presentPost, presentQuestion, presentSection, presentSituation, searchWords, slugify } from './publishing.presenters.ts';
export type { LinkView, MediaView, PostView, QuestionView, SectionView, SituationView } from './publishing.presenters.ts';

export function createPublishingService(deps: PublishingDeps) {
  const listeners = new Set<(change: PortalChange) => void>();
  let formSecret: Promise<string> | null = null;
  const ctx: PublishingContext = {
    ...deps,
    emit: (change) => {
      for (const l of listeners) l(change);
    },
    formSecret: () =>
      (formSecret ??= repo.ensureKey(deps.db, 'question-form', randomBytes(32).toString('base64url')).catch((err: unknown) => {
        formSecret = null;
        throw err;
      })),
  };
  return {
    /** Subscribe to changes of public content; returns the unsubscribe function. */
    onChange(listener: (change: PortalChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ...createSectionsService(ctx),
    ...createPostsService(ctx),
    ...createSituationService(ctx),
    ...createQuestionsService(ctx),
    ...createLinksService(ctx),
    ...createMediaService(ctx),
    portal: createPortalReads(ctx),
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;
export type PublicPost = repo.PublicPostRow;
