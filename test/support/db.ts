import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Container } from '../../src/server/container.ts';
import { auditEvents, invitations, jobs, recipientGroups, sessions, units, users } from '../../src/server/db/schema/index.ts';

/**
 * Direct database reads for tests: checking what a request did (or did not) change. Test files
 * outside src/server/modules may not import drizzle or the schema (lint), so they use these.
 */
const TABLES = { auditEvents, invitations, jobs, recipientGroups, sessions, units, users } as const;
export type TableName = keyof typeof TABLES;

/** Row count of a table. */
export async function countRows(c: Container, table: TableName): Promise<number> {
  const [row] = await c.database.db.select({ n: sql<number>`count(*)::int` }).from(TABLES[table]);
  return row?.n ?? 0;
}

export async function unitRow(c: Container, id: string) {
  return (await c.database.db.select().from(units).where(eq(units.id, id)))[0];
}

export async function unitRows(c: Container, ids: readonly string[]) {
  return ids.length
    ? c.database.db
        .select()
        .from(units)
        .where(inArray(units.id, [...ids]))
    : [];
}

export async function userRow(c: Container, id: string) {
  return (await c.database.db.select().from(users).where(eq(users.id, id)))[0];
}

export async function groupRow(c: Container, id: string) {
  return (await c.database.db.select().from(recipientGroups).where(eq(recipientGroups.id, id)))[0];
}

export async function sessionsOf(c: Container, userId: string) {
  return c.database.db.select().from(sessions).where(eq(sessions.userId, userId));
}

export async function jobRow(c: Container, id: string) {
  return (await c.database.db.select().from(jobs).where(eq(jobs.id, id)))[0];
}

/** Audit events about one entity, oldest first. */
export async function auditEventsFor(c: Container, entityId: string) {
  return c.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(asc(auditEvents.id));
}

/** The highest audit event id so far (0 when none): "events since" = id greater than this. */
export async function lastAuditId(c: Container): Promise<number> {
  const [row] = await c.database.db.select({ n: sql<number>`coalesce(max(${auditEvents.id}), 0)::int` }).from(auditEvents);
  return row?.n ?? 0;
}

/** Audit events recorded after `sinceId`, oldest first. */
export async function auditEventsSince(c: Container, sinceId: number) {
  return c.database.db
    .select()
    .from(auditEvents)
    .where(sql`${auditEvents.id} > ${sinceId}`)
    .orderBy(asc(auditEvents.id));
}
