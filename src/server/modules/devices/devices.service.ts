import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { readSheet } from '../../platform/sheet.ts';
import { authorize, can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { UnitLookup, UnitRecord } from '../units/index.ts';
import { normalisePhone } from '../../../shared/sms/phone.ts';
import { DEVICE_LIMITS } from '../../../shared/contracts/devices.ts';
import type { CreateDeviceInput, DeviceImportInput, DeviceImportReport, DeviceKind, DeviceStatus, DeviceView, UpdateDeviceInput } from '../../../shared/contracts/devices.ts';
import type { DeviceSettings } from '../../../shared/contracts/settings.ts';
import { healthOf, onlineSinceAt } from './health.rules.ts';
import { parseDeviceRows } from './import-rows.ts';
import './devices.errors.ts';
import * as repo from './devices.repository.ts';
import { deviceReadScope } from './read-scope.ts';
import type { DeviceRow } from './devices.repository.ts';

type Capabilities = { write: boolean };

/** The registry fields of a device, as its audit events record them (and its view shows them). */
const auditFields = (d: Pick<DeviceRow, 'kind' | 'name' | 'vendor' | 'model' | 'serial' | 'simNumber' | 'village' | 'lat' | 'lon' | 'installedOn' | 'status' | 'audience'>) => ({
  kind: d.kind,
  name: d.name,
  vendor: d.vendor,
  model: d.model,
  serial: d.serial,
  simNumber: d.simNumber,
  village: d.village,
  lat: d.lat,
  lon: d.lon,
  installedOn: d.installedOn,
  status: d.status,
  audience: d.audience,
});

/** A device as the registry shows it; `onlineSince`: heard from since then is online (the 'devices' setting). */
export const presentDevice = (actor: Actor, d: DeviceRow, onlineSince: Date): DeviceView => ({
  id: d.id,
  unitId: d.unitId,
  unitName: d.unitName,
  ...auditFields(d),
  kind: d.kind as DeviceKind,
  status: d.status as DeviceStatus,
  lastSeenAt: d.lastSeenAt ? new Date(d.lastSeenAt).toISOString() : null,
  ...healthOf(d, onlineSince),
  credentialIssuedAt: d.credentialIssuedAt ? d.credentialIssuedAt.toISOString() : null,
  capabilities: { write: can(actor, 'device.write', { unitPath: d.unitPath }) },
});

function simOrThrow(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  const sim = normalisePhone(value);
  if (!sim) throw new AppError('DEVICE_SIM_INVALID', { value: value.slice(0, 20) });
  return sim;
}

/**
 * The device registry (sổ thiết bị) of communes: loudspeaker clusters and LED boards, with import
 * from CSV/XLSX. device.read to see a commune's devices, device.write to change them; both within the
 * actor's subtree. Tokens are in credentials.service.ts.
 */
export function createDevicesService(deps: { db: Db; clock: Clock; units: UnitLookup; settings: () => Promise<DeviceSettings>; onChange: (deviceId: string) => void }) {
  const { db, clock, units, onChange } = deps;
  const onlineSince = async () => onlineSinceAt(clock.now(), await deps.settings());

  async function unitFor(actor: Actor, unitId: string, permission: 'device.read' | 'device.write'): Promise<{ unit: UnitRecord; a: Actor }> {
    const unit = await units.byId(unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    return { unit, a: authorize(actor, permission, { unitPath: unit.path }, 'device.read') };
  }

  async function communeFor(actor: Actor, unitId: string) {
    const found = await unitFor(actor, unitId, 'device.write');
    if (found.unit.kind !== 'commune') throw new AppError('DEVICE_UNIT_NOT_COMMUNE');
    return found;
  }

  async function assertSerialFree(tx: Db, vendor: string | null, serial: string | null, exceptId?: string) {
    if (!serial) return;
    const taken = await repo.takenSerials(tx, [serial], exceptId);
    if (taken.has(`${vendor}\u0000${serial}`)) throw new AppError('DEVICE_SERIAL_TAKEN', { vendor: vendor ?? '(không ghi)', serial });
  }

  return {
    /** The devices of a unit (a commune), or with `subtree` of every commune under it (a district, the province). */
    async listDevices(actor: Actor, unitId: string, q: { subtree: boolean }): Promise<{ items: DeviceView[]; capabilities: Capabilities; audienceDefault: number }> {
      const unit = await units.byId(unitId);
      if (!unit) throw new AppError('NOT_FOUND');
      const rows = await repo.findDevices(db, await deviceReadScope(actor, unit, q.subtree, units));
      const settings = await deps.settings();
      const since = onlineSinceAt(clock.now(), settings);
      return {
        items: rows.map((d) => presentDevice(actor, d, since)),
        capabilities: { write: can(actor, 'device.write', { unitPath: unit.path }) },
        audienceDefault: settings.defaultAudience,
      };
    },

    /** One device, or 404 — also when it belongs to a commune the actor may not see. */
    async getDevice(actor: Actor, deviceId: string): Promise<DeviceView> {
      const d = await repo.findDevice(db, deviceId);
      if (!d) throw new AppError('NOT_FOUND');
      await deviceReadScope(actor, { id: d.unitId, path: d.unitPath }, false, units);
      return presentDevice(actor, d, await onlineSince());
    },

    async createDevice(actor: Actor, unitId: string, input: CreateDeviceInput): Promise<DeviceView> {
      const { unit, a } = await communeFor(actor, unitId);
      const simNumber = simOrThrow(input.simNumber) ?? null;
      const since = await onlineSince();
      return db.transaction(async (tx) => {
        await assertSerialFree(tx, input.vendor, input.serial);
        const [id] = await repo.insertDevices(tx, [{ ...input, audience: input.audience ?? null, simNumber, unitId: unit.id, createdBy: a.userId }], clock.now());
        const d = (await repo.findDevice(tx, id!))!;
        await recordAudit(tx, a, { action: 'device.create', entity: 'device', entityId: d.id, unitId: unit.id, after: auditFields(d) });
        return presentDevice(actor, d, since);
      });
    },

    async updateDevice(actor: Actor, deviceId: string, patch: UpdateDeviceInput): Promise<DeviceView> {
      const before = await repo.findDevice(db, deviceId);
      if (!before) throw new AppError('NOT_FOUND');
      const a = authorize(actor, 'device.write', { unitPath: before.unitPath }, 'device.read');
      const simNumber = simOrThrow(patch.simNumber);
      const changes = { ...patch, ...(simNumber !== undefined ? { simNumber } : {}) };
      const after = await db.transaction(async (tx) => {
        const vendor = changes.vendor !== undefined ? changes.vendor : before.vendor;
        const serial = changes.serial !== undefined ? changes.serial : before.serial;
        if (vendor !== before.vendor || serial !== before.serial) await assertSerialFree(tx, vendor, serial, before.id);
        await repo.updateDevice(tx, before.id, changes, clock.now());
        const d = (await repo.findDevice(tx, before.id))!;
        await recordAudit(tx, a, { action: 'device.update', entity: 'device', entityId: d.id, unitId: d.unitId, before: auditFields(before), after: auditFields(d) });
        return d;
      });
      // A retired device's token stops working: the broker drops its session.
      if (after.status !== before.status) onChange(after.id);
      return presentDevice(actor, after, await onlineSince());
    },

    /**
     * Import a CSV/XLSX file of devices into a commune: all or nothing. A dry run (the default) only
     * reports; a real run with any bad row throws DEVICE_IMPORT_INVALID (422) listing the rows and writes
     * nothing. A serial already registered (same vendor) is a bad row.
     */
    async importDevices(actor: Actor, unitId: string, input: DeviceImportInput): Promise<DeviceImportReport> {
      const { unit, a } = await communeFor(actor, unitId);
      const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
      if (bytes.length > DEVICE_LIMITS.fileBytes) throw new AppError('PAYLOAD_TOO_LARGE');
      const parsed = parseDeviceRows(await readSheet(input.fileName, bytes, (reason) => new AppError('DEVICE_FILE_UNREADABLE', { reason })));
      return db.transaction(async (tx) => {
        const withSerial = parsed.devices.filter((d) => d.serial !== null);
        const taken = await repo.takenSerials(
          tx,
          withSerial.map((d) => d.serial!),
        );
        const errors = [...parsed.errors];
        const good = parsed.devices.filter((d) => {
          if (!d.serial || !taken.has(`${d.vendor}\u0000${d.serial}`)) return true;
          errors.push({ line: d.line, message: `Dòng ${d.line}: số sê-ri ${d.serial} (hãng ${d.vendor ?? 'không ghi'}) đã có trong sổ thiết bị.` });
          return false;
        });
        errors.sort((x, y) => x.line - y.line);
        const report: DeviceImportReport = {
          dryRun: input.dryRun,
          imported: false,
          rows: parsed.rows,
          added: good.length,
          errorCount: errors.length,
          errors: errors.slice(0, DEVICE_LIMITS.errorsShown),
          sample: good.slice(0, 20).map((d) => ({ line: d.line, kind: d.kind, name: d.name, serial: d.serial, village: d.village })),
        };
        if (input.dryRun) return report;
        if (errors.length > 0) {
          throw new AppError(
            'DEVICE_IMPORT_INVALID',
            { count: errors.length },
            report.errors.map((e) => ({ path: `line.${e.line}`, message: e.message })),
          );
        }
        await repo.insertDevices(
          tx,
          good.map(({ line: _line, ...d }) => ({ ...d, unitId: unit.id, createdBy: a.userId })),
          clock.now(),
        );
        await recordAudit(tx, a, {
          action: 'device.import',
          entity: 'unit',
          entityId: unit.id,
          unitId: unit.id,
          after: { fileName: input.fileName, rows: report.rows, added: report.added },
        });
        return { ...report, imported: true };
      });
    },
  };
}
export type DevicesService = ReturnType<typeof createDevicesService>;
