// sms_deliveries after 0015_sms_delivery_speed.sql: no index names state (the claim and the receipt stay HOT
// updates), fillfactor 70, and submitted_at — set when the SMSC accepts, never moved by a receipt — is the instant
// the roll-up counts a delivery at (the approval time only for a delivery without one).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TT_TAM_DUONG, importLaiChau } from '../../../../test/factories.ts';
import { buildList, emergencyCampaign } from '../../../../test/builders/broadcasts.ts';
import { rowsOf } from '../../db/client.ts';
import { createFakeSmsProvider } from '../../providers/sms/fake.ts';
import { channelFiguresByPeriod } from './channel-figures.repository.ts';
import { claimForSubmit, recordOutcomes, settleReceiptsById } from './deliveries.repository.ts';

describeEachDb('broadcasts: the delivery table for speed, and submitted_at', (kind) => {
  let t: TestContext;
  let ids: string[];
  let approvedAt: Date;
  const later = (d: Date, hours: number) => new Date(d.getTime() + hours * 3_600_000);

  beforeAll(async () => {
    t = await createTestContext(kind, { sms: createFakeSmsProvider() });
    await importLaiChau(t.c);
    const list = await buildList(t.c, TT_TAM_DUONG, 3, 7100);
    approvedAt = t.clock.now();
    ids = (await emergencyCampaign(t.c, TT_TAM_DUONG, list)).map((d) => d.id);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('has no index naming state and a fillfactor of 70', async () => {
    const db = t.c.database.db;
    const idx = rowsOf<{ def: string }>(await db.execute(sql`SELECT indexdef AS def FROM pg_indexes WHERE tablename = 'sms_deliveries'`));
    expect(idx.length).toBe(4);
    expect(idx.filter((i) => /\bstate\b/.test(i.def))).toEqual([]);
    const opts = rowsOf<{ o: string[] | null }>(await db.execute(sql`SELECT reloptions AS o FROM pg_class WHERE relname = 'sms_deliveries'`));
    expect(opts[0]?.o).toEqual(['fillfactor=70']);
  });

  it('sets submitted_at with an accepted answer only; a receipt does not move it; the roll-up counts at it', async () => {
    const db = t.c.database.db;
    const [a, b, c] = ids as [string, string, string];
    const sentAt = later(approvedAt, 30);
    expect((await claimForSubmit(db, ids, sentAt)).length).toBe(3);
    const outcome = { messageKey: null, bind: 'b1', error: null };
    await recordOutcomes(
      db,
      [
        { ...outcome, id: a, state: 'submitted', messageId: 'M1', messageKey: 'm1' },
        { ...outcome, id: b, state: 'failed', messageId: null, error: 'từ chối' },
        { ...outcome, id: c, state: 'ambiguous', messageId: null },
      ],
      sentAt,
    );
    expect(await settleReceiptsById(db, [{ idForms: ['m1'], state: 'delivered', error: null }], later(sentAt, 30))).toEqual([expect.any(String)]);
    const rows = rowsOf<{ id: string; state: string; at: Date | string | null }>(
      await db.execute(sql`SELECT id, state, submitted_at AS at FROM sms_deliveries WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a)?.state).toBe('delivered');
    expect(new Date(byId.get(a)!.at!).toISOString()).toBe(sentAt.toISOString());
    expect(byId.get(b)?.at).toBeNull();
    expect(byId.get(c)?.at).toBeNull();

    const unit = rowsOf<{ path: string; depth: number }>(await db.execute(sql`SELECT path, depth FROM units WHERE id = ${TT_TAM_DUONG}`))[0]!;
    const figures = await channelFiguresByPeriod(db, {
      rootPath: unit.path,
      rootDepth: unit.depth,
      perUnit: true,
      windows: [
        { period: 'approved', from: null, to: later(approvedAt, 1) },
        { period: 'sent', from: later(approvedAt, 1), to: later(sentAt, 100) },
      ],
    });
    // The ambiguous one (no submitted_at) at its approval; the accepted and delivered one when the SMSC accepted it.
    expect(figures.map((f) => [f.period, f.smsSent, f.smsDelivered]).sort()).toEqual([
      ['approved', 1, 0],
      ['sent', 1, 1],
    ]);
  });
});
