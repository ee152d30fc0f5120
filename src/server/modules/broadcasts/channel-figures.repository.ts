/**
 * Measured figures of the broadcast channels for the periodic-report roll-up (issue #12 point 10):
 * SMS sent and delivered per group of units and per period window, in one GROUP BY; the telcos' replies
 * to a telco request count as sent (and apart, as telco-reported).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { inAnySubtree } from '../../db/subtree.ts';

/** A period of the roll-up as a window of instants [from, to); from null = no lower bound. */
export interface ChannelWindow {
  period: string;
  from: Date | null;
  to: Date;
}

/**
 * Where the figures group, as in the tasks roll-up: by the direct child of the root a unit sits under
 * ('' for the root itself), or with perUnit by the unit itself (its path returned too, so the caller can
 * attribute a village's figures to the row above it). alsoUnder adds subtrees counted as well (the
 * today's-tree roll-up also reads today's units); it only makes sense with perUnit.
 */
export interface ChannelGrouping {
  rootPath: string;
  rootDepth: number;
  perUnit?: boolean;
  alsoUnder?: readonly string[];
}

export interface ChannelFigureRow {
  /** The group: the root's direct child id ('' = the root), or with perUnit the unit's id. */
  child: string;
  /** With perUnit, the unit's path; else null. */
  path: string | null;
  period: string;
  /** Messages that reached the SMSC (see SMS_SENT), plus telco-reported ones. */
  smsSent: number;
  /** Messages whose receipt said delivered. */
  smsDelivered: number;
  /** Of smsSent, the subscribers a telco reported having texted (a telco request's reply). */
  telcoReported: number;
}

/**
 * A delivery that reached the SMSC: accepted (submitted, then delivered, expired, or failed/rejected
 * by its receipt, all of which carry the SMSC's message id) or ambiguous (submit_sm sent, no answer:
 * it may have gone out). Not counted: queued, submitting (in flight), and failed/rejected without a
 * message id (refused by the SMSC, past the daily cap, no SMS account, cancelled or superseded).
 */
const SMS_SENT = sql.raw(`(d.state IN ('submitted', 'delivered', 'expired', 'ambiguous') OR (d.state IN ('failed', 'rejected') AND d.message_key IS NOT NULL))`);

/**
 * When a delivery counts: when the SMSC accepted it (submitted_at, 0015_sms_delivery_speed.sql; a
 * receipt never moves it, unlike updated_at, so a late receipt cannot move a message into another
 * period of a report already sent upward). Without one (ambiguous: submit_sm sent, no answer; a
 * delivery reconciled by its phone; rows from before 0015) at the moment its broadcast was released
 * for sending: the approval (the delivery's created_at) or the broadcast's scheduled time when later.
 */
const SMS_AT = sql.raw(`COALESCE(d.submitted_at, GREATEST(d.created_at, COALESCE(b.schedule_at, d.created_at)))`);

function groupKey(q: ChannelGrouping) {
  return q.perUnit ? sql`u.id::text` : sql`split_part(u.path, '.', ${q.rootDepth + 2}::int)`;
}

/**
 * Per group and period window: SMS sent and delivered to the subscribers of the units under the root
 * (a delivery belongs to its subscriber's unit, sms_deliveries.unit_id). One GROUP BY over every
 * channel's facts joined to the windows; PostgreSQL 15 and PGlite alike.
 */
export async function channelFiguresByPeriod(db: Db, q: ChannelGrouping & { windows: readonly ChannelWindow[] }): Promise<ChannelFigureRow[]> {
  if (!q.windows.length) return [];
  const windows = JSON.stringify(q.windows.map((w) => ({ period: w.period, f: w.from?.toISOString() ?? null, t: w.to.toISOString() })));
  const paths = [q.rootPath, ...(q.perUnit ? (q.alsoUnder ?? []) : [])];
  const result = await db.execute(sql`
    WITH w AS (
      SELECT x.period, COALESCE(x.f, '-infinity'::timestamptz) AS f, x.t
      FROM jsonb_to_recordset(${windows}::jsonb) AS x(period text, f timestamptz, t timestamptz)
    ),
    facts AS (
      -- Counted per unit and instant first (deliveries answered in one batch share one), so the subtree
      -- test and the windows see fewer rows than one per message.
      SELECT d.unit_id, ${SMS_AT} AS at,
             count(*) FILTER (WHERE ${SMS_SENT}) AS sent,
             count(*) FILTER (WHERE d.state = 'delivered') AS delivered,
             0::bigint AS telco
      FROM sms_deliveries d JOIN broadcasts b ON b.id = d.broadcast_id
      WHERE d.state NOT IN ('queued', 'submitting')
      GROUP BY 1, 2
      UNION ALL
      -- Telco replies to a telco request ("đã nhắn N thuê bao", broadcast_telco_results): attributed to the
      -- broadcast's unit at the time of the reply, counted in sent and in telco (no receipts: never delivered).
      SELECT b.unit_id, r.reported_at AS at, sum(r.subscribers)::bigint AS sent, 0::bigint AS delivered, sum(r.subscribers)::bigint AS telco
      FROM broadcast_telco_results r JOIN broadcasts b ON b.id = r.broadcast_id
      GROUP BY 1, 2
    )
    SELECT ${groupKey(q)} AS child, ${q.perUnit ? sql`u.path` : sql`NULL::text`} AS path, w.period,
           sum(facts.sent)::float8 AS "smsSent", sum(facts.delivered)::float8 AS "smsDelivered", sum(facts.telco)::float8 AS "telcoReported"
    FROM facts JOIN units u ON u.id = facts.unit_id JOIN w ON facts.at >= w.f AND facts.at < w.t
    WHERE ${inAnySubtree(sql.raw('u.path'), paths)}
    GROUP BY 1, 2, 3
    HAVING sum(facts.sent) > 0 OR sum(facts.delivered) > 0`);
  return rowsOf<ChannelFigureRow>(result).map((r) => ({
    child: r.child,
    path: r.path,
    period: r.period,
    smsSent: Number(r.smsSent),
    smsDelivered: Number(r.smsDelivered),
    telcoReported: Number(r.telcoReported),
  }));
}
