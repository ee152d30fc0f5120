/**
 * A fleet of virtual devices for one unit: the devices of its communes (existing active ones first, then
 * new rows "Cụm loa mô phỏng N" imported into the communes in turn), each given a fresh token (a device that had
 * one is rotated: its real counterpart, if any, is locked out), then started over MQTT or HTTP.
 */
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../access/index.ts';
import { EDITION_IDS, unitIdFor } from '../../units/index.ts';
import type { UnitsService } from '../../units/index.ts';
import { DEVICE_LIMITS } from '../../../../shared/contracts/devices.ts';
import type { DeviceKind } from '../../../../shared/contracts/devices.ts';
import type { DeviceCredentialsService } from '../credentials.service.ts';
import type { DevicesService } from '../devices.service.ts';
import { httpTransport, mqttTransport } from './transport.ts';
import { VirtualDevice } from './virtual-device.ts';
import type { VirtualDeviceOptions } from './virtual-device.ts';

export interface SimulatedDevice {
  deviceId: string;
  unitId: string;
  kind: DeviceKind;
  token: string;
}

export interface FleetServices {
  units: Pick<UnitsService, 'getUnit' | 'listChildren'>;
  devices: Pick<DevicesService, 'listDevices' | 'importDevices'>;
  deviceCredentials: Pick<DeviceCredentialsService, 'issueCredential'>;
}

/** "vn-2026:12" or a bare GSO code (looked up in the newest edition first) → the unit's id. */
export async function resolveUnitCode(units: FleetServices['units'], actor: Actor, code: string): Promise<string> {
  const [edition, gso] = code.includes(':') ? (code.split(':', 2) as [string, string]) : [null, code];
  const editions = edition ? [edition] : [...EDITION_IDS].reverse();
  for (const e of editions) {
    const id = unitIdFor(e, gso);
    try {
      await units.getUnit(actor, id);
      return id;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
    }
  }
  throw new AppError('NOT_FOUND');
}

async function communesOf(units: FleetServices['units'], actor: Actor, unitId: string): Promise<string[]> {
  const { unit } = await units.getUnit(actor, unitId);
  if (unit.kind === 'commune') return [unit.id];
  const at = unit.validTo ?? undefined;
  const out: string[] = [];
  for (const child of await units.listChildren(actor, unit.id, at)) {
    if (child.kind === 'commune') out.push(child.id);
    else if (child.kind === 'district' || child.kind === 'province') out.push(...(await communesOf(units, actor, child.id)));
  }
  return out;
}

/** One CSV of new simulated devices (Loại, Tên, Hãng), as an operator would import them. */
function simulatedCsv(numbers: readonly number[]): string {
  // One LED board for every five loudspeaker clusters, as a commune typically has.
  const rows = numbers.map((n) => (n % 6 === 5 ? `Bảng LED,Bảng LED mô phỏng ${n + 1}` : `Cụm loa,Cụm loa mô phỏng ${n + 1}`) + ',Loa simulator');
  return ['Loại,Tên,Hãng', ...rows].join('\n');
}

/** `count` devices of the unit's communes with a token each (see the file comment). */
export async function provisionSimulatedDevices(s: FleetServices, actor: Actor, unitId: string, count: number): Promise<SimulatedDevice[]> {
  const active = async () => (await s.devices.listDevices(actor, unitId, { subtree: true })).items.filter((d) => d.status === 'active');
  let picked = (await active()).slice(0, count);
  if (picked.length < count) {
    const communes = await communesOf(s.units, actor, unitId);
    if (communes.length === 0) throw new AppError('DEVICE_UNIT_NOT_COMMUNE');
    const numbers = new Map<string, number[]>();
    for (let n = picked.length; n < count; n++) {
      const commune = communes[n % communes.length]!;
      numbers.set(commune, [...(numbers.get(commune) ?? []), n]);
    }
    // Through the registry's import (all or nothing per file, audited), DEVICE_LIMITS.rows per file.
    for (const [commune, all] of numbers) {
      for (let i = 0; i < all.length; i += DEVICE_LIMITS.rows) {
        const csv = simulatedCsv(all.slice(i, i + DEVICE_LIMITS.rows));
        await s.devices.importDevices(actor, commune, { fileName: 'thiet-bi-mo-phong.csv', contentBase64: Buffer.from(csv).toString('base64'), dryRun: false });
      }
    }
    picked = (await active()).slice(0, count);
  }
  const out: SimulatedDevice[] = [];
  for (const d of picked) out.push({ deviceId: d.id, unitId: d.unitId, kind: d.kind, token: (await s.deviceCredentials.issueCredential(actor, d.id)).token });
  return out;
}

export type FleetTransport = { mqtt: string } | { http: string; pollMs?: number };
export type FleetOptions = Omit<VirtualDeviceOptions, 'deviceId' | 'kind' | 'transport' | 'onCommand'> & {
  onCommand?: (deviceId: string, command: Parameters<NonNullable<VirtualDeviceOptions['onCommand']>>[0]) => void;
};

export interface Fleet {
  devices: VirtualDevice[];
  stop(): Promise<void>;
}

/** Starts the devices, at most `parallel` connecting at once (a broker does not like 10,000 CONNECTs in one go). */
export async function startFleet(list: readonly SimulatedDevice[], transport: FleetTransport, options: FleetOptions = {}, parallel = 200): Promise<Fleet> {
  const { onCommand, ...rest } = options;
  const devices = list.map(
    (d) =>
      new VirtualDevice({
        ...rest,
        deviceId: d.deviceId,
        kind: d.kind,
        transport: 'mqtt' in transport ? mqttTransport(transport.mqtt, d.deviceId, d.token) : httpTransport(transport.http, d.token, transport.pollMs ?? 5000),
        ...(onCommand ? { onCommand: (cmd) => onCommand(d.deviceId, cmd) } : {}),
      }),
  );
  const stop = async () => void (await Promise.all(devices.map((d) => d.stop().catch(() => undefined))));
  try {
    for (let i = 0; i < devices.length; i += parallel) await Promise.all(devices.slice(i, i + parallel).map((d) => d.start()));
  } catch (err) {
    await stop();
    throw err;
  }
  return { devices, stop };
}
