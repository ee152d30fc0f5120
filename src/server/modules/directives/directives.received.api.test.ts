/* eslint-disable @typescript-eslint/no-unsafe-call -- API responses are untyped JSON here; the assertions check their shape. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TT_TAM_DUONG, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import type { Actor } from '../access/index.ts';
import { buildActors, client, signedDirective } from '../../../../test/builders/directives.ts';
import type { Actors } from '../../../../test/builders/directives.ts';

/** registerReceivedDirective: a document received outside Loa, filed in the receiver's inbox. */
describeApi('directives: registering a received document (import)', (kind) => {
  let t: TestContext;
  let x: Actors;
  let call: ReturnType<typeof client>;
  const actorOf = async (s: Session): Promise<Actor> => {
    const info = await t.c.services.users.resolveSession(s.cookie.replace(/^loa_session=/, ''), null);
    if (!info) throw new Error('no session');
    return info.actor;
  };
  const input = (over: Record<string, unknown> = {}) => ({
    issuerUnitId: x.office.id,
    receiverUnitId: TT_TAM_DUONG,
    docType: 'CV' as const,
    symbol: 'VHTT',
    subject: 'Tăng cường công tác tuyên truyền dịp Tết Nguyên đán Tân Sửu 2021',
    number: 7,
    date: '2021-02-01',
    source: 'import:test',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    x = await buildActors(t.c);
    call = client(t.app);
  });
  afterAll(() => t.close());

  it('files it as issued in the receiver inbox, keeps the printed number and advances the issuer register', async () => {
    const commune = await actorOf(x.communeClerk);
    const r = await t.c.services.directives.registerReceivedDirective(commune, input());
    expect(r.directive).toMatchObject({ status: 'issued', fullSymbol: '07/VHTT', year: 2021, date: '2021-02-01', issuerUnitId: x.office.id });
    expect(r.arrivalNumber).toBe('01');
    const inbox = await call(x.communeClerk, 'GET', '/api/inbox');
    expect(inbox.body.items.map((i: { itemId: string }) => i.itemId)).toContain(r.itemId);

    // The same number of the same issuer and year again: a conflict.
    await expect(t.c.services.directives.registerReceivedDirective(commune, input())).rejects.toMatchObject({ code: 'NUMBER_CONFLICT' });
    // The issuer's next number in Loa follows the registered one.
    const id = await signedDirective(t.app, x);
    const issued = await call(x.clerk, 'POST', `/api/directives/${id}/issue`, {});
    expect(issued.body.directive.number).toBe('08');
  });

  it('needs import.create over the receiving unit', async () => {
    const outsider = await actorOf(x.outsiderClerk);
    await expect(t.c.services.directives.registerReceivedDirective(outsider, input({ number: null }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("runs inside the caller's transaction: it commits with it and rolls back with it", async () => {
    const commune = await actorOf(x.communeClerk);
    const db = t.c.database.db;
    const before = await call(x.communeClerk, 'GET', '/api/inbox');
    await expect(
      db.transaction(async (tx) => {
        const r = await t.c.services.directives.registerReceivedDirective(commune, input({ number: 30, symbol: 'VHTT-TX' }), { tx });
        expect(r.directive).toMatchObject({ status: 'issued', fullSymbol: '30/VHTT-TX' });
        throw new Error('the caller fails after registering');
      }),
    ).rejects.toThrow('the caller fails');
    expect((await call(x.communeClerk, 'GET', '/api/inbox')).body.total).toBe(before.body.total);
    // Nothing of the rolled-back registration is left: the same number registers again, now committed.
    const done = await db.transaction((tx) => t.c.services.directives.registerReceivedDirective(commune, input({ number: 30, symbol: 'VHTT-TX' }), { tx }));
    expect(done.directive).toMatchObject({ status: 'issued', fullSymbol: '30/VHTT-TX' });
    expect((await call(x.communeClerk, 'GET', '/api/inbox')).body.total).toBe(before.body.total + 1);
  });
});
