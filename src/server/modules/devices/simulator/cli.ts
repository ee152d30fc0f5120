/**
 * `loa devices simulate --unit CODE --count N [--mqtt URL | --http URL] [--offline-rate P]`: N virtual devices of
 * the unit's communes (fleet.ts: existing active devices first, their tokens rotated; new rows for the rest) that
 * connect, follow commands, report plays and heartbeats, until Ctrl+C (or --for seconds). Without --mqtt or --http
 * the command starts an embedded broker of its own on a free port, so its devices' logs reach this database.
 */
import type { Logger } from '../../../platform/logger.ts';
import { systemActor } from '../../access/index.ts';
import type { Services } from '../../module.ts';
import { startDeviceMessaging } from '../broker.ts';
import { provisionSimulatedDevices, resolveUnitCode, startFleet } from './fleet.ts';
import type { FleetTransport } from './fleet.ts';

export interface SimulateCommandOptions {
  unit: string;
  count: string;
  mqtt?: string;
  http?: string;
  offlineRate?: string;
  speed?: string;
  heartbeat?: string;
  for?: string;
}

const number = (value: string | undefined, name: string, min: number, max: number, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} phải từ ${min} đến ${max} / --${name} must be between ${min} and ${max}`);
  return n;
};

export async function runSimulateCommand(
  c: { services: Pick<Services, 'units' | 'devices' | 'deviceCredentials' | 'deviceGateway'>; logger: Logger },
  o: SimulateCommandOptions,
  out: (line: string) => void,
): Promise<void> {
  if (o.mqtt && o.http) throw new Error('Chọn --mqtt hoặc --http, không cả hai / choose --mqtt or --http, not both');
  const count = number(o.count, 'count', 1, 20_000, 1);
  const offlineRate = number(o.offlineRate, 'offline-rate', 0, 1, 0);
  const speed = number(o.speed, 'speed', 0.01, 1000, 1);
  const heartbeatMs = number(o.heartbeat, 'heartbeat', 1, 3600, 60) * 1000;
  const forMs = o.for === undefined ? null : number(o.for, 'for', 0, 86_400, 0) * 1000;
  const actor = systemActor('cli:devices simulate');
  const unitId = await resolveUnitCode(c.services.units, actor, o.unit);
  const list = await provisionSimulatedDevices(c.services, actor, unitId, count);
  const own =
    o.mqtt || o.http
      ? null
      : await startDeviceMessaging({ host: '127.0.0.1', port: 0, logger: c.logger }, { credentials: c.services.deviceCredentials, gateway: c.services.deviceGateway });
  const transport: FleetTransport = o.http ? { http: o.http } : { mqtt: o.mqtt ?? own!.url };
  try {
    const fleet = await startFleet(list, transport, { offlineRate, speed, heartbeatMs });
    const where = o.http ? `HTTP ${o.http}` : `MQTT ${'mqtt' in transport ? transport.mqtt : ''}${own ? ' (broker nhúng của lệnh này)' : ''}`;
    out(`${fleet.devices.length} thiết bị mô phỏng đang chạy qua ${where}; Ctrl+C để dừng.\n`);
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
      if (forMs !== null) setTimeout(done, forMs);
    });
    const online = fleet.devices.filter((d) => d.isOnline).length;
    await fleet.stop();
    out(`Đã dừng ${fleet.devices.length} thiết bị (${online} đang trực tuyến lúc dừng).\n`);
  } finally {
    await own?.close();
  }
}
