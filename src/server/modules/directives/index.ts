export { createDirectivesService, presentAttachment, presentPublicDirective, presentSummary, DEFAULT_REMINDERS } from './directives.service.ts';
export type { AttachmentView, AwaitedStep, DirectiveSummary, DirectivesService, PublicDirectiveView, ReceivedDirectiveInput, ReminderPolicy } from './directives.service.ts';
export { createInboxService } from './inbox.service.ts';
export type { InboxService } from './inbox.service.ts';
export { bindDirectiveJobs, notifyRecipientJob, reminderScanJob, REMINDER_SCHEDULE, JOB_ID_PREFIX } from './directives.jobs.ts';
export { toParsedDispatch, formatNumber, fullSymbol } from './dispatch.ts';
export * from './directives.schemas.ts';
export { registerDirectiveRoutes } from './directives.routes.ts';
export { renderDirectiveDocx, renderDirectivePdf, runRenderCommand } from './render/index.ts';
export type { BodyTable, DispatchToRender, RenderOptions } from './render/index.ts';
export { ATTACHMENT_FILE_TYPES, ATTACHMENT_MAX_BYTES, sniffAttachmentType } from './attachments.files.ts';

import { defineModule } from '../module.ts';
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
  jobs: ({ db, mailer, clock, publicUrl }, { directives, units }) => directiveJobs({ db, mailer, clock, publicUrl, units: units.lookup, runReminderScan: () => directives.runReminderScan() }),
  schedules: () => [reminderSchedule],
});
