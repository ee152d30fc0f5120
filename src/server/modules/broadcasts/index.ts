import { defineModule } from '../module.ts';
import { BROADCASTS_ERRORS } from './broadcasts.errors.ts';
import { registerBroadcastRoutes } from './broadcasts.routes.ts';
import { createBroadcastsService } from './broadcasts.service.ts';
import type { BroadcastsService } from './broadcasts.service.ts';
import { createChannelFigures } from './channel-figures.service.ts';
import type { ChannelFigures } from './channel-figures.service.ts';
import { createSendingService } from './sending.service.ts';
import type { SendingService } from './sending.service.ts';

// The public surface: what other modules, the demo and main.ts use.
export type { BroadcastsService, ChannelFigures, SendingService };
export type { ChannelFigureRow, ChannelGrouping, ChannelWindow } from './channel-figures.service.ts';
export { NO_ACCOUNT_ERROR } from './sending.service.ts';

declare module '../module.ts' {
  interface Services {
    broadcasts: BroadcastsService;
    /** The SMS sending side: the send job, receipts, MO opt-outs, recovery after a restart (main.ts calls recoverInterrupted and listen). */
    smsSending: SendingService;
    /** What the channels measured per group of units and period (SMS sent, delivered): the report roll-up reads it. */
    channelFigures: ChannelFigures;
  }
}

/** Broadcasts (thông điệp) of every channel, and the SMS channel's sending (issue #12; docs/sms.md). */
export const module = defineModule({
  name: 'broadcasts',
  create: ({ db, clock, jobs, logger, sms }, services) => {
    const { subscribers } = services;
    const smsSending = createSendingService({ db, clock, logger, jobs, sms, subscribers, settings: services.settings });
    const broadcasts = createBroadcastsService({
      db,
      clock,
      jobs,
      units: services.units.lookup,
      subscribers,
      settings: services.settings,
      directives: services.directives,
      smsAccount: sms !== null,
    });
    return { broadcasts, smsSending, channelFigures: createChannelFigures({ db }) };
  },
  routes: (app, { services }) => registerBroadcastRoutes(app, services.broadcasts),
  jobs: (_ctx, services) => [services.smsSending.job],
  errors: BROADCASTS_ERRORS,
});
