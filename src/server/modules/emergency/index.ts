// The emergency module's public surface (issue #14.6): one emergency message fanned out to every channel — SMS,
// loudspeakers and LED boards, the portal home's notice, the unit's social pages, the CAP feed (docs/emergency.md).
export type { EmergencyService } from './emergency.service.ts';

import { defineModule } from '../module.ts';
import { EMERGENCY_ERRORS } from './emergency.errors.ts';
import { registerEmergencyRoutes } from './emergency.routes.ts';
import { createEmergencyService } from './emergency.service.ts';
import type { EmergencyService } from './emergency.service.ts';

declare module '../module.ts' {
  interface Services {
    /** Compose once, launch to every channel in one transaction, follow each channel's progress; the portal's notice. */
    emergency: EmergencyService;
  }
}

export const module = defineModule({
  name: 'emergency',
  errors: EMERGENCY_ERRORS,
  create: ({ db, clock, publicUrl }, s) => ({
    emergency: createEmergencyService({
      db,
      clock,
      units: s.units.lookup,
      publicUrl,
      channels: {
        broadcasts: s.broadcasts,
        bulletins: s.bulletins,
        bulletinReads: s.bulletinReads,
        alerts: s.alerts,
        socialAccounts: s.socialAccounts,
        socialPublishing: s.socialPublishing,
        subscribers: s.subscribers,
        devices: s.devices,
      },
    }),
  }),
  routes: (app, { services }) => registerEmergencyRoutes(app, services.emergency),
});
