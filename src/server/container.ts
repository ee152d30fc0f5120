import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from './db/client.ts';
import type { Env } from './env.ts';
import { JobQueue } from './jobs/queue.ts';
import type { Clock } from './platform/clock.ts';
import { createFileStore } from './platform/file-store.ts';
import type { Logger } from './platform/logger.ts';
import type { Mailer } from './platform/mailer.ts';
import { createAuditService } from './modules/audit/index.ts';
import { REMINDER_SCHEDULE, bindDirectiveJobs, createDirectivesService, createInboxService } from './modules/directives/index.ts';
import { SITUATION_REMINDER_SCHEDULE, bindPublishingJobs, createPublishingService } from './modules/publishing/index.ts';
import { createSettingsService } from './modules/settings/index.ts';
import { REPORT_REMINDER_SCHEDULE, bindTaskJobs, createTasksService } from './modules/tasks/index.ts';
import { createImportsService } from './modules/imports/index.ts';
import { createTodoService } from './modules/todo/index.ts';
import { createGroupsService, createUnitsService } from './modules/units/index.ts';
import { bindInvitationJob, createUsersService } from './modules/users/index.ts';

export interface Deps {
  database: Database;
  clock: Clock;
  logger: Logger;
  mailer: Mailer;
  /** DATA_DIR holds uploaded files (DATA_DIR/files); without it (tests, benchmarks) a temporary directory. */
  env: Pick<Env, 'PUBLIC_URL' | 'SESSION_TTL_HOURS'> & Partial<Pick<Env, 'DATA_DIR'>>;
}

/** Wires services and jobs once per process; everything else receives what it needs from here. */
export function createContainer(deps: Deps) {
  const { db } = deps.database;
  const jobs = new JobQueue({ db, clock: deps.clock, logger: deps.logger });
  jobs.register(bindInvitationJob({ db, mailer: deps.mailer, clock: deps.clock, publicUrl: deps.env.PUBLIC_URL }));
  const filesDir = deps.env.DATA_DIR ? path.resolve(deps.env.DATA_DIR, 'files') : path.join(tmpdir(), `loa-files-${randomUUID()}`);
  const files = createFileStore(filesDir);
  const directives = createDirectivesService({ db, clock: deps.clock, files });
  const publishing = createPublishingService({ db, clock: deps.clock, jobs, files, publicUrl: deps.env.PUBLIC_URL });
  const groups = createGroupsService({ db, clock: deps.clock });
  const units = createUnitsService({ db, clock: deps.clock });
  const tasks = createTasksService({ db, clock: deps.clock, groups });
  const inbox = createInboxService({ db, clock: deps.clock, directives });
  const services = {
    audit: createAuditService({ db }),
    units,
    groups,
    users: createUsersService({ db, clock: deps.clock, jobs, sessionTtlHours: deps.env.SESSION_TTL_HOURS }),
    settings: createSettingsService({ db }),
    directives,
    inbox,
    publishing,
    tasks,
    todo: createTodoService({ directives, inbox, tasks, publishing }),
    imports: createImportsService({ db, clock: deps.clock, units, groups, directives, tasks }),
  };
  const directiveJobs = bindDirectiveJobs({ db, mailer: deps.mailer, clock: deps.clock, publicUrl: deps.env.PUBLIC_URL, runReminderScan: () => directives.runReminderScan() });
  jobs.register(...directiveJobs).schedule(REMINDER_SCHEDULE);
  jobs
    .register(...bindPublishingJobs({ mailer: deps.mailer, publishDue: (id) => publishing.publishDue(id), answerMail: (id) => publishing.answerMail(id), situationReminders: () => publishing.situationReminders() }))
    .schedule(SITUATION_REMINDER_SCHEDULE);
  jobs.register(...bindTaskJobs({ db, mailer: deps.mailer, clock: deps.clock, publicUrl: deps.env.PUBLIC_URL, jobs }).jobs).schedule(REPORT_REMINDER_SCHEDULE);
  return { ...deps, jobs, services };
}

export type Container = ReturnType<typeof createContainer>;
