import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { until } from '../../../../test/support/async.ts';
import { LAI_CHAU, TT_MUONG_TE, TT_TAM_DUONG, buildSignedInUser, buildUnit, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { systemActor } from '../access/index.ts';
import type { Role } from '../access/index.ts';
import type { MqttBus } from '../../providers/mqtt/port.ts';
import { startDeviceMessaging } from '../devices/index.ts';
import type { BulletinView, Coverage } from '../../../shared/contracts/bulletins.ts';
import type { DeviceCommand, DeviceScheduleOut } from '../../../shared/contracts/device-protocol.ts';

const TEXT = 'UBND thị trấn thông báo: lũ quét có thể xảy ra lúc 15h00 ngày 05/02/2021, 1.234 hộ cần sơ tán.';
const actor = systemActor('cli:test bulletins');

/** The bulletins' HTTP boundary: roles and other units (attacker-style), khẩn cấp to a real broker, the HTTP fallback, media, coverage. */
describe('bulletins API', () => {
  let t: TestContext;
  let bus: MqttBus;
  const s: Partial<Record<'drafter' | 'approver' | 'viewer' | 'reporter' | 'otherApprover' | 'otherDrafter' | 'soDrafter' | 'soApprover', Session>> = {};
  const as = (who: keyof typeof s) => s[who]!.headers;
  const dev: Record<'speaker' | 'offline' | 'led' | 'other', { id: string; token: string }> = {} as never;
  let client: MqttClient;
  let soId: string;
  const received: (DeviceCommand & { itemId?: string })[] = [];

  const addDevice = async (unitId: string, kind: 'loudspeaker_cluster' | 'led_board', name: string) => {
    const d = await t.c.services.devices.createDevice(actor, unitId, {
      kind,
      name,
      vendor: null,
      model: null,
      serial: null,
      simNumber: null,
      village: 'Bản Hon',
      lat: null,
      lon: null,
      installedOn: null,
      status: 'active',
    });
    return { id: d.id, token: (await t.c.services.deviceCredentials.issueCredential(actor, d.id)).token };
  };
  const post = (who: keyof typeof s | null, url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { ...(who ? as(who) : {}), ...headers }, ...(payload ? { payload } : {}) });
  const get = (who: keyof typeof s, url: string) => t.app.inject({ method: 'GET', url, headers: as(who) });
  const bulletinOf = (res: { json(): unknown }) => (res.json() as { bulletin: BulletinView }).bulletin;
  const draft = async (who: keyof typeof s, body: object) => {
    const res = await post(who, '/api/bulletins', { title: 'Cảnh báo lũ quét', text: TEXT, source: 'tts', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return bulletinOf(res);
  };

  beforeAll(async () => {
    t = await createTestContext('pglite');
    await importLaiChau(t.c);
    const so = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch' });
    const make = async (roles: Role[], unitId = TT_TAM_DUONG) => (await buildSignedInUser(t.c, { unitId, roles })).session;
    s.drafter = await make(['drafter']);
    s.approver = await make(['approver']);
    s.viewer = await make(['viewer']);
    s.reporter = await make(['reporter']);
    s.otherApprover = await make(['approver'], TT_MUONG_TE);
    s.otherDrafter = await make(['drafter'], TT_MUONG_TE);
    soId = so.id;
    s.soDrafter = await make(['drafter'], so.id);
    s.soApprover = await make(['approver'], so.id);
    dev.speaker = await addDevice(TT_TAM_DUONG, 'loudspeaker_cluster', 'Cụm loa Bản Hon');
    dev.offline = await addDevice(TT_TAM_DUONG, 'loudspeaker_cluster', 'Cụm loa Nà Hiềng');
    dev.led = await addDevice(TT_TAM_DUONG, 'led_board', 'Bảng tin chợ');
    dev.other = await addDevice(TT_MUONG_TE, 'loudspeaker_cluster', 'Cụm loa Mường Tè');
    bus = await startDeviceMessaging({ host: '127.0.0.1', port: 0, logger: t.c.logger }, { credentials: t.c.services.deviceCredentials, gateway: t.c.services.deviceGateway });
    client = await mqtt.connectAsync(bus.url, {
      username: dev.speaker.id,
      password: dev.speaker.token,
      protocolVersion: 4,
      reconnectPeriod: 0,
      clientId: `t-${randomUUID().slice(0, 8)}`,
    });
    client.on('message', (_topic, payload) => received.push(JSON.parse(payload.toString('utf8')) as DeviceCommand & { itemId?: string }));
    await client.subscribeAsync(`loa/v1/${dev.speaker.id}/cmd`, { qos: 1 });
  }, 120_000);
  afterAll(async () => {
    await client?.endAsync();
    await bus?.close();
    await t.close();
  });

  it('khẩn cấp: only an approver of the commune publishes in one step; the loudspeaker gets play_now at once, a retry sends nothing twice', async () => {
    expect((await post('viewer', '/api/bulletins', { unitId: TT_TAM_DUONG, title: 'X', source: 'tts', text: 'x', priority: 'khan_cap' })).statusCode).toBe(403);
    expect((await post('otherDrafter', '/api/bulletins', { unitId: TT_TAM_DUONG, title: 'X', source: 'tts', text: 'x', priority: 'khan_cap' })).statusCode).toBe(404);
    const b = await draft('drafter', { unitId: TT_TAM_DUONG, priority: 'khan_cap', repeat: 3 });
    expect(b).toMatchObject({ status: 'draft', targetUnitIds: [TT_TAM_DUONG], audio: { contentType: 'audio/wav' } });
    expect(b.spokenText).toContain('Ủy ban nhân dân thị trấn thông báo: lũ quét có thể xảy ra lúc mười lăm giờ');
    expect(b.capabilities).toMatchObject({ edit: true, submit: true, emergencyApprove: false });
    // Other units and roles: 404 where they may not read, 403 where they read but may not act.
    expect((await get('reporter', `/api/bulletins/${b.id}`)).statusCode).toBe(404);
    expect((await get('otherApprover', `/api/bulletins/${b.id}`)).statusCode).toBe(404);
    expect((await post('otherApprover', `/api/bulletins/${b.id}/emergency-publish`)).statusCode).toBe(404);
    expect((await post('drafter', `/api/bulletins/${b.id}/emergency-publish`)).statusCode).toBe(403);
    expect((await post('viewer', `/api/bulletins/${b.id}/cancel`, {})).statusCode).toBe(403);
    expect((await post('approver', `/api/bulletins/${b.id}/approve`)).json()).toMatchObject({ error: { code: 'BULLETIN_BAD_STATUS' } });

    const key = { 'idempotency-key': `k-${randomUUID()}` };
    const res = await post('approver', `/api/bulletins/${b.id}/emergency-publish`, undefined, key);
    expect(res.statusCode, res.body).toBe(200);
    expect(bulletinOf(res)).toMatchObject({ status: 'published', emergency: true, devices: 3 });
    await until(() => received.some((c) => c.cmd === 'play_now' && c.itemId === b.id));
    const play = received.find((c) => c.cmd === 'play_now' && c.itemId === b.id);
    expect(play).toMatchObject({
      interrupt: true,
      priority: 'khan_cap',
      repeat: 3,
      media: { kind: 'audio', contentType: 'audio/wav', url: `http://loa.test/device/v1/media/${b.id}` },
    });

    const again = await post('approver', `/api/bulletins/${b.id}/emergency-publish`, undefined, key);
    expect(again.statusCode).toBe(200);
    expect((await post('approver', `/api/bulletins/${b.id}/emergency-publish`, undefined, { 'idempotency-key': `k-${randomUUID()}` })).statusCode).toBe(409);
    await new Promise((r) => setTimeout(r, 100));
    expect(received.filter((c) => c.itemId === b.id)).toHaveLength(1);
    expect((await auditEventsFor(t.c, b.id)).map((e) => e.action)).toEqual(['bulletin.create', 'bulletin.emergency_publish']);

    // The device that missed it pulls it over HTTP until it reports it started; the LED board gets the pages.
    const pull = async (d: { token: string }) =>
      (await t.app.inject({ method: 'GET', url: '/device/v1/schedule', headers: { authorization: `Bearer ${d.token}` } })).json() as DeviceScheduleOut;
    expect((await pull(dev.offline)).commands).toEqual([expect.objectContaining({ cmd: 'play_now', itemId: b.id, id: expect.any(String) })]);
    expect((await pull(dev.led)).commands).toEqual([expect.objectContaining({ cmd: 'show_text', itemId: b.id })]);
    expect((await pull(dev.other)).commands).toEqual([]);
    const log = { v: 1, events: [{ id: randomUUID(), at: t.clock.now().toISOString(), type: 'started', itemId: b.id }] };
    const logged = await t.app.inject({ method: 'POST', url: '/device/v1/logs', headers: { authorization: `Bearer ${dev.offline.token}` }, payload: log });
    expect(logged.json()).toMatchObject({ accepted: 1 });
    expect((await pull(dev.offline)).commands).toEqual([]);

    // The audio: for target devices only; staff listen through their session.
    const media = (d: { token: string } | null) => t.app.inject({ method: 'GET', url: `/device/v1/media/${b.id}`, headers: d ? { authorization: `Bearer ${d.token}` } : {} });
    const file = await media(dev.offline);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('audio/wav');
    expect((await media(dev.other)).statusCode).toBe(404);
    expect((await media(null)).statusCode).toBe(401);
    expect((await get('viewer', `/api/bulletins/${b.id}/audio`)).statusCode).toBe(200);
    expect((await get('otherApprover', `/api/bulletins/${b.id}/audio`)).statusCode).toBe(404);

    // Coverage: one of three devices started it; the other two are listed.
    const cov = (await get('viewer', `/api/bulletins/${b.id}/coverage`)).json() as Coverage;
    expect(cov.totals).toEqual({ targeted: 3, started: 1, finished: 0, interrupted: 0 });
    expect(cov.communes).toEqual([expect.objectContaining({ unitId: TT_TAM_DUONG, targeted: 3, started: 1 })]);
    expect(cov.notPlayed.map((d) => d.deviceId).sort()).toEqual([dev.speaker.id, dev.led.id].sort());
    expect((await get('otherApprover', `/api/bulletins/${b.id}/coverage`)).statusCode).toBe(404);

    // Cancelling a published one is the approver's; the devices get `stop` for it.
    expect((await post('drafter', `/api/bulletins/${b.id}/cancel`, { reason: 'nhầm' })).statusCode).toBe(403);
    const cancelled = await post('approver', `/api/bulletins/${b.id}/cancel`, { reason: 'Đã hết nguy cơ' });
    expect(bulletinOf(cancelled)).toMatchObject({ status: 'cancelled', cancelReason: 'Đã hết nguy cơ' });
    await until(() => received.some((c) => c.cmd === 'stop' && c.itemId === b.id));
    expect((await pull(dev.led)).commands).toEqual([]);
  });

  it("a province office addresses every commune of the province; a commune cannot address another commune's", async () => {
    const bad = await post('drafter', '/api/bulletins', { unitId: TT_TAM_DUONG, title: 'X', source: 'tts', text: 'x', priority: 'thuong', targetUnitIds: [TT_MUONG_TE] });
    expect(bad.json()).toMatchObject({ error: { code: 'BULLETIN_BAD_TARGET' } });
    const b = await draft('soDrafter', { unitId: soId, priority: 'thuong' });
    expect(b.targetUnitIds).toEqual(expect.arrayContaining([TT_TAM_DUONG, TT_MUONG_TE]));
    expect((await post('soApprover', `/api/bulletins/${b.id}/approve`)).json()).toMatchObject({ error: { code: 'BULLETIN_BAD_STATUS' } });
    expect(bulletinOf(await post('soDrafter', `/api/bulletins/${b.id}/submit`))).toMatchObject({ status: 'submitted' });
    // A target commune reads it (read only); it is not theirs to approve.
    const seen = await get('otherApprover', `/api/bulletins/${b.id}`);
    expect(seen.statusCode).toBe(200);
    expect(bulletinOf(seen).capabilities).toMatchObject({ approve: false, cancel: false });
    expect((await post('otherApprover', `/api/bulletins/${b.id}/approve`)).statusCode).toBe(403);
    const published = await post('soApprover', `/api/bulletins/${b.id}/approve`);
    expect(bulletinOf(published)).toMatchObject({ status: 'published', emergency: false, devices: 4 });
    // thường waits in each commune's queue: nothing is sent at once.
    const queue = async (unitId: string) =>
      ((await get('otherApprover', `/api/units/${unitId}/bulletin-queue`)).json() as { items: { bulletinId: string; priority: string; status: string; urgent: boolean }[] }).items;
    expect(await queue(TT_MUONG_TE)).toEqual([expect.objectContaining({ bulletinId: b.id, priority: 'thuong', status: 'waiting' })]);
    await new Promise((r) => setTimeout(r, 100));
    expect(received.filter((c) => c.itemId === b.id)).toEqual([]);

    // ưu tiên goes to the head of the commune's next slot; with no programme it is flagged to schedule now.
    const urgent = await draft('soDrafter', { unitId: soId, priority: 'uu_tien', targetUnitIds: [TT_MUONG_TE] });
    await post('soDrafter', `/api/bulletins/${urgent.id}/submit`);
    expect(bulletinOf(await post('soApprover', `/api/bulletins/${urgent.id}/approve`))).toMatchObject({ status: 'published', devices: 1 });
    expect(await queue(TT_MUONG_TE)).toEqual(expect.arrayContaining([expect.objectContaining({ bulletinId: urgent.id, priority: 'uu_tien', urgent: true })]));
  });

  it('an uploaded file is typed from its bytes, not its name; a non-audio file is refused', async () => {
    const b = await draft('drafter', { unitId: TT_TAM_DUONG, priority: 'thuong' });
    const wav = (await t.c.tts.synthesize('một hai ba')).wav;
    const up = await post('drafter', `/api/bulletins/${b.id}/audio`, { fileName: 'ban-tin.mp3', contentBase64: wav.toString('base64') });
    expect(bulletinOf(up)).toMatchObject({ source: 'audio', audio: { contentType: 'audio/wav', durationMs: expect.any(Number) } });
    const bad = await post('drafter', `/api/bulletins/${b.id}/audio`, { fileName: 'x.mp3', contentBase64: Buffer.from('không phải âm thanh').toString('base64') });
    expect(bad.statusCode).toBe(415);
    expect((await post('otherDrafter', `/api/bulletins/${b.id}/audio`, { fileName: 'x.wav', contentBase64: wav.toString('base64') })).statusCode).toBe(404);
  });
});
