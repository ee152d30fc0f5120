import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';
import { rumorCases, rumorReports, units, users } from '../../db/schema/index.ts';
import type { CaseListRow } from './cases.repository.ts';
import type { CandidateReport, ClusterProbe } from './clustering.ts';

/** Concluded cases keep collecting reposts of the debunked claim for this long after their conclusion. */
export const CONCLUDED_WINDOW_DAYS = 30;

/** How many candidate reports the decision looks at (the strongest first). */
const CANDIDATE_LIMIT = 200;

/**
 * Candidate reports for a probe, in ONE query over the unit's open cases and those concluded in the last
 * CONCLUDED_WINDOW_DAYS: same normalised link (GIN `&&` on normalized_urls), same file hash, or a folded text pg_trgm
 * finds similar — `text_folded % probe` (similarity ≥ pg_trgm.similarity_threshold, 0.3 by default; served by the
 * GIN trigram index on PGlite and PostgreSQL alike). The rule in clustering.ts then scores the texts without their
 * boilerplate (its threshold is above 0.3, so this prefilter loses nothing it would accept on the labelled set).
 * `<%` / `%>` (word similarity) were tried and left out: on PGlite each operator costs as much as `%` again, for
 * no report more found. `excludeCaseId`: leave a case out (the similar cases of a case).
 */
export async function candidateReports(db: Db, probe: ClusterProbe, at: Date, o: { excludeCaseId?: string; limit?: number } = {}): Promise<(CandidateReport & { trgm: number })[]> {
  const since = new Date(at.getTime() - CONCLUDED_WINDOW_DAYS * 86_400_000);
  const urls = [...probe.normalizedUrls];
  const text = probe.textFolded;
  const hasText = text.length >= 3;
  const urlArray = sql`ARRAY[${sql.join(
    urls.map((u) => sql`${u}`),
    sql`, `,
  )}]::text[]`;
  const r = await db.execute(sql`
    SELECT * FROM (
    SELECT r.case_id AS "caseId",
           r.created_at AS "createdAt",
           (SELECT u FROM unnest(r.normalized_urls) u WHERE ${urls.length > 0 ? sql`u = ANY(${urlArray})` : sql`false`} LIMIT 1) AS "sharedUrl",
           coalesce(r.file_sha256 = ${probe.fileSha256}, false) AS "sameFile",
           r.text_folded AS "textFolded",
           c.report_count AS "caseReports",
           (c.status = 'unverified' AND c.conclusion_state IS NULL AND c.assignee_id IS NULL AND c.correction_post_id IS NULL
            AND NOT EXISTS (SELECT 1 FROM rumor_evidence e WHERE e.case_id = c.id)
            AND NOT EXISTS (SELECT 1 FROM rumor_actions a WHERE a.case_id = c.id)) AS "caseUntouched",
           ${hasText ? sql`similarity(r.text_folded, ${text})` : sql`0`}::float8 AS "trgm"
    FROM rumor_reports r
    JOIN rumor_cases c ON c.id = r.case_id
    WHERE c.unit_id = ${probe.unitId}
      AND (c.status <> 'concluded' OR coalesce(c.closed_at, c.approved_at, c.updated_at) >= ${since})
      ${o.excludeCaseId ? sql`AND r.case_id <> ${o.excludeCaseId}` : sql``}
      AND (
        ${urls.length > 0 ? sql`r.normalized_urls && ${urlArray}` : sql`false`}
        OR ${probe.fileSha256 ? sql`r.file_sha256 = ${probe.fileSha256}` : sql`false`}
        OR ${hasText ? sql`r.text_folded % ${text}` : sql`false`}
      )
    ) x
    ORDER BY ("sharedUrl" IS NOT NULL) DESC, "sameFile" DESC, "trgm" DESC, "createdAt"
    LIMIT ${o.limit ?? CANDIDATE_LIMIT}`);
  return rowsOf<CandidateReport & { trgm: number }>(r).map((x) => ({
    caseId: x.caseId,
    sharedUrl: x.sharedUrl,
    sameFile: x.sameFile,
    textFolded: x.textFolded,
    caseReports: Number(x.caseReports),
    caseUntouched: x.caseUntouched,
    trgm: Number(x.trgm),
  }));
}

/**
 * Moves every report, piece of evidence and action of the `from` cases into the target case and deletes the
 * emptied cases (their codes stay in the audit trail). The caller recounts the target (refreshCaseCounters).
 */
export async function moveCasesInto(db: Db, targetId: string, fromIds: readonly string[]): Promise<number> {
  if (fromIds.length === 0) return 0;
  const ids = sql`ARRAY[${sql.join(
    fromIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
  const moved = rowsOf<{ n: number }>(
    await db.execute(sql`WITH m AS (UPDATE rumor_reports SET case_id = ${targetId} WHERE case_id = ANY(${ids}) RETURNING 1) SELECT count(*)::int AS n FROM m`),
  );
  await db.execute(sql`UPDATE rumor_evidence SET case_id = ${targetId} WHERE case_id = ANY(${ids})`);
  await db.execute(sql`UPDATE rumor_actions SET case_id = ${targetId} WHERE case_id = ANY(${ids})`);
  await db.execute(sql`DELETE FROM rumor_cases WHERE id = ANY(${ids})`);
  return Number(moved[0]?.n ?? 0);
}

/** Cases with their unit's and assignee's names, as the case list shows them. */
export async function caseSummaryRows(db: Db, ids: readonly string[]): Promise<CaseListRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ c: rumorCases, unitName: units.name, assigneeName: users.displayName })
    .from(rumorCases)
    .innerJoin(units, eq(units.id, rumorCases.unitId))
    .leftJoin(users, eq(users.id, rumorCases.assigneeId))
    .where(inArray(rumorCases.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.c.id, { ...r.c, unitName: r.unitName, assigneeName: r.assigneeName }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Moves reports of one case into another (the split). Returns how many moved. */
export async function moveReports(db: Db, fromCaseId: string, toCaseId: string, reportIds: readonly string[]): Promise<number> {
  const moved = await db
    .update(rumorReports)
    .set({ caseId: toCaseId })
    .where(and(eq(rumorReports.caseId, fromCaseId), inArray(rumorReports.id, [...reportIds])))
    .returning({ id: rumorReports.id });
  return moved.length;
}
