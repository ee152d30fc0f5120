// The publishing module's public surface: what the site, other modules and the demo may use.
export type { LinkView, MediaView, PublicPost, PublishingService, QuestionView, SectionView, SituationView } from './publishing.service.ts';
export { sniffMediaType } from './media.storage.ts';
export { MIN_FILL_MS, checkFormTime, signFormTime } from './form-token.ts';
export { DEFAULT_SITUATION_FIELDS, QuestionForm, slugSchema } from './publishing.schemas.ts';

import { defineModule } from '../module.ts';
import { SITUATION_REMINDER_SCHEDULE as situationSchedule, bindPublishingJobs as publishingJobs } from './publishing.jobs.ts';
import { createPublishingService as makePublishing } from './publishing.service.ts';
import type { PublishingService as Publishing } from './publishing.service.ts';
import { registerPublishingRoutes as publishingRoutes } from './publishing.routes.ts';
import { PUBLISHING_ERRORS } from './publishing.errors.ts';

declare module '../module.ts' {
  interface Services {
    publishing: Publishing;
  }
}

/** The portal's content: sections, posts, the daily situation, citizen questions, media. */
export const module = defineModule({
  name: 'publishing',
  errors: PUBLISHING_ERRORS,
  create: ({ db, clock, jobs, files, publicUrl }) => ({ publishing: makePublishing({ db, clock, jobs, files, publicUrl }) }),
  routes: (app, { services }) => publishingRoutes(app, services.publishing),
  jobs: ({ mailer }, { publishing }) =>
    publishingJobs({
      mailer,
      publishDue: (id) => publishing.publishDue(id),
      answerMail: (id) => publishing.answerMail(id),
      situationReminders: () => publishing.situationReminders(),
    }),
  schedules: () => [situationSchedule],
});
