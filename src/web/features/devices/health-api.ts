// Client of the device health API (GET /api/units/:unitId/devices/health: counts and the offline list) and of the
// device settings (/api/settings/devices). Checked against the contracts.
import type { z } from 'zod';
import { requestParsed } from '../../api.ts';
import { DeviceHealthOut } from '../../../shared/contracts/devices.ts';
import { DeviceSettingsOutSchema } from '../../../shared/contracts/settings.ts';
import type { DeviceSettings, DeviceSettingsOut } from '../../../shared/contracts/settings.ts';

export type DeviceHealth = z.infer<typeof DeviceHealthOut>;

export function getDeviceHealth(unitId: string, subtree: boolean): Promise<DeviceHealth> {
  return requestParsed(DeviceHealthOut, 'GET', `/api/units/${encodeURIComponent(unitId)}/devices/health?subtree=${subtree ? '1' : '0'}`);
}

export { DEVICE_SETTINGS_LIMITS } from '../../../shared/contracts/settings.ts';
export type { DeviceSettings } from '../../../shared/contracts/settings.ts';

export function getDeviceSettings(): Promise<DeviceSettingsOut> {
  return requestParsed(DeviceSettingsOutSchema, 'GET', '/api/settings/devices');
}

export function saveDeviceSettings(s: DeviceSettings): Promise<DeviceSettingsOut> {
  return requestParsed(DeviceSettingsOutSchema, 'PUT', '/api/settings/devices', s);
}
