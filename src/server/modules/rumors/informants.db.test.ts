import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { INFORMANT, buildDesks } from '../../../../test/support/rumors-intake.ts';
import type { Desk } from '../../../../test/support/rumors-intake.ts';
import { systemActor } from '../access/index.ts';
import type { RumorReportCreated } from '../../../shared/contracts/rumors-intake.ts';

const NOW = new Date('2026-12-01T02:00:00Z');
const DAY = 86_400_000;

/** Key rotation (every live identity re-sealed under the newest key, in one transaction) and retention (erased N days after the case closed). */
describeEachDb('rumors informants: rotation and retention', (kind) => {
  let t: TestContext;
  let d: Desk;
  const rows = async () =>
    rowsOf<{ id: string; key_id: string; sealed: string; contact_kind: string | null; erased_at: string | null }>(
      await t.c.database.db.execute(sql`SELECT id, key_id, sealed, contact_kind, erased_at FROM rumor_informants ORDER BY created_at, id`),
    );
  const file = async (description: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/rumors/reports',
      headers: d.s.drafter.headers,
      payload: { description, informant: { name: INFORMANT.name, phone: INFORMANT.phone } },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<RumorReportCreated>();
  };
  const reveal = async (reportId: string) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/rumors/reports/${reportId}/reveal`, headers: d.s.lead.headers, payload: { reason: 'Kiểm tra sau khi đổi khóa' } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ identity: { name: string | null; phone: string | null; erased: boolean } }>().identity;
  };

  beforeAll(async () => {
    t = await createTestContext(kind, { now: NOW });
    d = await buildDesks(t);
  });
  afterAll(async () => t?.close());

  it('rotate-key re-seals every live identity under a new key; every one still reveals; a second run has nothing to do', async () => {
    const a = await file('Tin đồn thứ nhất về dịch bệnh ở bản Sì Thâu Chải');
    const b = await file('Tin đồn thứ hai: trường học đóng cửa hết tuần');
    const before = await rows();
    expect(new Set(before.map((r) => r.key_id)).size).toBe(1);
    const { keyId, resealed } = await t.c.services.rumorIntake.rotateKey(systemActor('cli:rumors rotate-key'));
    expect(resealed).toBe(before.length);
    const after = await rows();
    expect(after.every((r) => r.key_id === keyId)).toBe(true);
    expect(after.map((r) => r.sealed)).not.toEqual(before.map((r) => r.sealed));
    for (const r of [a, b]) expect(await reveal(r.report.id)).toMatchObject({ name: INFORMANT.name, phone: INFORMANT.phoneNormalised, erased: false });
    expect((await t.c.services.rumorIntake.rotateKey(systemActor('cli:rumors rotate-key'), { newKey: false })).resealed).toBe(0);
    const audit = rowsOf<{ after: unknown }>(await t.c.database.db.execute(sql`SELECT after FROM audit_events WHERE action = 'rumor.informant.rotate'`));
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(INFORMANT.name);
  });

  it('retention erases identities N days after their case closed, and only those; the report stays', async () => {
    const closed = await file('Tin đồn đã kết luận: cầu treo bị sập');
    const open = await file('Tin đồn còn đang xác minh: thiếu nước sạch');
    const closedAt = new Date(NOW.getTime() - 10 * DAY).toISOString();
    await t.c.database.db.execute(sql`UPDATE rumor_cases SET closed_at = ${closedAt}::timestamptz WHERE id = ${closed.case.id}`);

    // 10 days after closing: within the 90 days, nothing erased.
    expect((await t.c.services.rumorIntake.eraseExpired()).erased).toBe(0);
    t.clock.set(new Date(NOW.getTime() + 81 * DAY));
    const { erased } = await t.c.services.rumorIntake.eraseExpired();
    expect(erased).toBe(1);
    t.clock.set(NOW);

    const [r] = rowsOf<{ informant_id: string }>(await t.c.database.db.execute(sql`SELECT informant_id FROM rumor_reports WHERE id = ${closed.report.id}`));
    const inf = (await rows()).find((x) => x.id === r!.informant_id)!;
    expect(inf).toMatchObject({ key_id: 'erased', sealed: 'erased', contact_kind: null });
    expect(inf.erased_at).not.toBeNull();
    expect(await reveal(closed.report.id)).toEqual({ name: null, phone: null, email: null, socialId: null, ip: null, userAgent: null, fileName: null, erased: true });
    expect(await reveal(open.report.id)).toMatchObject({ name: INFORMANT.name, erased: false });
    // Rotation leaves the erased alone.
    const rot = await t.c.services.rumorIntake.rotateKey(systemActor('cli:rumors rotate-key'));
    expect(rot.resealed).toBe((await rows()).filter((x) => x.erased_at === null).length);
    const audit = rowsOf<{ after: { count: number } }>(await t.c.database.db.execute(sql`SELECT after FROM audit_events WHERE action = 'rumor.informant.erase'`));
    expect(audit.map((x) => x.after.count)).toEqual([1]);
  });
});
