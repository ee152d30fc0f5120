/**
 * The MQTT broker port. Loa talks to devices through an `MqttBus` — the embedded aedes broker
 * (embedded.ts, the default) or an external broker such as Mosquitto or EMQX (external.ts, MQTT_URL).
 * A broker asks a `BrokerAuthority` (built from the device registry by main.ts) who may connect and
 * which topics each client may use.
 */

/** Who a connected client proved to be. */
export type MqttIdentity = { kind: 'service' } | { kind: 'device'; deviceId: string };

export interface BrokerAuthority {
  /** username = device id, password = its token; or the service account. null: refused. */
  authenticate(username: string, password: string): Promise<MqttIdentity | null>;
  mayPublish(who: MqttIdentity, topic: string): boolean;
  maySubscribe(who: MqttIdentity, topicFilter: string): boolean;
}

export interface PublishOptions {
  qos?: 0 | 1;
  retain?: boolean;
}

/** Loa's own side of the broker: it may publish and subscribe anywhere. */
export interface MqttBus {
  /** Where devices connect (mqtt://host:port). */
  readonly url: string;
  publish(topic: string, payload: string | Buffer, opts?: PublishOptions): Promise<void>;
  /** Calls `handler` for every message matching the filter (wildcards + and #); returns the unsubscribe. */
  subscribe(topicFilter: string, handler: (topic: string, payload: Buffer) => void): Promise<() => Promise<void>>;
  /** Ends the sessions of a device whose token was revoked or rotated (the external broker does it on reload). */
  disconnectDevice(deviceId: string): void;
  close(): Promise<void>;
}

/** MQTT topic filter matching (+ one level, # the rest). */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return i < t.length || i === t.length;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}
