/**
 * An external MQTT broker (MQTT_URL: Mosquitto, EMQX) for scale — the provincial deployment path. Loa
 * connects as its service account (the URL's user and password) and the broker enforces the devices'
 * authentication and ACLs (for Mosquitto: the files of mosquitto-files.ts).
 */
import mqtt from 'mqtt';
import type { Logger } from '../../platform/logger.ts';
import { topicMatches, type MqttBus, type PublishOptions } from './port.ts';

export async function connectExternalBroker(opts: { url: string; logger: Logger; clientId?: string }): Promise<MqttBus> {
  const u = new URL(opts.url);
  const client = await mqtt.connectAsync(opts.url, {
    clientId: opts.clientId ?? `loa-${process.pid}-${Math.random().toString(16).slice(2, 8)}`,
    username: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    protocolVersion: 5,
    reconnectPeriod: 2000,
    connectTimeout: 10_000,
  });
  const handlers = new Set<{ filter: string; handler: (topic: string, payload: Buffer) => void }>();
  client.on('message', (topic, payload) => {
    for (const h of handlers) if (topicMatches(h.filter, topic)) h.handler(topic, payload);
  });
  client.on('error', (err) => opts.logger.warn({ err }, 'mqtt: external broker error'));
  u.password = '';
  return {
    url: u.toString(),
    async publish(topic: string, payload: string | Buffer, o: PublishOptions = {}) {
      await client.publishAsync(topic, payload, { qos: o.qos ?? 1, retain: o.retain ?? false });
    },
    async subscribe(filter, handler) {
      const entry = { filter, handler };
      handlers.add(entry);
      await client.subscribeAsync(filter, { qos: 1 });
      return async () => {
        handlers.delete(entry);
        if (![...handlers].some((h) => h.filter === filter)) await client.unsubscribeAsync(filter);
      };
    },
    disconnectDevice() {
      // The broker ends the session itself when it reloads the regenerated password file.
    },
    async close() {
      await client.endAsync();
    },
  };
}
