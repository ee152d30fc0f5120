import type { Database } from './db/client.ts';
import type { Env } from './env.ts';
import { JobQueue } from './jobs/queue.ts';
import type { Clock } from './platform/clock.ts';
import type { Logger } from './platform/logger.ts';
import type { Mailer } from './platform/mailer.ts';
import { createAuditService } from './modules/audit/index.ts';
import { createSettingsService } from './modules/settings/index.ts';
import { createGroupsService, createUnitsService } from './modules/units/index.ts';
import { bindInvitationJob, createUsersService } from './modules/users/index.ts';

export interface Deps {
  database: Database;
  clock: Clock;
  logger: Logger;
  mailer: Mailer;
  env: Pick<Env, 'PUBLIC_URL' | 'SESSION_TTL_HOURS'>;
}

/** Wires services and jobs once per process; everything else receives what it needs from here. */
export function createContainer(deps: Deps) {
  const { db } = deps.database;
  const jobs = new JobQueue({ db, clock: deps.clock, logger: deps.logger });
  jobs.register(bindInvitationJob({ db, mailer: deps.mailer, clock: deps.clock, publicUrl: deps.env.PUBLIC_URL }));
  const services = {
    audit: createAuditService({ db }),
    units: createUnitsService({ db, clock: deps.clock }),
    groups: createGroupsService({ db, clock: deps.clock }),
    users: createUsersService({ db, clock: deps.clock, jobs, sessionTtlHours: deps.env.SESSION_TTL_HOURS }),
    settings: createSettingsService({ db }),
  };
  return { ...deps, jobs, services };
}

export type Container = ReturnType<typeof createContainer>;
