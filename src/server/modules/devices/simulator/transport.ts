/**
 * How a virtual device reaches Loa: an MQTT session (username = device id, password = its token; QoS 1,
 * retained state) or the HTTP pull fallback (GET /device/v1/schedule with ETag, POST /device/v1/logs with
 * the bearer token). Both deliver commands as raw JSON to `onCommand` and send state and log batches.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { deviceTopics } from '../../../../shared/contracts/devices.ts';
import type { DeviceLogBatch, DeviceScheduleOut, DeviceState } from '../../../../shared/contracts/devices.ts';

export interface DeviceTransport {
  /** Opens the session; commands arrive on `onCommand` from then on. Rejects when Loa refuses the device. */
  open(onCommand: (json: unknown) => void): Promise<void>;
  sendState(state: DeviceState): Promise<void>;
  sendLogs(batch: DeviceLogBatch): Promise<void>;
  close(): Promise<void>;
}

export function mqttTransport(url: string, deviceId: string, token: string): DeviceTransport {
  const topics = deviceTopics(deviceId);
  let client: MqttClient | null = null;
  const connected = () => {
    if (!client?.connected) throw new Error('offline');
    return client;
  };
  return {
    async open(onCommand) {
      // MQTT 3.1.1 like a cheap 4G board. A connection the network drops is opened again by the client (and its
      // subscription renewed); the simulator's own drop-offs (offline-rate) end the client and make a new one.
      // The error listener goes on before the first CONNECT: a socket reset while 10,000 devices connect must
      // not be an unhandled 'error' (connectAsync listens only until its promise settles).
      const c = mqtt.connect(url, {
        username: deviceId,
        password: token,
        protocolVersion: 4,
        clientId: `loa-sim-${deviceId}`,
        reconnectPeriod: 5000,
        connectTimeout: 30_000,
      });
      client = c;
      await new Promise<void>((resolve, reject) => {
        const refused = (err: Error & { code?: unknown }) => {
          // CONNACK 4/5 (bad credentials, not authorised): Loa refuses the device; anything else is the network.
          if (err.code !== 4 && err.code !== 5) return;
          c.off('connect', ok);
          void c.endAsync(true).finally(() => reject(err));
        };
        const ok = () => {
          c.off('error', refused);
          resolve();
        };
        c.on('error', () => undefined); // a reset connection: the client reconnects
        c.on('error', refused);
        c.once('connect', ok);
      });
      c.on('message', (_topic, payload) => {
        try {
          onCommand(JSON.parse(payload.toString('utf8')));
        } catch {
          // Not JSON: a device ignores it.
        }
      });
      await c.subscribeAsync(topics.cmd, { qos: 1 });
    },
    async sendState(state) {
      await connected().publishAsync(topics.state, JSON.stringify(state), { qos: 1, retain: true });
    },
    async sendLogs(batch) {
      await connected().publishAsync(topics.log, JSON.stringify(batch), { qos: 1 });
    },
    async close() {
      const c = client;
      client = null;
      await c?.endAsync(true);
    },
  };
}

/**
 * The HTTP pull fallback: polls the schedule every `pollMs` (304 when unchanged) and hands each command to
 * the device (which skips those it has already followed). State is not sent over HTTP (protocol v1 has no
 * state route): heartbeats in the log batches carry volume and signal.
 */
export function httpTransport(baseUrl: string, token: string, pollMs: number): DeviceTransport {
  const headers = { authorization: `Bearer ${token}` };
  let etag: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let open = false;

  async function poll(onCommand: (json: unknown) => void): Promise<void> {
    const res = await fetch(new URL('/device/v1/schedule', baseUrl), { headers: { ...headers, ...(etag ? { 'if-none-match': etag } : {}) } });
    if (res.status === 304) return;
    if (res.status === 401) throw new Error('Loa từ chối mã truy cập của thiết bị / the device token was refused');
    if (!res.ok) throw new Error(`GET /device/v1/schedule: HTTP ${res.status}`);
    etag = res.headers.get('etag');
    const body = (await res.json()) as DeviceScheduleOut;
    for (const command of body.commands) onCommand(command);
  }

  return {
    async open(onCommand) {
      await poll(onCommand);
      open = true;
      const next = () => {
        timer = setTimeout(() => {
          // A failed poll (Loa restarting, network) is tried again at the next tick.
          poll(onCommand)
            .catch(() => undefined)
            .finally(() => open && next());
        }, pollMs);
        timer.unref();
      };
      next();
    },
    async sendState() {},
    async sendLogs(batch) {
      const res = await fetch(new URL('/device/v1/logs', baseUrl), { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(batch) });
      if (!res.ok) throw new Error(`POST /device/v1/logs: HTTP ${res.status}`);
    },
    async close() {
      open = false;
      if (timer) clearTimeout(timer);
      etag = null;
    },
  };
}
