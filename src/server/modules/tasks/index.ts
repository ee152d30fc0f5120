export { createTasksService, presentSubmission, presentTask } from './tasks.service.ts';
export type { RollupView, SubmissionView, TasksService } from './tasks.service.ts';
export { REPORT_REMINDER_SCHEDULE, bindTaskJobs, reminderJobId, reportReminderJob, reportReminderScanJob } from './tasks.jobs.ts';
export { TEMPLATES, formFromParsed, validateValues } from './report-form.ts';
export type { ReportFormSpec, StoredValue, TemplateId } from './report-form.ts';
export { dueRuleFromSchedule, isLate, localDateKey, localToUtc, occurrences, periodByKey, periodFor, periodsBetween } from './recurrence.ts';
export type { DueRule, Period } from './recurrence.ts';
export { toCsv, toDocx, toXlsx } from './rollup-export.ts';
export * from './tasks.schemas.ts';
export { registerTaskRoutes } from './tasks.routes.ts';
export { registerReportPageRoutes } from './report-page.routes.ts';

import { defineModule } from '../module.ts';
import { REPORT_REMINDER_SCHEDULE as reportSchedule, bindTaskJobs as taskJobs } from './tasks.jobs.ts';
import { createTasksService as makeTasks } from './tasks.service.ts';
import type { TasksService as Tasks } from './tasks.service.ts';
import { registerReportPageRoutes as reportPageRoutes } from './report-page.routes.ts';
import { registerTaskRoutes as taskRoutes } from './tasks.routes.ts';

declare module '../module.ts' {
  interface Services {
    tasks: Tasks;
  }
}

/** Tasks from directive sections, report forms and periods, submissions, roll-ups, the commune report page. */
export const module = defineModule({
  name: 'tasks',
  create: ({ db, clock }, { units, groups }) => ({ tasks: makeTasks({ db, clock, groups, units: units.lookup }) }),
  routes: async (app, { services }) => {
    taskRoutes(app, services.tasks);
    await reportPageRoutes(app, { tasks: services.tasks, users: services.users });
  },
  jobs: ({ db, mailer, clock, publicUrl, jobs }) => taskJobs({ db, mailer, clock, publicUrl, jobs }).jobs,
  schedules: () => [reportSchedule],
});
