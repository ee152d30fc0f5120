export { createPublishingService, presentPost, presentSection, searchWords, slugify, mediaUrl } from './publishing.service.ts';
export type { LinkView, MediaView, PortalChange, PostView, PublicPost, PublishingService, QuestionView, SectionView, SituationView } from './publishing.service.ts';
export { bindPublishingJobs, notifyAskerJob, publishScheduledJob, situationReminderJob, SITUATION_REMINDER_SCHEDULE } from './publishing.jobs.ts';
export { sniffMediaType } from './media.storage.ts';
export { MIN_FILL_MS } from './form-token.ts';
export * from './publishing.schemas.ts';
export { registerPublishingRoutes } from './publishing.routes.ts';
