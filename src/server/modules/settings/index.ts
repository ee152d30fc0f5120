export { createSettingsService, DEFAULT_PORTAL, PortalSettings } from './settings.service.ts';
export type { SettingsService } from './settings.service.ts';
export { registerSettingsRoutes } from './settings.routes.ts';
