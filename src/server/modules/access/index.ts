export { PERMISSIONS, SYSTEM_ACTOR, authorize, can, hasGlobalScope, isWithin, systemActor } from './policy.ts';
export type { Actor, Permission, Scope } from './policy.ts';
export { ROLES, ROLE_LABELS } from './roles.ts';
export type { Role } from './roles.ts';
