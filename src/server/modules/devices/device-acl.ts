/**
 * Which topics a device may use (protocol v1): publish only loa/v1/<its id>/state and /log, subscribe
 * only loa/v1/<its id>/cmd — no wildcards, nothing of another device. Loa's own service client is not
 * checked here (the broker lets it do everything). The same rules are written as Mosquitto `pattern`
 * lines in providers/mqtt/mosquitto-files.ts.
 */
import { deviceTopics } from '../../../shared/contracts/devices.ts';

export function deviceMayPublish(deviceId: string, topic: string): boolean {
  const t = deviceTopics(deviceId);
  return topic === t.state || topic === t.log;
}

export function deviceMaySubscribe(deviceId: string, topicFilter: string): boolean {
  return topicFilter === deviceTopics(deviceId).cmd;
}
