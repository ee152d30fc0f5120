/**
 * emergency-broadcast: one khẩn cấp item to 10,000 virtual devices (src/server/modules/devices/simulator, run in
 * their own process by bench/emergency-fleet.ts) connected over MQTT to Loa's embedded broker, in-memory PGlite. Value = ms from the approval call (a province approver's
 * `bulletins.emergencyPublishBulletin`: targets written in the approving transaction, then play_now / show_text
 * published to every device) until 99% of the devices' "started" logs have reached Loa (device_logs.received_at,
 * what the coverage reads). Baseline, in the same run, to
 * the same 10,000 connected devices: a bare MQTT publish of the same play_now command (aedes publish per device
 * topic, no validation, no database), timed until 99% of the devices have received it. Details: p50/p99/max of both.
 * EMERGENCY_BENCH_DEVICES changes the count.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { actorIn } from '../test/builders/broadcasts.ts';
import { createContainer } from '../src/server/container.ts';
import { openDatabase, rowsOf } from '../src/server/db/client.ts';
import type { Database } from '../src/server/db/client.ts';
import { systemActor } from '../src/server/modules/access/index.ts';
import { unitIdFor } from '../src/server/modules/units/index.ts';
import { startDeviceMessaging } from '../src/server/modules/devices/index.ts';
import { provisionSimulatedDevices } from '../src/server/modules/devices/simulator/fleet.ts';
import type { SimulatedDevice } from '../src/server/modules/devices/simulator/fleet.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { createLogMailer } from '../src/server/providers/mailer/log.ts';
import { createFakeTts } from '../src/server/providers/tts/fake.ts';
import { deviceTopics } from '../src/shared/contracts/devices.ts';
import type { DeviceCommand } from '../src/shared/contracts/devices.ts';
import type { FleetMessage } from './emergency-fleet.ts';
import type { BenchResult } from './run.ts';

const DEVICES = Number(process.env.EMERGENCY_BENCH_DEVICES ?? 10_000);
const actor = systemActor('cli:bench emergency-broadcast');
/** Lai Châu in the tree in force (2026 list): the bulletin targets communes of today. */
const LAI_CHAU = unitIdFor('vn-2026', '12');
const logger = createLogger('silent');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Wall-clock milliseconds with the sub-millisecond part: comparable with the fleet process's. */
const epochMs = () => performance.timeOrigin + performance.now();

/** The devices in their own process; `received` gets itemId → deviceId → epoch ms of each command's arrival. */
async function startFleetProcess(list: readonly SimulatedDevice[], mqttUrl: string, received: Map<string, Map<string, number>>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'loa-bench-fleet-'));
  const file = path.join(dir, 'devices.json');
  writeFileSync(file, JSON.stringify(list));
  const child = fork(fileURLToPath(new URL('./emergency-fleet.ts', import.meta.url)), [file, mqttUrl], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const connectMs = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: FleetMessage) => {
      if (m.type === 'ready') resolve(m.connectMs);
      else if (m.type === 'failed') reject(new Error(`fleet: ${m.message}`));
      else for (const r of m.receipts) received.get(r.itemId)?.set(r.deviceId, r.at);
    });
    child.on('exit', (code) => reject(new Error(`fleet exited (${code})`)));
  });
  return {
    connectMs,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.send('stop');
      await Promise.race([exited, sleep(30_000)]);
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const summary = (ms: readonly number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: Math.round(percentile(s, 50)), p99: Math.round(percentile(s, 99)), max: Math.round(s.at(-1) ?? NaN) };
};

const playNow = (itemId: string, durationMs: number): DeviceCommand => ({
  v: 1,
  id: randomUUID(),
  at: new Date().toISOString(),
  cmd: 'play_now',
  itemId,
  media: { kind: 'audio', url: 'http://127.0.0.1/device/v1/media/bench', contentType: 'audio/wav', durationMs },
  priority: 'khan_cap',
  repeat: 1,
  interrupt: true,
});

async function logCount(database: Database, itemId: string, type: string): Promise<number> {
  const r = await database.db.execute(sql`SELECT count(*)::int AS n FROM device_logs WHERE item_id = ${itemId} AND type = ${type}`);
  return rowsOf<{ n: number }>(r)[0]!.n;
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export default async function run(): Promise<BenchResult> {
  const database = await openDatabase({ dataDir: null });
  await database.migrate();
  const c = createContainer({
    database,
    clock: systemClock,
    logger,
    mailer: createLogMailer(logger),
    env: { PUBLIC_URL: 'http://127.0.0.1:3000', SESSION_TTL_HOURS: 1 },
    sms: null,
    tts: createFakeTts(),
  });
  await c.services.units.importEdition(actor, 'vn-2026', { provinceCodes: ['12'] });
  const t0 = performance.now();
  const list = await provisionSimulatedDevices(c.services, actor, LAI_CHAU, DEVICES);
  const setupMs = Math.round(performance.now() - t0);
  const bus = await startDeviceMessaging({ host: '127.0.0.1', port: 0, logger }, { credentials: c.services.deviceCredentials, gateway: c.services.deviceGateway });
  const received = new Map<string, Map<string, number>>(); // itemId → deviceId → epoch ms
  const fleet = await startFleetProcess(list, bus.url, received);
  const connectMs = fleet.connectMs;
  const need = Math.ceil(DEVICES * 0.99);
  try {
    await sleep(2000); // retained states stored, the broker quiet

    // Baseline: the same command, published bare to each device's topic.
    const baseItem = `bench-baseline-${randomUUID()}`;
    const base = playNow(baseItem, 1000);
    received.set(baseItem, new Map());
    const payload = Buffer.from(JSON.stringify(base));
    const b0 = epochMs();
    await Promise.all(list.map((d) => bus.publish(deviceTopics(d.deviceId).cmd, payload, { qos: 1 })));
    await waitFor('baseline receipt', () => received.get(baseItem)!.size >= need);
    const baselineAt = [...received.get(baseItem)!.values()].map((t) => t - b0);
    // Let the devices finish it and Loa store their logs before the measured run.
    await waitFor('baseline logs stored', async () => (await logCount(database, baseItem, 'finished')) >= DEVICES);
    await sleep(1000);

    // Loa: a khẩn cấp bulletin of the province created (TTS) and published in one step by an approver; the
    // approval writes the targets and Loa then publishes play_now / show_text to each device (bulletins module).
    const approver = await actorIn(c, LAI_CHAU, 'approver');
    const bulletin = await c.services.bulletins.createBulletin(approver, {
      unitId: LAI_CHAU,
      title: 'Cảnh báo lũ quét',
      priority: 'khan_cap',
      source: 'tts',
      text: 'UBND tỉnh thông báo: mưa lớn gây lũ quét, đề nghị bà con các bản ven suối di chuyển ngay đến nơi an toàn.',
      repeat: 1,
      targetUnitIds: [...new Set(list.map((d) => d.unitId))],
    });
    const item = bulletin.id;
    received.set(item, new Map());
    const start = new Date();
    const d0 = epochMs();
    await c.services.bulletins.emergencyPublishBulletin(approver, bulletin.id);
    const approvedMs = Math.round(epochMs() - d0);
    await waitFor('99% started', async () => (await logCount(database, item, 'started')) >= need);
    const r = await database.db.execute(
      sql`SELECT (extract(epoch FROM received_at - ${start.toISOString()}::timestamptz) * 1000)::float8 AS ms FROM device_logs WHERE item_id = ${item} AND type = 'started'`,
    );
    const valueAt = rowsOf<{ ms: number }>(r).map((x) => x.ms);
    // The fleet reports its receipts every 50 ms: wait for them before reading the devices' side.
    await waitFor('fleet receipts', () => received.get(item)!.size >= need, 10_000).catch(() => undefined);
    const deviceAt = [...received.get(item)!.values()].map((t) => t - d0);
    const value = summary(valueAt);
    const baseline = summary(baselineAt);
    return {
      name: 'emergency-broadcast',
      value: value.p99,
      baseline: baseline.p99,
      unit: 'ms',
      details: {
        devices: DEVICES,
        setupMs,
        connectMs,
        approvedMs,
        loaStartedLogs: value,
        devicesReceivedLoaCommand: summary(deviceAt),
        baselineReceived: baseline,
        path: 'bulletins.emergencyPublishBulletin',
      },
    };
  } finally {
    await fleet.stop();
    await bus.close();
    await database.close();
  }
}
