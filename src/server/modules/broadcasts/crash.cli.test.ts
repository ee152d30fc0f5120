import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TT_TAM_DUONG, importLaiChau } from '../../../../test/factories.ts';
import { actorIn, buildList } from '../../../../test/builders/broadcasts.ts';
import { createContainer } from '../../container.ts';
import type { Container } from '../../container.ts';
import { openDatabase, rowsOf } from '../../db/client.ts';
import { systemClock } from '../../platform/clock.ts';
import { createLogger } from '../../platform/logger.ts';
import { createFakeMailer } from '../../providers/mailer/fake.ts';
import { startSmscSimulator } from '../../providers/sms/smsc-simulator.ts';
import type { SmscSimulator } from '../../providers/sms/smsc-simulator.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const MESSAGES = 10_000;
const base = process.env.TEST_DATABASE_URL;

/**
 * Exactly once, or visibly ambiguous (issue #12 point 6): a campaign sent by `loa start` worker processes that are
 * killed with SIGKILL at random points three times, against a simulator that drops 1% of the responses. After
 * recovery no number got the message twice and every delivery is delivered, failed, rejected or ambiguous.
 */
describe.skipIf(!base)('SMS campaign survives SIGKILL of the worker', () => {
  const name = `loa_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loa-crash-'));
  let url = '';
  let c: Container;
  let simulator: SmscSimulator;
  let child: ChildProcess | null = null;

  const states = async () => {
    const r = await c.database.db.execute(sql`SELECT state, count(*)::int AS n FROM sms_deliveries GROUP BY state`);
    return Object.fromEntries(rowsOf<{ state: string; n: number }>(r).map((x) => [x.state, x.n])) as Record<string, number>;
  };
  const worker = () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: url,
      SEED_DEMO: 'never',
      WORKER: 'true',
      LOG_LEVEL: 'warn',
      SMS_SMPP: `smpp://loa:x@127.0.0.1:${simulator.port}?name=sim&window=10`,
    };
    child = spawn(process.execPath, ['bin/loa.mjs', 'start'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    return child;
  };
  const stop = async (signal: NodeJS.Signals) => {
    const p = child;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((resolve) => p.once('exit', resolve));
    p.kill(signal);
    await exited;
  };
  const until = async (check: () => Promise<boolean> | boolean, ms: number) => {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(base!);
    u.pathname = `/${name}`;
    url = u.toString();
    const database = await openDatabase({ databaseUrl: url, dataDir: null });
    await database.migrate();
    c = createContainer({ database, clock: systemClock, logger: createLogger('silent'), mailer: createFakeMailer(), env: { SESSION_TTL_HOURS: 12 } });
    simulator = await startSmscSimulator({ host: '127.0.0.1', port: 0, dlrDelayMs: 300, dropRate: 0.01, keepMessages: false });
  }, 60_000);
  afterAll(async () => {
    await stop('SIGKILL');
    await c?.database.close();
    await simulator?.close();
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`${MESSAGES} messages, three SIGKILLs: none twice, none lost`, async () => {
    await importLaiChau(c);
    const list = await buildList(c, TT_TAM_DUONG, MESSAGES, 0);
    const drafter = await actorIn(c, TT_TAM_DUONG, 'drafter');
    const approver = await actorIn(c, TT_TAM_DUONG, 'approver');
    const b = await c.services.broadcasts.createBroadcast(drafter, {
      unitId: TT_TAM_DUONG,
      title: 'Thử nghiệm',
      priority: 'khan_cap',
      smsText: 'Thong bao thu nghiem he thong tin nhan cua xa.',
      unaccented: false,
      audience: { unitIds: [], listIds: [list] },
    });
    await c.services.broadcasts.emergencyApproveBroadcast(approver, b.id);

    for (let kill = 0; kill < 3; kill++) {
      const from = simulator.counters.received;
      const at = from + 300 + Math.floor(Math.random() * 1500);
      worker();
      await until(() => simulator.counters.received >= at, 120_000);
      await stop('SIGKILL');
    }
    worker();
    await until(async () => {
      const s = await states();
      return !s.queued && !s.submitting;
    }, 240_000).catch(async (err: unknown) => {
      throw new Error(`${String(err)}: ${JSON.stringify(await states())} ${JSON.stringify(simulator.counters)}`);
    });
    // The receipts still on their way settle within a few seconds.
    let last = -1;
    await until(async () => {
      const now = (await states()).submitted ?? 0;
      const stable = now === last;
      last = now;
      if (!stable) await new Promise((r) => setTimeout(r, 2000));
      return stable;
    }, 60_000);
    await stop('SIGTERM');

    const s = await states();
    const total = Object.values(s).reduce((a, n) => a + n, 0);
    expect(total).toBe(MESSAGES);
    // 'submitted' = accepted by the SMSC (an id stored), its receipt written to a socket of a killed worker: the
    // simulator does not resend an unacknowledged deliver_sm (a telco SMSC does). Visible, never resent.
    expect(Object.keys(s).filter((k) => !['delivered', 'failed', 'rejected', 'ambiguous', 'expired', 'submitted'].includes(k))).toEqual([]);
    const twice = [...simulator.acceptedByDestination.values()].filter((ids) => ids.length > 1);
    expect(twice).toEqual([]);
    // How many receipts die with a killed socket depends on when the kills land (CI saw 89–94 % delivered):
    // the bar only proves receipts keep settling deliveries across restarts; the invariants are the ones above.
    expect(s.delivered).toBeGreaterThan(MESSAGES / 2);
    const view = await c.services.broadcasts.getBroadcast(approver, b.id);
    expect(view.status).toBe('done');
  }, 600_000);
});
