export { createUsersService, presentMe, presentUser, LOCKOUT } from './users.service.ts';
export type { SessionInfo, UsersService } from './users.service.ts';
export { bindInvitationJob, sendInvitationJob } from './invitation.job.ts';
export * from './users.schemas.ts';
export { registerUserRoutes } from './users.routes.ts';
