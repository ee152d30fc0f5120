/**
 * rollup: 52 weekly periods × 10,035 communes × 4 indicators (about 2.1 million figures) on
 * in-memory PGlite. The value is the product's roll-up of the whole country to its 63 provinces
 * over the 52 periods (figures, coverage, late and missing units); the baseline is one hand-written
 * GROUP BY (province, period, indicator) over the same rows in the same run. Both are the median
 * of a few runs after a warm-up. With TEST_DATABASE_URL set, details also time submissions through
 * the HTTP API on PostgreSQL (one province, sequential and 10 at a time).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../src/server/db/client.ts';
import { createContainer } from '../src/server/container.ts';
import type { Actor } from '../src/server/modules/access/index.ts';
import { SYSTEM_ACTOR } from '../src/server/modules/access/index.ts';
import { NATION_ID } from '../src/server/modules/units/index.ts';
import { fixedClock } from '../src/server/platform/clock.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { createLogMailer } from '../src/server/providers/mailer/log.ts';
import type { BenchResult } from './run.ts';

const WEEKS = 52;
const FIRST = '2024-07-04'; // a Thursday; 52 Thursdays up to 2025-06-26, all in the 2025 GSO list's validity
const LAST = '2025-06-26';
const RUNS = 3;

const planner: Actor = { userId: randomUUID(), username: 'bench', displayName: 'Bench', unitId: NATION_ID, unitPath: NATION_ID, roles: ['drafter'], ip: null };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

const taskInput = (under: string) => ({
  issuerUnitId: NATION_ID,
  title: 'Báo cáo kết quả công tác tuyên truyền hằng tuần',
  dueRule: { kind: 'weekly' as const, weekday: 4, time: '16:00', from: FIRST, until: LAST },
  reminderLeadMinutes: 1440,
  assignees: { unitIds: [], groupIds: [], rules: [{ type: 'kind_under' as const, kind: 'commune' as const, underUnitId: under }] },
  reportForm: { template: 'tuyen-truyen' as const },
});

/** N submissions through the HTTP API on PostgreSQL (Lai Châu only), when TEST_DATABASE_URL is set. */
export async function apiOnPostgres(): Promise<Record<string, unknown> | null> {
  if (!process.env.TEST_DATABASE_URL) return null;
  const { createTestContext } = await import('../test/support/harness.ts');
  const { LAI_CHAU, buildUser, signIn } = await import('../test/factories.ts');
  const t = await createTestContext('postgres', { now: new Date('2024-07-01T03:00:00Z') });
  try {
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
    const task = await t.c.services.tasks.createTask({ ...planner, unitId: LAI_CHAU }, { ...taskInput(LAI_CHAU), issuerUnitId: LAI_CHAU });
    const user = await buildUser(t.c, { unitId: LAI_CHAU, roles: ['reporter'] });
    const s = await signIn(t.c, user.username);
    const communes = (await t.c.services.tasks.getTask({ ...planner, unitId: LAI_CHAU, unitPath: `${NATION_ID}.${LAI_CHAU}`, roles: ['reporter'] }, task.task.id)).assignees;
    const periods = ['2024-07-04', '2024-07-11', '2024-07-18', '2024-07-25'];
    const jobs = periods.flatMap((period) => communes.map((u) => ({ unitId: u.id, period })));
    const send = (j: { unitId: string; period: string }, i: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/tasks/${task.task.id}/submissions`,
        headers: { ...s.headers, 'idempotency-key': `bench-${i}-${j.unitId}` },
        payload: { unitId: j.unitId, period: j.period, values: { so_tin_bai: i % 9, do_dai_tin_bai: 12.5, so_luot_phat_song: 3, uoc_so_nguoi_nghe: 400 } },
      });
    const half = Math.floor(jobs.length / 2);
    const failures: string[] = [];
    const check = (r: { statusCode: number; body: string }) => {
      if (r.statusCode !== 201) failures.push(`${r.statusCode} ${r.body.slice(0, 200)}`);
    };
    const seq = await time(async () => {
      for (let i = 0; i < half; i++) check(await send(jobs[i]!, i));
    });
    const par = await time(async () => {
      for (let i = half; i < jobs.length; i += 10) {
        // allSettled: every request in flight finishes before the database is dropped.
        for (const r of await Promise.allSettled(jobs.slice(i, i + 10).map((j, k) => send(j, i + k)))) {
          if (r.status === 'fulfilled') check(r.value);
          else failures.push(String(r.reason));
        }
      }
    });
    return {
      submissions: jobs.length,
      failures: failures.length,
      firstFailure: failures[0] ?? null,
      sequential: { n: half, ms: Math.round(seq.ms), perSecond: Math.round((half / seq.ms) * 1000) },
      concurrency10: { n: jobs.length - half, ms: Math.round(par.ms), perSecond: Math.round(((jobs.length - half) / par.ms) * 1000) },
    };
  } finally {
    await t.close();
  }
}

export default async function run(): Promise<BenchResult> {
  const database = await openDatabase({ dataDir: null });
  await database.migrate();
  const logger = createLogger('silent');
  const c = createContainer({
    database,
    clock: fixedClock(new Date('2025-06-27T03:00:00Z')),
    logger,
    mailer: createLogMailer(logger),
    env: { PUBLIC_URL: 'http://x', SESSION_TTL_HOURS: 1 },
  });
  const db = database.db;

  const imported = await time(() => c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025'));
  const created = await time(() => c.services.tasks.createTask(planner, taskInput(NATION_ID)));
  const taskId = created.result.task.id;

  // Bulk data: one INSERT … SELECT generate_series per table (submissions, then their 4 figures and
  // the '*' row each submission also writes, as the product does).
  const generated = await time(async () => {
    await db.execute(sql`
      INSERT INTO report_submissions (id, task_id, unit_id, period, deadline, values, revision, late, submitted_at, updated_at)
      SELECT gen_random_uuid(), a.task_id, a.unit_id, to_char(d, 'YYYY-MM-DD'),
             (d + time '16:00') AT TIME ZONE 'Asia/Ho_Chi_Minh',
             jsonb_build_object('so_tin_bai', (h + w) % 7, 'do_dai_tin_bai', ((h + w) % 50) + 0.5,
                                'so_luot_phat_song', (h + w) % 13, 'uoc_so_nguoi_nghe', 100 * ((h + w) % 30)),
             1, (h + w) % 10 = 0,
             (d + time '15:00') AT TIME ZONE 'Asia/Ho_Chi_Minh', (d + time '15:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
      FROM task_assignees a
      CROSS JOIN LATERAL (SELECT abs(hashtext(a.unit_id::text)) AS h) x
      CROSS JOIN generate_series(0, ${WEEKS - 1}) AS w
      CROSS JOIN LATERAL (SELECT ${FIRST}::date + 7 * w AS d) y
      WHERE a.task_id = ${taskId}`);
    await db.execute(sql`
      INSERT INTO report_values (submission_id, task_id, unit_id, period, indicator, channel, num, txt, at)
      SELECT s.id, s.task_id, s.unit_id, s.period, k.key, '',
             CASE WHEN k.key = '*' THEN s.late::int ELSE (s.values ->> k.key)::float8 END, NULL, s.updated_at
      FROM report_submissions s
      CROSS JOIN (VALUES ('so_tin_bai'), ('do_dai_tin_bai'), ('so_luot_phat_song'), ('uoc_so_nguoi_nghe'), ('*')) AS k(key)
      WHERE s.task_id = ${taskId}`);
    await db.execute(sql`ANALYZE`);
  });
  const counts = rowsOf<{ submissions: number; values: number; communes: number }>(
    await db.execute(sql`SELECT (SELECT count(*)::int FROM report_submissions) AS submissions, (SELECT count(*)::int FROM report_values WHERE indicator <> '*') AS values,
                               (SELECT count(*)::int FROM task_assignees) AS communes`),
  )[0];

  const product = () => c.services.tasks.rollup(SYSTEM_ACTOR, taskId, { unitId: NATION_ID, from: FIRST, to: LAST });
  const handWritten = async () =>
    rowsOf<{ province: string; period: string; indicator: string; total: number }>(
      await db.execute(sql`
        SELECT split_part(u.path, '.', 2) AS province, v.period, v.indicator, sum(v.num) AS total
        FROM report_values v JOIN units u ON u.id = v.unit_id
        WHERE v.task_id = ${taskId} AND v.channel = ''
        GROUP BY 1, 2, 3`),
    );

  await product(); // warm-up
  await handWritten();
  const productMs: number[] = [];
  const baselineMs: number[] = [];
  let view: Awaited<ReturnType<typeof product>> | null = null;
  let base: Awaited<ReturnType<typeof handWritten>> = [];
  for (let i = 0; i < RUNS; i++) {
    const b = await time(handWritten);
    baselineMs.push(b.ms);
    base = b.result;
    const p = await time(product);
    productMs.push(p.ms);
    view = p.result;
  }
  // Both give the same national total of the first indicator.
  const productTotal = view?.periods.reduce((s, p) => s + Number(p.totals[0]?.value ?? 0), 0) ?? 0;
  const baselineTotal = base.filter((r) => r.indicator === 'so_tin_bai').reduce((s, r) => s + Number(r.total), 0);
  if (productTotal !== baselineTotal) throw new Error(`totals differ: product ${productTotal}, baseline ${baselineTotal}`);
  await database.close();
  process.stderr.write(`rollup on PGlite: product ${productMs.map(Math.round).join('/')} ms, baseline ${baselineMs.map(Math.round).join('/')} ms\n`);

  let api: Record<string, unknown> | null;
  try {
    api = await apiOnPostgres();
  } catch (err) {
    api = { error: err instanceof Error ? err.message : String(err) };
  }
  return {
    name: 'rollup',
    value: Math.round(median(productMs)),
    baseline: Math.round(median(baselineMs)),
    unit: 'ms (lower is better)',
    details: {
      rows: { ...counts, periods: WEEKS, indicators: 4 },
      provinces: view?.periods[0]?.rows.length,
      rollupPeriods: view?.periods.length,
      coverageLastPeriod: view?.periods.at(-1)?.coverage,
      nationalTotalSoTinBai: productTotal,
      productRunsMs: productMs.map(Math.round),
      baselineRunsMs: baselineMs.map(Math.round),
      setupMs: { importUnits: Math.round(imported.ms), createTask: Math.round(created.ms), generate: Math.round(generated.ms) },
      apiOnPostgres: api ?? 'skipped (TEST_DATABASE_URL not set)',
    },
  };
}
