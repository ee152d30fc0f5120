import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';
import { inAnySubtree, inSubtree } from '../../db/subtree.ts';
import type { Audience, BroadcastRoute, BroadcastStatus, Priority } from '../../../shared/contracts/broadcasts.ts';

export interface BroadcastRow {
  id: string;
  unitId: string;
  title: string;
  priority: Priority;
  status: BroadcastStatus;
  smsText: string;
  unaccented: boolean;
  senderName: string | null;
  audience: Audience;
  scheduleAt: Date | null;
  directiveId: string | null;
  recipients: number | null;
  emergency: boolean;
  createdBy: string | null;
  createdAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
  cancelledAt: Date | null;
  windowStart: string | null;
  windowEnd: string | null;
  supersedesId: string | null;
  supersededById: string | null;
  route: BroadcastRoute;
  telcoRequestDirectiveId: string | null;
}

const COLUMNS = sql`id, window_start AS "windowStart", window_end AS "windowEnd", supersedes_id AS "supersedesId", superseded_by_id AS "supersededById", unit_id AS "unitId", title, priority, status, sms_text AS "smsText", unaccented, sender_name AS "senderName",
  audience, schedule_at AS "scheduleAt", directive_id AS "directiveId", recipients, emergency, created_by AS "createdBy",
  created_at AS "createdAt", approved_by AS "approvedBy", approved_at AS "approvedAt", cancelled_at AS "cancelledAt",
  route, telco_request_directive_id AS "telcoRequestDirectiveId"`;

const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());

export interface BroadcastWrite {
  title: string;
  priority: Priority;
  smsText: string;
  unaccented: boolean;
  senderName: string | null;
  audience: Audience;
  scheduleAt: string | null;
  directiveId: string | null;
  /** Written by broadcast-links.repository.ts setWindow. */
  windowStart: string | null;
  windowEnd: string | null;
  route: BroadcastRoute;
}

export async function insertBroadcast(db: Db, row: BroadcastWrite & { unitId: string; createdBy: string; at: Date }): Promise<BroadcastRow> {
  const r = await db.execute(sql`
    INSERT INTO broadcasts (unit_id, title, priority, sms_text, unaccented, sender_name, audience, schedule_at, directive_id, route, created_by, created_at, updated_at)
    VALUES (${row.unitId}, ${row.title}, ${row.priority}, ${row.smsText}, ${row.unaccented}, ${row.senderName}, ${JSON.stringify(row.audience)}::jsonb,
      ${iso(row.scheduleAt)}::timestamptz, ${row.directiveId}, ${row.route}, ${row.createdBy}, ${row.at.toISOString()}::timestamptz, ${row.at.toISOString()}::timestamptz)
    RETURNING ${COLUMNS}`);
  return rowsOf<Record<string, unknown>>(r)[0] as unknown as BroadcastRow;
}

export async function updateBroadcast(db: Db, id: string, row: BroadcastWrite, at: Date): Promise<BroadcastRow> {
  const r = await db.execute(sql`
    UPDATE broadcasts SET title = ${row.title}, priority = ${row.priority}, sms_text = ${row.smsText}, unaccented = ${row.unaccented},
      sender_name = ${row.senderName}, audience = ${JSON.stringify(row.audience)}::jsonb, schedule_at = ${iso(row.scheduleAt)}::timestamptz,
      directive_id = ${row.directiveId}, route = ${row.route}, updated_at = ${at.toISOString()}::timestamptz
    WHERE id = ${id} RETURNING ${COLUMNS}`);
  return rowsOf<Record<string, unknown>>(r)[0] as unknown as BroadcastRow;
}

export async function findBroadcast(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<BroadcastRow | undefined> {
  const r = await db.execute(sql`SELECT ${COLUMNS} FROM broadcasts WHERE id = ${id} ${opts.forUpdate ? sql`FOR UPDATE` : sql``}`);
  return rowsOf<Record<string, unknown>>(r)[0] as unknown as BroadcastRow | undefined;
}

/** Moves the status (and stamps what the step sets); returns false when the row was not in `from`. */
export async function setStatus(
  db: Db,
  id: string,
  from: readonly BroadcastStatus[],
  to: BroadcastStatus,
  at: Date,
  extra: { approvedBy?: string; emergency?: boolean; recipients?: number } = {},
): Promise<boolean> {
  const r = await db.execute(sql`
    UPDATE broadcasts SET status = ${to}, updated_at = ${at.toISOString()}::timestamptz
      ${to === 'submitted' ? sql`, submitted_at = ${at.toISOString()}::timestamptz` : sql``}
      ${extra.approvedBy ? sql`, approved_by = ${extra.approvedBy}, approved_at = ${at.toISOString()}::timestamptz, emergency = ${extra.emergency ?? false}` : sql``}
      ${extra.recipients !== undefined ? sql`, recipients = ${extra.recipients}` : sql``}
      ${to === 'cancelled' ? sql`, cancelled_at = ${at.toISOString()}::timestamptz` : sql``}
      ${to === 'done' ? sql`, finished_at = ${at.toISOString()}::timestamptz` : sql``}
    WHERE id = ${id} AND status IN (${sql.join(
      from.map((s) => sql`${s}`),
      sql`, `,
    )})
    RETURNING 1 AS x`);
  return rowsOf<Record<string, unknown>>(r).length > 0;
}

/** Broadcasts of the units whose paths are given (each with its subtree), newest first. */
/** Broadcasts within the reader's scope; of one unit, or with `underPath` of every unit in that subtree. */
export async function listBroadcasts(
  db: Db,
  q: { unitPaths: string[] | null; unitId?: string | undefined; underPath?: string | undefined; status?: BroadcastStatus | undefined },
): Promise<(BroadcastRow & { unitName: string })[]> {
  const scope = q.unitPaths === null ? sql`true` : inAnySubtree(sql`u.path`, q.unitPaths);
  const unit = q.underPath ? sql`AND ${inSubtree(sql`u.path`, q.underPath)}` : q.unitId ? sql`AND b.unit_id = ${q.unitId}` : sql``;
  const r = await db.execute(sql`
    SELECT ${sql.raw(
      'b.id, b.window_start AS "windowStart", b.window_end AS "windowEnd", b.supersedes_id AS "supersedesId", b.superseded_by_id AS "supersededById", b.unit_id AS "unitId", b.title, b.priority, b.status, b.sms_text AS "smsText", b.unaccented, b.sender_name AS "senderName", b.audience, b.schedule_at AS "scheduleAt", b.directive_id AS "directiveId", b.recipients, b.emergency, b.created_by AS "createdBy", b.created_at AS "createdAt", b.approved_by AS "approvedBy", b.approved_at AS "approvedAt", b.cancelled_at AS "cancelledAt", b.route, b.telco_request_directive_id AS "telcoRequestDirectiveId", u.name AS "unitName"',
    )}
    FROM broadcasts b JOIN units u ON u.id = b.unit_id
    WHERE ${scope} ${unit} ${q.status ? sql`AND b.status = ${q.status}` : sql``}
    ORDER BY b.created_at DESC, b.id LIMIT 500`);
  return rowsOf<Record<string, unknown>>(r) as unknown as (BroadcastRow & { unitName: string })[];
}
