import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TT_MUONG_TE, TT_TAM_DUONG, buildSignedInUser, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { buildList } from '../../../../test/builders/broadcasts.ts';
import type { Role } from '../access/index.ts';
import { BroadcastListSchema, BroadcastViewSchema } from '../../../shared/contracts/broadcasts.ts';

/** Supersede over HTTP, attacker style, and the list page's capabilities. */
describe('broadcasts API: supersede and the list capabilities', () => {
  let t: TestContext;
  const s: Partial<Record<'drafter' | 'approver' | 'viewer' | 'otherDrafter', Session>> = {};
  const as = (who: keyof typeof s) => s[who]!.headers;
  const post = (url: string, who: keyof typeof s, payload?: object) => t.app.inject({ method: 'POST', url, headers: as(who), ...(payload ? { payload } : {}) });
  const get = async (id: string) => BroadcastViewSchema.parse((await t.app.inject({ url: `/api/broadcasts/${id}`, headers: as('viewer') })).json().broadcast);
  let oldId: string;

  beforeAll(async () => {
    t = await createTestContext('pglite');
    await importLaiChau(t.c);
    const make = async (roles: Role[], unitId = TT_TAM_DUONG) => (await buildSignedInUser(t.c, { unitId, roles })).session;
    for (const r of ['drafter', 'approver', 'viewer'] as const) s[r] = await make([r]);
    s.otherDrafter = await make(['drafter'], TT_MUONG_TE);
    const listId = await buildList(t.c, TT_TAM_DUONG, 2, 800);
    const res = await post('/api/broadcasts', 'drafter', {
      unitId: TT_TAM_DUONG,
      title: 'Lịch tiêm',
      priority: 'thuong',
      smsText: 'Tiem chung sang thu Bay tai tram y te xa.',
      unaccented: false,
      audience: { unitIds: [], listIds: [listId] },
      route: 'smpp',
      windowStart: '07:00',
      windowEnd: '21:00',
    });
    expect(res.statusCode, res.body).toBe(201);
    oldId = BroadcastViewSchema.parse(res.json().broadcast).id;
  });
  afterAll(() => t.close());

  it('offers drafting on the list only to those who may draft', async () => {
    const list = async (who: keyof typeof s) => BroadcastListSchema.parse((await t.app.inject({ url: '/api/broadcasts', headers: as(who) })).json()).capabilities;
    expect(await list('drafter')).toEqual({ draft: true });
    expect(await list('viewer')).toEqual({ draft: false });
  });

  it('refuses to supersede a draft (409), for a reader (403) or from another unit (404); then drafts the replacement and links both ways on approval', async () => {
    expect((await post(`/api/broadcasts/${oldId}/supersede`, 'drafter')).statusCode).toBe(409);
    expect((await post(`/api/broadcasts/${oldId}/submit`, 'drafter')).statusCode).toBe(200);
    expect((await post(`/api/broadcasts/${oldId}/supersede`, 'viewer')).statusCode).toBe(403);
    expect((await post(`/api/broadcasts/${oldId}/supersede`, 'otherDrafter')).statusCode).toBe(404);
    const res = await post(`/api/broadcasts/${oldId}/supersede`, 'drafter');
    expect(res.statusCode, res.body).toBe(201);
    const next = BroadcastViewSchema.parse(res.json().broadcast);
    expect(next).toMatchObject({ status: 'draft', supersedesId: oldId, windowStart: '07:00', windowEnd: '21:00', title: 'Lịch tiêm' });
    expect((await post(`/api/broadcasts/${next.id}/submit`, 'drafter')).statusCode).toBe(200);
    const ok = await post(`/api/broadcasts/${next.id}/approve`, 'approver');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await get(oldId)).toMatchObject({ status: 'cancelled', supersededById: next.id, capabilities: { supersede: false } });
    expect((await get(next.id)).supersedesId).toBe(oldId);
    const again = await post(`/api/broadcasts/${oldId}/supersede`, 'drafter');
    expect(again.statusCode).toBe(409);
    expect((again.json() as { error: { message: string } }).error.message).toContain('Thông điệp đang ở trạng thái');
  });
});
