import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/support/harness.ts';
import type { TestContext } from '../../../../../test/support/harness.ts';
import { TT_TAM_DUONG, importLaiChau } from '../../../../../test/factories.ts';
import { systemActor } from '../../access/index.ts';
import type { MqttBus } from '../../../providers/mqtt/port.ts';
import type { DeviceCommand } from '../../../../shared/contracts/devices.ts';
import { startDeviceMessaging } from '../index.ts';
import { provisionSimulatedDevices, resolveUnitCode, startFleet } from './fleet.ts';
import type { Fleet, SimulatedDevice } from './fleet.ts';

const actor = systemActor('cli:test simulator');
const audio = (durationMs: number) => ({ kind: 'audio' as const, url: 'http://loa.test/device/v1/media/x', contentType: 'audio/wav' as const, durationMs });
const playNow = (itemId: string, o: { durationMs: number; repeat?: number; interrupt?: boolean; priority?: 'thuong' | 'khan_cap' }): DeviceCommand => ({
  v: 1,
  id: randomUUID(),
  at: new Date().toISOString(),
  cmd: 'play_now',
  itemId,
  media: audio(o.durationMs),
  priority: o.priority ?? 'thuong',
  repeat: o.repeat ?? 1,
  interrupt: o.interrupt ?? false,
});

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('virtual devices against the embedded broker and the HTTP fallback', () => {
  let t: TestContext;
  let bus: MqttBus;
  let devices: SimulatedDevice[];
  const fleets: Fleet[] = [];

  beforeAll(async () => {
    t = await createTestContext('pglite');
    await importLaiChau(t.c);
    bus = await startDeviceMessaging({ host: '127.0.0.1', port: 0, logger: t.c.logger }, { credentials: t.c.services.deviceCredentials, gateway: t.c.services.deviceGateway });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const unitId = await resolveUnitCode(t.c.services.units, actor, 'vn-2025:03390');
    expect(unitId).toBe(TT_TAM_DUONG);
    devices = await provisionSimulatedDevices(t.c.services, actor, unitId, 2);
  }, 90_000);
  afterAll(async () => {
    for (const f of fleets) await f.stop();
    await bus?.close();
    await t?.close();
  });

  const logs = async (deviceId: string) =>
    (await t.c.services.deviceGateway.logsOf(deviceId)).map((l) => ({ type: l.type, itemId: l.itemId, commandId: l.commandId, durationMs: l.durationMs, detail: l.detail }));

  it('follows play_now over MQTT: a khẩn cấp item pre-empts the one playing (interrupted, preempted by it), plays its repeats, and heartbeats arrive', async () => {
    const [d] = devices;
    const fleet = await startFleet([d!], { mqtt: bus.url }, { speed: 20, heartbeatMs: 150 });
    fleets.push(fleet);
    const normal = playNow('ban-tin-thuong', { durationMs: 600_000 });
    const urgent = playNow('ban-tin-khan', { durationMs: 1000, repeat: 3, interrupt: true, priority: 'khan_cap' });
    expect(await t.c.services.deviceGateway.publishCommand(d!.deviceId, normal)).toBe(true);
    await until('the normal item started', async () => ((await logs(d!.deviceId)).some((l) => l.type === 'started') ? true : undefined));
    expect(fleet.devices[0]!.playing).toBe('ban-tin-thuong');
    await t.c.services.deviceGateway.publishCommand(d!.deviceId, urgent);
    const all = await until('the urgent item finished', async () => {
      const l = await logs(d!.deviceId);
      return l.some((x) => x.type === 'finished') ? l : undefined;
    });
    expect(all).toEqual([
      { type: 'started', itemId: 'ban-tin-thuong', commandId: normal.id, durationMs: null, detail: null },
      { type: 'interrupted', itemId: 'ban-tin-thuong', commandId: normal.id, durationMs: expect.any(Number), detail: { reason: 'preempted', byCommandId: urgent.id } },
      { type: 'started', itemId: 'ban-tin-khan', commandId: urgent.id, durationMs: null, detail: null },
      { type: 'finished', itemId: 'ban-tin-khan', commandId: urgent.id, durationMs: 3000, detail: null },
    ]);
    // A normal item that arrives while another plays waits its turn.
    await t.c.services.deviceGateway.publishCommand(d!.deviceId, playNow('a', { durationMs: 2000 }));
    await t.c.services.deviceGateway.publishCommand(d!.deviceId, playNow('b', { durationMs: 1000 }));
    await until('both played', async () => ((await logs(d!.deviceId)).filter((l) => l.type === 'finished').length === 3 ? true : undefined));
    expect((await logs(d!.deviceId)).slice(4).map((l) => `${l.type} ${l.itemId}`)).toEqual(['started a', 'finished a', 'started b', 'finished b']);
    const report = await until('a heartbeat and the retained state', async () => {
      const r = await t.c.services.deviceGateway.lastReport(d!.deviceId);
      return r?.heartbeat && r.state ? r : undefined;
    });
    expect(report.heartbeat).toMatchObject({ type: 'heartbeat', volume: 70, ampOn: true });
    expect(report.state).toMatchObject({ v: 1, volume: 70 });
  });

  it('over HTTP: polls its pending commands (once each), plays a schedule entry when it is due and reports by POST /device/v1/logs', async () => {
    const [, d] = devices;
    const stop = { v: 1 as const, id: randomUUID(), at: new Date().toISOString(), cmd: 'set_volume' as const, volume: 40 };
    const schedule: DeviceCommand = {
      v: 1,
      id: randomUUID(),
      at: new Date().toISOString(),
      cmd: 'schedule',
      entries: [{ itemId: 'lich-phat', media: audio(1000), priority: 'thuong', startAt: new Date(Date.now() + 300).toISOString(), repeat: 1 }],
    };
    t.c.services.deviceGateway.setPendingCommands(async (deviceId) => (deviceId === d!.deviceId ? [stop, schedule] : []));
    const address = t.app.server.address() as { port: number };
    const fleet = await startFleet([d!], { http: `http://127.0.0.1:${address.port}`, pollMs: 100 }, { speed: 10, heartbeatMs: 60_000 });
    fleets.push(fleet);
    const played = await until('the scheduled item finished', async () => {
      const l = await logs(d!.deviceId);
      return l.some((x) => x.type === 'finished') ? l : undefined;
    });
    expect(played.map((l) => `${l.type} ${l.itemId} ${l.commandId}`)).toEqual([`started lich-phat ${schedule.id}`, `finished lich-phat ${schedule.id}`]);
  });

  it('a device the broker refuses (wrong token) fails to start instead of retrying for ever', async () => {
    const [, d] = devices;
    await expect(startFleet([{ ...d!, token: 'loa_dev_wrong' }], { mqtt: bus.url })).rejects.toThrow(/Connection refused/);
  });
});
