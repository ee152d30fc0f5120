// Telco requests: the công văn a broadcast is tied to and the telcos' replies (broadcast_telco_results,
// migrations/0012_telco_requests.sql).
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';

export interface TelcoResultRow {
  id: string;
  broadcastId: string;
  telcoUnitId: string | null;
  telcoName: string;
  subscribers: number;
  reportedAt: Date;
  note: string | null;
  idempotencyKey: string | null;
  createdBy: string | null;
  createdAt: Date;
}

const COLUMNS = sql`id, broadcast_id AS "broadcastId", telco_unit_id AS "telcoUnitId", telco_name AS "telcoName", subscribers,
  reported_at AS "reportedAt", note, idempotency_key AS "idempotencyKey", created_by AS "createdBy", created_at AS "createdAt"`;

/** Ties the drafted công văn to its broadcast. */
export async function setRequestDirective(db: Db, broadcastId: string, directiveId: string, at: Date): Promise<void> {
  await db.execute(sql`UPDATE broadcasts SET telco_request_directive_id = ${directiveId}, updated_at = ${at.toISOString()}::timestamptz WHERE id = ${broadcastId}`);
}

/**
 * Records one reply. With an idempotency key already used for this broadcast nothing is inserted and the
 * stored row is returned with `inserted: false` (the caller compares it with the request).
 */
export async function insertTelcoResult(db: Db, row: Omit<TelcoResultRow, 'id' | 'createdAt'> & { createdAt: Date }): Promise<{ row: TelcoResultRow; inserted: boolean }> {
  const r = await db.execute(sql`
    INSERT INTO broadcast_telco_results (broadcast_id, telco_unit_id, telco_name, subscribers, reported_at, note, idempotency_key, created_by, created_at)
    VALUES (${row.broadcastId}, ${row.telcoUnitId}, ${row.telcoName}, ${row.subscribers}, ${row.reportedAt.toISOString()}::timestamptz, ${row.note},
      ${row.idempotencyKey}, ${row.createdBy}, ${row.createdAt.toISOString()}::timestamptz)
    ON CONFLICT (broadcast_id, idempotency_key) DO NOTHING
    RETURNING ${COLUMNS}`);
  const inserted = rowsOf<TelcoResultRow>(r)[0];
  if (inserted) return { row: inserted, inserted: true };
  const existing = await db.execute(sql`SELECT ${COLUMNS} FROM broadcast_telco_results WHERE broadcast_id = ${row.broadcastId} AND idempotency_key = ${row.idempotencyKey}`);
  return { row: rowsOf<TelcoResultRow>(existing)[0]!, inserted: false };
}

/** The replies of a broadcast, in the order the telcos reported. */
export async function listTelcoResults(db: Db, broadcastId: string): Promise<TelcoResultRow[]> {
  const r = await db.execute(sql`SELECT ${COLUMNS} FROM broadcast_telco_results WHERE broadcast_id = ${broadcastId} ORDER BY reported_at, created_at, id`);
  return rowsOf<TelcoResultRow>(r);
}
