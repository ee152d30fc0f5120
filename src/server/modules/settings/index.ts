// The settings module's public surface (the site reads the portal settings).
export { PortalSettings } from './settings.service.ts';
export type { SettingsService } from './settings.service.ts';

import { defineModule } from '../module.ts';
import { createSettingsService as makeSettings } from './settings.service.ts';
import type { SettingsService as Settings } from './settings.service.ts';
import { registerSettingsRoutes as settingsRoutes } from './settings.routes.ts';

declare module '../module.ts' {
  interface Services {
    settings: Settings;
  }
}

/** Portal settings (authority name, hotline, logo) and the SMS settings (quiet hours, daily cap, maximum parts). */
export const module = defineModule({
  name: 'settings',
  create: ({ db }) => ({ settings: makeSettings({ db }) }),
  routes: (app, { services }) => settingsRoutes(app, services.settings),
});
