import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TT_MUONG_TE, TT_TAM_DUONG, importLaiChau } from '../../../../test/factories.ts';
import { AppError } from '../../platform/errors.ts';
import { systemActor } from '../access/index.ts';
import { deviceTopics } from '../../../shared/contracts/devices.ts';

const actor = systemActor('cli:test devices');
const blank = { vendor: null, model: null, serial: null, simNumber: null, village: null, lat: null, lon: null, installedOn: null, status: 'active' } as const;

async function xlsx(rows: (string | number | Date)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thiết bị');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** The registry's queries on both databases: subtrees, serials per vendor, one live token, logs stored once. */
describeEachDb('devices: registry and tokens', (kind) => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
  });
  afterAll(() => t.close());

  it('imports an XLSX, keeps serials unique per vendor, lists per commune and per subtree', async () => {
    const svc = t.c.services.devices;
    const file = await xlsx([
      ['Loại', 'Tên', 'Hãng', 'Số sê-ri', 'Ngày lắp đặt', 'Vĩ độ', 'Kinh độ'],
      ['Cụm loa', 'Loa chợ', 'Hãng A', 'X-1', new Date(Date.UTC(2026, 2, 15)), 22.4, 103.5],
      ['Bảng tin điện tử', 'Bảng UBND', 'Hãng B', 'X-1', '', '', ''],
    ]);
    const report = await svc.importDevices(actor, TT_TAM_DUONG, { fileName: 'tb.xlsx', contentBase64: file, dryRun: false });
    expect(report).toMatchObject({ imported: true, added: 2, errorCount: 0 });
    await svc.createDevice(actor, TT_MUONG_TE, { ...blank, kind: 'led_board', name: 'Bảng Mường Tè', vendor: 'Hãng C', serial: 'X-1' });
    await expect(svc.createDevice(actor, TT_MUONG_TE, { ...blank, kind: 'led_board', name: 'Trùng', vendor: 'Hãng A', serial: 'X-1' })).rejects.toMatchObject({
      code: 'DEVICE_SERIAL_TAKEN',
    });
    const own = await svc.listDevices(actor, TT_TAM_DUONG, { subtree: false });
    expect(own.items.map((d) => [d.name, d.installedOn, d.lat]).sort()).toEqual([
      ['Bảng UBND', null, null],
      ['Loa chợ', '2026-03-15', 22.4],
    ]);
    const root = (await t.c.services.units.lookup.byId(TT_TAM_DUONG))!.path.split('.')[0]!;
    expect((await svc.listDevices(actor, root, { subtree: true })).items).toHaveLength(3);
  });

  it('keeps one live token per device; authenticates by token and username; stores log events once', async () => {
    const d = await t.c.services.devices.createDevice(actor, TT_TAM_DUONG, { ...blank, kind: 'loudspeaker_cluster', name: 'Cụm loa thử' });
    const creds = t.c.services.deviceCredentials;
    const first = await creds.issueCredential(actor, d.id);
    const second = await creds.issueCredential(actor, d.id);
    expect(await creds.authenticate(first.token)).toBeNull();
    expect(await creds.authenticate(second.token, d.id)).toEqual({ deviceId: d.id, unitId: TT_TAM_DUONG });
    expect(await creds.authenticate(second.token, randomUUID())).toBeNull();
    expect((await creds.mosquittoPasswords()).filter((p) => p.username === d.id)).toHaveLength(1);
    const event = { id: randomUUID(), type: 'interrupted' as const, at: '2026-03-16T06:01:00+07:00', itemId: 'b', durationMs: 5000, reason: 'preempted' as const };
    const auth = `Bearer ${second.token}`;
    expect(await t.c.services.deviceGateway.postLogs(auth, { v: 1, events: [event, event] })).toEqual({ accepted: 1, duplicates: 1 });
    expect((await t.c.services.deviceGateway.logsOf(d.id))[0]).toMatchObject({ type: 'interrupted', durationMs: 5000, detail: { reason: 'preempted', byCommandId: null } });
    await t.c.services.devices.updateDevice(actor, d.id, { status: 'retired' });
    expect(await creds.authenticate(second.token)).toBeNull();
    await expect(creds.issueCredential(actor, d.id)).rejects.toBeInstanceOf(AppError);
  });

  it('stores a burst of MQTT reports in one go: each device keeps its latest state and heartbeat merged', async () => {
    const mk = (name: string) => t.c.services.devices.createDevice(actor, TT_TAM_DUONG, { ...blank, kind: 'loudspeaker_cluster', name });
    const [a, b] = [await mk('Loa bản A'), await mk('Loa bản B')];
    const gw = t.c.services.deviceGateway;
    const send = (id: string, channel: 'state' | 'log', body: unknown) => gw.ingestMqtt(deviceTopics(id)[channel], Buffer.from(JSON.stringify(body)));
    const state = (volume: number, status: 'idle' | 'playing') => ({ v: 1, at: '2026-03-16T06:00:00+07:00', status, current: null, volume, ampOn: true });
    const heartbeat = { id: randomUUID(), type: 'heartbeat', at: '2026-03-16T06:00:01+07:00', volume: 55, ampOn: true, signalDbm: -80 };
    await send(a.id, 'log', { v: 1, events: [heartbeat] });
    // One burst: both devices' states (a twice: the later one wins), b's heartbeat.
    await Promise.all([
      send(a.id, 'state', state(40, 'idle')),
      send(a.id, 'state', state(45, 'playing')),
      send(b.id, 'state', state(60, 'idle')),
      send(b.id, 'log', { v: 1, events: [{ ...heartbeat, id: randomUUID(), volume: 60 }] }),
    ]);
    expect(await gw.lastReport(a.id)).toMatchObject({ state: { volume: 45, status: 'playing' }, heartbeat: { volume: 55 } });
    expect(await gw.lastReport(b.id)).toMatchObject({ state: { volume: 60 }, heartbeat: { volume: 60, signalDbm: -80 } });
  });
});
