// Receipt matching (issue #12 point 6): by message id, else an ambiguous delivery without an id reconciled by its
// phone — only the phone's single candidate and only while none of its deliveries is 'submitting'.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TT_TAM_DUONG, importLaiChau } from '../../../../test/factories.ts';
import { buildList, emergencyCampaign, phoneNo } from '../../../../test/builders/broadcasts.ts';
import type { StoredDelivery } from '../../../../test/builders/broadcasts.ts';
import { rowsOf } from '../../db/client.ts';
import { createFakeSmsProvider } from '../../providers/sms/fake.ts';
import { settleByReceipt } from './deliveries.repository.ts';
import { RECONCILED_BY_RECEIPT } from './sending.service.ts';

describeEachDb('broadcasts: receipts reconcile ambiguous deliveries', (kind) => {
  let t: TestContext;
  const at = new Date('2021-02-03T03:00:00Z');
  const receipt = (id: string, phone: string) => ({
    messageId: id,
    idForms: [id.toLowerCase()],
    phone,
    state: 'delivered' as const,
    error: null,
    reconciledError: RECONCILED_BY_RECEIPT,
  });
  const set = (id: string, state: string, key: string | null = null) =>
    t.c.database.db.execute(sql`UPDATE sms_deliveries SET state = ${state}, message_key = ${key}, message_id = ${key} WHERE id = ${id}`);
  /** Two campaigns to the same 4 numbers; returns their deliveries by phone order. */
  let first: StoredDelivery[];
  let second: StoredDelivery[];

  beforeAll(async () => {
    t = await createTestContext(kind, { sms: createFakeSmsProvider() });
    await importLaiChau(t.c);
    const list = await buildList(t.c, TT_TAM_DUONG, 4, 7000);
    const campaign = () => emergencyCampaign(t.c, TT_TAM_DUONG, list);
    first = await campaign();
    second = await campaign();
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('settles by id; a receipt for an id already settled is known; the only ambiguous delivery without an id is reconciled by its phone', async () => {
    await set(first[0]!.id, 'submitted', 'a1');
    expect(await settleByReceipt(t.c.database.db, receipt('A1', phoneNo(7000)), at)).toEqual({ broadcastId: expect.any(String) as string });
    expect(await settleByReceipt(t.c.database.db, receipt('A1', phoneNo(7000)), at)).toBe('known');

    await set(first[1]!.id, 'ambiguous');
    expect(await settleByReceipt(t.c.database.db, receipt('B2', phoneNo(7001)), at)).toEqual({ broadcastId: expect.any(String) as string });
    const [row] = rowsOf(await t.c.database.db.execute(sql`SELECT state, message_id, message_key, error FROM sms_deliveries WHERE id = ${first[1]!.id}`));
    expect(row).toEqual({ state: 'delivered', message_id: 'B2', message_key: 'b2', error: RECONCILED_BY_RECEIPT });
    // Delivered again by the SMSC: acknowledged, nothing else changes.
    expect(await settleByReceipt(t.c.database.db, receipt('B2', phoneNo(7001)), at)).toBe('known');
  });

  it('two ambiguous deliveries without an id to one phone: neither is guessed', async () => {
    await set(first[2]!.id, 'ambiguous');
    await set(second[2]!.id, 'ambiguous');
    expect(await settleByReceipt(t.c.database.db, receipt('C3', phoneNo(7002)), at)).toBeNull();
    const states = await t.c.database.db.execute(sql`SELECT state FROM sms_deliveries WHERE id IN (${first[2]!.id}, ${second[2]!.id})`);
    expect(rowsOf<{ state: string }>(states).map((r) => r.state)).toEqual(['ambiguous', 'ambiguous']);
  });

  it("while a delivery of the phone is 'submitting' the receipt waits (pending), then settles what its id names", async () => {
    await set(first[3]!.id, 'ambiguous');
    await set(second[3]!.id, 'submitting');
    expect(await settleByReceipt(t.c.database.db, receipt('D4', phoneNo(7003)), at)).toBe('pending');
    await set(second[3]!.id, 'submitted', 'd4'); // its submit_sm_resp recorded
    expect(await settleByReceipt(t.c.database.db, receipt('D4', phoneNo(7003)), at)).toEqual({ broadcastId: expect.any(String) as string });
    const states = await t.c.database.db.execute(sql`SELECT id, state FROM sms_deliveries WHERE id IN (${first[3]!.id}, ${second[3]!.id})`);
    const byId = Object.fromEntries(rowsOf<{ id: string; state: string }>(states).map((r) => [r.id, r.state]));
    expect(byId).toEqual({ [first[3]!.id]: 'ambiguous', [second[3]!.id]: 'delivered' });
  });
});
