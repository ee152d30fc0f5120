/**
 * What the loudspeakers and LED boards played, per group of units and per period window, for the
 * periodic report (issue #13 point 7): distinct items (bulletins: item_id = the bulletin's id), minutes
 * heard, plays and estimated listeners, from device_logs in one GROUP BY. Counts only.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { inAnySubtree } from '../../db/subtree.ts';
import type { ChannelGrouping, ChannelWindow } from '../broadcasts/index.ts';
import type { DeviceKind } from '../../../shared/contracts/devices.ts';

export interface DeviceFigureRow {
  /** The group: the root's direct child id ('' = the root), or with perUnit the unit's id. */
  child: string;
  /** With perUnit, the unit's path; else null. */
  path: string | null;
  period: string;
  /** The kind of device that played; null: every kind together (items are distinct across kinds there). */
  kind: DeviceKind | null;
  /** Distinct items (bulletins) that started, finished or were interrupted on a device. */
  items: number;
  /** What was heard: the durations of finished and interrupted plays, in minutes (2 decimals). */
  minutes: number;
  /** Plays (lượt phát): started events. */
  plays: number;
  /** Estimated listeners: per play, its device's audience (or the default). */
  listeners: number;
}

function groupKey(q: ChannelGrouping) {
  return q.perUnit ? sql`u.id::text` : sql`split_part(u.path, '.', ${q.rootDepth + 2}::int)`;
}

/**
 * Per group, period window and device kind (and per group and period over every kind): the play
 * figures of the devices of the units under the root (a log belongs to its device's unit at the time
 * it was received, device_logs.unit_id). Served by device_logs_figures_idx (unit_id, at) INCLUDE ….
 * PostgreSQL 15 and PGlite alike.
 */
export async function deviceFiguresByPeriod(db: Db, q: ChannelGrouping & { windows: readonly ChannelWindow[]; defaultAudience: number }): Promise<DeviceFigureRow[]> {
  if (!q.windows.length) return [];
  const windows = JSON.stringify(q.windows.map((w) => ({ period: w.period, f: w.from?.toISOString() ?? null, t: w.to.toISOString() })));
  const paths = [q.rootPath, ...(q.perUnit ? (q.alsoUnder ?? []) : [])];
  const result = await db.execute(sql`
    WITH w AS (
      SELECT x.period, COALESCE(x.f, '-infinity'::timestamptz) AS f, x.t
      FROM jsonb_to_recordset(${windows}::jsonb) AS x(period text, f timestamptz, t timestamptz)
    ),
    f AS (
      SELECT ${groupKey(q)} AS child, ${q.perUnit ? sql`u.path` : sql`NULL::text`} AS path, w.period, d.kind,
             l.type, l.item_id, l.duration_ms, COALESCE(d.audience, ${q.defaultAudience}::int) AS audience
      FROM device_logs l
      JOIN units u ON u.id = l.unit_id
      JOIN devices d ON d.id = l.device_id
      JOIN w ON l.at >= w.f AND l.at < w.t
      WHERE ${inAnySubtree(sql.raw('u.path'), paths)}
    )
    SELECT f.child, f.path, f.period, f.kind,
           count(DISTINCT f.item_id)::float8 AS items,
           COALESCE(sum(f.duration_ms) FILTER (WHERE f.type IN ('finished', 'interrupted')), 0)::float8 AS ms,
           count(*) FILTER (WHERE f.type = 'started')::float8 AS plays,
           COALESCE(sum(f.audience) FILTER (WHERE f.type = 'started'), 0)::float8 AS listeners
    FROM f
    GROUP BY GROUPING SETS ((f.child, f.path, f.period, f.kind), (f.child, f.path, f.period))`);
  return rowsOf<{ child: string; path: string | null; period: string; kind: DeviceKind | null; items: number; ms: number; plays: number; listeners: number }>(result).map((r) => ({
    child: r.child,
    path: r.path,
    period: r.period,
    kind: r.kind,
    items: Number(r.items),
    minutes: Math.round(Number(r.ms) / 600) / 100,
    plays: Number(r.plays),
    listeners: Number(r.listeners),
  }));
}
