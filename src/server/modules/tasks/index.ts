// The tasks module's public surface: what imports, the demo and the benchmarks use.
export type { TasksService } from './tasks.service.ts';
export { formFromParsed } from './report-form.ts';
export { dueRuleFromSchedule, localDateKey, localToUtc, periodFor, periodsBetween } from './recurrence.ts';
export type { DueRule } from './recurrence.ts';
export { CreateTaskBody } from './tasks.schemas.ts';

import { defineModule } from '../module.ts';
import { TASKS_ERRORS } from './tasks.errors.ts';
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
  create: ({ db, clock }, { units, groups, channelFigures, deviceFigures }) => ({
    tasks: makeTasks({ db, clock, groups, units: units.lookup, channels: channelFigures, deviceFigures }),
  }),
  routes: async (app, { services }) => {
    taskRoutes(app, services.tasks);
    await reportPageRoutes(app, { tasks: services.tasks, users: services.users });
  },
  jobs: ({ db, mailer, clock, publicUrl, jobs }) => taskJobs({ db, mailer, clock, publicUrl, jobs }).jobs,
  schedules: () => [reportSchedule],
  errors: TASKS_ERRORS,
});
