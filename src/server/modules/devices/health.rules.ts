/** Device health, pure: online when heard from within the setting's minutes; volume and signal from the last heartbeat. */
import type { Heartbeat } from '../../../shared/contracts/devices.ts';
import type { DeviceSettings } from '../../../shared/contracts/settings.ts';

/** Heard from at or after this instant is online. */
export function onlineSinceAt(now: Date, settings: Pick<DeviceSettings, 'onlineMinutes'>): Date {
  return new Date(now.getTime() - settings.onlineMinutes * 60_000);
}

/** Online, volume and signal of a device from its last report (devices.last_state: `{ state, heartbeat }`). */
export function healthOf(d: { lastSeenAt: Date | string | null; lastState: unknown }, onlineSince: Date): { online: boolean; volume: number | null; signalDbm: number | null } {
  const heartbeat = (d.lastState as { heartbeat?: Partial<Heartbeat> } | null)?.heartbeat;
  return {
    online: d.lastSeenAt !== null && new Date(d.lastSeenAt).getTime() >= onlineSince.getTime(),
    volume: typeof heartbeat?.volume === 'number' ? heartbeat.volume : null,
    signalDbm: typeof heartbeat?.signalDbm === 'number' ? heartbeat.signalDbm : null,
  };
}
