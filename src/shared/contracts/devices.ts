// Contract of the device registry API (/api/units/:unitId/devices, /api/devices/*), shared by the server
// routes and the admin page "Thiết bị". The device protocol itself (MQTT and HTTP pull) is in
// device-protocol.ts, re-exported here.
import { z } from 'zod';
import { SheetImportReportBase, sheetImportBody } from './sheet-import.ts';
import { labelledText as text } from './text.ts';

export * from './device-protocol.ts';

/** Receivers / loudspeaker clusters (cụm loa) and LED boards (bảng tin điện tử công cộng). */
export const DEVICE_KINDS = ['loudspeaker_cluster', 'led_board'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const DEVICE_KIND_LABELS: Record<DeviceKind, string> = { loudspeaker_cluster: 'Cụm loa', led_board: 'Bảng tin điện tử' };

/** Registry status (not connectivity: online/offline comes from last seen). */
export const DEVICE_STATUSES = ['active', 'maintenance', 'retired'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
export const DEVICE_STATUS_LABELS: Record<DeviceStatus, string> = { active: 'Đang hoạt động', maintenance: 'Đang bảo trì', retired: 'Ngừng sử dụng' };

export const DEVICE_LIMITS = {
  fileBytes: 2 * 1024 * 1024,
  rows: 5000,
  errorsShown: 200,
  offlineShown: 500,
} as const;

const optionalText = (max: number, label: string) => text(max, label).nullable().default(null);

export const UnitIdParams = z.object({ unitId: z.uuid({ error: 'mã đơn vị không hợp lệ' }) });
export const DeviceIdParams = z.object({ deviceId: z.uuid({ error: 'mã thiết bị không hợp lệ' }) });
export const DevicesQuery = z.object({ subtree: z.enum(['0', '1']).default('0') });

const Lat = z.number({ error: 'vĩ độ phải là số' }).min(-90, 'vĩ độ từ -90 đến 90').max(90, 'vĩ độ từ -90 đến 90');
const Lon = z.number({ error: 'kinh độ phải là số' }).min(-180, 'kinh độ từ -180 đến 180').max(180, 'kinh độ từ -180 đến 180');
const Day = z.iso.date({ error: 'ngày lắp đặt phải có dạng YYYY-MM-DD' });
/** Estimated listeners per play (ước số người nghe); null: the 'devices' setting's default. */
const Audience = z
  .number({ error: 'số người nghe phải là số' })
  .int('số người nghe phải là số nguyên')
  .min(0, 'số người nghe không được âm')
  .max(1_000_000, 'số người nghe quá lớn');

export const CreateDeviceBody = z.object({
  kind: z.enum(DEVICE_KINDS, { error: 'loại thiết bị không hợp lệ' }),
  name: text(200, 'tên thiết bị'),
  vendor: optionalText(100, 'hãng'),
  model: optionalText(100, 'model'),
  serial: optionalText(100, 'số sê-ri'),
  /** A Vietnamese mobile number (any spelling; stored 0xxxxxxxxx). */
  simNumber: optionalText(20, 'số SIM'),
  village: optionalText(200, 'thôn'),
  lat: Lat.nullable().default(null),
  lon: Lon.nullable().default(null),
  installedOn: Day.nullable().default(null),
  status: z.enum(DEVICE_STATUSES, { error: 'trạng thái không hợp lệ' }).default('active'),
  /** Absent or null: the 'devices' setting's default. */
  audience: Audience.nullable().optional(),
});
export type CreateDeviceInput = z.infer<typeof CreateDeviceBody>;

export const UpdateDeviceBody = z.object({
  kind: z.enum(DEVICE_KINDS, { error: 'loại thiết bị không hợp lệ' }).optional(),
  name: text(200, 'tên thiết bị').optional(),
  vendor: text(100, 'hãng').nullable().optional(),
  model: text(100, 'model').nullable().optional(),
  serial: text(100, 'số sê-ri').nullable().optional(),
  simNumber: text(20, 'số SIM').nullable().optional(),
  village: text(200, 'thôn').nullable().optional(),
  lat: Lat.nullable().optional(),
  lon: Lon.nullable().optional(),
  installedOn: Day.nullable().optional(),
  status: z.enum(DEVICE_STATUSES, { error: 'trạng thái không hợp lệ' }).optional(),
  audience: Audience.nullable().optional(),
});
export type UpdateDeviceInput = z.infer<typeof UpdateDeviceBody>;

export const DeviceCapabilities = z.object({ write: z.boolean() });

export const DeviceOut = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  kind: z.enum(DEVICE_KINDS),
  name: z.string(),
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  serial: z.string().nullable(),
  simNumber: z.string().nullable(),
  village: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  installedOn: z.string().nullable(),
  status: z.enum(DEVICE_STATUSES),
  lastSeenAt: z.string().nullable(),
  /** Heard from within the 'devices' setting's onlineMinutes (trực tuyến); false: silent since (mất kết nối) or never heard from. */
  online: z.boolean(),
  /** From the last heartbeat: volume 0–100 and signal (dBm), when reported. */
  volume: z.number().nullable(),
  signalDbm: z.number().nullable(),
  /** Estimated listeners per play; null: the default (`audienceDefault` of the list). */
  audience: z.number().int().nullable(),
  /** When the live access token was made; null: none (never made, or revoked). */
  credentialIssuedAt: z.string().nullable(),
  capabilities: DeviceCapabilities,
});
export type DeviceView = z.infer<typeof DeviceOut>;

export const DevicesOut = z.object({
  items: z.array(DeviceOut),
  capabilities: DeviceCapabilities,
  /** The listeners per play of a device without its own estimate (the 'devices' setting). */
  audienceDefault: z.number().int(),
});

/** GET /api/units/:unitId/devices/health: counts and the offline list (mất kết nối) of a commune or subtree. */
export const DeviceHealthOut = z.object({
  counts: z.object({ online: z.number().int(), offline: z.number().int(), neverSeen: z.number().int(), maintenance: z.number().int() }),
  /** Active devices not heard from within onlineMinutes, longest silent first (never heard from last); at most `DEVICE_LIMITS.offlineShown`. */
  offline: z.array(
    z.object({
      id: z.uuid(),
      unitId: z.uuid(),
      unitName: z.string(),
      kind: z.enum(DEVICE_KINDS),
      name: z.string(),
      village: z.string().nullable(),
      lastSeenAt: z.string().nullable(),
      /** The commune was alerted (in-app and e-mail) for this outage. */
      alerted: z.boolean(),
    }),
  ),
  settings: z.object({ onlineMinutes: z.number().int(), offlineAlertMinutes: z.number().int() }),
});
export type DeviceHealthView = z.infer<typeof DeviceHealthOut>;
export const OneDeviceOut = z.object({ device: DeviceOut });

/** Shown once, when made: Loa keeps only hashes. */
export const CredentialOut = z.object({
  deviceId: z.uuid(),
  /** MQTT username (= the device id) and password (= the token); the HTTP API takes `Authorization: Bearer <token>`. */
  username: z.string(),
  token: z.string(),
  issuedAt: z.string(),
  topics: z.object({ cmd: z.string(), state: z.string(), log: z.string() }),
});
export type CredentialView = z.infer<typeof CredentialOut>;

export const DeviceImportBody = sheetImportBody(DEVICE_LIMITS.fileBytes);
export type DeviceImportInput = z.infer<typeof DeviceImportBody>;

export const DeviceImportReportOut = SheetImportReportBase.extend({
  sample: z.array(z.object({ line: z.number().int(), kind: z.enum(DEVICE_KINDS), name: z.string(), serial: z.string().nullable(), village: z.string().nullable() })),
});
export type DeviceImportReport = z.infer<typeof DeviceImportReportOut>;
