// The subscribers module's public surface: the service type and what the SMS channel uses.
export type { Priority, Recipient, SubscribersService } from './subscribers.service.ts';

import { defineModule } from '../module.ts';
import { SUBSCRIBERS_ERRORS } from './subscribers.errors.ts';
import { createSubscribersService as makeSubscribers } from './subscribers.service.ts';
import type { SubscribersService as Subscribers } from './subscribers.service.ts';
import { registerSubscriberRoutes as subscriberRoutes } from './subscribers.routes.ts';

declare module '../module.ts' {
  interface Services {
    /**
     * Subscriber lists per unit. For broadcasts: `recipientsFor(audience, { priority }, { tx })` (one row
     * per distinct phone, opted-out left out except khẩn cấp; no access check) and
     * `optOut(phone, 'sms_keyword' | 'staff', { tx })`.
     */
    subscribers: Subscribers;
  }
}

/** SMS subscriber lists of units: import from CSV/XLSX, telco guess, opt-out, broadcast recipients. */
export const module = defineModule({
  name: 'subscribers',
  errors: SUBSCRIBERS_ERRORS,
  create: ({ db, clock }, { units }) => ({ subscribers: makeSubscribers({ db, clock, units: units.lookup }) }),
  routes: (app, { services }) => subscriberRoutes(app, services.subscribers),
});
