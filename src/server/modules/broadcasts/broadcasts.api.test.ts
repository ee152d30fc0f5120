import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { LAI_CHAU, TT_MUONG_TE, TT_TAM_DUONG, buildSignedInUser, buildUnit, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { buildList, countRowsWhere } from '../../../../test/builders/broadcasts.ts';
import type { Role } from '../access/index.ts';
import { NATION_ID } from '../units/index.ts';
import { BroadcastViewSchema, DeliveryListSchema } from '../../../shared/contracts/broadcasts.ts';

/** The HTTP boundary, attacker style: who may write what, 404 outside the read scope, masked numbers, no account. */
describe('broadcasts API', () => {
  let t: TestContext;
  const s: Partial<Record<'drafter' | 'approver' | 'viewer' | 'reporter' | 'clerk' | 'otherApprover' | 'otherDrafter', Session>> = {};
  let listId: string;
  let id: string;
  const as = (who: keyof typeof s) => s[who]!.headers;
  const body = () => ({
    unitId: TT_TAM_DUONG,
    title: 'Tiêm chủng',
    priority: 'thuong',
    smsText: 'Mời bà con đưa trẻ đi tiêm chủng sáng thứ Bảy tại trạm y tế xã.',
    unaccented: false,
    audience: { unitIds: [], listIds: [listId] },
    // No SMS account here, so the default route would be the telco request; this test is about the SMS route.
    route: 'smpp',
  });
  const post = (url: string, who: keyof typeof s, payload?: object) => t.app.inject({ method: 'POST', url, headers: as(who), ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestContext('pglite');
    await importLaiChau(t.c);
    const make = async (roles: Role[], unitId = TT_TAM_DUONG) => (await buildSignedInUser(t.c, { unitId, roles })).session;
    for (const r of ['drafter', 'approver', 'viewer', 'reporter', 'clerk'] as const) s[r] = await make([r]);
    s.otherApprover = await make(['approver'], TT_MUONG_TE);
    s.otherDrafter = await make(['drafter'], TT_MUONG_TE);
    listId = await buildList(t.c, TT_TAM_DUONG, 3, 500);
    const res = await post('/api/broadcasts', 'drafter', body());
    expect(res.statusCode, res.body).toBe(201);
    id = BroadcastViewSchema.parse((res.json() as { broadcast: unknown }).broadcast).id;
  });
  afterAll(() => t.close());

  it('refuses drafts from those who may not draft, and drafts for or to a unit outside the drafter’s reach', async () => {
    for (const who of ['viewer', 'reporter', 'clerk'] as const) expect((await post('/api/broadcasts', who, body())).statusCode, who).toBe(who === 'reporter' ? 404 : 403);
    expect((await post('/api/broadcasts', 'otherDrafter', body())).statusCode).toBe(404);
    expect((await post('/api/broadcasts', 'drafter', { ...body(), audience: { unitIds: [TT_MUONG_TE], listIds: [] } })).statusCode).toBe(403);
    expect((await post('/api/broadcasts', 'drafter', { ...body(), senderName: 'UBND Xã' })).statusCode).toBe(400);
    expect((await post('/api/broadcasts', 'drafter', { ...body(), smsText: 'ư'.repeat(1000) })).statusCode).toBe(400);
  });

  it('refuses a subscriber list of a unit outside the drafter’s reach (the province’s, another commune’s) on create and edit; nothing created', async () => {
    const provinceList = await buildList(t.c, LAI_CHAU, 1, 600);
    const otherList = await buildList(t.c, TT_MUONG_TE, 1, 700);
    const countOwn = async () => (await t.app.inject({ method: 'GET', url: `/api/broadcasts?unitId=${TT_TAM_DUONG}`, headers: as('drafter') })).json().items.length as number;
    const before = await countOwn();
    for (const foreign of [provinceList, otherList, '00000000-0000-4000-8000-000000000000']) {
      const res = await post('/api/broadcasts', 'drafter', { ...body(), audience: { unitIds: [], listIds: [listId, foreign] } });
      expect(res.statusCode, foreign).toBe(404);
      expect((res.json() as { error: { message: string } }).error.message).toBe('Không tìm thấy dữ liệu.');
      const patch = await t.app.inject({ method: 'PATCH', url: `/api/broadcasts/${id}`, headers: as('drafter'), payload: { audience: { unitIds: [], listIds: [foreign] } } });
      expect(patch.statusCode, foreign).toBe(404);
    }
    expect(await countOwn()).toBe(before);
    const kept = BroadcastViewSchema.parse((await t.app.inject({ method: 'GET', url: `/api/broadcasts/${id}`, headers: as('drafter') })).json().broadcast);
    expect(kept.audience.listIds).toEqual([listId]);
  });

  it('write routes: 403 for readers of the unit, 404 for another unit, even for the right role', async () => {
    for (const who of ['viewer', 'reporter', 'clerk'] as const) {
      expect((await t.app.inject({ method: 'PATCH', url: `/api/broadcasts/${id}`, headers: as(who), payload: { title: 'x' } })).statusCode, who).toBe(
        who === 'reporter' ? 404 : 403,
      );
      for (const step of ['submit', 'approve', 'emergency-approve', 'cancel'])
        expect((await post(`/api/broadcasts/${id}/${step}`, who)).statusCode, `${who} ${step}`).toBe(who === 'reporter' ? 404 : 403);
    }
    for (const who of ['otherApprover', 'otherDrafter'] as const) {
      expect((await t.app.inject({ method: 'GET', url: `/api/broadcasts/${id}`, headers: as(who) })).statusCode).toBe(404);
      for (const step of ['submit', 'approve', 'emergency-approve', 'cancel']) expect((await post(`/api/broadcasts/${id}/${step}`, who)).statusCode, `${who} ${step}`).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: `/api/broadcasts/${id}/deliveries`, headers: as(who) })).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/broadcasts/${id}` })).statusCode).toBe(401);
    expect((await post(`/api/broadcasts/${id}/approve`, 'drafter')).statusCode).toBe(403);
  });

  it('runs the workflow over HTTP; without an SMS account the deliveries fail with a clear error; numbers masked for a viewer', async () => {
    expect((await post(`/api/broadcasts/${id}/submit`, 'drafter')).statusCode).toBe(200);
    const preview = await t.app.inject({ method: 'GET', url: `/api/broadcasts/${id}/preview-audience`, headers: as('viewer') });
    expect(preview.json()).toMatchObject({ recipients: 3, partsPerRecipient: 1, totalParts: 3, byTelco: { viettel: 3 } });
    const ok = await post(`/api/broadcasts/${id}/approve`, 'approver');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await countRowsWhere(t.c, 'jobs', `sms:${id}:%`)).toBe(1);
    expect((await post(`/api/broadcasts/${id}/approve`, 'approver')).statusCode).toBe(409);
    await t.c.jobs.drain();
    const view = BroadcastViewSchema.parse((await t.app.inject({ method: 'GET', url: `/api/broadcasts/${id}`, headers: as('viewer') })).json().broadcast);
    expect(view).toMatchObject({ status: 'done', progress: { total: 3, byState: { failed: 3 } } });
    const masked = DeliveryListSchema.parse((await t.app.inject({ method: 'GET', url: `/api/broadcasts/${id}/deliveries`, headers: as('viewer') })).json());
    expect(masked.items.map((d) => d.phone)).toEqual(['096****500', '096****501', '096****502']);
    expect(masked.items[0]!.error).toBe('chưa cấu hình tài khoản SMS');
    const full = DeliveryListSchema.parse((await t.app.inject({ method: 'GET', url: `/api/broadcasts/${id}/deliveries?state=failed`, headers: as('drafter') })).json());
    expect(full.items[0]!.phone).toBe('0960000500');
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/broadcasts/${id}/results.xlsx`, headers: as('viewer') });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const list = await t.app.inject({ method: 'GET', url: `/api/broadcasts?unitId=${TT_TAM_DUONG}`, headers: as('viewer') });
    expect((list.json() as { items: { id: string }[] }).items.map((x) => x.id)).toContain(id);
    const other = await t.app.inject({ method: 'GET', url: '/api/broadcasts', headers: as('otherApprover') });
    expect((other.json() as { items: unknown[] }).items).toEqual([]);
  });

  it('lets a province department (the Sở) address the province’s communes, drafting in its own unit, and no other province', async () => {
    const so = await buildUnit(t.c, { parentId: LAI_CHAU, name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu', kind: 'department' });
    const press = await buildUnit(t.c, { parentId: LAI_CHAU, name: 'Báo Lai Châu', kind: 'press' });
    const drafter = (await buildSignedInUser(t.c, { unitId: so.id, roles: ['drafter'] })).session;
    const pressDrafter = (await buildSignedInUser(t.c, { unitId: press.id, roles: ['drafter'] })).session;
    const payload = { ...body(), unitId: so.id, audience: { unitIds: [TT_TAM_DUONG, TT_MUONG_TE], listIds: [] } };
    const ok = await t.app.inject({ method: 'POST', url: '/api/broadcasts', headers: drafter.headers, payload });
    expect(ok.statusCode, ok.body).toBe(201);
    // Not for a unit of another province, nor for an organisation that is no area office (the newspaper).
    const elsewhere = await buildUnit(t.c, { parentId: NATION_ID, name: 'Bộ Y tế', kind: 'department' });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/broadcasts', headers: drafter.headers, payload: { ...payload, audience: { unitIds: [elsewhere.id], listIds: [] } } }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/broadcasts', headers: pressDrafter.headers, payload: { ...payload, unitId: press.id } })).statusCode).toBe(403);
    // The Sở's readers follow the communes' campaigns (read only, numbers masked); the newspaper's do not.
    const soViewer = (await buildSignedInUser(t.c, { unitId: so.id, roles: ['viewer'] })).session;
    const pressViewer = (await buildSignedInUser(t.c, { unitId: press.id, roles: ['viewer'] })).session;
    expect((await t.app.inject({ url: `/api/broadcasts/${id}`, headers: soViewer.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/broadcasts', headers: soViewer.headers })).json<{ items: { id: string }[] }>().items.map((x) => x.id)).toContain(id);
    expect((await t.app.inject({ method: 'POST', url: `/api/broadcasts/${id}/approve`, headers: soViewer.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/broadcasts/${id}`, headers: drafter.headers, payload: { title: 'x' } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/broadcasts/${id}`, headers: pressViewer.headers })).statusCode).toBe(404);
  });

  it('lists a unit’s broadcasts, or with subtree=1 those of every unit below it, never outside the reader’s scope', async () => {
    const province = (await buildSignedInUser(t.c, { unitId: LAI_CHAU, roles: ['viewer'] })).session;
    const get = async (url: string, headers: Record<string, string>) =>
      (await t.app.inject({ method: 'GET', url, headers })).json() as { items: { id: string; unitName: string }[] };
    expect((await get(`/api/broadcasts?unitId=${LAI_CHAU}`, province.headers)).items.map((x) => x.id)).not.toContain(id);
    const below = (await get(`/api/broadcasts?unitId=${LAI_CHAU}&subtree=1`, province.headers)).items;
    expect(below.map((x) => x.id)).toContain(id);
    expect(below.find((x) => x.id === id)?.unitName).toMatch(/Tam Đường/);
    // Another commune asking for the whole province sees only its own (none of Tam Đường's).
    expect((await get(`/api/broadcasts?unitId=${LAI_CHAU}&subtree=1`, as('otherApprover'))).items.map((x) => x.id)).not.toContain(id);
    expect((await t.app.inject({ method: 'GET', url: `/api/broadcasts?unitId=${LAI_CHAU}&subtree=yes`, headers: province.headers })).statusCode).toBe(400);
  });
});
