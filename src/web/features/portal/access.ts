// What the signed-in user may do in a section and with a post: the capabilities the server sends
// with each (src/shared/contracts/publishing.ts, computed by the server's own access rules), so the
// UI only shows controls the server will accept. No role rule is copied here; the server stays the
// authority.
import type { Post, Section, SectionCapabilities } from './portal-api.ts';

export interface SectionAccess extends SectionCapabilities {
  /** Kept for the callers' guards: capabilities arrive with the section, so never loading. */
  loading: boolean;
}

const NONE: SectionAccess = { loading: false, manage: false, write: false, publish: false, situation: false, answer: false };

/** The signed-in user's capabilities in a section (none without a section). */
export function sectionAccess(section: Section | null | undefined): SectionAccess {
  return section ? { loading: false, ...section.capabilities } : NONE;
}

export type PostAction = 'submit' | 'publish' | 'schedule' | 'return' | 'unpublish';

const ACTIONS: readonly PostAction[] = ['submit', 'publish', 'schedule', 'return', 'unpublish'];

/** Workflow buttons for a post: the steps the server says this user may take now. */
export function postActions(post: Pick<Post, 'capabilities'>): PostAction[] {
  return ACTIONS.filter((a) => post.capabilities[a]);
}

/** Content may be edited (drafts by writers; live posts only by publishers, with a correction note). */
export function canEditPost(post: Pick<Post, 'capabilities'>): boolean {
  return post.capabilities.edit;
}
