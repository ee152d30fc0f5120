import { AppError } from '../../platform/errors.ts';
import type { Role } from './roles.ts';

/**
 * Who is acting: a signed-in user, resolved once per request by the HTTP layer, or the system
 * (`systemActor`) for a job or a CLI command. Services take a required actor: no code path acts
 * for "nobody".
 */
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
export const PERMISSIONS = [
  'unit.read',
  'unit.write',
  'group.read',
  'group.write',
  'user.read',
  'user.write',
  'audit.read',
  'settings.write',
  'directive.read',
  'directive.draft',
  'directive.approve',
  'directive.sign',
  'directive.issue',
  'directive.revoke',
  'inbox.read',
  'inbox.acknowledge',
  'post.read',
  'post.write',
  'post.publish',
  'section.manage',
  'situation.write',
  'question.answer',
  'media.write',
  'task.read',
  'task.write',
  'report.submit',
  'report.read',
  /** Import a công văn received outside Loa into the unit's inbox (clerk, drafter, unit admin). */
  'import.create',
  /** Broadcasts (thông điệp, issue #12): read in the subtree, draft, approve (also the one-step emergency path). */
  'broadcast.read',
  'broadcast.draft',
  'broadcast.approve',
  /** Subscriber lists with masked numbers (091****678): everyone who works on SMS broadcasts. */
  'subscriber.list',
  /** Full phone numbers of subscribers. */
  'subscriber.read',
  /** Create lists, import, opt subscribers out. */
  'subscriber.write',
  /** Devices of communes (cụm loa, bảng tin điện tử, issue #13): the registry and their state. */
  'device.read',
  /** Add, edit and import devices; make, rotate and revoke their access tokens. */
  'device.write',
  /** A commune's broadcast programme (lịch phát sóng): slots, playlists, placing queued bulletins (issue #13). */
  'programme.write',
  /** Social pages (issue #14): see the unit's connected pages (tokens masked), publications and their results. */
  'social.read',
  /** Connect a Facebook Page or Zalo OA to the unit (tokens, secrets), disconnect it. */
  'social.manage',
  /** Publish to the unit's pages (cross-post a portal post, a broadcast, a correction). */
  'social.publish',
  /** The unit's social inbox: messages and comments, assign, tag, reply, turn into a question. */
  'social.inbox',
  /** Who sent an inbox message (name, platform id): personal data, for the roles that must answer for it. */
  'social.sender',
  /** Misinformation desk (issue #15): cases, reports (never who sent them), figures. */
  'rumor.read',
  /** Take reports, cluster, verify, gather evidence, propose a conclusion, draft the actions (hand-off, correction). */
  'rumor.write',
  /** Approve (or return) a case's conclusion: what the authority says publicly. */
  'rumor.approve',
  /** Reveal an informant's identity (with a reason, audited) or attach it to a police hand-off: the desk lead only. */
  'rumor.reveal',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Role → permissions. A permission not listed is denied. Every grant applies inside the actor's
 * unit subtree, except for system_admin (global) and unit.read (the directory of public bodies is
 * readable by any signed-in user: drafters address units outside their own subtree).
 */
const GRANTS: Record<Role, readonly Permission[]> = {
  // Portal: drafters write posts, daily figures and answers (editors of their unit's sections and of
  // sections delegated to their unit); approvers also publish; unit admins manage sections.
  // Directives: an administrator reads everything but drafts, approves, signs or issues nothing.
  system_admin: [
    'unit.read',
    'unit.write',
    'group.read',
    'group.write',
    'user.read',
    'user.write',
    'audit.read',
    'settings.write',
    'directive.read',
    'inbox.read',
    'post.read',
    'post.write',
    'post.publish',
    'section.manage',
    'situation.write',
    'question.answer',
    'media.write',
    'task.read',
    'report.read',
    'subscriber.list',
    'device.read',
    'device.write',
    'social.read',
    'rumor.read',
  ],
  unit_admin: [
    'unit.read',
    'unit.write',
    'group.read',
    'group.write',
    'user.read',
    'user.write',
    'audit.read',
    'directive.read',
    'inbox.read',
    'post.read',
    'section.manage',
    'task.read',
    'task.write',
    'report.read',
    'report.submit',
    'import.create',
    'broadcast.read',
    'subscriber.list',
    'subscriber.read',
    'subscriber.write',
    'device.read',
    'device.write',
    'programme.write',
    'social.read',
    'social.manage',
    'social.inbox',
    'rumor.read',
  ],
  drafter: [
    'unit.read',
    'group.read',
    'group.write',
    'directive.read',
    'directive.draft',
    'inbox.read',
    'post.read',
    'post.write',
    'situation.write',
    'question.answer',
    'media.write',
    'task.read',
    'task.write',
    'report.read',
    'import.create',
    'broadcast.read',
    'broadcast.draft',
    'subscriber.list',
    'subscriber.read',
    'device.read',
    'programme.write',
    'social.read',
    'social.inbox',
    'rumor.read',
    'rumor.write',
  ],
  // The leader approves, returns, signs and may revoke; only this role can sign (Decree 30).
  approver: [
    'unit.read',
    'group.read',
    'directive.read',
    'directive.approve',
    'directive.sign',
    'directive.revoke',
    'inbox.read',
    'inbox.acknowledge',
    'post.read',
    'post.write',
    'post.publish',
    'situation.write',
    'question.answer',
    'media.write',
    'task.read',
    'task.write',
    'report.read',
    'broadcast.read',
    'broadcast.draft',
    'broadcast.approve',
    'subscriber.list',
    'subscriber.read',
    'device.read',
    'programme.write',
    'social.read',
    'social.publish',
    'social.inbox',
    'social.sender',
    'rumor.read',
    'rumor.write',
    'rumor.approve',
  ],
  // Tasks: drafters, approvers and unit admins assign tasks (task.write); reporters, clerks and unit
  // admins submit their unit's reports, and a parent unit's reporter may submit for a child (report.submit).
  // The clerk (văn thư) registers numbers, issues, records revocations and receives incoming documents.
  // Registering an incoming dispatch (import.create) includes creating the tasks it assigns (task.write).
  clerk: [
    'unit.read',
    'group.read',
    'group.write',
    'directive.read',
    'directive.issue',
    'directive.revoke',
    'inbox.read',
    'inbox.acknowledge',
    'task.read',
    'task.write',
    'report.read',
    'report.submit',
    'import.create',
    'broadcast.read',
    'subscriber.list',
    'subscriber.read',
    'subscriber.write',
    'device.read',
  ],
  reporter: ['unit.read', 'group.read', 'inbox.read', 'task.read', 'report.read', 'report.submit'],
  viewer: ['unit.read', 'group.read', 'directive.read', 'inbox.read', 'task.read', 'report.read', 'broadcast.read', 'subscriber.list', 'device.read', 'rumor.read'],
  // The desk lead (trưởng nhóm xử lý tin sai sự thật) runs the desk and alone may reveal who reported.
  desk_lead: [
    'unit.read',
    'group.read',
    'directive.read',
    'directive.draft',
    'inbox.read',
    'post.read',
    'post.write',
    'task.read',
    'task.write',
    'report.read',
    'broadcast.read',
    'broadcast.draft',
    'social.read',
    'social.inbox',
    'rumor.read',
    'rumor.write',
    'rumor.reveal',
  ],
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
export function can(actor: Actor, permission: Permission, scope: Scope): boolean {
  for (const role of actor.roles) {
    if (!GRANTS[role]?.includes(permission)) continue;
    if (role === 'system_admin' || GLOBAL_PERMISSIONS.has(permission)) return true;
    if (isWithin(scope.unitPath, actor.unitPath)) return true;
  }
  return false;
}

/**
 * Called at the top of every service function. Throws NOT_FOUND when the actor may not even read
 * the resource (so its existence is not revealed), FORBIDDEN otherwise.
 */
export function authorize(actor: Actor, permission: Permission, scope: Scope, readPermission?: Permission): Actor {
  if (can(actor, permission, scope)) return actor;
  if (readPermission && !can(actor, readPermission, scope)) throw new AppError('NOT_FOUND');
  throw new AppError('FORBIDDEN');
}

export function hasGlobalScope(actor: Actor): boolean {
  return actor.roles.includes('system_admin');
}

/**
 * The system: global, audited as "Hệ thống". Never an HTTP request (the HTTP layer only ever
 * passes a signed-in user); use `systemActor(source)` so the audit trail names the job or command.
 */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: 'Hệ thống',
  unitId: '00000000-0000-5000-8000-000000000000',
  unitPath: '00000000-0000-5000-8000-000000000000',
  roles: ['system_admin'],
  ip: null,
};

/**
 * The system acting for a named job or command, e.g. `systemActor('job:tasks.report-reminder')`
 * or `systemActor('cli:users create')`: the audit row reads "Hệ thống (cli:users create)".
 * `auth:lockout` is the system locking an account after failed sign-ins (no one is signed in).
 */
export function systemActor(source: `job:${string}` | `cli:${string}` | `demo:${string}` | `auth:${string}`): Actor {
  return { ...SYSTEM_ACTOR, username: source };
}
