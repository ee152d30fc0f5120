import type { Db } from '../../db/client.ts';
import { authorize, hasGlobalScope } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { findAuditEvents, insertAuditEvents } from './audit.repository.ts';
import type { AuditRow } from './audit.repository.ts';

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
 * commit or roll back together. `actor` null means the system (CLI, jobs, seeding).
 */
export async function recordAudit(tx: Db, actor: Actor | null, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  await insertAuditEvents(
    tx,
    list.map((e) => ({
      actorId: actor?.userId ?? null,
      actorName: actor ? `${actor.displayName} (${actor.username})` : 'hệ thống',
      unitId: e.unitId,
      ip: actor?.ip ?? null,
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
    /** Browse the trail: system admins see all, unit admins the events of their subtree. */
    async listAuditEvents(actor: Actor | null, q: AuditQuery): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
      const a = authorize(actor, 'audit.read', { unitPath: actor?.unitPath ?? '' });
      const items = await findAuditEvents(deps.db, {
        ...q,
        beforeId: q.before ? Number(q.before) : undefined,
        underPath: hasGlobalScope(a) ? null : a.unitPath,
        limit: q.limit + 1,
      });
      const page = items.slice(0, q.limit);
      const last = page.at(-1);
      return { items: page, nextCursor: items.length > q.limit && last ? String(last.id) : null };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
