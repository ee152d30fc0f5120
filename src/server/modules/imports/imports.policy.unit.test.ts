import { describe, expect, it } from 'vitest';
import { ROLES, can } from '../access/index.ts';

describe('import rights', () => {
  it('every role that may register an incoming dispatch may also create the tasks it assigns', () => {
    const unitPath = 'vn.p.u';
    const actor = { userId: 'u', username: 'u', displayName: 'u', unitId: 'u', unitPath, ip: null };
    const importers = ROLES.filter((r) => can({ ...actor, roles: [r] }, 'import.create', { unitPath }));
    expect(importers).toEqual(expect.arrayContaining(['clerk', 'drafter', 'unit_admin']));
    for (const r of importers) expect(can({ ...actor, roles: [r] }, 'task.write', { unitPath }), r).toBe(true);
  });
});
