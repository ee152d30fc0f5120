import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { units } from '../../db/schema/index.ts';
import * as actionsRepo from './actions.repository.ts';
import * as basesRepo from './legal-bases.repository.ts';
import { fileReport } from './reports.core.ts';

const NOW = new Date('2026-12-01T02:00:00Z');

/** The workflow's own SQL on both engines: who is still to be told, open requests that hold a case, marking told once, legal bases. */
describeEachDb('rumor actions repository', (kind) => {
  let t: TestContext;
  let unitId = '';
  beforeAll(async () => {
    t = await createTestContext(kind, { now: NOW });
    // One unit is all the desk's tables need (no edition import: this tier tests the SQL only).
    unitId = randomUUID();
    await t.c.database.db.insert(units).values({ id: unitId, path: unitId, name: 'Sở thử nghiệm', kind: 'department' });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('reportsToNotify, markReportNotified, openActionCount, legal bases', async () => {
    const db = t.c.database.db;
    const seal = (email: string | null) => t.c.services.rumorIntake.sealInformant(unitId, email ? { email } : { name: 'Không liên lạc' });
    const withMail = await seal('a@loa.test');
    const noContact = await seal(null);
    const first = await db.transaction((tx) =>
      fileReport(tx, { unitId, channel: 'staff', description: 'Tin đồn thử nghiệm số một về giá xăng', urls: [], informantId: withMail }, NOW),
    );
    const caseId = first.kase.id;
    await db.transaction((tx) => fileReport(tx, { unitId, channel: 'staff', description: 'b', urls: [], informantId: noContact, caseId }, NOW));
    await db.transaction((tx) => fileReport(tx, { unitId, channel: 'staff', description: 'c', urls: [], caseId }, NOW));
    expect(await actionsRepo.reportsToNotify(db, caseId)).toEqual([{ id: first.report.id, informantId: withMail, contactKind: 'email' }]);
    expect(await actionsRepo.markReportNotified(db, first.report.id, NOW)).toBe(true);
    expect(await actionsRepo.markReportNotified(db, first.report.id, NOW)).toBe(false);
    expect(await actionsRepo.reportsToNotify(db, caseId)).toEqual([]);
    expect((await actionsRepo.contactKinds(db, [withMail, noContact])).get(withMail)).toBe('email');

    const action = (kind: 'confirmation' | 'police' | 'press') => actionsRepo.insertAction(db, { id: randomUUID(), caseId, kind, createdAt: NOW });
    await action('press');
    expect(await actionsRepo.openActionCount(db, caseId)).toBe(0);
    const police = await action('police');
    expect(await actionsRepo.openActionCount(db, caseId)).toBe(1);
    await actionsRepo.updateAction(db, police.id, { state: 'answered' });
    expect(await actionsRepo.openActionCount(db, caseId)).toBe(0);
    expect((await actionsRepo.actionsOfCase(db, caseId)).map((a) => a.kind).sort()).toEqual(['police', 'press']);

    const rows = [
      { id: randomUUID(), unitId, code: 'b', title: 'B', position: 20, createdAt: NOW },
      { id: randomUUID(), unitId, code: 'a', title: 'A', position: 10, createdAt: NOW },
    ];
    expect(await basesRepo.insertLegalBases(db, rows)).toHaveLength(2);
    expect(await basesRepo.insertLegalBases(db, [{ ...rows[0]!, id: randomUUID() }])).toHaveLength(0);
    expect((await basesRepo.legalBasesOf(db, unitId)).map((b) => b.code)).toEqual(['a', 'b']);
    expect((await basesRepo.legalBasesByCodes(db, unitId, ['b', 'x'])).map((b) => b.code)).toEqual(['b']);
  });
});
