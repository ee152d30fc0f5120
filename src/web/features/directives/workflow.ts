// Which workflow buttons a user sees for a directive. Mirrors the server's
// policy (roles within the issuer's scope); the server checks again.
import type { DirectiveStatus, Role } from '../../api.ts';

export type StepName = 'submit' | 'approve' | 'return' | 'sign' | 'issue' | 'revoke' | 'amend';

export function availableSteps(status: DirectiveStatus, roles: readonly Role[]): StepName[] {
  const has = (r: Role) => roles.includes(r);
  const out: StepName[] = [];
  switch (status) {
    case 'draft':
    case 'returned':
      if (has('drafter')) out.push('submit');
      break;
    case 'submitted':
      if (has('approver')) out.push('approve', 'return');
      break;
    case 'approved':
      if (has('approver')) out.push('sign', 'return');
      break;
    case 'signed':
      if (has('clerk')) out.push('issue', 'return');
      break;
    case 'issued':
      if (has('drafter')) out.push('amend');
      if (has('approver') || has('clerk')) out.push('revoke');
      break;
    case 'revoked':
      break;
  }
  return out;
}

/** A draft is edited in the form (by a drafter); every other status is shown read-only. */
export function isEditable(status: DirectiveStatus, roles: readonly Role[]): boolean {
  return (status === 'draft' || status === 'returned') && roles.includes('drafter');
}
