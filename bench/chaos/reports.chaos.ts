/**
 * Crash suite for periodic reports: concurrent idempotent submissions over HTTP while the server
 * process is killed with SIGKILL at random moments and restarted; clients retry with the same
 * Idempotency-Key until they get an answer. At the end every key is checked in the database:
 *   lost        a key whose client got a success, or that never got one after all retries, and
 *               whose report is not stored;
 *   duplicated  a report stored more than once (more than one revision) for its one key.
 * Runs on PGlite (a fresh DATA_DIR) and, when TEST_DATABASE_URL or DATABASE_URL is set, on a fresh
 * PostgreSQL database next to it. Loopback only; bounded in kills, submissions and time.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, rowsOf } from '../../src/server/db/client.ts';
import type { DatabaseKind } from '../../src/server/db/client.ts';
import { loadEnv } from '../../src/server/env.ts';
import { boot } from '../../src/server/main.ts';
import { systemActor } from '../../src/server/modules/access/index.ts';
import { CreateTaskBody, localDateKey } from '../../src/server/modules/tasks/index.ts';
import { unitIdFor } from '../../src/server/modules/units/index.ts';
import type { ChaosResult } from './run.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KILLS = Number(process.env.CHAOS_KILLS ?? 6);
const PERIODS = Number(process.env.CHAOS_PERIODS ?? 7);
const CONCURRENCY = Number(process.env.CHAOS_CONCURRENCY ?? 12);
const REPORTERS = 4;
/** Each run stops retrying after this long (a stuck server counts its keys as lost). */
const DEADLINE_MS = Number(process.env.CHAOS_DEADLINE_MS ?? 300_000);
const PASSWORD = 'Chaos-bao-cao-2026';
const PROVINCE = unitIdFor('vn-2026', '12'); // Lai Châu, 2026 two-level list

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A real `loa start` process on loopback, restartable on the same port and data. */
class Server {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  readonly url: string;
  constructor(
    private readonly env: Record<string, string>,
    port: number,
    private readonly logFile: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/loa.mjs'), 'start'], { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    this.child = child;
    this.exited = new Promise((r) => child.once('exit', () => r()));
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see ${this.logFile}`);
      const ok = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(100);
    }
    throw new Error(`server did not answer /healthz; see ${this.logFile}`);
  }

  async kill9(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 20_000);
    await this.exited;
    clearTimeout(timer);
  }
}

interface Planned {
  unitId: string;
  period: string;
  key: string;
  values: Record<string, number>;
  acked: boolean;
  attempts: number;
}

/** Creates the task, its report form and the reporters through the service layer, before any server runs. */
async function setUp(env: Record<string, string>): Promise<{ taskId: string; communes: string[]; periods: string[]; usernames: string[] }> {
  const c = await boot(loadEnv({ ...env, LOG_LEVEL: 'silent' }));
  try {
    const actor = systemActor('cli:chaos');
    await c.services.units.importEdition(actor, 'vn-2026', { provinceCodes: ['12'] });
    const communes = rowsOf<{ id: string }>(await c.database.db.execute(sql`SELECT id FROM units WHERE parent_id = ${PROVINCE} AND kind = 'commune' ORDER BY code`)).map(
      (r) => r.id,
    );
    if (communes.length === 0) throw new Error('no communes imported');
    const today = localDateKey(new Date());
    const periods = Array.from({ length: PERIODS }, (_, i) => localDateKey(new Date(Date.parse(`${today}T12:00:00+07:00`) + i * 86_400_000)));
    // Tasks are assigned by people (a drafter of the province), not by the system.
    const drafter = await c.services.users.createUser(actor, {
      username: 'chaos-drafter',
      displayName: 'Chuyên viên',
      email: null,
      unitId: PROVINCE,
      roles: ['drafter'],
      password: PASSWORD,
    });
    const [province] = rowsOf<{ path: string }>(await c.database.db.execute(sql`SELECT path FROM units WHERE id = ${PROVINCE}`));
    const planner = {
      userId: drafter.id,
      username: drafter.username,
      displayName: 'Chuyên viên',
      unitId: PROVINCE,
      unitPath: province!.path,
      roles: ['drafter' as const],
      ip: null,
    };
    const { task } = await c.services.tasks.createTask(
      planner,
      CreateTaskBody.parse({
        issuerUnitId: PROVINCE,
        title: 'Báo cáo tuyên truyền hằng ngày (chaos)',
        dueRule: { kind: 'daily', time: '17:00', from: periods[0], until: periods.at(-1) },
        assignees: { unitIds: communes },
        reportForm: { template: 'tuyen-truyen' },
      }),
    );
    const usernames: string[] = [];
    for (let i = 0; i < REPORTERS; i++) {
      const username = `chaos${i}`;
      await c.services.users.createUser(actor, { username, displayName: `Người báo cáo ${i}`, email: null, unitId: PROVINCE, roles: ['reporter'], password: PASSWORD });
      usernames.push(username);
    }
    return { taskId: task.id, communes, periods, usernames };
  } finally {
    c.mailer.close();
    await c.database.close();
  }
}

async function login(url: string, username: string): Promise<Record<string, string>> {
  for (;;) {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    }).catch(() => null);
    if (res?.ok) {
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return { cookie, 'x-csrf-token': csrfToken };
    }
    await sleep(200);
  }
}

async function runOn(kind: DatabaseKind, base: string | undefined) {
  const work = await mkdtemp(path.join(tmpdir(), `loa-chaos-${kind}-`));
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | null = null;
  if (kind === 'postgres' && base) {
    const name = `loa_chaos_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDb = async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  }
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? work,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: path.join(work, 'data'),
    SEED_DEMO: 'never',
    WORKER: 'false',
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const logFile = path.join(work, 'server.log');
  const server = new Server(env, port, logFile);
  const t0 = Date.now();
  try {
    const { taskId, communes, periods, usernames } = await setUp(env);
    const planned: Planned[] = [];
    let n = 0;
    for (const period of periods) {
      for (const unitId of communes) {
        n++;
        planned.push({
          unitId,
          period,
          key: `chaos-${randomUUID()}`,
          values: { so_tin_bai: n % 17, do_dai_tin_bai: n % 91, so_luot_phat_song: n % 5, uoc_so_nguoi_nghe: n * 10 },
          acked: false,
          attempts: 0,
        });
      }
    }
    await server.start();
    const sessions = await Promise.all(usernames.map((u) => login(server.url, u)));
    const deadline = Date.now() + DEADLINE_MS;
    let next = 0;
    let pending = planned.length;
    const errors: Record<string, number> = {};

    async function submit(p: Planned, headers: Record<string, string>): Promise<void> {
      while (Date.now() < deadline) {
        p.attempts++;
        const res = await fetch(`${server.url}/api/tasks/${taskId}/submissions`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': p.key },
          body: JSON.stringify({ unitId: p.unitId, period: p.period, values: p.values }),
          signal: AbortSignal.timeout(20_000),
        }).catch(() => null);
        if (res && (res.status === 200 || res.status === 201)) {
          await res.arrayBuffer();
          p.acked = true;
          return;
        }
        if (res) {
          const body = await res.text();
          // 5xx and 503 while the server starts are retried; anything else is a wrong answer.
          if (res.status < 500) errors[`${res.status} ${body.slice(0, 120)}`] = (errors[`${res.status} ${body.slice(0, 120)}`] ?? 0) + 1;
          if (res.status < 500) return;
        }
        await sleep(100 + Math.random() * 300);
      }
    }

    const clients = Array.from({ length: CONCURRENCY }, async (_, i) => {
      const headers = sessions[i % sessions.length]!;
      while (next < planned.length) {
        const p = planned[next++]!;
        await submit(p, headers);
        pending--;
      }
    });
    let kills = 0;
    const killer = (async () => {
      while (kills < KILLS && pending > 0 && Date.now() < deadline) {
        await sleep(300 + Math.random() * 1500);
        if (pending === 0) break;
        await server.kill9();
        kills++;
        await server.start();
      }
    })();
    await Promise.all([...clients, killer]);
    await server.stop();

    // Check every key in the database, with no server running.
    const database = await openDatabase({ databaseUrl, dataDir: env.DATA_DIR! });
    try {
      const stored = rowsOf<{ unit_id: string; period: string; revision: number; revisions: number; key: string | null }>(
        await database.db.execute(sql`
          SELECT s.unit_id, s.period, s.revision,
                 (SELECT count(*)::int FROM report_revisions r WHERE r.submission_id = s.id) AS revisions,
                 (SELECT k.key FROM report_idempotency_keys k WHERE k.submission_id = s.id AND k.unit_id = s.unit_id LIMIT 1) AS key
          FROM report_submissions s WHERE s.task_id = ${taskId}`),
      );
      const byPair = new Map(stored.map((s) => [`${s.unit_id}/${s.period}`, s]));
      let lost = 0;
      let duplicated = 0;
      let unconfirmed = 0;
      for (const p of planned) {
        const s = byPair.get(`${p.unitId}/${p.period}`);
        const isStored = Boolean(s && s.key === p.key);
        if (!isStored) lost++;
        else if (!p.acked) unconfirmed++;
        if (s && (s.revision > 1 || s.revisions > 1)) duplicated++;
      }
      const counts = {
        lost,
        duplicated,
        kills,
        submissions: planned.length,
        attempts: planned.reduce((a, p) => a + p.attempts, 0),
        unconfirmed,
        seconds: Math.round((Date.now() - t0) / 1000),
      };
      return { kind, ...counts, wrongAnswers: errors };
    } finally {
      await database.close();
    }
  } finally {
    await server.stop().catch(() => undefined);
    if (dropDb) await dropDb().catch(() => undefined);
    if (!process.env.CHAOS_KEEP) await rm(work, { recursive: true, force: true });
    else process.stderr.write(`kept ${work}\n`);
  }
}

export default async function chaosReports(): Promise<ChaosResult> {
  const pgBase = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const runs = [await runOn('pglite', undefined)];
  if (pgBase) runs.push(await runOn('postgres', pgBase));
  const sum = (k: 'lost' | 'duplicated' | 'kills' | 'submissions') => runs.reduce((a, r) => a + r[k], 0);
  const wrong = runs.reduce((a, r) => a + Object.values(r.wrongAnswers).reduce((x, y) => x + y, 0), 0);
  return {
    name: 'chaos-reports',
    value: sum('lost') + sum('duplicated'),
    unit: 'lost+duplicated (lower is better)',
    counts: { lost: sum('lost'), duplicated: sum('duplicated'), kills: sum('kills'), submissions: sum('submissions'), wrongAnswers: wrong, databases: runs.length },
    details: runs,
  };
}
