// The directives module's public surface: what other modules, the site, the CLI and the demo may use.
export type { AwaitedStep, DirectiveSummary, DirectivesService, PublicDirectiveView } from './directives.service.ts';
export type { InboxService } from './inbox.service.ts';
export { fullSymbol } from './dispatch.ts';
export { AREA_KINDS, issuerName, issuerSymbol, placeName } from './letterhead-names.ts';
export type { LetterheadUnit } from './letterhead-names.ts';
export { CreateDirectiveBody, URGENCY_LABELS } from './directives.schemas.ts';
export type { Block, Body, Run } from './directives.schemas.ts';
export { renderDirectiveDocx, renderDirectivePdf, runRenderCommand } from './render/index.ts';
export type { BodyTable, DispatchToRender } from './render/index.ts';

import { defineModule } from '../module.ts';
import { DIRECTIVES_ERRORS } from './directives.errors.ts';
import { REMINDER_SCHEDULE as reminderSchedule, bindDirectiveJobs as directiveJobs } from './directives.jobs.ts';
import { createDirectivesService as makeDirectives } from './directives.service.ts';
import type { DirectivesService as Directives } from './directives.service.ts';
import { createInboxService as makeInbox } from './inbox.service.ts';
import type { InboxService as Inbox } from './inbox.service.ts';
import { registerDirectiveRoutes as directiveRoutes } from './directives.routes.ts';

declare module '../module.ts' {
  interface Services {
    directives: Directives;
    inbox: Inbox;
  }
}

/** Outgoing directives (văn bản đi) with the Decree 30 register and fan-out; the inbox (văn bản đến). */
export const module = defineModule({
  name: 'directives',
  create: ({ db, clock, files }, { units }) => {
    const directives = makeDirectives({ db, clock, files, units: units.lookup });
    return { directives, inbox: makeInbox({ db, clock, directives, units: units.lookup }) };
  },
  routes: (app, { services }) => directiveRoutes(app, services),
  jobs: ({ db, mailer, clock, publicUrl }, { directives, units }) =>
    directiveJobs({ db, mailer, clock, publicUrl, units: units.lookup, runReminderScan: () => directives.runReminderScan() }),
  schedules: () => [reminderSchedule],
  errors: DIRECTIVES_ERRORS,
});
