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
import { createPublicUrl } from './platform/public-url.ts';
import { createAuditService } from './modules/audit/index.ts';
import { backupSchedule, bindBackupJob, createBackupService } from './modules/backup/index.ts';
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
  env: Pick<Env, 'PUBLIC_URL' | 'SESSION_TTL_HOURS'> & Partial<Pick<Env, 'DATA_DIR' | 'BACKUP_SCHEDULE' | 'BACKUP_DIR' | 'BACKUP_KEEP'>>;
}

/** Wires services and jobs once per process; everything else receives what it needs from here. */
export function createContainer(deps: Deps) {
  const { db } = deps.database;
  const jobs = new JobQueue({ db, clock: deps.clock, logger: deps.logger });
  const publicUrl = createPublicUrl(deps.env.PUBLIC_URL);
  jobs.register(bindInvitationJob({ db, mailer: deps.mailer, clock: deps.clock, publicUrl }));
  const filesDir = deps.env.DATA_DIR ? path.resolve(deps.env.DATA_DIR, 'files') : path.join(tmpdir(), `loa-files-${randomUUID()}`);
  const files = createFileStore(filesDir);
  const directives = createDirectivesService({ db, clock: deps.clock, files });
  const publishing = createPublishingService({ db, clock: deps.clock, jobs, files, publicUrl });
  const groups = createGroupsService({ db, clock: deps.clock });
  const backupDir = path.resolve(deps.env.BACKUP_DIR ?? path.join(deps.env.DATA_DIR ?? path.dirname(filesDir), 'backups'));
  const backup = createBackupService({ database: deps.database, files, clock: deps.clock, backupDir, keep: deps.env.BACKUP_KEEP ?? 7 });
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
    backup,
    imports: createImportsService({ db, clock: deps.clock, units, groups, directives, tasks }),
  };
  const directiveJobs = bindDirectiveJobs({ db, mailer: deps.mailer, clock: deps.clock, publicUrl, runReminderScan: () => directives.runReminderScan() });
  jobs.register(...directiveJobs).schedule(REMINDER_SCHEDULE);
  jobs
    .register(...bindPublishingJobs({ mailer: deps.mailer, publishDue: (id) => publishing.publishDue(id), answerMail: (id) => publishing.answerMail(id), situationReminders: () => publishing.situationReminders() }))
    .schedule(SITUATION_REMINDER_SCHEDULE);
  jobs.register(...bindTaskJobs({ db, mailer: deps.mailer, clock: deps.clock, publicUrl, jobs }).jobs).schedule(REPORT_REMINDER_SCHEDULE);
  // Scheduled backups are off unless BACKUP_SCHEDULE is set; the job is always known (see backup.jobs.ts).
  jobs.register(bindBackupJob(backup));
  if (deps.env.BACKUP_SCHEDULE) jobs.schedule(backupSchedule(deps.env.BACKUP_SCHEDULE));
  return { ...deps, jobs, services, publicUrl };
}

export type Container = ReturnType<typeof createContainer>;
