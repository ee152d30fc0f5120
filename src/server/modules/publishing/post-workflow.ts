/**
 * The posts workflow as data: which permission each step needs and from which statuses it may be
 * taken. The service enforces it (posts.service.ts) and the capabilities it sends the admin UI are
 * computed from the same table, so the UI shows exactly the steps the server accepts. Pure.
 */
import type { Permission } from '../access/index.ts';
import type { PostCapabilities, PostStatus, SectionCapabilities } from './publishing.schemas.ts';

export interface PostStep {
  permission: Permission;
  from: readonly PostStatus[];
  /** The action in the refusal "… nên không thể {action}". */
  label: string;
}

export const POST_STEPS = {
  submit: { permission: 'post.write', from: ['draft', 'unpublished'], label: 'gửi duyệt' },
  return: { permission: 'post.publish', from: ['review'], label: 'trả lại' },
  /** Publish now or schedule: an approver may publish a draft directly. */
  publish: { permission: 'post.publish', from: ['draft', 'review', 'scheduled', 'unpublished'], label: 'đăng' },
  unpublish: { permission: 'post.publish', from: ['published', 'scheduled'], label: 'gỡ' },
} as const satisfies Record<string, PostStep>;

/** A published or scheduled post: editing it needs the publish permission (a correction). */
export function isLive(status: PostStatus): boolean {
  return status === 'published' || status === 'scheduled';
}

/** What an editor with these section capabilities may do to a post in this status. */
export function postCapabilities(status: PostStatus, section: Pick<SectionCapabilities, 'write' | 'publish'>): PostCapabilities {
  const holds = (p: Permission) => (p === 'post.write' ? section.write : section.publish);
  const may = (step: PostStep) => holds(step.permission) && step.from.includes(status);
  return {
    edit: isLive(status) ? section.publish : section.write,
    submit: may(POST_STEPS.submit),
    publish: may(POST_STEPS.publish),
    schedule: may(POST_STEPS.publish),
    return: may(POST_STEPS.return),
    unpublish: may(POST_STEPS.unpublish),
  };
}
