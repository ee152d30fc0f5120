import { and, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { auditEvents, units } from '../../db/schema/index.ts';
import { inSubtree } from '../../db/subtree.ts';

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
  await db.insert(auditEvents).values(records.map((r) => ({ ...r, before: r.before ?? null, after: r.after ?? null })));
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
    f.underPath ? sql`${auditEvents.unitId} IN (SELECT ${units.id} FROM ${units} WHERE ${inSubtree(units.path, f.underPath)})` : undefined,
  ];
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(f.limit);
}

/** What the trail shows of one object: its name as people know it, and the id its admin page needs. */
export interface EntityName {
  label: string;
  /** The id of the page the object is shown on when it is not its own (a user's unit, a report's task). */
  pageId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Per kind of object: its name and page id, selected by `id = ANY(ids)`. */
const NAME_QUERIES: Record<string, (ids: string) => SQL> = {
  unit: (ids) => sql`SELECT id::text, name AS label, NULL AS "pageId" FROM units WHERE id = ANY(${ids}::uuid[])`,
  user: (ids) => sql`SELECT id::text, display_name || ' (' || username || ')' AS label, unit_id::text AS "pageId" FROM users WHERE id = ANY(${ids}::uuid[])`,
  recipient_group: (ids) => sql`SELECT id::text, name AS label, owner_unit_id::text AS "pageId" FROM recipient_groups WHERE id = ANY(${ids}::uuid[])`,
  directive: (ids) => sql`
    SELECT id::text, CASE WHEN number IS NULL THEN subject
      ELSE (CASE WHEN number < 10 THEN '0' ELSE '' END) || number || '/' || symbol || ' — ' || subject END AS label, NULL AS "pageId"
    FROM directives WHERE id = ANY(${ids}::uuid[])`,
  dispatch_import: (ids) => sql`SELECT id::text, file_name AS label, NULL AS "pageId" FROM dispatch_imports WHERE id = ANY(${ids}::uuid[])`,
  task: (ids) => sql`SELECT id::text, title AS label, NULL AS "pageId" FROM tasks WHERE id = ANY(${ids}::uuid[])`,
  report_submission: (ids) => sql`
    SELECT s.id::text, t.title || ' — ' || u.name || ', kỳ ' || to_char(s.period::date, 'DD/MM/YYYY') AS label, s.task_id::text AS "pageId"
    FROM report_submissions s JOIN tasks t ON t.id = s.task_id JOIN units u ON u.id = s.unit_id WHERE s.id = ANY(${ids}::uuid[])`,
  section: (ids) => sql`SELECT id::text, name AS label, NULL AS "pageId" FROM portal_sections WHERE id = ANY(${ids}::uuid[])`,
  post: (ids) => sql`SELECT id::text, title AS label, NULL AS "pageId" FROM portal_posts WHERE id = ANY(${ids}::uuid[])`,
  situation: (ids) => sql`
    SELECT su.id::text, ps.name || ', ngày ' || to_char(su.date, 'DD/MM/YYYY') AS label, su.section_id::text AS "pageId"
    FROM situation_updates su JOIN portal_sections ps ON ps.id = su.section_id WHERE su.id = ANY(${ids}::uuid[])`,
  question: (ids) => sql`SELECT id::text, name || ': ' || left(question, 80) AS label, NULL AS "pageId" FROM citizen_questions WHERE id = ANY(${ids}::uuid[])`,
  link: (ids) => sql`SELECT id::text, label, NULL AS "pageId" FROM portal_links WHERE id = ANY(${ids}::uuid[])`,
  media: (ids) => sql`SELECT id::text, title AS label, NULL AS "pageId" FROM media_files WHERE id = ANY(${ids}::uuid[])`,
};

/** Names of the objects audit rows point at, keyed `entity:id`; objects that no longer exist are absent. */
export async function findEntityNames(db: Db, refs: readonly { entity: string; entityId: string | null }[]): Promise<Map<string, EntityName>> {
  const byEntity = new Map<string, Set<string>>();
  for (const r of refs) {
    if (!r.entityId || !UUID.test(r.entityId) || !NAME_QUERIES[r.entity]) continue;
    (byEntity.get(r.entity) ?? byEntity.set(r.entity, new Set()).get(r.entity))?.add(r.entityId);
  }
  const out = new Map<string, EntityName>();
  for (const [entity, ids] of byEntity) {
    const query = NAME_QUERIES[entity];
    if (!query) continue;
    const rows = rowsOf<{ id: string; label: string; pageId: string | null }>(await db.execute(query(`{${[...ids].join(',')}}`)));
    for (const r of rows) out.set(`${entity}:${r.id}`, { label: r.label, pageId: r.pageId });
  }
  return out;
}

export interface SuspiciousAccountRow {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  unitName: string;
  createdAt: Date;
  /** The event that made the account (or gave it its roles) without a human actor; null when none was recorded. */
  action: string | null;
  actorName: string | null;
  ip: string | null;
  at: Date | null;
}

/**
 * Accounts holding any of `roles` whose creation event has no human actor: no actor (what the
 * anonymous-request hole wrote), the bare system rather than a named job or command, a user
 * acting without an address (HTTP always has one), or no creation event at all; and accounts
 * given such roles by an update without an actor.
 */
export async function findAccountsWithoutHumanCreator(db: Db, roles: readonly string[], systemId: string): Promise<SuspiciousAccountRow[]> {
  const wanted = sql`ARRAY[${sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  )}]::text[]`;
  const result = await db.execute(sql`
    SELECT u.id::text AS id, u.username, u.display_name AS "displayName", u.roles, un.name AS "unitName", u.created_at AS "createdAt",
           e.action, e.actor_name AS "actorName", e.ip, e.at
    FROM users u
    JOIN units un ON un.id = u.unit_id
    LEFT JOIN audit_events e ON e.entity = 'user' AND e.entity_id = u.id::text AND e.action = 'user.create'
    WHERE u.roles && ${wanted}
      AND (e.id IS NULL
        OR e.actor_id IS NULL
        OR (e.actor_id = ${systemId}::uuid AND e.actor_name !~ '\\((cli|job|demo):')
        OR (e.actor_id <> ${systemId}::uuid AND e.ip IS NULL))
    UNION ALL
    SELECT u.id::text, u.username, u.display_name, u.roles, un.name, u.created_at, e.action, e.actor_name, e.ip, e.at
    FROM users u
    JOIN units un ON un.id = u.unit_id
    JOIN audit_events e ON e.entity = 'user' AND e.entity_id = u.id::text AND e.action = 'user.update' AND e.actor_id IS NULL
    WHERE u.roles && ${wanted} AND jsonb_typeof(e.after -> 'roles') = 'array'
      AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(e.after -> 'roles') r WHERE r = ANY(${wanted}))
    ORDER BY "createdAt", username
  `);
  return rowsOf<SuspiciousAccountRow & { createdAt: Date | string; at: Date | string | null }>(result).map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt),
    at: r.at === null ? null : new Date(r.at),
  }));
}
