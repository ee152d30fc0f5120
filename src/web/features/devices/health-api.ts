// Client of the device health API (GET /api/units/:unitId/devices/health): counts and the offline list. Checked against the contract.
import type { z } from 'zod';
import { requestParsed } from '../../api.ts';
import { DeviceHealthOut } from '../../../shared/contracts/devices.ts';

export type DeviceHealth = z.infer<typeof DeviceHealthOut>;

export function getDeviceHealth(unitId: string, subtree: boolean): Promise<DeviceHealth> {
  return requestParsed(DeviceHealthOut, 'GET', `/api/units/${encodeURIComponent(unitId)}/devices/health?subtree=${subtree ? '1' : '0'}`);
}
