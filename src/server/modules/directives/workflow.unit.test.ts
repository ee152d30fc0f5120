import { describe, expect, it } from 'vitest';
import type { Permission } from '../access/index.ts';
import { DIRECTIVE_ACTIONS, capabilitiesFor, isAllowedFrom, permissionFor } from './workflow.ts';
import type { DirectiveAction } from './workflow.ts';
import { DIRECTIVE_STATUSES } from './directives.schemas.ts';

/** status → the actions allowed from it (before permissions). */
const ALLOWED: Record<(typeof DIRECTIVE_STATUSES)[number], DirectiveAction[]> = {
  draft: ['edit', 'submit', 'attach', 'detach'],
  returned: ['edit', 'submit', 'attach', 'detach'],
  submitted: ['approve', 'return', 'attach'],
  approved: ['return', 'sign'],
  signed: ['return', 'issue'],
  issued: ['revoke', 'amend'],
  revoked: [],
};

describe('directive workflow state machine', () => {
  for (const status of DIRECTIVE_STATUSES)
    for (const action of DIRECTIVE_ACTIONS)
      it(`${action} from ${status}: ${ALLOWED[status].includes(action) ? 'allowed' : 'refused'}`, () => {
        expect(isAllowedFrom(action, status)).toBe(ALLOWED[status].includes(action));
      });

  it.each([
    ['edit', 'draft', 'directive.draft'],
    ['submit', 'returned', 'directive.draft'],
    ['approve', 'submitted', 'directive.approve'],
    ['return', 'submitted', 'directive.approve'],
    ['return', 'approved', 'directive.approve'],
    ['return', 'signed', 'directive.issue'],
    ['sign', 'approved', 'directive.sign'],
    ['issue', 'signed', 'directive.issue'],
    ['revoke', 'issued', 'directive.revoke'],
    ['amend', 'issued', 'directive.draft'],
    ['attach', 'submitted', 'directive.draft'],
    ['detach', 'draft', 'directive.draft'],
  ] as const)('%s from %s needs %s', (action, status, permission) => {
    expect(permissionFor(action, status)).toBe(permission);
  });

  const roleGrants =
    (...ps: Permission[]) =>
    (p: Permission) =>
      ps.includes(p);
  const on = (c: Record<string, boolean>) => Object.keys(c).filter((k) => c[k]);

  it.each([
    ['draft', ['directive.draft'], ['edit', 'submit', 'attach', 'detach']],
    ['draft', ['directive.approve', 'directive.sign', 'directive.issue', 'directive.revoke'], []],
    ['submitted', ['directive.approve', 'directive.sign', 'directive.revoke'], ['approve', 'return']],
    ['approved', ['directive.approve', 'directive.sign', 'directive.revoke'], ['return', 'sign']],
    ['signed', ['directive.approve', 'directive.sign', 'directive.revoke'], []],
    ['signed', ['directive.issue', 'directive.revoke'], ['return', 'issue']],
    ['issued', ['directive.issue', 'directive.revoke'], ['revoke']],
    ['issued', ['directive.draft'], ['amend']],
    ['revoked', ['directive.draft', 'directive.approve', 'directive.sign', 'directive.issue', 'directive.revoke'], []],
  ] as const)('capabilities in %s with %j: %j', (status, perms, expected) => {
    expect(on(capabilitiesFor(status, roleGrants(...perms)))).toEqual(expected);
  });

  it('a directive designated for another signer cannot be signed', () => {
    expect(capabilitiesFor('approved', () => true, { mustSignInPerson: true }).sign).toBe(false);
    expect(capabilitiesFor('approved', () => true).sign).toBe(true);
  });
});
