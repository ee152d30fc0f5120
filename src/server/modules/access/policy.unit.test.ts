import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { PERMISSIONS, SYSTEM_ACTOR, authorize, can, systemActor, type Actor, type Permission } from './policy.ts';
import { ROLES, type Role } from './roles.ts';

// The grants, spelled out: x = the role holds the permission (inside the actor's subtree; system_admin
// everywhere, unit.read everywhere for every role), . = denied. Changing a grant changes this table.
const COLUMNS: readonly Role[] = ['system_admin', 'unit_admin', 'drafter', 'approver', 'clerk', 'reporter', 'viewer', 'desk_lead'];
// prettier-ignore
const TABLE: Record<Permission, string> = {
  //                    sa ua dr ap cl re vi dl
  'unit.read':         'x  x  x  x  x  x  x  x',
  'unit.write':        'x  x  .  .  .  .  .  .',
  'group.read':        'x  x  x  x  x  x  x  x',
  'group.write':       'x  x  x  .  x  .  .  .',
  'user.read':         'x  x  .  .  .  .  .  .',
  'user.write':        'x  x  .  .  .  .  .  .',
  'audit.read':        'x  x  .  .  .  .  .  .',
  'settings.write':    'x  .  .  .  .  .  .  .',
  'directive.read':    'x  x  x  x  x  .  x  x',
  'directive.draft':   '.  .  x  .  .  .  .  x',
  'directive.approve': '.  .  .  x  .  .  .  .',
  'directive.sign':    '.  .  .  x  .  .  .  .',
  'directive.issue':   '.  .  .  .  x  .  .  .',
  'directive.revoke':  '.  .  .  x  x  .  .  .',
  'inbox.read':        'x  x  x  x  x  x  x  x',
  'inbox.acknowledge': '.  .  .  x  x  .  .  .',
  'post.read':         'x  x  x  x  .  .  .  x',
  'post.write':        'x  .  x  x  .  .  .  x',
  'post.publish':      'x  .  .  x  .  .  .  .',
  'section.manage':    'x  x  .  .  .  .  .  .',
  'situation.write':   'x  .  x  x  .  .  .  .',
  'question.answer':   'x  .  x  x  .  .  .  .',
  'media.write':       'x  .  x  x  .  .  .  .',
  'task.read':         'x  x  x  x  x  x  x  x',
  'task.write':        '.  x  x  x  x  .  .  x',
  'report.submit':     '.  x  .  .  x  x  .  .',
  'report.read':       'x  x  x  x  x  x  x  x',
  'import.create':     '.  x  x  .  x  .  .  .',
  'subscriber.list':   'x  x  x  x  x  .  x  .',
  'subscriber.read':   '.  x  x  x  x  .  .  .',
  'subscriber.write':  '.  x  .  .  x  .  .  .',
  'broadcast.read':    '.  x  x  x  x  .  x  x',
  'broadcast.draft':   '.  .  x  x  .  .  .  x',
  'broadcast.approve': '.  .  .  x  .  .  .  .',
  'device.read':       'x  x  x  x  x  .  x  .',
  'device.write':      'x  x  .  .  .  .  .  .',
  'programme.write':   '.  x  x  x  .  .  .  .',
  'social.read':       'x  x  x  x  .  .  .  x',
  'social.manage':     '.  x  .  .  .  .  .  .',
  'social.publish':    '.  .  .  x  .  .  .  .',
  'social.inbox':      '.  x  x  x  .  .  .  x',
  'social.sender':     '.  .  .  x  .  .  .  .',
  'rumor.read':        'x  x  x  x  .  .  x  x',
  'rumor.write':       '.  .  x  x  .  .  .  x',
  'rumor.approve':     '.  .  .  x  .  .  .  .',
  'rumor.reveal':      '.  .  .  .  .  .  .  x',
};
const granted = (role: Role, p: Permission) => TABLE[p].split(/\s+/)[COLUMNS.indexOf(role)] === 'x';
const GLOBAL: readonly Permission[] = ['unit.read'];

// The actor sits in district D1 of province P1; "D10" shares the prefix "D1" but is a sibling.
const OWN = 'n.p1.d1';
const actorWith = (...roles: Role[]): Actor => ({ userId: 'u', username: 'u', displayName: 'U', unitId: 'd1', unitPath: OWN, roles, ip: null });
const INSIDE = { own: OWN, child: 'n.p1.d1.c1', grandchild: 'n.p1.d1.c1.v1' };
const OUTSIDE = { parent: 'n.p1', sibling: 'n.p1.d2', prefixSibling: 'n.p1.d10', otherProvince: 'n.p2.d1', root: 'n' };

describe('access policy table', () => {
  it('covers every role and every permission', () => {
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
    expect(Object.keys(TABLE).sort()).toEqual([...PERMISSIONS].sort());
    for (const p of PERMISSIONS) expect(TABLE[p].split(/\s+/), p).toHaveLength(COLUMNS.length);
  });

  const cases = ROLES.flatMap((role) => PERMISSIONS.map((permission) => ({ role, permission })));

  it.each(cases)('$role × $permission inside the subtree', ({ role, permission }) => {
    const actor = actorWith(role);
    for (const [where, unitPath] of Object.entries(INSIDE)) {
      expect(can(actor, permission, { unitPath }), where).toBe(granted(role, permission));
    }
  });

  it.each(cases)('$role × $permission outside the subtree', ({ role, permission }) => {
    const actor = actorWith(role);
    const expected = granted(role, permission) && (role === 'system_admin' || GLOBAL.includes(permission));
    for (const [where, unitPath] of Object.entries(OUTSIDE)) {
      expect(can(actor, permission, { unitPath }), where).toBe(expected);
    }
  });

  it('an actor with no role may do nothing, anywhere', () => {
    for (const permission of PERMISSIONS) {
      for (const unitPath of [...Object.values(INSIDE), ...Object.values(OUTSIDE)]) expect(can(actorWith(), permission, { unitPath })).toBe(false);
    }
  });

  it('several roles grant the union of their permissions, each in its own reach', () => {
    const actor = actorWith('reporter', 'drafter');
    expect(can(actor, 'report.submit', { unitPath: INSIDE.child })).toBe(true); // reporter
    expect(can(actor, 'directive.draft', { unitPath: INSIDE.own })).toBe(true); // drafter
    expect(can(actor, 'directive.draft', { unitPath: OUTSIDE.sibling })).toBe(false);
    expect(can(actor, 'user.read', { unitPath: INSIDE.own })).toBe(false); // neither
  });

  it('the system actor holds every system_admin permission everywhere, and nothing else', () => {
    for (const actor of [SYSTEM_ACTOR, systemActor('job:test')]) {
      for (const permission of PERMISSIONS) {
        for (const unitPath of [...Object.values(INSIDE), ...Object.values(OUTSIDE)]) {
          expect(can(actor, permission, { unitPath }), `${permission} ${unitPath}`).toBe(granted('system_admin', permission));
        }
      }
    }
  });
});

describe('authorize', () => {
  const code = (f: () => unknown) => {
    try {
      f();
      return 'ok';
    } catch (err) {
      return err instanceof AppError ? err.code : 'other';
    }
  };

  it('returns the actor when allowed; FORBIDDEN when refused; NOT_FOUND when it may not even read', () => {
    const viewer = actorWith('viewer');
    expect(authorize(viewer, 'task.read', { unitPath: INSIDE.child })).toBe(viewer);
    expect(code(() => authorize(viewer, 'task.write', { unitPath: INSIDE.child }))).toBe('FORBIDDEN');
    expect(code(() => authorize(viewer, 'task.write', { unitPath: INSIDE.child }, 'task.read'))).toBe('FORBIDDEN');
    expect(code(() => authorize(viewer, 'task.write', { unitPath: OUTSIDE.sibling }, 'task.read'))).toBe('NOT_FOUND');
    expect(code(() => authorize(viewer, 'task.read', { unitPath: OUTSIDE.prefixSibling }))).toBe('FORBIDDEN');
  });
});
