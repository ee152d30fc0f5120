// The alerts module's public surface (issue #14.5): CAP 1.2 alerts — compose, approve and publish (sign), Update and
// Cancel chains, the public documents at /cap/<identifier>.xml and the Atom index /cap/atom.xml (docs/cap.md).
export type { AlertsService } from './alerts.service.ts';
export type { CapFeed } from './alerts.public.ts';

import { defineModule } from '../module.ts';
import { ALERTS_ERRORS } from './alerts.errors.ts';
import { createCapFeed } from './alerts.public.ts';
import type { CapFeed } from './alerts.public.ts';
import { registerAlertRoutes, registerCapRoutes } from './alerts.routes.ts';
import { createAlertsService } from './alerts.service.ts';
import type { AlertsService } from './alerts.service.ts';

declare module '../module.ts' {
  interface Services {
    /** CAP alerts for staff: composing, the workflow by role, publication after XSD and rule checks, Update/Cancel. */
    alerts: AlertsService;
    /** The public CAP documents and the Atom feed of the active alerts. */
    capFeed: CapFeed;
  }
}

export const module = defineModule({
  name: 'alerts',
  errors: ALERTS_ERRORS,
  create: ({ db, clock, publicUrl }, services) => ({
    alerts: createAlertsService({ db, clock, units: services.units.lookup, publicUrl }),
    capFeed: createCapFeed({ db, clock, units: services.units.lookup }),
  }),
  routes: (app, { services, publicUrl }) => {
    registerAlertRoutes(app, services.alerts);
    registerCapRoutes(app, services.capFeed, publicUrl);
  },
});
