import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { inSubtree } from '../../db/subtree.ts';

/** A case counted by a figure: when it counts, and the channel of its first report. */
export interface FigureEvent {
  caseId: string;
  at: Date;
  channel: string | null;
}

const firstChannel = sql.raw(`(SELECT r.channel FROM rumor_reports r WHERE r.case_id = c.id ORDER BY r.created_at, r.id LIMIT 1)`);
const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

function events(rows: Record<string, unknown>[]): FigureEvent[] {
  return rows.map((r) => ({ caseId: String(r.case_id), at: toDate(r.at), channel: (r.channel as string | null) ?? null }));
}

/** Cases opened in [from, to) by the desks under the path. */
export async function casesReceived(db: Db, path: string, from: Date, to: Date): Promise<FigureEvent[]> {
  const res = await db.execute(sql`
    SELECT c.id AS case_id, c.created_at AS at, ${firstChannel} AS channel
    FROM rumor_cases c JOIN units u ON u.id = c.unit_id
    WHERE ${inSubtree(sql.raw('u.path'), path)} AND c.created_at >= ${from} AND c.created_at < ${to}`);
  return events(rowsOf<Record<string, unknown>>(res));
}

/** Cases concluded (the leader approved the conclusion) in [from, to). */
export async function casesVerified(db: Db, path: string, from: Date, to: Date): Promise<FigureEvent[]> {
  const res = await db.execute(sql`
    SELECT c.id AS case_id, coalesce(c.approved_at, c.updated_at) AS at, ${firstChannel} AS channel
    FROM rumor_cases c JOIN units u ON u.id = c.unit_id
    WHERE ${inSubtree(sql.raw('u.path'), path)} AND c.status = 'concluded'
      AND coalesce(c.approved_at, c.updated_at) >= ${from} AND coalesce(c.approved_at, c.updated_at) < ${to}`);
  return events(rowsOf<Record<string, unknown>>(res));
}

/** Cases handed to the police, at their first hand-off, when that falls in [from, to) (a cancelled one does not count). */
export async function casesToPolice(db: Db, path: string, from: Date, to: Date): Promise<FigureEvent[]> {
  const res = await db.execute(sql`
    SELECT c.id AS case_id, p.at, ${firstChannel} AS channel
    FROM (SELECT a.case_id, min(a.created_at) AS at FROM rumor_actions a WHERE a.kind = 'police' AND a.state <> 'cancelled' GROUP BY a.case_id) p
    JOIN rumor_cases c ON c.id = p.case_id JOIN units u ON u.id = c.unit_id
    WHERE ${inSubtree(sql.raw('u.path'), path)} AND p.at >= ${from} AND p.at < ${to}`);
  return events(rowsOf<Record<string, unknown>>(res));
}

/** Cases with a correction article (its publication date comes from the publishing module). */
export async function casesWithCorrection(db: Db, path: string): Promise<{ caseId: string; postId: string; channel: string | null }[]> {
  const res = await db.execute(sql`
    SELECT c.id AS case_id, c.correction_post_id AS post_id, ${firstChannel} AS channel
    FROM rumor_cases c JOIN units u ON u.id = c.unit_id
    WHERE ${inSubtree(sql.raw('u.path'), path)} AND c.correction_post_id IS NOT NULL`);
  return rowsOf<Record<string, unknown>>(res).map((r) => ({ caseId: String(r.case_id), postId: String(r.post_id), channel: (r.channel as string | null) ?? null }));
}

/** Reports received in [from, to) per channel. */
export async function reportsByChannel(db: Db, path: string, from: Date, to: Date): Promise<Map<string, number>> {
  const res = await db.execute(sql`
    SELECT r.channel, count(*)::int AS n
    FROM rumor_reports r JOIN units u ON u.id = r.unit_id
    WHERE ${inSubtree(sql.raw('u.path'), path)} AND r.created_at >= ${from} AND r.created_at < ${to}
    GROUP BY r.channel`);
  return new Map(rowsOf<{ channel: string; n: number }>(res).map((r) => [r.channel, Number(r.n)]));
}

// ── The start page ──

export interface WorkCase {
  id: string;
  title: string;
  code: string;
  respondBy: Date | null;
}

/** Open cases past their response deadline under the path, the most overdue first. */
export async function overdueCases(db: Db, path: string, now: Date, limit: number): Promise<{ total: number; rows: WorkCase[] }> {
  const res = await db.execute(sql`
    SELECT c.id, c.title, c.code, c.respond_by, count(*) OVER ()::int AS total
    FROM rumor_cases c JOIN units u ON u.id = c.unit_id
    WHERE ${inSubtree(sql.raw('u.path'), path)} AND c.status <> 'concluded' AND c.respond_by IS NOT NULL AND c.respond_by < ${now}
    ORDER BY c.respond_by, c.id LIMIT ${limit}`);
  return workRows(rowsOf<Record<string, unknown>>(res));
}

/** Cases whose conclusion was proposed and waits for a leader under the path, the oldest proposal first. */
export async function proposedConclusions(db: Db, path: string, limit: number): Promise<{ total: number; rows: WorkCase[] }> {
  const res = await db.execute(sql`
    SELECT c.id, c.title, c.code, c.respond_by, count(*) OVER ()::int AS total
    FROM rumor_cases c JOIN units u ON u.id = c.unit_id
    WHERE ${inSubtree(sql.raw('u.path'), path)} AND c.conclusion_state = 'proposed' AND c.status <> 'concluded'
    ORDER BY c.proposed_at NULLS LAST, c.id LIMIT ${limit}`);
  return workRows(rowsOf<Record<string, unknown>>(res));
}

function workRows(rows: Record<string, unknown>[]): { total: number; rows: WorkCase[] } {
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({ id: String(r.id), title: String(r.title), code: String(r.code), respondBy: r.respond_by ? toDate(r.respond_by) : null })),
  };
}
