import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { LAI_CHAU, TAM_DUONG, TT_MUONG_TE, TT_TAM_DUONG, buildSignedInUser, buildUnit, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import type { Role } from '../access/index.ts';

const HEADER = 'Loại,Tên,Hãng,Model,Số sê-ri,Số SIM,Thôn,Vĩ độ,Kinh độ,Ngày lắp đặt,Trạng thái';
const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'), 'utf8').toString('base64');

/** The registry's HTTP boundary: communes see only their devices, the import is all or nothing, tokens shown once. */
describe('devices API', () => {
  let t: TestContext;
  const s: Partial<Record<'admin' | 'viewer' | 'reporter' | 'otherAdmin' | 'districtAdmin', Session>> = {};
  const as = (who: keyof typeof s) => s[who]!.headers;
  let deviceId: string;

  beforeAll(async () => {
    t = await createTestContext('pglite');
    await importLaiChau(t.c);
    const make = async (roles: Role[], unitId = TT_TAM_DUONG) => (await buildSignedInUser(t.c, { unitId, roles })).session;
    s.admin = await make(['unit_admin']);
    s.viewer = await make(['viewer']);
    s.reporter = await make(['reporter']);
    s.otherAdmin = await make(['unit_admin'], TT_MUONG_TE);
    s.districtAdmin = await make(['unit_admin'], TAM_DUONG);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/units/${TT_TAM_DUONG}/devices`,
      headers: as('admin'),
      payload: {
        kind: 'loudspeaker_cluster',
        name: 'Cụm loa Bản Hon',
        vendor: 'Hãng A',
        serial: 'A-001',
        simNumber: '+84 96 000 0401',
        village: 'Bản Hon',
        lat: 22.41,
        lon: 103.48,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const device = (res.json() as { device: { id: string; simNumber: string; status: string } }).device;
    expect(device).toMatchObject({ simNumber: '0960000401', status: 'active' });
    deviceId = device.id;
  });
  afterAll(() => t.close());

  const listAs = (who: keyof typeof s, unitId = TT_TAM_DUONG, subtree = '0') =>
    t.app.inject({ method: 'GET', url: `/api/units/${unitId}/devices?subtree=${subtree}`, headers: as(who) });

  it("a commune user cannot see another commune's devices; the district sees its communes'", async () => {
    expect(((await listAs('viewer')).json() as { items: unknown[] }).items).toHaveLength(1);
    expect((await listAs('otherAdmin')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/devices/${deviceId}`, headers: as('otherAdmin') })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/devices/${deviceId}`, headers: as('otherAdmin'), payload: { name: 'X' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/devices/${deviceId}/credential`, headers: as('otherAdmin') })).statusCode).toBe(404);
    expect((await listAs('reporter')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/units/${TT_TAM_DUONG}/devices` })).statusCode).toBe(401);
    const district = (await listAs('districtAdmin', TAM_DUONG, '1')).json() as { items: { id: string; unitName: string }[] };
    expect(district.items.map((d) => d.id)).toEqual([deviceId]);
    // A viewer reads but does not write; a district is not where devices are registered.
    expect((await t.app.inject({ method: 'POST', url: `/api/devices/${deviceId}/credential`, headers: as('viewer') })).statusCode).toBe(403);
    const atDistrict = await t.app.inject({ method: 'POST', url: `/api/units/${TAM_DUONG}/devices`, headers: as('districtAdmin'), payload: { kind: 'led_board', name: 'Bảng' } });
    expect(atDistrict.statusCode).toBe(422);
    expect(atDistrict.json()).toMatchObject({ error: { code: 'DEVICE_UNIT_NOT_COMMUNE' } });
  });

  it('reports bad CSV rows with their line numbers and imports nothing; a clean file imports every row', async () => {
    const bad = csv([
      'Cụm loa,Cụm loa Nà Hiềng,Hãng A,M1,A-002,0960000402,Nà Hiềng,22.40,103.47,15/03/2026,Đang hoạt động',
      'Máy bay,,,,,,,,,,',
      'Bảng tin điện tử,Bảng tin chợ,Hãng B,,B-1,0123,,95,103.4,31/02/2026,',
      'Cụm loa,,Hãng A,,A-001,,,,,,',
      'Cụm loa,,Hãng A,,A-002,,,,,,',
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/units/${TT_TAM_DUONG}/devices/import`,
      headers: as('admin'),
      payload: { fileName: 'thiet-bi.csv', contentBase64: bad, dryRun: false },
    });
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json() as { error: { code: string; message: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe('DEVICE_IMPORT_INVALID');
    expect(body.error.message).toContain('chưa nhập thiết bị nào');
    expect(body.error.issues.map((i) => i.path)).toEqual(['line.3', 'line.4', 'line.5', 'line.6']);
    const text = body.error.issues.map((i) => i.message).join('\n');
    expect(text).toContain('Dòng 3: loại «Máy bay» không rõ');
    expect(text).toContain('số SIM «0123» không phải số di động Việt Nam');
    expect(text).toContain('vĩ độ «95» phải là số từ -90 đến 90');
    expect(text).toContain('ngày lắp đặt «31/02/2026»');
    expect(text).toContain('Dòng 5: số sê-ri A-001 (hãng Hãng A) đã có trong sổ thiết bị');
    expect(text).toContain('Dòng 6: số sê-ri A-002 trùng với dòng 2');
    expect(((await listAs('admin')).json() as { items: unknown[] }).items).toHaveLength(1);

    const good = csv(['Cụm loa,,Hãng A,M1,A-002,0960000402,Nà Hiềng,"22,40","103,47",15/03/2026,', 'Bảng LED,Bảng tin chợ,Hãng B,,B-1,,,,,2026-03-20,Đang bảo trì']);
    const preview = await t.app.inject({
      method: 'POST',
      url: `/api/units/${TT_TAM_DUONG}/devices/import`,
      headers: as('admin'),
      payload: { fileName: 'tb.csv', contentBase64: good },
    });
    expect(preview.json()).toMatchObject({ dryRun: true, imported: false, rows: 2, added: 2, errorCount: 0 });
    const imp = await t.app.inject({
      method: 'POST',
      url: `/api/units/${TT_TAM_DUONG}/devices/import`,
      headers: as('admin'),
      payload: { fileName: 'tb.csv', contentBase64: good, dryRun: false },
    });
    expect(imp.json()).toMatchObject({ imported: true, added: 2 });
    const items = ((await listAs('admin')).json() as { items: { name: string; kind: string; lat: number | null; installedOn: string | null; status: string }[] }).items;
    expect(items.map((d) => [d.name, d.kind, d.lat, d.installedOn, d.status]).sort()).toEqual([
      ['Bảng tin chợ', 'led_board', null, '2026-03-20', 'maintenance'],
      ['Cụm loa Bản Hon', 'loudspeaker_cluster', 22.41, null, 'active'],
      ['Cụm loa Nà Hiềng', 'loudspeaker_cluster', 22.4, '2026-03-15', 'active'],
    ]);
    expect((await auditEventsFor(t.c, TT_TAM_DUONG)).map((e) => e.action)).toContain('device.import');
  });

  it('a token is shown once, works for the HTTP fallback, rotates and is refused once revoked', async () => {
    const issue = async () => {
      const res = await t.app.inject({ method: 'POST', url: `/api/devices/${deviceId}/credential`, headers: as('admin') });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { token: string; username: string; topics: { cmd: string } };
    };
    const first = await issue();
    expect(first.username).toBe(deviceId);
    expect(first.topics.cmd).toBe(`loa/v1/${deviceId}/cmd`);
    const detail = await t.app.inject({ method: 'GET', url: `/api/devices/${deviceId}`, headers: as('admin') });
    expect(detail.body).not.toContain(first.token);
    expect((detail.json() as { device: { credentialIssuedAt: string | null } }).device.credentialIssuedAt).not.toBeNull();

    const schedule = (token: string, etag?: string) =>
      t.app.inject({ method: 'GET', url: '/device/v1/schedule', headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) } });
    const ok = await schedule(first.token);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ v: 1, deviceId, commands: [] });
    const etag = ok.headers.etag as string;
    expect((await schedule(first.token, etag)).statusCode).toBe(304);

    const second = await issue();
    expect((await schedule(first.token)).statusCode).toBe(401);
    expect((await schedule(second.token)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/devices/${deviceId}/credential`, headers: as('admin') })).statusCode).toBe(204);
    const refused = await schedule(second.token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: { code: 'DEVICE_TOKEN_INVALID' } });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/devices/${deviceId}/credential`, headers: as('admin') })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: '/device/v1/schedule' })).statusCode).toBe(401);
    const actions = (await auditEventsFor(t.c, deviceId)).map((e) => e.action);
    expect(actions).toEqual(['device.create', 'device.credential_issue', 'device.credential_rotate', 'device.credential_revoke']);
    expect(JSON.stringify(await auditEventsFor(t.c, deviceId))).not.toContain(second.token);
  });

  it('POST /device/v1/logs validates and stores each play event once', async () => {
    const { token } = (await t.app.inject({ method: 'POST', url: `/api/devices/${deviceId}/credential`, headers: as('admin') })).json() as { token: string };
    const started = { id: randomUUID(), type: 'started', at: '2026-03-16T06:00:00+07:00', itemId: 'ban-tin-1' };
    const finished = { id: randomUUID(), type: 'finished', at: '2026-03-16T06:05:00+07:00', itemId: 'ban-tin-1', durationMs: 300_000 };
    const heartbeat = { id: randomUUID(), type: 'heartbeat', at: '2026-03-16T06:05:01+07:00', volume: 70, ampOn: true, signalDbm: -71 };
    const post = (payload: Record<string, unknown>, auth = `Bearer ${token}`) =>
      t.app.inject({ method: 'POST', url: '/device/v1/logs', headers: { authorization: auth }, payload });
    const first = await post({ v: 1, events: [started, finished, heartbeat] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ accepted: 2, duplicates: 0 });
    expect((await post({ v: 1, events: [started, finished] })).json()).toEqual({ accepted: 0, duplicates: 2 });
    expect((await post({ v: 1, events: [{ ...finished, id: randomUUID(), durationMs: -1 }] })).statusCode).toBe(400);
    expect((await post({ v: 2, events: [started] })).statusCode).toBe(400);
    expect((await post({ v: 1, events: [started] }, 'Bearer loa_dev_nope')).statusCode).toBe(401);
    const logs = await t.c.services.deviceGateway.logsOf(deviceId);
    expect(logs.map((l) => [l.type, l.durationMs, l.source])).toEqual([
      ['started', null, 'http'],
      ['finished', 300_000, 'http'],
    ]);
    const device = (await t.app.inject({ method: 'GET', url: `/api/devices/${deviceId}`, headers: as('admin') })).json() as { device: { lastSeenAt: string | null } };
    expect(device.device.lastSeenAt).not.toBeNull();
    expect(await t.c.services.deviceGateway.lastReport(deviceId)).toMatchObject({ state: null, heartbeat: { volume: 70, ampOn: true, signalDbm: -71 } });
  });

  it('the province’s Sở reads the devices of its communes (its own unit with subtree, or a commune) and changes none; another province’s Sở reads none', async () => {
    const so = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch' });
    const soAdmin = (await buildSignedInUser(t.c, { unitId: so.id, roles: ['unit_admin'] })).session;
    const soViewer = (await buildSignedInUser(t.c, { unitId: so.id, roles: ['viewer'] })).session;
    const elsewhere = await buildUnit(t.c, { parentId: TAM_DUONG, kind: 'office', name: 'Phòng Văn hóa huyện' });
    const districtOffice = (await buildSignedInUser(t.c, { unitId: elsewhere.id, roles: ['viewer'] })).session;
    const get = (url: string, who: Session) => t.app.inject({ method: 'GET', url, headers: who.headers });
    const names = async (url: string, who: Session) => ((await get(url, who)).json() as { items: { id: string }[] }).items.map((d) => d.id);

    expect(await names(`/api/units/${so.id}/devices?subtree=1`, soViewer)).toContain(deviceId);
    expect(await names(`/api/units/${TT_TAM_DUONG}/devices`, soViewer)).toContain(deviceId);
    expect((await get(`/api/devices/${deviceId}`, soViewer)).statusCode).toBe(200);
    expect((await get(`/api/units/${so.id}/devices/health?subtree=1`, soViewer)).statusCode).toBe(200);
    expect(await names(`/api/units/${so.id}/devices`, soViewer)).toEqual([]);
    const write = await t.app.inject({ method: 'PATCH', url: `/api/devices/${deviceId}`, headers: soAdmin.headers, payload: { name: 'Đổi tên' } });
    expect([403, 404]).toContain(write.statusCode);
    expect([403, 404]).toContain((await t.app.inject({ method: 'POST', url: `/api/devices/${deviceId}/credential`, headers: soAdmin.headers })).statusCode);
    expect(((await get(`/api/devices/${deviceId}`, soViewer)).json() as { device: { name: string } }).device.name).not.toBe('Đổi tên');
    // A district's office acts for the district (2025 tree): Tam Đường's communes, not Mường Tè's.
    expect((await get(`/api/units/${TT_MUONG_TE}/devices`, districtOffice)).statusCode).toBe(404);
    expect(await names(`/api/units/${TT_TAM_DUONG}/devices`, districtOffice)).toContain(deviceId);
    expect((await get(`/api/units/${TT_TAM_DUONG}/devices`, s.otherAdmin!)).statusCode).toBe(404);
  });
});
