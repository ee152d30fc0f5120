// The users module's public surface.
export type { UsersService } from './users.service.ts';

import { defineModule } from '../module.ts';
import { USERS_ERRORS } from './users.errors.ts';
import { bindInvitationJob as invitationJob } from './invitation.job.ts';
import { createUsersService as makeUsers } from './users.service.ts';
import type { UsersService as Users } from './users.service.ts';
import { registerUserRoutes as userRoutes } from './users.routes.ts';

declare module '../module.ts' {
  interface Services {
    users: Users;
  }
}

/** Accounts, sign-in and sessions, invitations. */
export const module = defineModule({
  name: 'users',
  errors: USERS_ERRORS,
  create: ({ db, clock, jobs, env }, { units }) => ({ users: makeUsers({ db, clock, jobs, units: units.lookup, sessionTtlHours: env.SESSION_TTL_HOURS }) }),
  routes: (app, { services, secureCookies, env }) => userRoutes(app, services.users, { secureCookies, sessionTtlHours: env.SESSION_TTL_HOURS }),
  jobs: ({ db, mailer, clock, publicUrl }) => [invitationJob({ db, mailer, clock, publicUrl })],
});
