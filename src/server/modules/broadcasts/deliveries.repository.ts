import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';
import type { DeliveryState } from '../../../shared/contracts/broadcasts.ts';

export interface DeliveryInsert {
  subscriberId: string | null;
  unitId: string | null;
  phone: string;
  telco: string;
  state: 'queued' | 'rejected';
  error: string | null;
}

export interface DeliveryRow {
  id: string;
  broadcastId: string;
  phone: string;
  telco: string;
  state: DeliveryState;
  parts: number;
  messageId: string | null;
  error: string | null;
  attempts: number;
  updatedAt: Date;
}

const COLUMNS = sql.raw(`id, broadcast_id AS "broadcastId", phone, telco, state, parts, message_id AS "messageId", error, attempts, updated_at AS "updatedAt"`);

function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

/** Inserts the deliveries of a broadcast in chunks (unnest of array parameters); a phone already there is skipped. Returns the ids of the queued rows. */
export async function insertDeliveries(
  db: Db,
  broadcastId: string,
  rows: readonly DeliveryInsert[],
  common: { parts: number; ordinary: boolean; localDay: string; at: Date },
): Promise<string[]> {
  const queued: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const r = await db.execute(sql`
      INSERT INTO sms_deliveries (broadcast_id, subscriber_id, unit_id, phone, telco, state, error, parts, ordinary, local_day, created_at, updated_at)
      SELECT ${broadcastId}::uuid, s, u, p, t, st, e, ${common.parts}, ${common.ordinary}, ${common.localDay}::date, ${common.at.toISOString()}::timestamptz, ${common.at.toISOString()}::timestamptz
      FROM unnest(
        ${arrayLiteral(chunk.map((d) => d.subscriberId))}::uuid[],
        ${arrayLiteral(chunk.map((d) => d.unitId))}::uuid[],
        ${arrayLiteral(chunk.map((d) => d.phone))}::text[],
        ${arrayLiteral(chunk.map((d) => d.telco))}::text[],
        ${arrayLiteral(chunk.map((d) => d.state))}::text[],
        ${arrayLiteral(chunk.map((d) => d.error))}::text[]) AS x(s, u, p, t, st, e)
      ON CONFLICT (broadcast_id, phone) DO NOTHING
      RETURNING id, state`);
    for (const row of rowsOf<Record<string, unknown>>(r) as { id: string; state: string }[]) if (row.state === 'queued') queued.push(row.id);
  }
  return queued;
}

/** Ordinary messages already counted against each phone's cap on that local day (rejected ones do not count). */
export async function ordinaryCountsForDay(db: Db, phones: readonly string[], localDay: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!phones.length) return out;
  const r = await db.execute(sql`
    SELECT phone, count(*)::int AS n FROM sms_deliveries
    WHERE local_day = ${localDay}::date AND ordinary AND state <> 'rejected' AND phone = ANY(${arrayLiteral(phones)}::text[])
    GROUP BY phone`);
  for (const row of rowsOf<Record<string, unknown>>(r) as { phone: string; n: number }[]) out.set(row.phone, row.n);
  return out;
}

// PGlite has no autovacuum, so sms_deliveries has no statistics: with an index on state (there was one until
// 0015_sms_delivery_speed.sql) the planner took `state = 'queued'` for a rare value and ANDed that index into a
// lookup by id or message key (a scan of every queued or submitted row, per statement). `(state …) IS TRUE` is the
// same condition (state is NOT NULL) in a form no index matches, kept so that an index on state added later cannot
// bring the trap back; it stays on the updated row, so PostgreSQL re-checks it on a row another worker changed
// meanwhile. No index may name state (not even a partial one): the claim and the receipt would stop being HOT.

/** Claims queued deliveries of the list for sending: 'submitting' is committed before anything goes out. */
export async function claimForSubmit(db: Db, ids: readonly string[], at: Date): Promise<{ id: string; phone: string }[]> {
  if (!ids.length) return [];
  const r = await db.execute(sql`
    UPDATE sms_deliveries SET state = 'submitting', attempts = attempts + 1, updated_at = ${at.toISOString()}::timestamptz
    WHERE id = ANY(${arrayLiteral(ids)}::uuid[]) AND (state = 'queued') IS TRUE
    RETURNING id, phone`);
  return rowsOf<Record<string, unknown>>(r) as unknown as { id: string; phone: string }[];
}

export async function queuedIn(db: Db, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const r = await db.execute(sql`SELECT id FROM sms_deliveries WHERE id = ANY(${arrayLiteral(ids)}::uuid[]) AND state = 'queued' ORDER BY id`);
  return (rowsOf<Record<string, unknown>>(r) as { id: string }[]).map((x) => x.id);
}

export interface SubmitOutcome {
  id: string;
  state: 'submitted' | 'queued' | 'failed' | 'rejected' | 'ambiguous';
  messageId: string | null;
  messageKey: string | null;
  bind: string | null;
  error: string | null;
}

/** Records what the SMSC answered (an accepted one with its submitted_at), only for rows still 'submitting' (a receipt may have settled one already). */
export async function recordOutcomes(db: Db, outcomes: readonly SubmitOutcome[], at: Date): Promise<void> {
  if (!outcomes.length) return;
  await db.execute(sql`
    UPDATE sms_deliveries d SET state = x.st, message_id = x.mid, message_key = x.mk, bind = x.b, error = x.e, updated_at = ${at.toISOString()}::timestamptz,
      submitted_at = CASE WHEN x.st = 'submitted' THEN ${at.toISOString()}::timestamptz END
    FROM unnest(
      ${arrayLiteral(outcomes.map((o) => o.id))}::uuid[],
      ${arrayLiteral(outcomes.map((o) => o.state))}::text[],
      ${arrayLiteral(outcomes.map((o) => o.messageId))}::text[],
      ${arrayLiteral(outcomes.map((o) => o.messageKey))}::text[],
      ${arrayLiteral(outcomes.map((o) => o.bind))}::text[],
      ${arrayLiteral(outcomes.map((o) => o.error))}::text[]) AS x(id, st, mid, mk, b, e)
    WHERE d.id = x.id AND d.state = 'submitting'`);
}

/** Temporary failures past their attempts become failed. */
export async function failExhausted(db: Db, ids: readonly string[], maxAttempts: number, error: string, at: Date): Promise<void> {
  if (!ids.length) return;
  await db.execute(sql`
    UPDATE sms_deliveries SET state = 'failed', error = ${error}, updated_at = ${at.toISOString()}::timestamptz
    WHERE id = ANY(${arrayLiteral(ids)}::uuid[]) AND state = 'queued' AND attempts >= ${maxAttempts}`);
}

/** Every queued delivery of the list ends with the same state and error (no account, cancelled broadcast). */
export async function settleQueued(db: Db, where: { ids?: readonly string[]; broadcastId?: string }, state: 'failed' | 'rejected', error: string, at: Date): Promise<number> {
  const r = await db.execute(sql`
    UPDATE sms_deliveries SET state = ${state}, error = ${error}, updated_at = ${at.toISOString()}::timestamptz
    WHERE state = 'queued' ${where.ids ? sql`AND id = ANY(${arrayLiteral(where.ids)}::uuid[])` : sql``}
      ${where.broadcastId ? sql`AND broadcast_id = ${where.broadcastId}` : sql``}
    RETURNING 1 AS x`);
  return rowsOf<Record<string, unknown>>(r).length;
}

/** After a restart: a delivery left 'submitting' may or may not have reached the SMSC. Returns the broadcasts touched. */
export async function markSubmittingAmbiguous(db: Db, error: string, at: Date): Promise<string[]> {
  const r = await db.execute(sql`
    UPDATE sms_deliveries SET state = 'ambiguous', error = ${error}, updated_at = ${at.toISOString()}::timestamptz
    WHERE state = 'submitting' RETURNING broadcast_id AS "broadcastId"`);
  return [...new Set((rowsOf<Record<string, unknown>>(r) as { broadcastId: string }[]).map((x) => x.broadcastId))];
}

export interface ReceiptSettle {
  idForms: readonly string[];
  state: 'delivered' | 'failed' | 'expired' | 'rejected';
  error: string | null;
}

/**
 * Settles many receipts by message id (any of its forms) in one statement, as settleByReceipt's first step does
 * for one; returns, per receipt, the broadcast of a delivery it settled or null (the caller then goes on with
 * settleByReceipt for that one). Each id form is looked up on its own (LATERAL): many keys in one `= ANY` would be
 * estimated, without statistics, as half the table and scanned sequentially.
 */
export async function settleReceiptsById(db: Db, receipts: readonly ReceiptSettle[], at: Date): Promise<(string | null)[]> {
  const keys: string[] = [];
  const index: string[] = [];
  for (const [i, r] of receipts.entries()) {
    for (const k of new Set(r.idForms)) {
      keys.push(k);
      index.push(String(i));
    }
  }
  const out: (string | null)[] = receipts.map(() => null);
  if (!keys.length) return out;
  const res = await db.execute(sql`
    WITH x AS (
      SELECT k.key, k.i, r.st, r.e FROM unnest(${arrayLiteral(keys)}::text[], ${arrayLiteral(index)}::int[]) AS k(key, i)
      JOIN unnest(${arrayLiteral(receipts.map((r) => r.state))}::text[], ${arrayLiteral(receipts.map((r) => r.error))}::text[]) WITH ORDINALITY AS r(st, e, n) ON r.n = k.i + 1
    ), hit AS (
      SELECT x.i, x.st, x.e, s.id FROM x
      CROSS JOIN LATERAL (SELECT id FROM sms_deliveries s WHERE s.message_key = x.key AND (s.state IN ('submitted', 'ambiguous')) IS TRUE LIMIT 16) s
    )
    UPDATE sms_deliveries d SET state = hit.st, error = hit.e, updated_at = ${at.toISOString()}::timestamptz
    FROM hit WHERE d.id = hit.id AND d.state IN ('submitted', 'ambiguous')
    RETURNING hit.i AS i, d.broadcast_id AS "broadcastId"`);
  for (const row of rowsOf<{ i: number; broadcastId: string }>(res)) out[row.i] = row.broadcastId;
  return out;
}

/**
 * What a receipt settled: a delivery (its broadcast), 'known' (its id is a delivery's already settled: a receipt
 * delivered again), 'pending' (try again soon: its id was recorded just now, or a delivery of that phone is still
 * 'submitting' — its submit_sm_resp may be about to give this id, or a dead worker's delivery is about to become
 * ambiguous), or null (no candidate).
 */
export type ReceiptMatch = { broadcastId: string } | 'known' | 'pending' | null;

/**
 * Settles by message id (any of its forms); failing that, reconciles an ambiguous delivery without an id (its
 * submit_sm_resp was lost) by the phone — only when it is the phone's only ambiguous delivery without an id and
 * none of the phone's deliveries is 'submitting' (that one's id may be this receipt's). The reconciled delivery
 * takes the receipt's id and `reconciledError` (the receipt's error plus a note).
 */
export async function settleByReceipt(
  db: Db,
  r: {
    messageId: string;
    idForms: readonly string[];
    phone: string | null;
    state: 'delivered' | 'failed' | 'expired' | 'rejected';
    error: string | null;
    reconciledError: string;
  },
  at: Date,
): Promise<ReceiptMatch> {
  const forms = arrayLiteral(r.idForms);
  const byId = await db.execute(sql`
    UPDATE sms_deliveries SET state = ${r.state}, error = ${r.error}, updated_at = ${at.toISOString()}::timestamptz
    WHERE message_key = ANY(${forms}::text[]) AND (state IN ('submitted', 'ambiguous')) IS TRUE
    RETURNING broadcast_id AS "broadcastId"`);
  const hit = rowsOf<Record<string, unknown>>(byId)[0] as { broadcastId: string } | undefined;
  if (hit) return hit;
  // Its id already stored: settled before (a receipt delivered again), or recorded just after the UPDATE above
  // looked (the submit_sm_resp's record committed meanwhile): then the next try settles it.
  const known = await db.execute(sql`
    SELECT bool_or(state IN ('submitted', 'ambiguous')) AS open FROM sms_deliveries WHERE message_key = ANY(${forms}::text[]) HAVING count(*) > 0`);
  const k = rowsOf<{ open: boolean }>(known)[0];
  if (k) return k.open ? 'pending' : 'known';
  if (!r.phone) return null;
  const byPhone = await db.execute(sql`
    WITH c AS (
      SELECT id, state FROM sms_deliveries
      WHERE phone = ${r.phone} AND (state = 'submitting' OR (state = 'ambiguous' AND message_key IS NULL)) IS TRUE),
    one AS (SELECT id FROM c WHERE state = 'ambiguous' AND (SELECT count(*) FROM c) = 1),
    settled AS (
      UPDATE sms_deliveries d SET state = ${r.state}, error = ${r.reconciledError}, message_id = ${r.messageId},
        message_key = ${r.idForms[0] ?? null}, updated_at = ${at.toISOString()}::timestamptz
      FROM one WHERE d.id = one.id AND d.state = 'ambiguous' AND d.message_key IS NULL
      RETURNING d.broadcast_id AS "broadcastId")
    SELECT (SELECT "broadcastId" FROM settled LIMIT 1) AS "broadcastId", EXISTS (SELECT 1 FROM c WHERE state = 'submitting') AS pending`);
  const row = rowsOf<Record<string, unknown>>(byPhone)[0] as { broadcastId: string | null; pending: boolean } | undefined;
  if (row?.broadcastId) return { broadcastId: row.broadcastId };
  return row?.pending ? 'pending' : null;
}

export async function countUnfinished(db: Db, broadcastId: string): Promise<number> {
  const r = await db.execute(sql`SELECT count(*)::int AS n FROM sms_deliveries WHERE broadcast_id = ${broadcastId} AND state IN ('queued', 'submitting')`);
  return (rowsOf<Record<string, unknown>>(r)[0] as { n: number }).n;
}

export async function countsByTelcoState(db: Db, broadcastIds: readonly string[]): Promise<{ broadcastId: string; telco: string; state: DeliveryState; n: number }[]> {
  if (!broadcastIds.length) return [];
  const r = await db.execute(sql`
    SELECT broadcast_id AS "broadcastId", telco, state, count(*)::int AS n FROM sms_deliveries
    WHERE broadcast_id = ANY(${arrayLiteral(broadcastIds)}::uuid[]) GROUP BY broadcast_id, telco, state`);
  return rowsOf<Record<string, unknown>>(r) as unknown as { broadcastId: string; telco: string; state: DeliveryState; n: number }[];
}

export async function listDeliveries(db: Db, broadcastId: string, q: { state?: DeliveryState; limit: number }): Promise<DeliveryRow[]> {
  const r = await db.execute(sql`
    SELECT ${COLUMNS} FROM sms_deliveries WHERE broadcast_id = ${broadcastId} ${q.state ? sql`AND state = ${q.state}` : sql``}
    ORDER BY phone LIMIT ${q.limit}`);
  return rowsOf<Record<string, unknown>>(r) as unknown as DeliveryRow[];
}

/** Queued deliveries of broadcasts being sent (what a restarted worker resumes), by broadcast. */
export async function queuedOfSending(db: Db): Promise<{ broadcastId: string; id: string }[]> {
  const r = await db.execute(sql`
    SELECT d.broadcast_id AS "broadcastId", d.id FROM sms_deliveries d JOIN broadcasts b ON b.id = d.broadcast_id
    WHERE d.state = 'queued' AND b.status = 'sending' ORDER BY d.broadcast_id, d.id`);
  return rowsOf<{ broadcastId: string; id: string }>(r);
}
