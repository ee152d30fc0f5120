import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { describeEachDb, createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';

/** The one test that imports the whole country (both editions). No timing assertion: CI machines vary. */
describeEachDb('full GSO import', (kind) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(kind);
  });
  afterAll(() => t.close());

  it('imports 63 provinces/696 districts/10,035 communes (2025) and 34/3,321 (2026), idempotently', async () => {
    const y2025 = await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025');
    expect(y2025.counts).toEqual({ province: 63, district: 696, commune: 10_035 });
    expect(y2025.changed).toBe(63 + 696 + 10_035);
    const y2026 = await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026');
    expect(y2026.counts).toEqual({ province: 34, commune: 3_321 });
    const again = await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026');
    expect(again.changed).toBe(0);
    const roots = await t.c.services.units.listRoots(SYSTEM_ACTOR, '2026-01-01');
    expect(roots).toHaveLength(34);
  }, 600_000);
});
