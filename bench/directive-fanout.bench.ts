/**
 * directive-fanout: one directive issued to every commune of the 2025 GSO list (10,035) on in-memory
 * PGlite through the product's issue step (number from the register, group expansion at the date,
 * an arrival number per commune from its incoming register, one e-mail job per commune, audit), against
 * a baseline of plain batched INSERTs of the same recipient rows into the same table in the same run.
 */
import { openDatabase } from '../src/server/db/client.ts';
import { directiveRecipients } from '../src/server/db/schema/index.ts';
import { createContainer } from '../src/server/container.ts';
import type { Actor, Role } from '../src/server/modules/access/index.ts';
import { SYSTEM_ACTOR } from '../src/server/modules/access/index.ts';
import { NATION_ID, unitIdFor } from '../src/server/modules/units/index.ts';
import { fixedClock } from '../src/server/platform/clock.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { createLogMailer } from '../src/server/providers/mailer/log.ts';
import type { BenchResult } from './run.ts';

const BATCH = 5000;

export default async function run(): Promise<BenchResult> {
  const database = await openDatabase({ dataDir: null });
  await database.migrate();
  const logger = createLogger('silent');
  const c = createContainer({
    database,
    clock: fixedClock(new Date('2025-03-14T03:00:00Z')),
    logger,
    mailer: createLogMailer(logger),
    env: { PUBLIC_URL: 'http://x', SESSION_TTL_HOURS: 1 },
  });
  await c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025');

  const office = await c.services.units.createOrganisation(SYSTEM_ACTOR, { parentId: unitIdFor('vn-2025', '12'), name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'department' });
  const officeUnit = await c.services.units.getUnit(SYSTEM_ACTOR, office.id);
  const officePath = [...officeUnit.path.map((p) => p.id), office.id].join('.');
  const actor = async (role: Role): Promise<Actor> => {
    const u = await c.services.users.createUser(SYSTEM_ACTOR, { username: `bench-${role}`, displayName: role, email: null, unitId: office.id, roles: [role] });
    return {
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      unitId: office.id,
      unitPath: officePath.startsWith(NATION_ID) ? officePath : `${NATION_ID}.${officePath}`,
      roles: [role],
      ip: null,
    };
  };
  const [drafter, approver, clerk] = [await actor('drafter'), await actor('approver'), await actor('clerk')];
  const group = await c.services.groups.createGroup(SYSTEM_ACTOR, {
    ownerUnitId: office.id,
    name: 'UBND các xã, phường, thị trấn trong cả nước',
    rule: { type: 'kind_under', kind: 'commune', underUnitId: NATION_ID },
  });
  const draft = (subject: string) =>
    c.services.directives.createDirective(drafter, {
      issuerUnitId: office.id,
      docType: 'CV',
      symbol: 'SVHTTDL-VP',
      subject,
      recipients: { units: [], groups: [group.id] },
      body: { opening: [{ kind: 'paragraph', runs: [{ text: 'Đề nghị các xã, phường, thị trấn tăng cường tuyên truyền.' }] }], sections: [], closing: [] },
    });

  // The product: one issue call.
  const d = await draft('Tăng cường công tác tuyên truyền');
  await c.services.directives.submitDirective(drafter, d.id);
  await c.services.directives.approveDirective(approver, d.id);
  await c.services.directives.signDirective(approver, d.id);
  const t1 = performance.now();
  const issued = await c.services.directives.issueDirective(clerk, d.id, {});
  const value = performance.now() - t1;
  // Baseline, measured after the product (a warmer table): the same recipient rows in plain batched INSERTs.
  const members = (await c.services.groups.listMembers(SYSTEM_ACTOR, group.id, '2025-03-14')).map((u) => u.id).sort();
  const baseDirective = await draft('Baseline');
  const now = new Date('2025-03-14T03:00:00Z');
  const t0 = performance.now();
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < members.length; i += BATCH) {
      await tx.insert(directiveRecipients).values(
        members.slice(i, i + BATCH).map((unitId, j) => ({
          directiveId: baseDirective.id,
          unitId,
          viaGroupId: group.id,
          arrivalYear: 2099,
          arrivalNumber: i + j + 1,
          deliveredAt: now,
        })),
      );
    }
  });
  const baseline = performance.now() - t0;

  const tracking = await c.services.directives.trackDirective(clerk, d.id, { filter: 'all', limit: 1, offset: 0 });
  await database.close();

  return {
    name: 'directive-fanout',
    value: Math.round(value),
    baseline: Math.round(baseline),
    unit: 'ms (lower is better)',
    details: { recipients: tracking.counts.total, baselineRows: members.length, number: issued.fullSymbol, date: issued.date },
  };
}
