/**
 * The directive workflow as a pure state machine: which action is allowed from which status, the
 * status it leads to, and the permission (over the issuing unit) it needs. No database, no actor:
 * the service asks it before claiming a row, and capabilities() asks it for the buttons.
 */
import type { Permission } from '../access/index.ts';
import { DIRECTIVE_ACTIONS } from './directives.schemas.ts';
import type { DirectiveAction, DirectiveStatus } from './directives.schemas.ts';

export { DIRECTIVE_ACTIONS };
export type { DirectiveAction };

interface Transition {
  /** The statuses the action may start from. */
  from: readonly DirectiveStatus[];
  /** The status it leads to (none: the directive keeps its status, e.g. an edit). */
  to: DirectiveStatus | null;
  /** How the action is named in "cannot … a directive in status …" (Vietnamese). */
  label: string;
  /** The permission over the issuing unit; `return` depends on who returns (the clerk after signing). */
  permission: Permission | ((status: DirectiveStatus) => Permission);
}

export const WORKFLOW: Record<DirectiveAction, Transition> = {
  edit: { from: ['draft', 'returned'], to: null, label: 'sửa', permission: 'directive.draft' },
  submit: { from: ['draft', 'returned'], to: 'submitted', label: 'trình duyệt', permission: 'directive.draft' },
  approve: { from: ['submitted'], to: 'approved', label: 'duyệt', permission: 'directive.approve' },
  // Returned with comments: by the approver before signing, by the clerk before issuing.
  return: {
    from: ['submitted', 'approved', 'signed'],
    to: 'returned',
    label: 'trả lại',
    permission: (status) => (status === 'signed' ? 'directive.issue' : 'directive.approve'),
  },
  sign: { from: ['approved'], to: 'signed', label: 'ký', permission: 'directive.sign' },
  issue: { from: ['signed'], to: 'issued', label: 'ban hành', permission: 'directive.issue' },
  revoke: { from: ['issued'], to: 'revoked', label: 'thu hồi', permission: 'directive.revoke' },
  // A new draft that copies the issued directive; the issued one keeps its status.
  amend: { from: ['issued'], to: null, label: 'sửa đổi, bổ sung', permission: 'directive.draft' },
  // Files may be added while the drafter can still change the draft, removed only before submission.
  attach: { from: ['draft', 'submitted', 'returned'], to: null, label: 'đính kèm tệp', permission: 'directive.draft' },
  detach: { from: ['draft', 'returned'], to: null, label: 'xóa tệp đính kèm', permission: 'directive.draft' },
};

export function isAllowedFrom(action: DirectiveAction, status: string): boolean {
  return (WORKFLOW[action].from as readonly string[]).includes(status);
}

/** The permission an action needs for a directive in `status`. */
export function permissionFor(action: DirectiveAction, status: string): Permission {
  const p = WORKFLOW[action].permission;
  return typeof p === 'function' ? p(status as DirectiveStatus) : p;
}

export type Capabilities = Record<DirectiveAction, boolean>;

/**
 * What an actor may do now with a directive in `status`: the action is allowed from the status and
 * `may` grants its permission. `mustSignInPerson`: another user is designated to sign.
 */
export function capabilitiesFor(status: string, may: (p: Permission) => boolean, opts: { mustSignInPerson?: boolean } = {}): Capabilities {
  const out = {} as Capabilities;
  for (const action of DIRECTIVE_ACTIONS) out[action] = isAllowedFrom(action, status) && may(permissionFor(action, status));
  if (opts.mustSignInPerson) out.sign = false;
  return out;
}
