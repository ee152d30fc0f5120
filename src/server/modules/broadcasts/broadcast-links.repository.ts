// SQL of the send window and of supersede (0013_broadcast_windows.sql): the window columns of a broadcast, and the
// link between a broadcast and the one that replaces it.
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';

export async function setWindow(db: Db, id: string, w: { windowStart: string | null; windowEnd: string | null }): Promise<void> {
  await db.execute(sql`UPDATE broadcasts SET window_start = ${w.windowStart}, window_end = ${w.windowEnd} WHERE id = ${id}`);
}

export async function setSupersedes(db: Db, id: string, supersedesId: string): Promise<void> {
  await db.execute(sql`UPDATE broadcasts SET supersedes_id = ${supersedesId} WHERE id = ${id}`);
}

/**
 * Marks `oldId` as replaced by `newId`; when it was still open or being sent, it ends cancelled. Returns the status it
 * had, or null when it was already replaced (or gone).
 */
export async function markSuperseded(db: Db, oldId: string, newId: string, at: Date): Promise<string | null> {
  const r = await db.execute(sql`
    UPDATE broadcasts b SET superseded_by_id = ${newId}, updated_at = ${at.toISOString()}::timestamptz,
      status = CASE WHEN b.status IN ('draft', 'submitted', 'approved', 'sending') THEN 'cancelled' ELSE b.status END,
      cancelled_at = CASE WHEN b.status IN ('draft', 'submitted', 'approved', 'sending') THEN ${at.toISOString()}::timestamptz ELSE b.cancelled_at END
    FROM (SELECT id, status FROM broadcasts WHERE id = ${oldId} FOR UPDATE) old
    WHERE b.id = old.id AND b.superseded_by_id IS NULL
    RETURNING old.status AS "before"`);
  return rowsOf<{ before: string }>(r)[0]?.before ?? null;
}
