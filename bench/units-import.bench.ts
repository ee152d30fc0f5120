/**
 * units-import: the whole 2025 GSO list (63 provinces, 696 districts, 10,035 communes) imported on
 * in-memory PGlite through the product's import, against a baseline of one hand-written multi-row
 * INSERT (one statement over jsonb_to_recordset) of the same rows into an empty table in the same run.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.ts';
import { createContainer } from '../src/server/container.ts';
import { SYSTEM_ACTOR } from '../src/server/modules/access/index.ts';
import { fixedClock } from '../src/server/platform/clock.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { createLogMailer } from '../src/server/providers/mailer/log.ts';
import { loadEdition } from '../src/server/modules/units/editions.ts';
import type { BenchResult } from './run.ts';

async function freshContainer() {
  const database = await openDatabase({ dataDir: null });
  await database.migrate();
  const logger = createLogger('silent');
  return createContainer({ database, clock: fixedClock(new Date()), logger, mailer: createLogMailer(logger), env: { PUBLIC_URL: 'http://x', SESSION_TTL_HOURS: 1 } });
}

export default async function run(): Promise<BenchResult> {
  const rows = loadEdition('vn-2025');

  const base = await freshContainer();
  const t0 = performance.now();
  await base.database.db.execute(sql`
    INSERT INTO units (id, parent_id, path, depth, edition, code, name, kind, valid_to)
    SELECT u.id, u."parentId", u.path, u.depth, 'vn-2025', u.code, u.name, u.kind, '2025-06-30'::date
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS u(id uuid, "parentId" uuid, path text, depth int, code text, name text, kind text)`);
  const baseline = performance.now() - t0;
  await base.database.close();

  const c = await freshContainer();
  const t1 = performance.now();
  const first = await c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025');
  const value = performance.now() - t1;
  const t2 = performance.now();
  const again = await c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025');
  const reimport = performance.now() - t2;
  await c.database.close();

  return {
    name: 'units-import',
    value: Math.round(value),
    baseline: Math.round(baseline),
    unit: 'ms (lower is better)',
    details: { rows: rows.length, counts: first.counts, reimportMs: Math.round(reimport), reimportChanged: again.changed },
  };
}
