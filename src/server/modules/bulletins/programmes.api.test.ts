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
import type { DeviceCommand, DeviceScheduleOut, ScheduleEntry } from '../../../shared/contracts/device-protocol.ts';
import type { ProgrammeView, QueueItemView } from '../../../shared/contracts/programmes.ts';

const actor = systemActor('cli:test programmes');
const MIN = 60_000;
type Who = 'drafter' | 'approver' | 'viewer' | 'reporter' | 'otherAdmin' | 'soViewer' | 'soDrafter' | 'soApprover';

/** Programmes and the commune queue over HTTP: roles and other communes, conflicts, placement, the schedule on a real broker. */
describe('programmes API', () => {
  let t: TestContext;
  let bus: MqttBus;
  let client: MqttClient;
  let soId: string;
  const s: Partial<Record<Who, Session>> = {};
  const speaker = { id: '', token: '' };
  const received: DeviceCommand[] = [];

  const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', who: Who | null, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: who ? s[who]!.headers : {}, ...(payload ? { payload } : {}) });
  const programmesUrl = `/api/units/${TT_TAM_DUONG}/programmes`;
  const queueUrl = (unitId = TT_TAM_DUONG) => `/api/units/${unitId}/bulletin-queue`;
  const morning = { name: 'Bản tin sáng', days: [1, 2, 3, 4, 5, 6, 7], startTime: '10:30', slotMinutes: 30, validFrom: '2021-01-01', validUntil: null, repeat: 1 };

  /** A bulletin drafted, submitted and published by `by` (the commune, or the province's Sở). */
  const publish = async (priority: 'thuong' | 'uu_tien', by: 'commune' | 'so' = 'commune') => {
    const [drafter, approver, unitId, target] =
      by === 'commune' ? (['drafter', 'approver', TT_TAM_DUONG, TT_TAM_DUONG] as const) : (['soDrafter', 'soApprover', soId, TT_MUONG_TE] as const);
    const title = `Bản tin ${priority} ${randomUUID().slice(0, 4)}`;
    const res = await req('POST', drafter, '/api/bulletins', { unitId, title, text: 'Thông báo lịch tiêm chủng.', source: 'tts', priority, targetUnitIds: [target] });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { bulletin: { id: string } }).bulletin.id;
    expect((await req('POST', drafter, `/api/bulletins/${id}/submit`)).statusCode).toBe(200);
    const approved = await req('POST', approver, `/api/bulletins/${id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    return id;
  };
  const queue = async (who: Who = 'drafter', unitId = TT_TAM_DUONG) => ((await req('GET', who, queueUrl(unitId))).json() as { items: QueueItemView[] }).items;
  /** Runs the outbox, then waits for the loudspeaker's newest schedule to satisfy `ok`. */
  const nextSchedule = async (ok: (entries: ScheduleEntry[]) => boolean) => {
    await t.c.jobs.drain();
    const last = () => received.filter((c) => c.cmd === 'schedule').at(-1) as Extract<DeviceCommand, { cmd: 'schedule' }> | undefined;
    await until(() => {
      const l = last();
      return l !== undefined && ok(l.entries);
    });
    return last()!;
  };

  beforeAll(async () => {
    t = await createTestContext('pglite');
    await importLaiChau(t.c);
    const so = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch' });
    soId = so.id;
    const make = async (roles: Role[], unitId = TT_TAM_DUONG) => (await buildSignedInUser(t.c, { unitId, roles })).session;
    s.drafter = await make(['drafter']);
    s.approver = await make(['approver']);
    s.viewer = await make(['viewer']);
    s.reporter = await make(['reporter']);
    s.otherAdmin = await make(['unit_admin'], TT_MUONG_TE);
    s.soViewer = await make(['viewer'], so.id);
    s.soDrafter = await make(['drafter'], so.id);
    s.soApprover = await make(['approver'], so.id);
    const d = await t.c.services.devices.createDevice(actor, TT_TAM_DUONG, {
      kind: 'loudspeaker_cluster',
      name: 'Cụm loa Bản Hon',
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
    speaker.id = d.id;
    speaker.token = (await t.c.services.deviceCredentials.issueCredential(actor, d.id)).token;
    bus = await startDeviceMessaging({ host: '127.0.0.1', port: 0, logger: t.c.logger }, { credentials: t.c.services.deviceCredentials, gateway: t.c.services.deviceGateway });
    client = await mqtt.connectAsync(bus.url, { username: speaker.id, password: speaker.token, protocolVersion: 4, reconnectPeriod: 0, clientId: `p-${randomUUID().slice(0, 8)}` });
    client.on('message', (_topic, payload) => received.push(JSON.parse(payload.toString('utf8')) as DeviceCommand));
    await client.subscribeAsync(`loa/v1/${speaker.id}/cmd`, { qos: 1 });
  });
  afterAll(async () => {
    await client?.endAsync();
    await bus?.close();
    await t?.close();
  });

  let programmeId: string;

  it('the commune writes its programmes; readers read, other communes get 404; overlapping slots are refused naming the other', async () => {
    expect((await req('POST', 'viewer', programmesUrl, morning)).statusCode).toBe(403);
    expect((await req('POST', 'otherAdmin', programmesUrl, morning)).statusCode).toBe(404);
    expect((await req('POST', 'reporter', programmesUrl, morning)).statusCode).toBe(404);
    expect((await req('POST', null, programmesUrl, morning)).statusCode).toBe(401);
    expect((await req('POST', 'drafter', programmesUrl, { ...morning, startTime: '23:50' })).statusCode).toBe(400);
    const created = await req('POST', 'drafter', programmesUrl, morning);
    expect(created.statusCode, created.body).toBe(201);
    const p = (created.json() as { programme: ProgrammeView }).programme;
    expect(p).toMatchObject({ name: 'Bản tin sáng', startTime: '10:30', endTime: '11:00', playlist: [] });
    programmeId = p.id;

    const clash = await req('POST', 'drafter', programmesUrl, { ...morning, name: 'Thời sự', days: [3], startTime: '10:45' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ error: { code: 'PROGRAMME_CONFLICT', message: expect.stringContaining('«Bản tin sáng» (Thứ Tư, 10:30–11:00)') } });
    expect((await req('POST', 'drafter', programmesUrl, { ...morning, name: 'Thời sự trưa', startTime: '11:00' })).statusCode).toBe(201);

    expect(((await req('GET', 'viewer', programmesUrl)).json() as { capabilities: { write: boolean } }).capabilities.write).toBe(false);
    expect((await req('GET', 'otherAdmin', programmesUrl)).statusCode).toBe(404);
    expect((await req('PUT', 'otherAdmin', `${programmesUrl}/${p.id}`, morning)).statusCode).toBe(404);
    expect((await req('DELETE', 'viewer', `${programmesUrl}/${p.id}`)).statusCode).toBe(403);
    expect((await auditEventsFor(t.c, p.id)).map((e) => e.action)).toEqual(['programme.create']);
  });

  it('the province sees every commune’s programmes; a commune does not see the province', async () => {
    const all = await req('GET', 'soViewer', `/api/programmes?unitId=${LAI_CHAU}&subtree=1`);
    expect(all.statusCode, all.body).toBe(200);
    expect((all.json() as { items: ProgrammeView[]; capabilities: { write: boolean } }).items.map((i) => i.unitId)).toEqual([TT_TAM_DUONG, TT_TAM_DUONG]);
    expect((await req('GET', 'otherAdmin', `/api/programmes?unitId=${LAI_CHAU}&subtree=1`)).statusCode).toBe(404);
    expect((await req('POST', 'soDrafter', programmesUrl, { ...morning, startTime: '05:00' })).statusCode).toBe(403);
  });

  it('thường waits in the queue until placed; ưu tiên enters the next slot at the head; the loudspeaker gets the schedule', async () => {
    const normal = await publish('thuong');
    expect((await queue()).find((i) => i.bulletinId === normal)).toMatchObject({ status: 'waiting', urgent: false, programmeId: null });
    const place = (who: Who, bulletinId = normal) => req('POST', who, `${queueUrl()}/${bulletinId}/place`, { programmeId });
    expect((await place('viewer')).statusCode).toBe(403);
    expect((await place('otherAdmin')).statusCode).toBe(404);
    expect((await place('drafter', randomUUID())).json()).toMatchObject({ error: { code: 'PROGRAMME_NOT_IN_QUEUE' } });
    const placed = await place('drafter');
    expect(placed.statusCode, placed.body).toBe(200);
    expect((placed.json() as { item: QueueItemView }).item).toMatchObject({ status: 'placed', programmeName: 'Bản tin sáng' });

    const first = await nextSchedule((e) => e.some((x) => x.itemId === normal));
    // Today's 10:30 slot is 30 minutes after the (fixed) clock: the bulletin opens it.
    expect(Date.parse(first.entries[0]!.startAt) - t.clock.now().getTime()).toBe(30 * MIN);
    expect(first.entries[0]).toMatchObject({ itemId: normal, priority: 'thuong', media: { kind: 'audio', url: `http://loa.test/device/v1/media/${normal}` } });

    const urgent = await publish('uu_tien');
    expect((await queue()).find((i) => i.bulletinId === urgent)).toMatchObject({ status: 'placed', programmeId });
    const second = await nextSchedule((e) => e[0]?.itemId === urgent);
    expect(second.entries.slice(0, 2).map((e) => e.itemId)).toEqual([urgent, normal]);
    expect(second.id).not.toBe(first.id);

    // The HTTP fallback holds the same programme.
    const pulled = (await t.app.inject({ method: 'GET', url: '/device/v1/schedule', headers: { authorization: `Bearer ${speaker.token}` } })).json() as DeviceScheduleOut;
    expect(pulled.commands.find((c) => c.cmd === 'schedule')).toMatchObject({ id: second.id, entries: second.entries });

    // Cancelled: out of the playlist and of the loudspeaker's schedule.
    expect((await req('POST', 'approver', `/api/bulletins/${normal}/cancel`, { reason: 'Đã có lịch mới' })).statusCode).toBe(200);
    const third = await nextSchedule((e) => !e.some((x) => x.itemId === normal));
    expect(third.entries[0]?.itemId).toBe(urgent);
    expect((await queue()).find((i) => i.bulletinId === normal)).toMatchObject({ status: 'dismissed' });
  });

  it('ưu tiên to a commune with no programme stays queued as urgent; the commune may dismiss it', async () => {
    const id = await publish('uu_tien', 'so');
    expect((await queue('otherAdmin', TT_MUONG_TE)).find((i) => i.bulletinId === id)).toMatchObject({ status: 'waiting', urgent: true });
    expect((await req('POST', 'drafter', `${queueUrl(TT_MUONG_TE)}/${id}/dismiss`)).statusCode).toBe(404);
    const dismissed = await req('POST', 'otherAdmin', `${queueUrl(TT_MUONG_TE)}/${id}/dismiss`);
    expect((dismissed.json() as { item: QueueItemView }).item).toMatchObject({ status: 'dismissed', urgent: false });
  });
});
