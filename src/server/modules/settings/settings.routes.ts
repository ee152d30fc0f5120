import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import { PortalSettings } from './settings.service.ts';
import type { SettingsService } from './settings.service.ts';
import { DeviceSettingsOutSchema, DeviceSettingsSchema, SmsSettingsOutSchema, SmsSettingsSchema } from '../../../shared/contracts/settings.ts';

/**
 * Response shape with plain types: responses are encoded by zod, and the trimming/NFC transforms of
 * the input schema cannot run backwards (they made every settings response a 500).
 */
const PortalSettingsOut = z.object({
  authorityName: z.string(),
  parentName: z.string().nullable(),
  hotline: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  logoUrl: z.string().nullable(),
});

export function registerSettingsRoutes(app: Api, svc: SettingsService): void {
  app.get('/api/settings/portal', { config: { public: true }, schema: { tags: ['settings'], response: { 200: z.object({ settings: PortalSettingsOut }) } } }, async () => ({
    settings: await svc.getPortalSettings(),
  }));
  app.put('/api/settings/portal', { schema: { tags: ['settings'], body: PortalSettings, response: { 200: z.object({ settings: PortalSettingsOut }) } } }, async (req) => ({
    settings: await svc.updatePortalSettings(req.actor, req.body),
  }));
  // SMS: quiet hours, the daily cap of ordinary messages, the maximum parts (read by broadcasts at approval).
  app.get('/api/settings/sms', { schema: { tags: ['settings'], response: { 200: SmsSettingsOutSchema } } }, async (req) => svc.readSmsSettings(req.actor));
  app.put('/api/settings/sms', { schema: { tags: ['settings'], body: SmsSettingsSchema, response: { 200: SmsSettingsOutSchema } } }, async (req) =>
    svc.updateSmsSettings(req.actor, req.body),
  );
  // Devices: when a device counts as online, when its commune is alerted, the default listeners per play.
  app.get('/api/settings/devices', { schema: { tags: ['settings'], response: { 200: DeviceSettingsOutSchema } } }, async (req) => svc.readDeviceSettings(req.actor));
  app.put('/api/settings/devices', { schema: { tags: ['settings'], body: DeviceSettingsSchema, response: { 200: DeviceSettingsOutSchema } } }, async (req) =>
    svc.updateDeviceSettings(req.actor, req.body),
  );
}
