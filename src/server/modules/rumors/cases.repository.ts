import { and, asc, desc, eq, ilike, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rumorCases, rumorReports, units, users } from '../../db/schema/index.ts';
import { inSubtree } from '../../db/subtree.ts';
import type { RumorCaseRow, RumorReportRow } from '../../db/schema/rumors.ts';
import type { RumorSeverity, RumorStatus, RumorVerdict } from '../../../shared/contracts/rumors.ts';

export type { RumorCaseRow, RumorReportRow };

export type CaseInsert = typeof rumorCases.$inferInsert;
export type CasePatch = Partial<Omit<CaseInsert, 'id' | 'unitId' | 'code' | 'createdAt'>>;
export type ReportInsert = typeof rumorReports.$inferInsert;

/** The next case number of the year ("VV-2026-0007"); an advisory lock keeps two intakes from taking the same. */
export async function nextCaseCode(db: Db, year: number): Promise<string> {
  const prefix = `VV-${year}-`;
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${prefix}))`);
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(split_part(${rumorCases.code}, '-', 3)::int), 0)::int` })
    .from(rumorCases)
    .where(like(rumorCases.code, `${prefix}%`));
  return `${prefix}${String((r?.n ?? 0) + 1).padStart(4, '0')}`;
}

export async function insertCase(db: Db, row: CaseInsert): Promise<RumorCaseRow> {
  const [r] = await db.insert(rumorCases).values(row).returning();
  return r!;
}

export async function updateCase(db: Db, id: string, patch: CasePatch): Promise<RumorCaseRow | undefined> {
  const [r] = await db.update(rumorCases).set(patch).where(eq(rumorCases.id, id)).returning();
  return r;
}

export async function findCase(db: Db, id: string, o: { forUpdate?: boolean } = {}): Promise<RumorCaseRow | undefined> {
  const q = db.select().from(rumorCases).where(eq(rumorCases.id, id));
  const [r] = await (o.forUpdate ? q.for('update') : q);
  return r;
}

export async function insertReport(db: Db, row: ReportInsert): Promise<RumorReportRow> {
  const [r] = await db.insert(rumorReports).values(row).returning();
  return r!;
}

export async function reportsOfCase(db: Db, caseId: string): Promise<RumorReportRow[]> {
  return db.select().from(rumorReports).where(eq(rumorReports.caseId, caseId)).orderBy(asc(rumorReports.createdAt));
}

export async function findReportByCode(db: Db, code: string): Promise<RumorReportRow | undefined> {
  const [r] = await db.select().from(rumorReports).where(eq(rumorReports.code, code));
  return r;
}

/** Recounts a case's reports, first and last report times and first appearance from its reports. */
export async function refreshCaseCounters(db: Db, caseId: string, at: Date): Promise<void> {
  await db.execute(sql`
    UPDATE rumor_cases c SET
      report_count = s.n,
      first_seen_at = s.first_seen,
      last_report_at = s.last_report,
      updated_at = ${at}
    FROM (
      SELECT count(*)::int AS n,
             min(coalesce(seen_at, created_at)) AS first_seen,
             max(created_at) AS last_report
      FROM rumor_reports WHERE case_id = ${caseId}
    ) s
    WHERE c.id = ${caseId}`);
}

export interface CaseListFilter {
  /** Units under this path (null: every unit). */
  prefix: string | null;
  status?: RumorStatus | undefined;
  verdict?: RumorVerdict | undefined;
  severity?: RumorSeverity | undefined;
  /** Already folded (lower case, no diacritics). */
  folded?: string | undefined;
  assigneeId?: string | undefined;
  limit: number;
  offset: number;
}

export type CaseListRow = RumorCaseRow & { unitName: string; assigneeName: string | null };

/** Cases of the units under the prefix, the most recently reported first. */
export async function listCases(db: Db, f: CaseListFilter): Promise<{ rows: CaseListRow[]; total: number }> {
  const where = and(
    f.prefix ? inSubtree(units.path, f.prefix) : undefined,
    f.status ? eq(rumorCases.status, f.status) : undefined,
    f.verdict ? eq(rumorCases.verdict, f.verdict) : undefined,
    f.severity ? eq(rumorCases.severity, f.severity) : undefined,
    f.assigneeId ? eq(rumorCases.assigneeId, f.assigneeId) : undefined,
    f.folded ? ilike(rumorCases.searchText, `%${f.folded.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
  );
  const rows = await db
    .select({ c: rumorCases, unitName: units.name, assigneeName: users.displayName, total: sql<number>`count(*) over ()::int` })
    .from(rumorCases)
    .innerJoin(units, eq(units.id, rumorCases.unitId))
    .leftJoin(users, eq(users.id, rumorCases.assigneeId))
    .where(where)
    .orderBy(desc(sql`coalesce(${rumorCases.lastReportAt}, ${rumorCases.createdAt})`), desc(rumorCases.id))
    .limit(f.limit)
    .offset(f.offset);
  return { rows: rows.map((r) => ({ ...r.c, unitName: r.unitName, assigneeName: r.assigneeName })), total: rows[0]?.total ?? 0 };
}

/** The display names of users (assignees, proposers, approvers). */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
