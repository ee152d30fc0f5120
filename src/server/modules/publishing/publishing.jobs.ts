import { z } from 'zod';
import { defineJob, exponentialBackoff } from '../../jobs/queue.ts';
import type { Schedule } from '../../jobs/queue.ts';
import type { Mailer } from '../../providers/mailer/port.ts';

/** Publishes a scheduled post at its time (id `post-publish:<postId>:<publishAt>`). */
export const publishScheduledJob = defineJob({
  name: 'publishing.publish-scheduled',
  payload: z.object({ postId: z.uuid() }),
  maxAttempts: 5,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('publishing.publish-scheduled: handler not bound')),
});

/** Tells a citizen their question was answered (id `question-answer:<questionId>`: once). */
export const notifyAskerJob = defineJob({
  name: 'publishing.notify-asker',
  payload: z.object({ questionId: z.uuid() }),
  maxAttempts: 5,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('publishing.notify-asker: handler not bound')),
});

/** At 15:00 (seed 004: the health department posts its figures at 15:00 daily), reminds a late health unit. */
export const situationReminderJob = defineJob({
  name: 'publishing.situation-reminder',
  payload: z.object({}),
  maxAttempts: 3,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('publishing.situation-reminder: handler not bound')),
});

/** Daily at 15:00 Viet Nam time; the slot id makes each day's check run once across instances. */
export const SITUATION_REMINDER_SCHEDULE: Schedule = { key: 'situation-reminder', cron: '0 15 * * *', job: situationReminderJob.name, payload: {} };

export interface MailOut {
  to: string;
  subject: string;
  text: string;
}

/** Handlers bound at boot: the service supplies the work, the mailer sends what it returns. */
export function bindPublishingJobs(deps: {
  mailer: Mailer;
  publishDue: (postId: string) => Promise<unknown>;
  answerMail: (questionId: string) => Promise<MailOut | null>;
  situationReminders: () => Promise<MailOut[]>;
}) {
  return [
    defineJob({ ...publishScheduledJob, handle: async ({ postId }) => void (await deps.publishDue(postId)) }),
    defineJob({
      ...notifyAskerJob,
      async handle({ questionId }) {
        const mail = await deps.answerMail(questionId);
        if (mail) await deps.mailer.send(mail);
      },
    }),
    defineJob({
      ...situationReminderJob,
      async handle() {
        for (const mail of await deps.situationReminders()) await deps.mailer.send(mail);
      },
    }),
  ];
}
