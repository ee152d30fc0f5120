import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TT_TAM_DUONG, importLaiChau } from '../../../../test/factories.ts';
import { systemActor } from '../access/index.ts';
import { mosquittoConfig } from '../../providers/mqtt/mosquitto-files.ts';
import type { MqttBus } from '../../providers/mqtt/port.ts';
import { startDeviceMessaging, writeMosquittoFiles } from './index.ts';

const MOSQUITTO = '/usr/sbin/mosquitto';
const SERVICE_PASSWORD = `svc-${randomUUID()}`;
const actor = systemActor('cli:test devices');

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitForPort(port: number, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1', () => {
        sock.end();
        resolve(true);
      });
      sock.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listens on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A device's MQTT 3.1.1 connection (what a cheap 4G board speaks); rejects when the broker refuses it. */
function deviceClient(url: string, username: string, password: string): Promise<MqttClient> {
  return mqtt.connectAsync(url, { username, password, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000, clientId: `t-${randomUUID().slice(0, 8)}` });
}

function until<T>(what: string, check: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => {
      const v = check();
      if (v !== undefined) return resolve(v);
      if (Date.now() > end) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

interface BrokerUnderTest {
  bus: MqttBus;
  url: string;
  /** Makes the broker see the registry's current tokens (Mosquitto: rewrite the files + SIGHUP). */
  reload(): Promise<void>;
  stop(): Promise<void>;
}

async function embedded(t: TestContext): Promise<BrokerUnderTest> {
  const bus = await startDeviceMessaging(
    { host: '127.0.0.1', port: 0, servicePassword: SERVICE_PASSWORD, logger: t.c.logger },
    { credentials: t.c.services.deviceCredentials, gateway: t.c.services.deviceGateway },
  );
  return { bus, url: bus.url, reload: async () => undefined, stop: () => bus.close() };
}

async function mosquitto(t: TestContext): Promise<BrokerUnderTest> {
  const dir = await mkdtemp(path.join(tmpdir(), 'loa-mosquitto-'));
  const port = await freePort();
  await writeMosquittoFiles(dir, t.c.services.deviceCredentials, SERVICE_PASSWORD);
  await writeFile(path.join(dir, 'mosquitto.conf'), mosquittoConfig({ host: '127.0.0.1', port, dir, ...(process.getuid?.() === 0 ? { user: 'root' } : {}) }));
  const proc: ChildProcess = spawn(MOSQUITTO, ['-c', path.join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  await waitForPort(port).catch((err: unknown) => {
    throw new Error(`${String(err)}\n${stderr}`);
  });
  const bus = await startDeviceMessaging(
    { mqttUrl: `mqtt://loa:${SERVICE_PASSWORD}@127.0.0.1:${port}`, mosquittoAuthDir: dir, host: '127.0.0.1', port: 0, logger: t.c.logger },
    { credentials: t.c.services.deviceCredentials, gateway: t.c.services.deviceGateway },
  );
  return {
    bus,
    url: `mqtt://127.0.0.1:${port}`,
    async reload() {
      await writeMosquittoFiles(dir, t.c.services.deviceCredentials, SERVICE_PASSWORD);
      proc.kill('SIGHUP');
    },
    async stop() {
      await bus.close();
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe.each([
  ['embedded (aedes)', embedded],
  ['Mosquitto', mosquitto],
] as const)('device ACLs on the %s broker', (name, start) => {
  let t: TestContext;
  let broker: BrokerUnderTest;
  const dev: Record<'a' | 'b', { id: string; token: string }> = { a: { id: '', token: '' }, b: { id: '', token: '' } };
  const open: MqttClient[] = [];
  const track = (c: MqttClient) => (open.push(c), c);

  beforeAll(async () => {
    t = await createTestContext('pglite');
    await importLaiChau(t.c);
    for (const k of ['a', 'b'] as const) {
      const d = await t.c.services.devices.createDevice(actor, TT_TAM_DUONG, {
        kind: 'loudspeaker_cluster',
        name: `Cụm loa ${k}`,
        vendor: null,
        model: null,
        serial: null,
        simNumber: null,
        village: null,
        lat: null,
        lon: null,
        installedOn: null,
        status: 'active',
      });
      dev[k] = { id: d.id, token: (await t.c.services.deviceCredentials.issueCredential(actor, d.id)).token };
    }
    broker = await start(t);
  }, 60_000);
  afterAll(async () => {
    for (const c of open) c.end(true);
    await broker?.stop();
    await t?.close();
  });

  it('refuses a wrong password and another device’s token', async () => {
    await expect(deviceClient(broker.url, dev.a.id, 'loa_dev_' + 'x'.repeat(43))).rejects.toThrow();
    await expect(deviceClient(broker.url, dev.a.id, dev.b.token)).rejects.toThrow();
    await expect(deviceClient(broker.url, 'loa', 'wrong-password')).rejects.toThrow();
  });

  it('a device receives only its own commands, whatever it subscribes to', async () => {
    const a = track(await deviceClient(broker.url, dev.a.id, dev.a.token));
    const got: string[] = [];
    a.on('message', (topic) => got.push(topic));
    const own = await a.subscribeAsync(`loa/v1/${dev.a.id}/cmd`, { qos: 1 });
    expect(own[0]!.qos).toBe(1);
    // A refused subscription gets the failure code 0x80 (the client rejects); Mosquitto may instead grant a
    // wildcard and deliver only what the ACL allows: either way nothing of another device arrives.
    const granted: number[] = [];
    for (const filter of [`loa/v1/${dev.b.id}/cmd`, 'loa/v1/+/cmd', 'loa/#', '#'])
      granted.push(
        await a.subscribeAsync(filter, { qos: 1 }).then(
          (g) => g[0]!.qos,
          () => 128,
        ),
      );
    if (name.startsWith('embedded')) expect(granted).toEqual([128, 128, 128, 128]);
    const payloads: unknown[] = [];
    a.on('message', (_topic, payload) => payloads.push(JSON.parse(payload.toString())));
    const stop = { v: 1 as const, id: randomUUID(), at: new Date().toISOString(), cmd: 'stop' as const };
    expect(await t.c.services.deviceGateway.publishCommand(dev.b.id, stop)).toBe(true);
    expect(await t.c.services.deviceGateway.publishCommand(dev.a.id, { ...stop, id: randomUUID(), cmd: 'set_volume', volume: 40 })).toBe(true);
    await until('own command', () => (got.includes(`loa/v1/${dev.a.id}/cmd`) ? true : undefined));
    expect(got).toEqual([`loa/v1/${dev.a.id}/cmd`]);
    expect(payloads).toEqual([expect.objectContaining({ v: 1, cmd: 'set_volume', volume: 40 })]);
  });

  it("a device cannot publish on another device's topics or its own cmd; its own state reaches Loa", async () => {
    const seen: string[] = [];
    const stop = await broker.bus.subscribe('loa/#', (topic) => seen.push(topic));
    const state = JSON.stringify({ v: 1, at: new Date().toISOString(), status: 'idle', current: null, volume: 60, ampOn: false });
    for (const topic of [`loa/v1/${dev.b.id}/state`, `loa/v1/${dev.b.id}/log`, `loa/v1/${dev.b.id}/cmd`, `loa/v1/${dev.a.id}/cmd`, 'loa/other']) {
      // The embedded broker drops the connection on a refused publish; Mosquitto acknowledges and drops the message.
      const rogue = await deviceClient(broker.url, dev.a.id, dev.a.token);
      rogue.on('error', () => undefined);
      const closed = new Promise<void>((r) => rogue.once('close', () => r()));
      await Promise.race([rogue.publishAsync(topic, state, { qos: 1 }).catch(() => undefined), closed]);
      rogue.end(true);
    }
    const a = track(await deviceClient(broker.url, dev.a.id, dev.a.token));
    await a.publishAsync(`loa/v1/${dev.a.id}/state`, state, { qos: 1, retain: true });
    await until('own state', () => (seen.includes(`loa/v1/${dev.a.id}/state`) ? true : undefined));
    expect(seen.filter((s) => !s.startsWith('loa/v1/' + dev.a.id + '/state'))).toEqual([]);
    await stop();
    let report: Awaited<ReturnType<typeof t.c.services.deviceGateway.lastReport>> = null;
    const end = Date.now() + 10_000;
    while (!report?.state && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
      report = await t.c.services.deviceGateway.lastReport(dev.a.id);
    }
    expect(report?.state).toMatchObject({ status: 'idle', volume: 60 });
    // Play events on the device's own log topic are stored once, even when resent (QoS 1 duplicates).
    const log = JSON.stringify({ v: 1, events: [{ id: randomUUID(), type: 'finished', at: new Date().toISOString(), itemId: 'ban-tin-1', durationMs: 61_000 }] });
    await a.publishAsync(`loa/v1/${dev.a.id}/log`, log, { qos: 1 });
    await a.publishAsync(`loa/v1/${dev.a.id}/log`, log, { qos: 1 });
    let logs = await t.c.services.deviceGateway.logsOf(dev.a.id);
    while (logs.length === 0 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
      logs = await t.c.services.deviceGateway.logsOf(dev.a.id);
    }
    expect(logs.map((l) => [l.type, l.durationMs, l.source])).toEqual([['finished', 61_000, 'mqtt']]);
  });

  it('a revoked token is refused, and its open session ends', async () => {
    const a = track(await deviceClient(broker.url, dev.a.id, dev.a.token));
    const closed = new Promise<void>((r) => a.once('close', () => r()));
    await t.c.services.deviceCredentials.revokeCredential(actor, dev.a.id);
    await broker.reload();
    await closed;
    await expect(deviceClient(broker.url, dev.a.id, dev.a.token)).rejects.toThrow();
    // The other device is unaffected.
    track(await deviceClient(broker.url, dev.b.id, dev.b.token));
  });
});

describe('the embedded broker on a taken port', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext('pglite');
  });
  afterAll(() => t.close());

  it('stops with a clear message when MQTT_PORT was set, and takes a free port when it was not', async () => {
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const port = (holder.address() as { port: number }).port;
    const services = { credentials: t.c.services.deviceCredentials, gateway: t.c.services.deviceGateway };
    try {
      await expect(startDeviceMessaging({ host: '127.0.0.1', port, logger: t.c.logger }, services)).rejects.toThrow(
        new RegExp(`Cổng MQTT 127.0.0.1:${port} đang được dùng.*MQTT_PORT.*/ MQTT port 127.0.0.1:${port} is in use`),
      );
      const bus = await startDeviceMessaging({ host: '127.0.0.1', port, anyPortIfTaken: true, logger: t.c.logger }, services);
      expect(bus.url).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);
      expect(bus.url).not.toBe(`mqtt://127.0.0.1:${port}`);
      await bus.close();
    } finally {
      await new Promise<void>((r) => holder.close(() => r()));
    }
  });
});
