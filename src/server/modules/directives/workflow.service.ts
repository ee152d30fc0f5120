import { AppError } from '../../platform/errors.ts';
import { authorize, can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { invalidState, loadFor, loadOr404, presentFor } from './directives.deps.ts';
import type { DirectivesDeps } from './directives.deps.ts';
import { strings } from './directives.present.ts';
import * as repo from './directives.repository.ts';
import type { DirectiveInsert, DirectiveWithPath } from './directives.repository.ts';
import { WORKFLOW, isAllowedFrom, permissionFor } from './workflow.ts';
import type { DirectiveAction } from './workflow.ts';

// The workflow steps before issuing: submit, approve, return, sign (issue and revoke: issuing.service.ts).

/**
 * A status step of the state machine: claim the row in a status the step starts from, stamp it,
 * audit it, all in one transaction.
 */
async function step(
  deps: DirectivesDeps,
  a: Actor,
  d: DirectiveWithPath,
  action: Extract<DirectiveAction, 'submit' | 'approve' | 'return' | 'sign'>,
  s: { patch?: Partial<DirectiveInsert>; after?: Record<string, unknown> } = {},
) {
  const { from, to, label } = WORKFLOW[action];
  if (!to) throw new Error(`${action} is not a status step`);
  if (!isAllowedFrom(action, d.status)) throw invalidState(d, label);
  const row = await deps.db.transaction(async (tx) => {
    const updated = await repo.updateDirectiveIf(tx, d.id, from, { ...s.patch, status: to });
    if (!updated) throw invalidState((await repo.findDirectiveById(tx, d.id)) ?? d, label);
    await recordAudit(tx, a, {
      action: ({ submit: 'directive.submit', approve: 'directive.approve', return: 'directive.return', sign: 'directive.sign' } as const)[action],
      entity: 'directive',
      entityId: d.id,
      unitId: d.issuerUnitId,
      before: { status: d.status },
      after: { status: to, ...s.after },
    });
    return updated;
  });
  // Presented after commit: a query outside the transaction while it is open would wait for it.
  return presentFor(deps, a, row, d.issuerPath);
}

export async function submitDirective(deps: DirectivesDeps, actor: Actor, id: string) {
  const { a, d } = await loadFor(deps, actor, id, 'directive.draft');
  if (strings(d.recipientUnitIds).length + strings(d.recipientGroupIds).length === 0 && isAllowedFrom('submit', d.status)) throw new AppError('NO_RECIPIENTS');
  return step(deps, a, d, 'submit', { patch: { submittedAt: deps.clock.now(), returnedFrom: null, returnComment: null } });
}

export async function approveDirective(deps: DirectivesDeps, actor: Actor, id: string) {
  const { a, d } = await loadFor(deps, actor, id, 'directive.approve');
  return step(deps, a, d, 'approve', { patch: { approvedBy: a.userId, approvedAt: deps.clock.now() } });
}

/** Returned with comments: by the approver before signing, by the clerk before issuing. */
export async function returnDirective(deps: DirectivesDeps, actor: Actor, id: string, comment: string) {
  const d = await loadOr404(deps, id);
  const a = authorize(actor, permissionFor('return', d.status), { unitPath: d.issuerPath }, 'directive.read');
  return step(deps, a, d, 'return', { patch: { returnedFrom: d.status, returnComment: comment }, after: { comment, from: d.status } });
}

/** Only a leader of the issuing unit signs (approver role over it); a designated signer must sign in person. */
export async function signDirective(deps: DirectivesDeps, actor: Actor, id: string) {
  const d = await loadOr404(deps, id);
  const a = authorize(actor, 'directive.read', { unitPath: d.issuerPath }, 'directive.read');
  if (!can(a, 'directive.sign', { unitPath: d.issuerPath }) || (d.signerUserId && d.signerUserId !== a.userId)) throw new AppError('SIGNER_NOT_ALLOWED', { unit: d.issuer });
  return step(deps, a, d, 'sign', {
    patch: { signedAt: deps.clock.now(), signerUserId: a.userId, signerName: d.signerName ?? a.displayName },
    after: { signerUserId: a.userId },
  });
}
