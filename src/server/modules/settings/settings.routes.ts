import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import { PortalSettings } from './settings.service.ts';
import type { SettingsService } from './settings.service.ts';

export function registerSettingsRoutes(app: Api, svc: SettingsService): void {
  app.get('/api/settings/portal', { schema: { tags: ['settings'], response: { 200: z.object({ settings: PortalSettings }) } } }, async () => ({
    settings: await svc.getPortalSettings(),
  }));
  app.put('/api/settings/portal', { schema: { tags: ['settings'], body: PortalSettings, response: { 200: z.object({ settings: PortalSettings }) } } }, async (req) => ({
    settings: await svc.updatePortalSettings(req.actor, req.body),
  }));
}
