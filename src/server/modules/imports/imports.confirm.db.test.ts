import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TAM_DUONG, buildSignedInUser, buildUnit, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { directives, dispatchImports, tasks } from '../../db/schema/index.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { createImportsService } from './imports.service.ts';

const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../assets/seeds');

/** confirmImport is one transaction: the received document, every task and the finished import, or nothing. */
describeEachDb('imports: confirming is atomic', (kind) => {
  let t: TestContext;
  let drafter: Session;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    const office = await buildUnit(t.c, { name: 'Phòng Văn hóa và Thông tin huyện Tam Đường', kind: 'office' });
    await buildUnit(t.c, { name: 'Đài Truyền thanh - Truyền hình huyện Tam Đường', kind: 'radio_tv' });
    await t.c.services.groups.createGroup(SYSTEM_ACTOR, {
      ownerUnitId: office.id,
      name: 'UBND các xã, thị trấn',
      rule: { type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG },
    });
    drafter = (await buildSignedInUser(t.c, { unitId: office.id, roles: ['drafter'] })).session;
    const info = await t.c.services.users.resolveSession(drafter.cookie.replace(/^loa_session=/, ''), null);
    if (!info) throw new Error('no session');
    actor = info.actor;
  });
  afterAll(() => t.close());

  const count = async (table: typeof directives | typeof tasks) => {
    const [row] = await t.c.database.db.select({ n: sql<number>`count(*)::int` }).from(table);
    return row?.n ?? 0;
  };

  it('a failure while creating the second task leaves no received document, no task, and the import proposed (and confirmable)', async () => {
    const { services } = t.c;
    const imported = await services.imports.createImport(actor, { fileName: '002.txt', content: readFileSync(path.join(seedsDir, '002.txt')) });
    const id = imported.import.id;
    expect(imported.import.proposal.tasks.length).toBeGreaterThanOrEqual(2);
    const before = { directives: await count(directives), tasks: await count(tasks) };

    let calls = 0;
    const failing = createImportsService({
      db: t.c.database.db,
      clock: t.clock,
      units: services.units,
      groups: services.groups,
      directives: services.directives,
      tasks: {
        ...services.tasks,
        createTask: async (...args: Parameters<typeof services.tasks.createTask>) => {
          if (++calls === 2) throw new Error('disk full');
          return services.tasks.createTask(...args);
        },
      },
    });
    await expect(failing.confirmImport(actor, id, { createTasks: true })).rejects.toThrow('disk full');
    expect(calls).toBe(2);
    expect({ directives: await count(directives), tasks: await count(tasks) }).toEqual(before);
    const [row] = await t.c.database.db.select().from(dispatchImports).where(eq(dispatchImports.id, id));
    expect(row).toMatchObject({ status: 'proposed', directiveId: null, confirmedBy: null });

    // Nothing is stuck: the import confirms afterwards, and only once.
    const ok = await services.imports.confirmImport(actor, id, { createTasks: true });
    expect(ok.import.status).toBe('confirmed');
    expect(ok.tasks).toHaveLength(3);
    expect(await count(directives)).toBe(before.directives + 1);
    expect(await count(tasks)).toBe(before.tasks + 3);
    await expect(services.imports.confirmImport(actor, id, { createTasks: true })).rejects.toMatchObject({ code: 'IMPORT_ALREADY_CONFIRMED' });
  });

  it('two confirms at once: one registers the document, the other gets IMPORT_ALREADY_CONFIRMED', async () => {
    const imported = await t.c.services.imports.createImport(actor, { fileName: '003.txt', content: readFileSync(path.join(seedsDir, '003.txt')) });
    const before = await count(directives);
    const results = await Promise.allSettled([
      t.c.services.imports.confirmImport(actor, imported.import.id, { createTasks: true }),
      t.c.services.imports.confirmImport(actor, imported.import.id, { createTasks: true }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'IMPORT_ALREADY_CONFIRMED' });
    expect(await count(directives)).toBe(before + 1);
  });
});
