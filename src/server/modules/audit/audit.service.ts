import type { Db } from '../../db/client.ts';
import { SYSTEM_ACTOR, authorize, hasGlobalScope } from '../access/index.ts';
import type { Actor, Role } from '../access/index.ts';
import type { LabelLang } from '../../../shared/audit-labels.ts';
import { presentAuditEvent } from './audit.present.ts';
import type { AuditEventView } from './audit.present.ts';
import { findAccountsWithoutHumanCreator, findAuditEvents, findEntityNames, insertAuditEvents } from './audit.repository.ts';
import type { SuspiciousAccountRow } from './audit.repository.ts';

/** Roles that change more than their own unit's reports: an account holding one deserves a human creator. */
export const ELEVATED_ROLES: readonly Role[] = ['system_admin', 'unit_admin', 'approver', 'clerk', 'drafter'];

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | null;
  /** The unit the changed record belongs to: unit admins see events of their subtree. */
  unitId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Records changes; call inside the transaction that makes them, so a change and its audit event
 * commit or roll back together. Every change has an actor: the signed-in user, or for a job or
 * CLI command `systemActor(source)`, stored as "Hệ thống (job:…)" under the system id.
 */
export async function recordAudit(tx: Db, actor: Actor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  await insertAuditEvents(
    tx,
    list.map((e) => ({
      actorId: actor.userId,
      actorName: `${actor.displayName} (${actor.username})`,
      unitId: e.unitId,
      ip: actor.ip,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}

export interface AuditQuery {
  actor?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: string | undefined;
  limit: number;
}

export function createAuditService(deps: { db: Db }) {
  return {
    /**
     * Browse the trail: system admins see all, unit admins the events of their subtree. Each row
     * comes with its action and object named in the reader's language and a link to the object.
     */
    async listAuditEvents(actor: Actor, q: AuditQuery, lang: LabelLang = 'vi'): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
      const a = authorize(actor, 'audit.read', { unitPath: actor.unitPath });
      const items = await findAuditEvents(deps.db, {
        ...q,
        beforeId: q.before ? Number(q.before) : undefined,
        underPath: hasGlobalScope(a) ? null : a.unitPath,
        limit: q.limit + 1,
      });
      const page = items.slice(0, q.limit);
      const last = page.at(-1);
      const names = await findEntityNames(deps.db, page);
      return { items: page.map((r) => presentAuditEvent(r, names, lang)), nextCursor: items.length > q.limit && last ? String(last.id) : null };
    },

    /**
     * Accounts with an elevated role that no person created (`loa audit suspicious`): for a
     * deployment that ran a version where an anonymous request could act as the system. Needs the
     * whole trail (system administrator, or the CLI).
     */
    async listSuspiciousAccounts(actor: Actor): Promise<SuspiciousAccountRow[]> {
      authorize(actor, 'audit.read', { unitPath: SYSTEM_ACTOR.unitPath });
      return findAccountsWithoutHumanCreator(deps.db, ELEVATED_ROLES, SYSTEM_ACTOR.userId);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
