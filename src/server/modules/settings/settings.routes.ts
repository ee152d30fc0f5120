import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import { PortalSettings } from './settings.service.ts';
import type { SettingsService } from './settings.service.ts';

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
}
