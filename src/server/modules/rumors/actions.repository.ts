import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rumorActions, rumorEvidence, rumorInformants, rumorReports, units, users } from '../../db/schema/index.ts';

// Evidence and actions of a case, the desk's users (assignees), and the reports whose requesters are told the outcome.

export type EvidenceRow = typeof rumorEvidence.$inferSelect;
export type EvidenceInsert = typeof rumorEvidence.$inferInsert;
export type ActionRow = typeof rumorActions.$inferSelect;
export type ActionInsert = typeof rumorActions.$inferInsert;
export type ActionListRow = ActionRow & { targetUnitName: string | null };

export async function insertEvidence(db: Db, row: EvidenceInsert): Promise<EvidenceRow> {
  const [r] = await db.insert(rumorEvidence).values(row).returning();
  return r!;
}

export async function evidenceOfCase(db: Db, caseId: string): Promise<EvidenceRow[]> {
  return db.select().from(rumorEvidence).where(eq(rumorEvidence.caseId, caseId)).orderBy(asc(rumorEvidence.createdAt), asc(rumorEvidence.id));
}

export async function insertAction(db: Db, row: ActionInsert): Promise<ActionRow> {
  const [r] = await db.insert(rumorActions).values(row).returning();
  return r!;
}

export async function findAction(db: Db, caseId: string, id: string, o: { forUpdate?: boolean } = {}): Promise<ActionRow | undefined> {
  const q = db
    .select()
    .from(rumorActions)
    .where(and(eq(rumorActions.caseId, caseId), eq(rumorActions.id, id)));
  const [r] = await (o.forUpdate ? q.for('update') : q);
  return r;
}

export async function updateAction(db: Db, id: string, patch: Partial<Omit<ActionInsert, 'id' | 'caseId'>>): Promise<ActionRow | undefined> {
  const [r] = await db.update(rumorActions).set(patch).where(eq(rumorActions.id, id)).returning();
  return r;
}

export async function actionsOfCase(db: Db, caseId: string): Promise<ActionListRow[]> {
  const rows = await db
    .select({ a: rumorActions, targetUnitName: units.name })
    .from(rumorActions)
    .leftJoin(units, eq(units.id, rumorActions.targetUnitId))
    .where(eq(rumorActions.caseId, caseId))
    .orderBy(asc(rumorActions.createdAt), asc(rumorActions.id));
  return rows.map((r) => ({ ...r.a, targetUnitName: r.targetUnitName }));
}

/** A user as an assignee candidate: their unit, roles, whether disabled. */
export async function findUserBrief(db: Db, id: string): Promise<{ id: string; unitId: string; roles: string[]; disabled: boolean; name: string } | undefined> {
  const [r] = await db
    .select({ id: users.id, unitId: users.unitId, roles: users.roles, disabledAt: users.disabledAt, name: users.displayName })
    .from(users)
    .where(eq(users.id, id));
  return r ? { id: r.id, unitId: r.unitId, roles: r.roles, disabled: r.disabledAt !== null, name: r.name } : undefined;
}

/** Informant id → contact kind (email | phone | social | null), for the reports' "can be told" flag (never the contact). */
export async function contactKinds(db: Db, informantIds: readonly string[]): Promise<Map<string, string | null>> {
  if (informantIds.length === 0) return new Map();
  const rows = await db
    .select({ id: rumorInformants.id, kind: rumorInformants.contactKind, erasedAt: rumorInformants.erasedAt })
    .from(rumorInformants)
    .where(inArray(rumorInformants.id, [...informantIds]));
  return new Map(rows.map((r) => [r.id, r.erasedAt ? null : r.kind]));
}

/** Reports of the case whose informant left a contact and was not told yet: one notification job each. */
export async function reportsToNotify(db: Db, caseId: string): Promise<{ id: string; informantId: string; contactKind: string }[]> {
  const rows = await db
    .select({ id: rumorReports.id, informantId: rumorReports.informantId, contactKind: rumorInformants.contactKind })
    .from(rumorReports)
    .innerJoin(rumorInformants, eq(rumorInformants.id, rumorReports.informantId))
    .where(and(eq(rumorReports.caseId, caseId), isNull(rumorReports.outcomeNotifiedAt), isNotNull(rumorInformants.contactKind), isNull(rumorInformants.erasedAt)));
  return rows.map((r) => ({ id: r.id, informantId: r.informantId!, contactKind: r.contactKind! }));
}

/** A report as the notification job reads it. */
export async function findReportForNotice(db: Db, id: string, o: { forUpdate?: boolean } = {}) {
  const q = db
    .select({
      id: rumorReports.id,
      code: rumorReports.code,
      caseId: rumorReports.caseId,
      informantId: rumorReports.informantId,
      outcomeNotifiedAt: rumorReports.outcomeNotifiedAt,
      socialItemId: rumorReports.socialItemId,
    })
    .from(rumorReports)
    .where(eq(rumorReports.id, id));
  const [r] = await (o.forUpdate ? q.for('update') : q);
  return r;
}

/** Marks a report told (only if it was not): true when this call marked it. */
export async function markReportNotified(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(rumorReports)
    .set({ outcomeNotifiedAt: at })
    .where(and(eq(rumorReports.id, id), isNull(rumorReports.outcomeNotifiedAt)))
    .returning({ id: rumorReports.id });
  return rows.length > 0;
}

/**
 * How many confirmation requests and police hand-offs of the case still wait for an answer (the case closes when none
 * does and the conclusion is approved). A press request expects no answer: it does not hold the case open.
 */
export async function openActionCount(db: Db, caseId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(rumorActions)
    .where(and(eq(rumorActions.caseId, caseId), eq(rumorActions.state, 'open'), inArray(rumorActions.kind, ['confirmation', 'police'])));
  return r?.n ?? 0;
}
