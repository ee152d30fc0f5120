/**
 * Wires the device registry to an MQTT broker: the embedded aedes broker (default) or an external one
 * (MQTT_URL). The broker authenticates devices by token and applies the topic ACLs; Loa subscribes to
 * every device's state and log; a revoked or rotated token ends the device's session (embedded) or
 * rewrites the Mosquitto files (MOSQUITTO_AUTH_DIR, external).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../platform/logger.ts';
import { MqttPortInUseError, startEmbeddedBroker } from '../../providers/mqtt/embedded.ts';
import { connectExternalBroker } from '../../providers/mqtt/external.ts';
import { mosquittoAclFile, mosquittoHash, mosquittoPasswordFile, writeMosquittoAuthFiles } from '../../providers/mqtt/mosquitto-files.ts';
import type { BrokerAuthority, MqttBus } from '../../providers/mqtt/port.ts';
import type { DeviceCredentialsService } from './credentials.service.ts';
import { deviceMayPublish, deviceMaySubscribe } from './device-acl.ts';
import type { DeviceGatewayService } from './gateway.service.ts';

/** The embedded broker's port when MQTT_PORT is unset (1883 is Mosquitto's on most machines). */
export const DEFAULT_MQTT_PORT = 1884;

/** Loa's own MQTT account on either broker. */
export const SERVICE_USERNAME = 'loa';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Who may connect and what each may do: devices by token, Loa's service account by its password. */
export function createBrokerAuthority(credentials: Pick<DeviceCredentialsService, 'authenticate'>, servicePassword: string | null): BrokerAuthority {
  return {
    async authenticate(username, password) {
      if (username === SERVICE_USERNAME) return servicePassword && same(password, servicePassword) ? { kind: 'service' } : null;
      const device = await credentials.authenticate(password, username);
      return device ? { kind: 'device', deviceId: device.deviceId } : null;
    },
    mayPublish: (who, topic) => who.kind === 'service' || deviceMayPublish(who.deviceId, topic),
    maySubscribe: (who, filter) => who.kind === 'service' || deviceMaySubscribe(who.deviceId, filter),
  };
}

export type DeviceCredentialsWithEvents = DeviceCredentialsService & { onChange(listener: (deviceId: string) => void): () => void };

/** Writes the Mosquitto password and ACL files for the live tokens (and the service account). */
export async function writeMosquittoFiles(dir: string, credentials: Pick<DeviceCredentialsService, 'mosquittoPasswords'>, servicePassword: string): Promise<void> {
  const passwd = mosquittoPasswordFile({ username: SERVICE_USERNAME, hash: mosquittoHash(servicePassword) }, await credentials.mosquittoPasswords());
  await writeMosquittoAuthFiles(dir, { passwd, acl: mosquittoAclFile(SERVICE_USERNAME) });
}

export interface DeviceMessagingOptions {
  /** An external broker (mqtt://loa:password@host:port); unset: the embedded one. */
  mqttUrl?: string | undefined;
  host: string;
  port: number;
  /** The port was not chosen (MQTT_PORT unset): when it is taken, use a free one and say which. */
  anyPortIfTaken?: boolean;
  /** The embedded broker's service-account password (unset: Loa's account cannot log in over the network). */
  servicePassword?: string | undefined;
  /** With an external Mosquitto: where Loa writes passwd and acl. */
  mosquittoAuthDir?: string | undefined;
  logger: Logger;
}

/** Starts the broker side of the device protocol; `close()` stops it. */
export async function startDeviceMessaging(o: DeviceMessagingOptions, services: { credentials: DeviceCredentialsWithEvents; gateway: DeviceGatewayService }): Promise<MqttBus> {
  const { logger } = o;
  let bus: MqttBus;
  let onChange: (deviceId: string) => void;
  if (o.mqttUrl) {
    const password = decodeURIComponent(new URL(o.mqttUrl).password);
    const dir = o.mosquittoAuthDir;
    const rewrite = () => (dir ? writeMosquittoFiles(dir, services.credentials, password) : Promise.resolve());
    await rewrite();
    bus = await connectExternalBroker({ url: o.mqttUrl, logger });
    onChange = () => void rewrite().catch((err: unknown) => logger.error({ err }, 'mqtt: writing the Mosquitto files failed'));
  } else {
    const authority = createBrokerAuthority(services.credentials, o.servicePassword ?? null);
    const embedded = await startEmbeddedBroker({ host: o.host, port: o.port, authority, logger }).catch(async (err: unknown) => {
      if (!(err instanceof MqttPortInUseError) || !o.anyPortIfTaken) throw err;
      const broker = await startEmbeddedBroker({ host: o.host, port: 0, authority, logger });
      logger.warn(
        { port: broker.port },
        `Cổng MQTT ${o.port} đang được dùng: broker nhúng chạy ở cổng ${broker.port} (đặt MQTT_PORT để cố định) / port ${o.port} taken, using ${broker.port}`,
      );
      return broker;
    });
    bus = embedded;
    onChange = (deviceId) => embedded.disconnectDevice(deviceId);
  }
  const stopListening = services.credentials.onChange(onChange);
  services.gateway.attachBus(bus);
  const ingest = (topic: string, payload: Buffer) =>
    void services.gateway.ingestMqtt(topic, payload).catch((err: unknown) => logger.error({ err, topic }, 'mqtt: device message not stored'));
  const unsubscribe = [await bus.subscribe('loa/v1/+/state', ingest), await bus.subscribe('loa/v1/+/log', ingest)];
  return {
    ...bus,
    url: bus.url,
    async close() {
      stopListening();
      services.gateway.attachBus(null);
      for (const u of unsubscribe) await u().catch(() => undefined);
      await bus.close();
    },
  };
}
