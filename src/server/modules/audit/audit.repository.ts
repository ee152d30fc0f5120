import { and, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/index.ts';

export interface AuditRecord {
  actorId: string | null;
  actorName: string | null;
  unitId: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export type AuditRow = typeof auditEvents.$inferSelect;

export async function insertAuditEvents(db: Db, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db.insert(auditEvents).values(
    records.map((r) => ({ ...r, before: r.before ?? null, after: r.after ?? null })),
  );
}

export interface AuditFilter {
  actor?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Only events whose unit lies under this path (null: any unit, including none). */
  underPath: string | null;
  beforeId?: number | undefined;
  limit: number;
}

export async function findAuditEvents(db: Db, f: AuditFilter): Promise<AuditRow[]> {
  const conditions = [
    f.actor ? sql`(${auditEvents.actorName} ILIKE ${`%${f.actor}%`} OR ${auditEvents.actorId}::text = ${f.actor})` : undefined,
    f.entity ? eq(auditEvents.entity, f.entity) : undefined,
    f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.from ? gte(auditEvents.at, f.from) : undefined,
    f.to ? lte(auditEvents.at, f.to) : undefined,
    f.beforeId ? lt(auditEvents.id, f.beforeId) : undefined,
    f.underPath
      ? sql`${auditEvents.unitId} IN (SELECT id FROM units WHERE path = ${f.underPath} OR path LIKE ${`${f.underPath}.%`})`
      : undefined,
  ];
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(f.limit);
}
