import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { TT_MUONG_TE, TT_TAM_DUONG, buildSignedInUser, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import type { Role } from '../access/index.ts';

// Fictitious numbers: no real subscriber.
const csv = (rows: string[]) => Buffer.from(['Họ tên,Số điện thoại,Thôn', ...rows].join('\n'), 'utf8').toString('base64');

/** The HTTP boundary: masked numbers without subscriber.read, other units refused, the import's 422. */
describe('subscribers API', () => {
  let t: TestContext;
  const s: Partial<Record<'clerk' | 'viewer' | 'reporter' | 'drafter' | 'otherClerk', Session>> = {};
  let listId: string;

  const as = (who: keyof typeof s) => s[who]!.headers;

  beforeAll(async () => {
    t = await createTestContext('pglite');
    await importLaiChau(t.c);
    const make = async (roles: Role[], unitId = TT_TAM_DUONG) => (await buildSignedInUser(t.c, { unitId, roles })).session;
    s.clerk = await make(['clerk']);
    s.viewer = await make(['viewer']);
    s.reporter = await make(['reporter']);
    s.drafter = await make(['drafter']);
    s.otherClerk = await make(['clerk'], TT_MUONG_TE);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/units/${TT_TAM_DUONG}/subscriber-lists`,
      headers: as('clerk'),
      payload: { name: 'Trưởng thôn', kind: 'truong_thon' },
    });
    expect(res.statusCode, res.body).toBe(201);
    listId = (res.json() as { list: { id: string } }).list.id;
    const imp = await t.app.inject({
      method: 'POST',
      url: `/api/subscriber-lists/${listId}/import`,
      headers: as('clerk'),
      payload: { fileName: 'ds.csv', contentBase64: csv(['Lò Văn A,0960000301,Bản Hon', 'Lò Thị B,0910000302,Bản Bo']), dryRun: false },
    });
    expect(imp.statusCode, imp.body).toBe(200);
    expect(imp.json()).toMatchObject({ imported: true, added: 2 });
  });
  afterAll(() => t.close());

  const subscribersAs = (who: keyof typeof s) => t.app.inject({ method: 'GET', url: `/api/subscriber-lists/${listId}/subscribers`, headers: as(who) });

  it('shows full numbers to the clerk and the drafter, masked ones to a viewer', async () => {
    for (const who of ['clerk', 'drafter'] as const) {
      const body = (await subscribersAs(who)).json() as { items: { phone: string }[]; capabilities: { readPhones: boolean } };
      expect(body.items.map((i) => i.phone).sort()).toEqual(['0910000302', '0960000301']);
      expect(body.capabilities.readPhones).toBe(true);
    }
    const res = await subscribersAs('viewer');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { phone: string; telco: string }[]; capabilities: { readPhones: boolean; write: boolean } };
    expect(body.items.map((i) => i.phone).sort()).toEqual(['091****302', '096****301']);
    expect(body.items.map((i) => i.telco).sort()).toEqual(['viettel', 'vinaphone']);
    expect(body.capabilities).toEqual({ readPhones: false, write: false });
    expect(res.body).not.toContain('0960000301');
  });

  it('refuses other units, roles without the permission, and anonymous callers', async () => {
    expect((await subscribersAs('otherClerk')).statusCode).toBe(404);
    expect((await subscribersAs('reporter')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/subscriber-lists/${listId}/subscribers` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/units/${TT_TAM_DUONG}/subscriber-lists`, headers: as('otherClerk') })).statusCode).toBe(403);
    const viewerWrite = await t.app.inject({ method: 'POST', url: `/api/units/${TT_TAM_DUONG}/subscriber-lists`, headers: as('viewer'), payload: { name: 'X', kind: 'khac' } });
    expect(viewerWrite.statusCode).toBe(403);
    const importOther = await t.app.inject({
      method: 'POST',
      url: `/api/subscriber-lists/${listId}/import`,
      headers: as('otherClerk'),
      payload: { fileName: 'x.csv', contentBase64: csv(['X,0970000303,']), dryRun: false },
    });
    expect(importOther.statusCode).toBe(404);
    const { items } = (await subscribersAs('clerk')).json() as { items: { id: string }[] };
    const optOut = (who: keyof typeof s) =>
      t.app.inject({ method: 'POST', url: `/api/subscribers/${items[0]!.id}/opt-out`, headers: as(who), payload: { reason: 'Không muốn nhận' } });
    expect((await optOut('viewer')).statusCode).toBe(403);
    expect((await optOut('otherClerk')).statusCode).toBe(404);
    expect((await optOut('clerk')).json()).toMatchObject({ subscriber: { optedOut: true, optOutSource: 'staff' } });
    const optIn = (who: keyof typeof s) =>
      t.app.inject({ method: 'POST', url: `/api/subscribers/${items[0]!.id}/opt-in`, headers: as(who), payload: { reason: 'Xin nhận tin lại' } });
    expect((await optIn('viewer')).statusCode).toBe(403);
    expect((await optIn('clerk')).json()).toMatchObject({ subscriber: { optedOut: false, optOutSource: null } });
    expect((await optIn('clerk')).statusCode).toBe(409);
    expect((await auditEventsFor(t.c, items[0]!.id)).map((e) => e.action)).toEqual(['subscriber.opt_out', 'subscriber.opt_in']);
    expect((await optOut('clerk')).statusCode).toBe(200);
  });

  it('renames and deletes a list (unit admin or clerk only), audited', async () => {
    const created = await t.app.inject({ method: 'POST', url: `/api/units/${TT_TAM_DUONG}/subscriber-lists`, headers: as('clerk'), payload: { name: 'Tạm', kind: 'khac' } });
    const id = (created.json() as { list: { id: string } }).list.id;
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/subscriber-lists/${id}`, headers: as('clerk'), payload: { name: 'Hội phụ nữ', description: 'Chi hội' } });
    expect(renamed.json()).toMatchObject({ list: { name: 'Hội phụ nữ', kind: 'khac', description: 'Chi hội' } });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/subscriber-lists/${id}`, headers: as('viewer') })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/subscriber-lists/${id}`, headers: as('otherClerk') })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/subscriber-lists/${id}`, headers: as('clerk') })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/subscriber-lists/${id}`, headers: as('clerk') })).statusCode).toBe(404);
    expect((await auditEventsFor(t.c, id)).map((e) => e.action)).toEqual(['subscriber_list.create', 'subscriber_list.update', 'subscriber_list.delete']);
  });

  it('an import with a bad row answers 422 with the lines, in Vietnamese, and writes nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/subscriber-lists/${listId}/import`,
      headers: as('clerk'),
      payload: { fileName: 'ds.csv', contentBase64: csv(['Mới,0380000304,', 'Sai,0123,']), dryRun: false },
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Dòng 3: «0123» không phải số di động Việt Nam');
    expect(res.body).toContain('chưa nhập dòng nào');
    expect(((await subscribersAs('clerk')).json() as { total: number }).total).toBe(2);
  });
});
