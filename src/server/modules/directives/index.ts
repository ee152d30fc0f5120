export { createDirectivesService, presentSummary, DEFAULT_REMINDERS } from './directives.service.ts';
export type { DirectivesService, ReceivedDirectiveInput, ReminderPolicy } from './directives.service.ts';
export { createInboxService } from './inbox.service.ts';
export type { InboxService } from './inbox.service.ts';
export { bindDirectiveJobs, notifyRecipientJob, reminderScanJob, REMINDER_SCHEDULE, JOB_ID_PREFIX } from './directives.jobs.ts';
export { toParsedDispatch, formatNumber, fullSymbol } from './dispatch.ts';
export * from './directives.schemas.ts';
export { registerDirectiveRoutes } from './directives.routes.ts';
export { renderDirectiveDocx, renderDirectivePdf, runRenderCommand } from './render/index.ts';
