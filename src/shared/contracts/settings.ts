// Contract of the SMS settings (/api/settings/sms), shared by the settings routes, the broadcasts module that reads
// them at approval and the admin UI that edits them: quiet hours, the per-subscriber daily cap of ordinary
// messages and the maximum parts per message.
import { z } from 'zod';

const hour = z.number().int().min(0).max(23);

export const SMS_SETTINGS_LIMITS = { dailyCap: 50, maxParts: 20 } as const;

/**
 * Quiet hours (giờ yên lặng) run from quietStartHour:00 to quietEndHour:00 local time (Asia/Ho_Chi_Minh), across
 * midnight when the start is later than the end; equal hours mean no quiet hours. Emergencies ignore them and the cap.
 */
export const SmsSettingsSchema = z.object({
  quietStartHour: hour,
  quietEndHour: hour,
  /** Ordinary (thường / ưu tiên) messages per phone per local day. */
  dailyCap: z.number().int().min(1).max(SMS_SETTINGS_LIMITS.dailyCap),
  /** Concatenated parts a message may need. */
  maxParts: z.number().int().min(1).max(SMS_SETTINGS_LIMITS.maxParts),
});
export type SmsSettings = z.infer<typeof SmsSettingsSchema>;

export const DEFAULT_SMS_SETTINGS: SmsSettings = { quietStartHour: 22, quietEndHour: 7, dailyCap: 3, maxParts: 10 };

export const SmsSettingsOutSchema = z.object({
  settings: SmsSettingsSchema,
  /** Whether the viewer may change them (settings.write). */
  capabilities: z.object({ write: z.boolean() }),
});
export type SmsSettingsOut = z.infer<typeof SmsSettingsOutSchema>;

// The device settings (/api/settings/devices, key 'devices'): read by the devices module for health, the
// offline alerts and the listeners estimated from play logs.
export const DEVICE_SETTINGS_LIMITS = { minutes: 7 * 24 * 60, audience: 1_000_000 } as const;

export const DeviceSettingsSchema = z.object({
  /** A device heard from (heartbeat, state, log, schedule poll) within this many minutes is online (trực tuyến). */
  onlineMinutes: z.number().int().min(1).max(DEVICE_SETTINGS_LIMITS.minutes),
  /** Silent this long, an active device's commune is alerted (in-app and e-mail), once per outage. */
  offlineAlertMinutes: z.number().int().min(1).max(DEVICE_SETTINGS_LIMITS.minutes),
  /** Estimated listeners per play of a device without its own estimate (ước số người nghe). */
  defaultAudience: z.number().int().min(0).max(DEVICE_SETTINGS_LIMITS.audience),
});
export type DeviceSettings = z.infer<typeof DeviceSettingsSchema>;

export const DEFAULT_DEVICE_SETTINGS: DeviceSettings = { onlineMinutes: 10, offlineAlertMinutes: 30, defaultAudience: 50 };

export const DeviceSettingsOutSchema = z.object({ settings: DeviceSettingsSchema, capabilities: z.object({ write: z.boolean() }) });
export type DeviceSettingsOut = z.infer<typeof DeviceSettingsOutSchema>;
