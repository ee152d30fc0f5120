/**
 * The embedded MQTT broker (aedes) Loa starts when MQTT_URL is not set, so `npm start` needs nothing else.
 * Every client authenticates (username = device id, password = its token; or the service account), and
 * every publish and subscribe is checked against the `BrokerAuthority`. A refused subscription gets the
 * failure return code (0x80) and the session stays; a refused publish is dropped.
 */
import { createServer, type Server } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { Logger } from '../../platform/logger.ts';
import { topicMatches, type BrokerAuthority, type MqttBus, type MqttIdentity, type PublishOptions } from './port.ts';

export class MqttPortInUseError extends Error {
  constructor(
    public readonly port: number,
    host: string,
  ) {
    super(
      `Cổng MQTT ${host}:${port} đang được dùng (có thể là Mosquitto): đặt MQTT_PORT khác (0 = cổng trống bất kỳ), hoặc MQTT_URL để Loa dùng broker đó. ` +
        `/ MQTT port ${host}:${port} is in use (Mosquitto?): set another MQTT_PORT (0 = any free port), or MQTT_URL to use that broker.`,
    );
  }
}

export interface EmbeddedBroker extends MqttBus {
  readonly port: number;
}

const BAD_LOGIN = 4; // CONNACK "bad user name or password" (MQTT 5: 0x86)

export async function startEmbeddedBroker(opts: { host: string; port: number; authority: BrokerAuthority; logger: Logger }): Promise<EmbeddedBroker> {
  const { authority, logger } = opts;
  const who = new WeakMap<Client, MqttIdentity>();
  const byDevice = new Map<string, Set<Client>>();
  const aedes = await Aedes.createBroker({
    authenticate(client, username, password, done) {
      authority.authenticate(username ?? '', password ? password.toString('utf8') : '').then(
        (identity) => {
          if (!identity) {
            const err = new Error('bad username or password') as AuthenticateError;
            err.returnCode = BAD_LOGIN;
            return done(err, false);
          }
          who.set(client, identity);
          if (identity.kind === 'device') {
            let set = byDevice.get(identity.deviceId);
            if (!set) byDevice.set(identity.deviceId, (set = new Set()));
            set.add(client);
            // Also when the connection ends before the client is registered (no clientDisconnect then).
            client.conn.once('close', () => byDevice.get(identity.deviceId)?.delete(client));
          }
          done(null, true);
        },
        (err: unknown) => {
          logger.error({ err }, 'mqtt: authentication failed');
          const e = new Error('server unavailable') as AuthenticateError;
          e.returnCode = 3;
          done(e, false);
        },
      );
    },
    authorizePublish(client, packet, done) {
      if (!client) return done(null); // Loa's own publish
      const identity = who.get(client);
      if (identity && authority.mayPublish(identity, packet.topic)) return done(null);
      logger.warn({ clientId: client.id, topic: packet.topic }, 'mqtt: publish refused');
      done(new Error('not authorised'));
    },
    authorizeSubscribe(client, sub, done) {
      const identity = who.get(client);
      if (identity && authority.maySubscribe(identity, sub.topic)) return done(null, sub);
      logger.warn({ clientId: client.id, topic: sub.topic }, 'mqtt: subscribe refused');
      done(null, null);
    },
  });
  aedes.on('clientDisconnect', (client) => {
    const identity = who.get(client);
    if (identity?.kind === 'device') byDevice.get(identity.deviceId)?.delete(client);
  });

  const server: Server = createServer(aedes.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      aedes.close();
      reject(err.code === 'EADDRINUSE' ? new MqttPortInUseError(opts.port, opts.host) : err);
    });
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;

  return {
    port,
    url: `mqtt://${host.includes(':') ? `[${host}]` : host}:${port}`,
    publish(topic: string, payload: string | Buffer, o: PublishOptions = {}) {
      return new Promise((resolve, reject) =>
        aedes.publish(
          { cmd: 'publish', topic, payload: typeof payload === 'string' ? Buffer.from(payload) : payload, qos: o.qos ?? 1, retain: o.retain ?? false, dup: false },
          (err) => (err ? reject(err) : resolve()),
        ),
      );
    },
    async subscribe(topicFilter, handler) {
      const deliver = (packet: { topic: string; payload: string | Buffer }, cb: () => void) => {
        if (topicMatches(topicFilter, packet.topic)) handler(packet.topic, Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload));
        // Released after this stack unwinds: a synchronous release makes the emitter deliver the next queued message
        // inside this call, so 10,000 devices' retained states arriving at once overflowed the stack.
        queueMicrotask(cb);
      };
      await new Promise<void>((resolve) => aedes.subscribe(topicFilter, deliver, resolve));
      return () => new Promise<void>((resolve) => aedes.unsubscribe(topicFilter, deliver, resolve));
    },
    disconnectDevice(deviceId) {
      for (const client of byDevice.get(deviceId) ?? []) client.close();
      byDevice.delete(deviceId);
    },
    async close() {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
