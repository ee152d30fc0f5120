import { AppError } from '../../platform/errors.ts';
import type { Role } from './roles.ts';

/** Who is acting: a signed-in user, resolved once per request by the HTTP layer. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  unitId: string;
  /** Materialised path of the actor's unit (dot-joined ids); its subtree is the actor's scope. */
  unitPath: string;
  roles: readonly Role[];
  ip: string | null;
}

/** Everything a service may be asked to do. Add a permission here, then grant it below. */
export type Permission =
  | 'unit.read'
  | 'unit.write'
  | 'group.read'
  | 'group.write'
  | 'user.read'
  | 'user.write'
  | 'audit.read'
  | 'settings.write';

/**
 * Role → permissions. A permission not listed is denied. Every grant applies inside the actor's
 * unit subtree, except for system_admin (global) and unit.read (the directory of public bodies is
 * readable by any signed-in user: drafters address units outside their own subtree).
 */
const GRANTS: Record<Role, readonly Permission[]> = {
  system_admin: ['unit.read', 'unit.write', 'group.read', 'group.write', 'user.read', 'user.write', 'audit.read', 'settings.write'],
  unit_admin: ['unit.read', 'unit.write', 'group.read', 'group.write', 'user.read', 'user.write', 'audit.read'],
  drafter: ['unit.read', 'group.read', 'group.write'],
  approver: ['unit.read', 'group.read'],
  clerk: ['unit.read', 'group.read', 'group.write'],
  reporter: ['unit.read', 'group.read'],
  viewer: ['unit.read', 'group.read'],
};

const GLOBAL_PERMISSIONS: ReadonlySet<Permission> = new Set(['unit.read']);

export interface Scope {
  /** Path of the unit the resource belongs to; omit for actions with no unit (none today). */
  unitPath: string;
}

export function isWithin(unitPath: string, scopePath: string): boolean {
  return unitPath === scopePath || unitPath.startsWith(`${scopePath}.`);
}

/** True when the actor holds the permission for a resource of that unit. Deny by default. */
export function can(actor: Actor | null, permission: Permission, scope: Scope): boolean {
  if (!actor) return false;
  for (const role of actor.roles) {
    if (!GRANTS[role]?.includes(permission)) continue;
    if (role === 'system_admin' || GLOBAL_PERMISSIONS.has(permission)) return true;
    if (isWithin(scope.unitPath, actor.unitPath)) return true;
  }
  return false;
}

/**
 * Called at the top of every service function. Throws UNAUTHENTICATED for no actor, NOT_FOUND when
 * the actor may not even read the resource (so its existence is not revealed), FORBIDDEN otherwise.
 */
export function authorize(actor: Actor | null, permission: Permission, scope: Scope, readPermission?: Permission): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (can(actor, permission, scope)) return actor;
  if (readPermission && !can(actor, readPermission, scope)) throw new AppError('NOT_FOUND');
  throw new AppError('FORBIDDEN');
}

/** For actions that need a signed-in user with any of the given roles anywhere (e.g. listing). */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

export function hasGlobalScope(actor: Actor): boolean {
  return actor.roles.includes('system_admin');
}

/** The actor for work the system does itself (CLI, demo seeding, jobs): global, audited as "system". */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: 'Hệ thống',
  unitId: '00000000-0000-5000-8000-000000000000',
  unitPath: '00000000-0000-5000-8000-000000000000',
  roles: ['system_admin'],
  ip: null,
};
