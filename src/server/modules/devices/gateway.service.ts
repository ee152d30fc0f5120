import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import { DeviceCommand, PROTOCOL_VERSION, deviceTopics } from '../../../shared/contracts/devices.ts';
import type { DeviceLogBatch, DeviceScheduleOut, DeviceState, Heartbeat } from '../../../shared/contracts/devices.ts';
import type { MqttBus } from '../../providers/mqtt/port.ts';
import type { DeviceIdentity } from './credentials.service.ts';
import './devices.errors.ts';
import * as repo from './devices.repository.ts';
import { createMqttIngest, storeDeviceReports } from './reports.ts';

/** The commands waiting for a device (its programme and anything not yet acknowledged). Bulletins and programmes fill this in. */
export type PendingCommands = (deviceId: string) => Promise<DeviceCommand[]>;

const noPendingCommands: PendingCommands = async () => [];

/**
 * What devices say to Loa and ask of it, by either transport: MQTT messages on their state and log
 * topics (the broker has checked the publisher owns the topic) and the HTTP pull fallback (the route
 * has checked the bearer token). No actor: a device is not a user, and its reports are not audited.
 */
export function createDeviceGatewayService(deps: { db: Db; clock: Clock; logger: Logger; authenticate: (token: string) => Promise<DeviceIdentity | null> }) {
  const { db, clock, logger, authenticate } = deps;
  let pending: PendingCommands = noPendingCommands;
  let bus: Pick<MqttBus, 'publish'> | null = null;

  const ingest = createMqttIngest({ db, now: () => clock.now(), logger });

  async function recordLogs(device: DeviceIdentity, batch: DeviceLogBatch, source: 'http'): Promise<{ accepted: number; duplicates: number }> {
    const accepted = await storeDeviceReports(db, clock.now(), [{ device, batch, source }]);
    return { accepted, duplicates: batch.events.filter((e) => e.type !== 'heartbeat').length - accepted };
  }

  /** `Authorization: Bearer <token>` → the device, or 401 DEVICE_TOKEN_INVALID. */
  async function fromBearer(authorization: string | undefined): Promise<DeviceIdentity> {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const device = m ? await authenticate(m[1]!) : null;
    if (!device) throw new AppError('DEVICE_TOKEN_INVALID');
    return device;
  }

  return {
    /** The broker Loa publishes commands on (startDeviceMessaging attaches it; null detaches). */
    attachBus(b: Pick<MqttBus, 'publish'> | null): void {
      bus = b;
    },

    /**
     * Sends a command to a device over MQTT (QoS 1, not retained), checked against protocol v1 first.
     * Returns false when no broker is attached (a CLI command, a test without one): the HTTP fallback's
     * pending commands are the way then.
     */
    async publishCommand(deviceId: string, command: DeviceCommand): Promise<boolean> {
      const checked = DeviceCommand.parse(command);
      if (!bus) return false;
      await bus.publish(deviceTopics(deviceId).cmd, JSON.stringify(checked), { qos: 1, retain: false });
      return true;
    },

    /** `Authorization: Bearer <device token>` → the device, or 401 DEVICE_TOKEN_INVALID (the bulletins' media download). */
    deviceFromBearer: fromBearer,

    /** Later modules (bulletins, programmes) say what a device should hold. */
    setPendingCommands(fn: PendingCommands): void {
      pending = fn;
    },

    /** GET /device/v1/schedule: the device's pending commands and their ETag (over the commands only). */
    async schedule(authorization: string | undefined): Promise<{ body: DeviceScheduleOut; etag: string }> {
      const device = await fromBearer(authorization);
      const commands = await pending(device.deviceId);
      await repo.touchDevice(db, device.deviceId, clock.now());
      const etag = `"${createHash('sha256').update(JSON.stringify(commands)).digest('base64url').slice(0, 27)}"`;
      return { body: { v: PROTOCOL_VERSION, deviceId: device.deviceId, serverTime: clock.now().toISOString(), commands }, etag };
    },

    /** POST /device/v1/logs (the body validated by the route): play events stored once each. */
    async postLogs(authorization: string | undefined, batch: DeviceLogBatch): Promise<{ accepted: number; duplicates: number }> {
      return recordLogs(await fromBearer(authorization), batch, 'http');
    },

    /**
     * A message a device published (the broker let it publish only on its own state and log topics), stored
     * with the others of its burst in one transaction (reports.ts). A payload that does not parse is logged
     * and dropped: a device cannot make Loa fail.
     */
    async ingestMqtt(topic: string, payload: Buffer): Promise<void> {
      return ingest.ingest(topic, payload);
    },

    /** When the device was last heard from, the state it last published and its last heartbeat (null: no such device). */
    async lastReport(deviceId: string): Promise<{ lastSeenAt: Date | null; state: DeviceState | null; heartbeat: Heartbeat | null } | null> {
      const d = await repo.findDevice(db, deviceId);
      if (!d) return null;
      const report = (d.lastState ?? {}) as { state?: DeviceState; heartbeat?: Heartbeat };
      return { lastSeenAt: d.lastSeenAt, state: report.state ?? null, heartbeat: report.heartbeat ?? null };
    },

    /** A device's stored play events, oldest first. */
    async logsOf(deviceId: string) {
      return repo.findLogs(db, deviceId);
    },
  };
}
export type DeviceGatewayService = ReturnType<typeof createDeviceGatewayService>;
