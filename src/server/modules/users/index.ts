export { createUsersService, presentMe, presentUser } from './users.service.ts';
export { LOCKOUT } from './login.ts';
export type { LockoutView } from './login.ts';
export type { SessionInfo, UsersService } from './users.service.ts';
export { bindInvitationJob, sendInvitationJob } from './invitation.job.ts';
export * from './users.schemas.ts';
export { registerUserRoutes } from './users.routes.ts';
