// Client of the device registry API (the devices module): devices of a commune (or of every commune under a
// unit), add, import (dry-run preview, then the real one), access tokens. Every response is checked against the contract.
import type { z } from 'zod';
import { request, requestParsed } from '../../api.ts';
import { CredentialOut, DeviceImportReportOut, DevicesOut, OneDeviceOut } from '../../../shared/contracts/devices.ts';
import type { CreateDeviceBody, UpdateDeviceBody } from '../../../shared/contracts/devices.ts';
import { fileToBase64 } from '../imports/imports-api.ts';

export type DevicesPageData = z.infer<typeof DevicesOut>;
export type Device = DevicesPageData['items'][number];
export type DeviceImportReport = z.infer<typeof DeviceImportReportOut>;
export type Credential = z.infer<typeof CredentialOut>;

const enc = encodeURIComponent;

export function listDevices(unitId: string, subtree: boolean): Promise<DevicesPageData> {
  return requestParsed(DevicesOut, 'GET', `/api/units/${enc(unitId)}/devices?subtree=${subtree ? '1' : '0'}`);
}

export async function createDevice(unitId: string, body: z.input<typeof CreateDeviceBody>): Promise<Device> {
  return (await requestParsed(OneDeviceOut, 'POST', `/api/units/${enc(unitId)}/devices`, body)).device;
}

export async function updateDevice(deviceId: string, body: z.input<typeof UpdateDeviceBody>): Promise<Device> {
  return (await requestParsed(OneDeviceOut, 'PATCH', `/api/devices/${enc(deviceId)}`, body)).device;
}

/** dryRun: the preview (nothing written); otherwise all rows or none (a bad row is a 422). */
export async function importDevices(unitId: string, file: File, dryRun: boolean): Promise<DeviceImportReport> {
  return requestParsed(DeviceImportReportOut, 'POST', `/api/units/${enc(unitId)}/devices/import`, { fileName: file.name, contentBase64: await fileToBase64(file), dryRun });
}

/** Makes (or rotates) the device's token: the answer is the only time it is shown. */
export function issueCredential(deviceId: string): Promise<Credential> {
  return requestParsed(CredentialOut, 'POST', `/api/devices/${enc(deviceId)}/credential`);
}

export async function revokeCredential(deviceId: string): Promise<void> {
  await request<unknown>('DELETE', `/api/devices/${enc(deviceId)}/credential`);
}
