import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import { describeApi, createTestContext } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { auditEventsSince, countRows, groupRow, lastAuditId, unitRow, unitRows, userRow } from '../../../test/support/db.ts';
import { MUONG_TE, TAM_DUONG, TT_MUONG_TE, TT_TAM_DUONG, buildSignedInUser, buildUnit, buildUser, importLaiChau, signIn } from '../../../test/factories.ts';
import type { Session } from '../../../test/factories.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface ErrorBody {
  error: { code: string; message: string };
}

/** Routes an anonymous caller may use. */
const PUBLIC = new Set(['POST /api/auth/login', 'POST /api/auth/accept-invitation', 'GET /api/settings/portal', 'GET /api/openapi.json']);

/** Nothing a client receives may look like a stack trace or an internal error text. */
function expectNoLeak(body: string): void {
  expect(body).not.toMatch(/\bat .+\(.*:\d+:\d+\)|\.ts:\d+|node_modules|stack|Error:/);
}

describeApi('attacker-style API', (kind) => {
  let t: TestContext;
  const now = new Date('2021-02-03T03:00:00Z');
  /** Offices in two districts of Lai Châu. */
  let officeTD: string;
  let officeMT: string;
  let groupMT: string;
  let userMT: string;
  let officeAdminTD: Session;
  let districtAdminTD: Session;
  let communeDrafterTD: Session;
  let viewerTD: Session;
  let viewerTDUserId: string;
  let systemAdmin: Session;

  beforeAll(async () => {
    t = await createTestContext(kind, { now });
    // A route that fails unexpectedly, added before the app is ready, to see what a 500 shows.
    t.app.get('/api/test/boom', async () => {
      throw new Error('secret-internal-detail: relation "users" SELECT password_hash');
    });
    await importLaiChau(t.c);
    officeTD = (await buildUnit(t.c, { parentId: TAM_DUONG, name: 'Phòng Văn hóa và Thông tin huyện Tam Đường' })).id;
    officeMT = (await buildUnit(t.c, { parentId: MUONG_TE, name: 'Phòng Văn hóa và Thông tin huyện Mường Tè' })).id;
    const g = await t.c.services.groups.createGroup(SYSTEM_ACTOR, {
      ownerUnitId: officeMT,
      name: 'Các xã huyện Mường Tè',
      rule: { type: 'kind_under', kind: 'commune', underUnitId: MUONG_TE },
    });
    groupMT = g.id;
    userMT = (await buildUser(t.c, { unitId: officeMT, roles: ['drafter'] })).id;
    officeAdminTD = (await buildSignedInUser(t.c, { unitId: officeTD, roles: ['unit_admin'] })).session;
    districtAdminTD = (await buildSignedInUser(t.c, { unitId: TAM_DUONG, roles: ['unit_admin'] })).session;
    communeDrafterTD = (await buildSignedInUser(t.c, { unitId: TT_TAM_DUONG, roles: ['drafter', 'clerk'] })).session;
    const viewer = await buildSignedInUser(t.c, { unitId: officeTD, roles: ['viewer'] });
    viewerTD = viewer.session;
    viewerTDUserId = viewer.user.id;
    systemAdmin = (await buildSignedInUser(t.c, { unitId: SYSTEM_ACTOR.unitId, roles: ['system_admin'] })).session;
    await t.app.ready();
  });
  afterAll(() => t.close());

  describe('anonymous caller', () => {
    function apiRoutes(): { method: Method; url: string }[] {
      const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
      const out: { method: Method; url: string }[] = [];
      for (const [p, ops] of Object.entries(doc.paths)) {
        if (!p.startsWith('/api/')) continue;
        for (const m of Object.keys(ops)) {
          out.push({ method: m.toUpperCase() as Method, url: p.replace(/\{[^}]+\}/g, randomUUID()) });
        }
      }
      return out;
    }

    it('is refused with 401 on every /api route except sign-in, invitation, the portal settings and the API document', async () => {
      const routes = apiRoutes().filter((r) => !PUBLIC.has(`${r.method} ${r.url}`));
      expect(routes.length).toBeGreaterThanOrEqual(18);
      const failures: string[] = [];
      for (const r of routes) {
        // A body that would fail validation: the refusal must come before validation.
        const res = await t.app.inject({ method: r.method, url: r.url, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: { x: 1 } }) });
        const ok =
          res.statusCode === 401 &&
          res.headers['content-type']?.toString().startsWith('application/json') &&
          JSON.stringify(res.json()) === JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập.' } });
        if (!ok) failures.push(`${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
      expect(failures).toEqual([]);
    });

    it('gets the refusal in English with Accept-Language: en', async () => {
      for (const url of ['/api/units/roots', '/api/audit', '/api/units/kinds']) {
        const res = await t.app.inject({ url, headers: { 'accept-language': 'en-US,en;q=0.9' } });
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } });
      }
    });

    it('may read the portal settings and reach the sign-in route', async () => {
      expect((await t.app.inject({ url: '/api/settings/portal' })).statusCode).toBe(200);
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' }, remoteAddress: '10.9.0.1' });
      expect(res.statusCode).toBe(401);
      expect((res.json() as ErrorBody).error.code).toBe('INVALID_CREDENTIALS');
    });
  });

  describe('a user of Tam Đường acting on Mường Tè', () => {
    it('cannot list the users of an office of another district', async () => {
      const res = await t.app.inject({ url: `/api/users?unitId=${officeMT}`, headers: officeAdminTD.headers });
      expect([403, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain(userMT);
      const district = await t.app.inject({ url: `/api/users?unitId=${MUONG_TE}`, headers: districtAdminTD.headers });
      expect([403, 404]).toContain(district.statusCode);
    });

    it('cannot disable a user of another district', async () => {
      const before = await lastAuditId(t.c);
      const res = await t.app.inject({ method: 'PATCH', url: `/api/users/${userMT}`, headers: districtAdminTD.headers, payload: { disabled: true } });
      expect([403, 404]).toContain(res.statusCode);
      const row = await userRow(t.c, userMT);
      expect(row?.disabledAt).toBeNull();
      expect(await auditEventsSince(t.c, before)).toEqual([]);
    });

    it('cannot edit the contacts of an office or commune of another district', async () => {
      const before = await lastAuditId(t.c);
      for (const [id, s] of [
        [officeMT, officeAdminTD],
        [TT_MUONG_TE, districtAdminTD],
        [MUONG_TE, districtAdminTD],
      ] as const) {
        const res = await t.app.inject({
          method: 'PUT',
          url: `/api/units/${id}/contacts`,
          headers: s.headers,
          payload: { emails: ['attacker@example.com'], phones: [], address: null, website: null },
        });
        expect([403, 404]).toContain(res.statusCode);
        const row = await unitRow(t.c, id);
        expect(row?.emails).toEqual([]);
      }
      expect(await auditEventsSince(t.c, before)).toEqual([]);
    });

    it('cannot add an organisation under another district', async () => {
      const before = await lastAuditId(t.c);
      const count = await countRows(t.c, 'units');
      for (const s of [officeAdminTD, districtAdminTD]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: s.headers, payload: { parentId: MUONG_TE, name: 'Đơn vị giả mạo', kind: 'office' } });
        expect([403, 404]).toContain(res.statusCode);
      }
      expect(await countRows(t.c, 'units')).toBe(count);
      expect(await auditEventsSince(t.c, before)).toEqual([]);
    });

    it('cannot create, edit or delete a group owned by a unit of another district', async () => {
      const before = await lastAuditId(t.c);
      const count = await countRows(t.c, 'recipientGroups');
      const create = await t.app.inject({
        method: 'POST',
        url: '/api/groups',
        headers: communeDrafterTD.headers,
        payload: { ownerUnitId: officeMT, name: 'Nhóm giả mạo', rule: { type: 'explicit', unitIds: [TT_MUONG_TE] } },
      });
      expect([403, 404]).toContain(create.statusCode);
      const patch = await t.app.inject({ method: 'PATCH', url: `/api/groups/${groupMT}`, headers: communeDrafterTD.headers, payload: { name: 'Đổi tên' } });
      expect([403, 404]).toContain(patch.statusCode);
      const del = await t.app.inject({ method: 'DELETE', url: `/api/groups/${groupMT}`, headers: communeDrafterTD.headers });
      expect([403, 404]).toContain(del.statusCode);
      expect(await countRows(t.c, 'recipientGroups')).toBe(count);
      const g = await groupRow(t.c, groupMT);
      expect(g?.name).toBe('Các xã huyện Mường Tè');
      expect(await auditEventsSince(t.c, before)).toEqual([]);
    });

    it('is told 404 (not 403) for a group it may not even read, so its existence is not revealed', async () => {
      const res = await t.app.inject({ url: `/api/groups/${groupMT}`, headers: communeDrafterTD.headers });
      expect(res.statusCode).toBe(404);
      const missing = await t.app.inject({ url: `/api/groups/${randomUUID()}`, headers: communeDrafterTD.headers });
      expect(missing.statusCode).toBe(404);
      expect((res.json() as ErrorBody).error).toEqual((missing.json() as ErrorBody).error);
    });
  });

  it('a viewer cannot write anything, even in its own unit', async () => {
    const before = await lastAuditId(t.c);
    const groupTD = await t.c.services.groups.createGroup(SYSTEM_ACTOR, {
      ownerUnitId: officeTD,
      name: 'Nhóm của phòng',
      rule: { type: 'explicit', unitIds: [TT_TAM_DUONG] },
    });
    const colleague = await buildUser(t.c, { unitId: officeTD, roles: ['drafter'] });
    const mark = await lastAuditId(t.c);
    expect(mark).toBeGreaterThan(before);
    const attempts: { method: Method; url: string; payload?: unknown }[] = [
      { method: 'POST', url: '/api/units', payload: { parentId: officeTD, name: 'Tổ mới', kind: 'other' } },
      { method: 'PATCH', url: `/api/units/${officeTD}`, payload: { name: 'Tên mới' } },
      { method: 'PUT', url: `/api/units/${officeTD}/contacts`, payload: { emails: ['a@b.vn'], phones: [], address: null, website: null } },
      { method: 'POST', url: '/api/groups', payload: { ownerUnitId: officeTD, name: 'Nhóm', rule: { type: 'explicit', unitIds: [TT_TAM_DUONG] } } },
      { method: 'PATCH', url: `/api/groups/${groupTD.id}`, payload: { name: 'Đổi' } },
      { method: 'DELETE', url: `/api/groups/${groupTD.id}` },
      { method: 'POST', url: '/api/users', payload: { username: 'viewer.made', displayName: 'X', unitId: officeTD, roles: ['viewer'] } },
      { method: 'PUT', url: '/api/settings/portal', payload: { authorityName: 'Bị chiếm quyền' } },
    ];
    for (const a of attempts) {
      const res = await t.app.inject({ method: a.method, url: a.url, headers: viewerTD.headers, ...(a.payload ? { payload: a.payload } : {}) });
      expect(res.statusCode, `${a.method} ${a.url}`).toBe(403);
      expect((res.json() as ErrorBody).error).toEqual({ code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' });
    }
    // Users: a viewer may not even read accounts, so an account is "not found" (policy.ts, authorize).
    const patchUser = await t.app.inject({ method: 'PATCH', url: `/api/users/${colleague.id}`, headers: viewerTD.headers, payload: { disabled: true } });
    expect([403, 404]).toContain(patchUser.statusCode);
    expect(await auditEventsSince(t.c, mark)).toEqual([]);
    const g = await groupRow(t.c, groupTD.id);
    expect(g?.name).toBe('Nhóm của phòng');
    const u = await unitRow(t.c, officeTD);
    expect(u?.emails).toEqual([]);
    expect(u?.name).toBe('Phòng Văn hóa và Thông tin huyện Tam Đường');
    expect((await t.c.services.settings.getPortalSettings()).authorityName).not.toBe('Bị chiếm quyền');
  });

  it('a unit admin cannot grant system_admin, neither to a new nor to an existing account', async () => {
    const count = await countRows(t.c, 'users');
    const before = await lastAuditId(t.c);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: districtAdminTD.headers,
      payload: { username: 'leo.thang', displayName: 'Leo thang', unitId: officeTD, roles: ['system_admin'] },
    });
    expect(create.statusCode).toBe(403);
    expect(await countRows(t.c, 'users')).toBe(count);
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/users/${viewerTDUserId}`, headers: districtAdminTD.headers, payload: { roles: ['viewer', 'system_admin'] } });
    expect(patch.statusCode).toBe(403);
    const row = await userRow(t.c, viewerTDUserId);
    expect(row?.roles).toEqual(['viewer']);
    expect(await auditEventsSince(t.c, before)).toEqual([]);
    // The same unit admin may grant an ordinary role in its subtree: the refusal is about system_admin.
    const ok = await t.app.inject({ method: 'PATCH', url: `/api/users/${viewerTDUserId}`, headers: districtAdminTD.headers, payload: { roles: ['viewer'] } });
    expect(ok.statusCode).toBe(200);
  });

  describe('CSRF', () => {
    const body = () => ({ ownerUnitId: TT_TAM_DUONG, name: 'Nhóm CSRF', rule: { type: 'explicit', unitIds: [TT_TAM_DUONG] } });

    it('refuses a mutation with a valid session but a missing or wrong X-CSRF-Token', async () => {
      const count = await countRows(t.c, 'recipientGroups');
      const variants: Record<string, string>[] = [
        { cookie: communeDrafterTD.cookie },
        { cookie: communeDrafterTD.cookie, 'x-csrf-token': 'forged-token' },
        { cookie: communeDrafterTD.cookie, 'x-csrf-token': viewerTD.csrf }, // another session's token
      ];
      for (const headers of variants) {
        const res = await t.app.inject({ method: 'POST', url: '/api/groups', headers, payload: body() });
        expect(res.statusCode).toBe(403);
        expect((res.json() as ErrorBody).error).toEqual({ code: 'CSRF_INVALID', message: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.' });
      }
      expect(await countRows(t.c, 'recipientGroups')).toBe(count);
      // Same request with the right token succeeds: the refusal is about the token only.
      const ok = await t.app.inject({ method: 'POST', url: '/api/groups', headers: communeDrafterTD.headers, payload: body() });
      expect(ok.statusCode).toBe(201);
    });

    it('refuses a logout without the token (the session survives)', async () => {
      const s = await signIn(t.c, (await buildUser(t.c, { unitId: officeTD })).username);
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(403);
      expect((await t.app.inject({ url: '/api/auth/me', headers: s.headers })).statusCode).toBe(200);
    });
  });

  describe('session cookies', () => {
    it('refuses a forged cookie', async () => {
      for (const cookie of ['loa_session=forged', `loa_session=${communeDrafterTD.cookie.slice(-43).split('').reverse().join('')}`]) {
        const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
        expect(res.statusCode).toBe(401);
        expect((res.json() as ErrorBody).error.code).toBe('UNAUTHENTICATED');
        const units401 = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie, 'x-csrf-token': 'x' }, payload: {} });
        expect(units401.statusCode).toBe(401);
      }
    });

    it('refuses an expired session', async () => {
      const s = await signIn(t.c, (await buildUser(t.c, { unitId: officeTD })).username);
      expect((await t.app.inject({ url: '/api/units/roots', headers: s.headers })).statusCode).toBe(200);
      try {
        t.clock.set(new Date(now.getTime() + 13 * 3_600_000)); // TTL is 12 hours
        const res = await t.app.inject({ url: '/api/units/roots', headers: s.headers });
        expect(res.statusCode).toBe(401);
      } finally {
        t.clock.set(now);
      }
    });

    it('refuses a cookie after logout, and the session row is gone', async () => {
      const s = await signIn(t.c, (await buildUser(t.c, { unitId: officeTD })).username);
      const count = await countRows(t.c, 'sessions');
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode).toBe(204);
      expect(await countRows(t.c, 'sessions')).toBe(count - 1);
      expect((await t.app.inject({ url: '/api/auth/me', headers: s.headers })).statusCode).toBe(401);
    });
  });

  describe('audit trail browsing', () => {
    it('is refused to users without audit.read', async () => {
      for (const s of [viewerTD, communeDrafterTD]) {
        const res = await t.app.inject({ url: '/api/audit', headers: s.headers });
        expect(res.statusCode).toBe(403);
        expect((res.json() as ErrorBody).error.code).toBe('FORBIDDEN');
      }
    });

    it('shows a unit admin only the events of its subtree; a system admin sees all', async () => {
      const inside = await t.app.inject({
        method: 'POST',
        url: '/api/units',
        headers: districtAdminTD.headers,
        payload: { parentId: TT_TAM_DUONG, name: 'Bản Trong', kind: 'village' },
      });
      expect(inside.statusCode).toBe(201);
      const insideId = (inside.json() as { unit: { id: string } }).unit.id;
      const outside = await t.app.inject({
        method: 'POST',
        url: '/api/units',
        headers: systemAdmin.headers,
        payload: { parentId: TT_MUONG_TE, name: 'Bản Ngoài', kind: 'village' },
      });
      expect(outside.statusCode).toBe(201);
      const outsideId = (outside.json() as { unit: { id: string } }).unit.id;

      const res = await t.app.inject({ url: '/api/audit?limit=200', headers: districtAdminTD.headers });
      expect(res.statusCode).toBe(200);
      const items = (res.json() as { items: { entityId: string | null; unitId: string | null }[] }).items;
      expect(items.map((i) => i.entityId)).toContain(insideId);
      expect(items.map((i) => i.entityId)).not.toContain(outsideId);
      const unitIds = [...new Set(items.map((i) => i.unitId).filter((u): u is string => u !== null))];
      expect(items.every((i) => i.unitId !== null)).toBe(true);
      const rows = await unitRows(t.c, unitIds);
      expect(rows).toHaveLength(unitIds.length);
      for (const r of rows) expect(r.path.split('.')).toContain(TAM_DUONG);

      const all = await t.app.inject({ url: '/api/audit?limit=200', headers: systemAdmin.headers });
      const allIds = (all.json() as { items: { entityId: string | null }[] }).items.map((i) => i.entityId);
      expect(allIds).toContain(insideId);
      expect(allIds).toContain(outsideId);
    });
  });

  describe('errors never leak internals', () => {
    it('a malformed JSON body is a 400 VALIDATION_FAILED with a Vietnamese message', async () => {
      for (const [url, headers] of [
        ['/api/auth/login', {}],
        ['/api/groups', communeDrafterTD.headers],
      ] as const) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { ...headers, 'content-type': 'application/json' },
          payload: '{"username": "a", ',
          remoteAddress: '10.9.0.2',
        });
        expect(res.statusCode).toBe(400);
        const body = res.json() as ErrorBody;
        expect(body.error.code).toBe('VALIDATION_FAILED');
        expect(body.error.message).toMatch(/^Dữ liệu không hợp lệ\./);
        expectNoLeak(res.body);
      }
    });

    it('an impossible date in a query is a 400, not a database error', async () => {
      const res = await t.app.inject({ url: '/api/units/roots?at=2021-02-30', headers: viewerTD.headers });
      expect(res.statusCode).toBe(400);
      expect((res.json() as ErrorBody).error.code).toBe('VALIDATION_FAILED');
      expectNoLeak(res.body);
    });

    it("an unexpected failure is a 500 with a generic message in the caller's language", async () => {
      const vi = await t.app.inject({ url: '/api/test/boom', headers: viewerTD.headers });
      expect(vi.statusCode).toBe(500);
      expect(vi.json()).toEqual({ error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại.' } });
      expect(vi.body).not.toContain('secret-internal-detail');
      expect(vi.body).not.toContain('password_hash');
      expectNoLeak(vi.body);
      const en = await t.app.inject({ url: '/api/test/boom', headers: { ...viewerTD.headers, 'accept-language': 'en' } });
      expect(en.json()).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong. Please try again.' } });
    });
  });
});
