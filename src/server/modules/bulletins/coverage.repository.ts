import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';

export interface CommuneCoverageRow {
  unitId: string;
  unitName: string;
  code: string | null;
  targeted: number;
  started: number;
  finished: number;
  interrupted: number;
}

/** Per target commune: devices targeted, and how many of them logged started / finished / interrupted for the bulletin. */
export async function coverageByCommune(db: Db, bulletinId: string): Promise<CommuneCoverageRow[]> {
  const r = await db.execute(sql`
    WITH played AS (
      SELECT device_id, bool_or(type = 'started') AS started, bool_or(type = 'finished') AS finished, bool_or(type = 'interrupted') AS interrupted
      FROM device_logs WHERE item_id = ${bulletinId}::text GROUP BY device_id
    )
    SELECT t.unit_id AS "unitId", u.name AS "unitName", u.code, count(*)::int AS targeted,
      count(*) FILTER (WHERE p.started)::int AS started, count(*) FILTER (WHERE p.finished)::int AS finished,
      count(*) FILTER (WHERE p.interrupted)::int AS interrupted
    FROM bulletin_targets t JOIN units u ON u.id = t.unit_id LEFT JOIN played p ON p.device_id = t.device_id
    WHERE t.bulletin_id = ${bulletinId}
    GROUP BY t.unit_id, u.name, u.code ORDER BY u.code NULLS LAST, u.name`);
  return rowsOf<CommuneCoverageRow>(r);
}

export interface NotPlayedRow {
  deviceId: string;
  name: string;
  kind: string;
  unitName: string;
  village: string | null;
  lastSeenAt: Date | string | null;
}

/** Targeted devices with no started log for the bulletin, those silent longest first. */
export async function notPlayed(db: Db, bulletinId: string, limit: number): Promise<NotPlayedRow[]> {
  const r = await db.execute(sql`
    SELECT d.id AS "deviceId", d.name, d.kind, u.name AS "unitName", d.village, d.last_seen_at AS "lastSeenAt"
    FROM bulletin_targets t JOIN devices d ON d.id = t.device_id JOIN units u ON u.id = t.unit_id
    WHERE t.bulletin_id = ${bulletinId}
      AND NOT EXISTS (SELECT 1 FROM device_logs l WHERE l.item_id = ${bulletinId}::text AND l.device_id = t.device_id AND l.type = 'started')
    ORDER BY d.last_seen_at NULLS FIRST, u.name, d.name LIMIT ${limit}`);
  return rowsOf<NotPlayedRow>(r);
}
