import { sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';

/**
 * The one subtree predicate: `column` (a materialised unit path, dot-joined ancestor ids) is `path`
 * itself or lies under it. Served by the `text_pattern_ops` index on units.path.
 * `column` may be a Drizzle column or raw SQL naming an aliased column (`sql.raw('u.path')`).
 */
export function inSubtree(column: AnyColumn | SQL, path: string): SQL {
  return sql`(${column} = ${path} OR ${column} LIKE ${`${escapeLike(path)}.%`})`;
}

/** The same predicate over several roots (false when there are none). */
export function inAnySubtree(column: AnyColumn | SQL, paths: readonly string[]): SQL {
  if (paths.length === 0) return sql`FALSE`;
  return sql`(${sql.join(
    paths.map((p) => inSubtree(column, p)),
    sql` OR `,
  )})`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
