/** The roll-up queries: one GROUP BY of the report values over a subtree, expected assignees, late and missing units. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { inSubtree } from '../../db/subtree.ts';
import type { FigureRow } from './rollup-math.ts';
import type { UnitBrief } from './tasks.repository.ts';

export type { FigureRow } from './rollup-math.ts';

/**
 * Where a roll-up groups: by the direct child of the root a unit sits under ('' for the root itself),
 * or with perUnit by the reporting unit's own id (the today's-tree roll-up maps each to its successor).
 */
export interface RollupGrouping {
  rootPath: string;
  rootDepth: number;
  perUnit?: boolean;
}

function groupKey(q: RollupGrouping) {
  return q.perUnit ? sql`u.id::text` : sql`split_part(u.path, '.', ${q.rootDepth + 2}::int)`;
}

/**
 * One GROUP BY over the subtree of `root`: figures per direct child of the root (its id is the
 * path segment after the root's; '' for the root itself), per period, per indicator (totals only,
 * channel ''), and the SUBMITTED_MARKER rows that give reports and late reports. Period keys are
 * local dates, so the range [first, last] selects exactly the rule's periods between them.
 * "latest" is computed only for the indicators that need it.
 */
export async function rollupFigures(db: Db, q: RollupGrouping & { taskId: string; periods: readonly string[]; latestIndicators: readonly string[] }): Promise<FigureRow[]> {
  const first = q.periods[0];
  const last = q.periods.at(-1);
  if (!first || !last) return [];
  const latest = q.latestIndicators.length
    ? sql`(array_agg(v.num ORDER BY v.at DESC) FILTER (WHERE v.indicator IN ${q.latestIndicators} AND v.num IS NOT NULL))[1] AS latest,
          (array_agg(v.txt ORDER BY v.at DESC) FILTER (WHERE v.indicator IN ${q.latestIndicators} AND v.txt IS NOT NULL))[1] AS "latestTxt",
          max(v.at) FILTER (WHERE v.indicator IN ${q.latestIndicators}) AS "latestAt"`
    : sql`NULL::float8 AS latest, NULL::text AS "latestTxt", NULL::timestamptz AS "latestAt"`;
  const result = await db.execute(sql`
    SELECT ${groupKey(q)} AS child, v.period, v.indicator,
           sum(v.num) AS sum, count(v.num)::int AS n, max(v.num) AS max, ${latest}
    FROM report_values v JOIN units u ON u.id = v.unit_id
    WHERE v.task_id = ${q.taskId} AND v.channel = '' AND v.period >= ${first} AND v.period <= ${last}
      AND ${inSubtree(sql.raw('u.path'), q.rootPath)}
    GROUP BY 1, 2, 3`);
  return rowsOf<FigureRow>(result).map((r) => ({
    ...r,
    sum: r.sum === null ? null : Number(r.sum),
    max: r.max === null ? null : Number(r.max),
    latest: r.latest === null ? null : Number(r.latest),
    latestAt: r.latestAt === null ? null : String(r.latestAt),
  }));
}

/** Assignees per direct child of the root (what coverage expects), or per assignee with perUnit. */
export async function expectedPerChild(db: Db, q: RollupGrouping & { taskId: string }): Promise<{ child: string; n: number }[]> {
  const result = await db.execute(sql`
    SELECT ${groupKey(q)} AS child, count(*)::int AS n
    FROM task_assignees a JOIN units u ON u.id = a.unit_id
    WHERE a.task_id = ${q.taskId} AND ${inSubtree(sql.raw('u.path'), q.rootPath)}
    GROUP BY 1`);
  return rowsOf<{ child: string; n: number }>(result);
}

/** Assignees under the root that have not reported for a period, and those that reported late (by name). */
export async function lateAndMissing(db: Db, q: { taskId: string; rootPath: string; period: string; limit: number }): Promise<{ late: UnitBrief[]; missing: UnitBrief[] }> {
  const rows = rowsOf<UnitBrief & { state: 'late' | 'missing' }>(
    await db.execute(sql`
      SELECT u.id, u.code, u.name, u.path, u.parent_id AS "parentId",
             CASE WHEN s.id IS NULL THEN 'missing' ELSE 'late' END AS state
      FROM task_assignees a JOIN units u ON u.id = a.unit_id
      LEFT JOIN report_submissions s ON s.task_id = a.task_id AND s.unit_id = a.unit_id AND s.period = ${q.period}
      WHERE a.task_id = ${q.taskId} AND ${inSubtree(sql.raw('u.path'), q.rootPath)}
        AND (s.id IS NULL OR s.late)
      ORDER BY u.code NULLS LAST, u.name
      LIMIT ${q.limit}`),
  );
  const strip = ({ state: _s, ...u }: UnitBrief & { state: string }) => u;
  return { late: rows.filter((r) => r.state === 'late').map(strip), missing: rows.filter((r) => r.state === 'missing').map(strip) };
}
