/* eslint-disable @typescript-eslint/no-unsafe-call -- API responses are untyped JSON here; the assertions check their shape. */
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TT_TAM_DUONG, buildUnit, importLaiChau } from '../../../../test/factories.ts';
import { directiveRecipients, directives, registerCounters } from '../../db/schema/index.ts';
import { buildActors, client, signedDirective } from '../../../../test/builders/directives.ts';
import type { Actors } from '../../../../test/builders/directives.ts';
import { findJobsByIdPrefix } from '../../jobs/jobs.repository.ts';

describeEachDb('directives: register numbers', (kind) => {
  let t: TestContext;
  let x: Actors;
  let call: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    x = await buildActors(t.c);
    call = client(t.app);
  });
  afterAll(() => t.close());
  const countRows = async (_c: unknown, table: PgTable) => (await t.c.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

  it('numbers run 01, 02, ... per issuer per year, and concurrent issues never share a number', async () => {
    const first = await signedDirective(t.app, x, { recipients: { units: [TT_TAM_DUONG], groups: [] } });
    const one = await call(x.clerk, 'POST', `/api/directives/${first}/issue`, {});
    expect(one.body.directive).toMatchObject({ number: '01', fullSymbol: '01/VHTT-TT&TT' });

    const N = 12;
    const ids: string[] = [];
    for (let i = 0; i < N; i++) ids.push(await signedDirective(t.app, x, { subject: `Văn bản song song ${i}`, recipients: { units: [TT_TAM_DUONG], groups: [x.group.id] } }));
    const results = await Promise.all(ids.map((id) => call(x.clerk, 'POST', `/api/directives/${id}/issue`, {})));
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
    const numbers = results.map((r) => r.body.directive.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: N }, (_, i) => String(i + 2).padStart(2, '0')));

    // Arrival numbers in the commune's incoming register are unique too, 01..N+1.
    const inbox = await call(x.communeClerk, 'GET', '/api/inbox?limit=200');
    expect(inbox.body.items.map((i: { arrivalNumber: string }) => i.arrivalNumber).sort()).toEqual(Array.from({ length: N + 1 }, (_, i) => String(i + 1).padStart(2, '0')));

    // The same issue twice at the same moment: one wins, the other is told.
    const twice = await signedDirective(t.app, x, { recipients: { units: [TT_TAM_DUONG], groups: [] } });
    const both = await Promise.all([0, 1].map(() => call(x.clerk, 'POST', `/api/directives/${twice}/issue`, {})));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);

    // Another issuer starts its own register at 01; a new year starts again at 01.
    const otherOffice = await buildUnit(t.c, { name: 'Văn phòng HĐND và UBND huyện' });
    const { buildSignedInUser } = await import('../../../../test/factories.ts');
    const od = await buildSignedInUser(t.c, { unitId: otherOffice.id, roles: ['drafter'] });
    const oa = await buildSignedInUser(t.c, { unitId: otherOffice.id, roles: ['approver'] });
    const oc = await buildSignedInUser(t.c, { unitId: otherOffice.id, roles: ['clerk'] });
    const other: Actors = { ...x, office: otherOffice, drafter: od.session, approver: { ...oa.session, userId: oa.user.id }, clerk: oc.session };
    const o1 = await signedDirective(t.app, other, { symbol: 'UBND-VP', recipients: { units: [TT_TAM_DUONG], groups: [] } });
    expect((await call(oc.session, 'POST', `/api/directives/${o1}/issue`, {})).body.directive.number).toBe('01');

    const y2 = await signedDirective(t.app, x, { recipients: { units: [TT_TAM_DUONG], groups: [] } });
    expect((await call(x.clerk, 'POST', `/api/directives/${y2}/issue`, { date: '2022-01-04' })).body.directive).toMatchObject({
      number: '01',
      year: 2022,
      fullSymbol: '01/VHTT-TT&TT',
    });
  });

  it('a number already given is a 409 and nothing changes', async () => {
    const id = await signedDirective(t.app, x, { recipients: { units: [TT_TAM_DUONG], groups: [x.group.id] } });
    const before = {
      directives: await countRows(t.c, directives),
      recipients: await countRows(t.c, directiveRecipients),
      jobs: (await findJobsByIdPrefix(t.c.database.db, '')).length,
      counters: await t.c.database.db.select().from(registerCounters),
    };
    const res = await call(x.clerk, 'POST', `/api/directives/${id}/issue`, { number: 1, date: '2021-02-03' });
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ code: 'NUMBER_CONFLICT', message: 'Số 01 năm 2021 của đơn vị ban hành đã được cấp cho văn bản khác.' });
    expect((await call(x.clerk, 'GET', `/api/directives/${id}`)).body.directive).toMatchObject({ status: 'signed', number: null });
    expect(await countRows(t.c, directives)).toBe(before.directives);
    expect(await countRows(t.c, directiveRecipients)).toBe(before.recipients);
    expect((await findJobsByIdPrefix(t.c.database.db, '')).length).toBe(before.jobs);
    expect(await t.c.database.db.select().from(registerCounters)).toEqual(before.counters);

    // A free number given by hand (a document registered on paper) is accepted; the register moves past it.
    const manual = await call(x.clerk, 'POST', `/api/directives/${id}/issue`, { number: 90 });
    expect(manual.body.directive.number).toBe('90');
    const next = await signedDirective(t.app, x, { recipients: { units: [TT_TAM_DUONG], groups: [] } });
    expect((await call(x.clerk, 'POST', `/api/directives/${next}/issue`, {})).body.directive.number).toBe('91');
  });
});
