/**
 * sms: 100,000 SMS through Loa's real sending path against the local SMSC simulator (`loa smsc`, its own process,
 * window 10, no rate cap): subscribers imported into in-memory PGlite (five CSV lists of 20,000), a khẩn cấp
 * broadcast approved (deliveries and send jobs written in the approving transaction), the send jobs run by Loa's job
 * runner (claim 'submitting', submit_sm through Loa's SMPP client, record the outcome), receipts settled as they
 * come. Value = messages/s from the start of the job runner until every delivery has an SMSC answer. Baseline, in
 * the same run, over the same number of binds and window: a bare `smpp`-package client loop (bench/sms-floor.ts).
 * Details add a cap run: the same path with a cap of 100 msg/s per bind on 2 binds, measured over ≥ 10 s.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { TT_TAM_DUONG, importLaiChau } from '../test/factories.ts';
import { actorIn, buildList, phoneNo } from '../test/builders/broadcasts.ts';
import { createContainer } from '../src/server/container.ts';
import type { Container } from '../src/server/container.ts';
import { openDatabase, rowsOf } from '../src/server/db/client.ts';
import type { Database } from '../src/server/db/client.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { createLogMailer } from '../src/server/providers/mailer/log.ts';
import { createSmppProvider } from '../src/server/providers/sms/smpp.ts';
import type { SmppProvider } from '../src/server/providers/sms/smpp.ts';
import { submitBodies } from '../src/server/providers/sms/smpp-pdu.ts';
import { unaccented } from '../src/shared/sms/segments.ts';
import { runFloor } from './sms-floor.ts';
import { spawnSimulator } from './sms-simulator.ts';
import type { BenchResult } from './run.ts';

const MESSAGES = Number(process.env.SMS_BENCH_MESSAGES ?? 100_000);
const LIST_SIZE = 20_000; // the import limit per file
const BINDS = 2;
const WINDOW = 10;
const CAP = 100; // msg/s per bind in the cap run
const CAP_SECONDS = 12;
const TEXT = 'UBND xã Tam Đường thông báo: bão số 3 đổ bộ đêm nay, đề nghị bà con chằng chống nhà cửa, không ra sông suối.';
const SENDER = 'UBND XA';

const logger = createLogger('silent');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function states(database: Database, broadcastId: string): Promise<Record<string, number>> {
  const r = await database.db.execute(sql`SELECT state, count(*)::int AS n FROM sms_deliveries WHERE broadcast_id = ${broadcastId} GROUP BY state`);
  return Object.fromEntries(rowsOf<{ state: string; n: number }>(r).map((x) => [x.state, x.n]));
}

/** A fresh PostgreSQL database next to TEST_DATABASE_URL's. */
async function tempDatabase(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `loa_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = async (q: string) => {
    const a = new pg.Client({ connectionString: base });
    await a.connect();
    await a.query(q);
    await a.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function provider(port: number, systemId: string, maxPerSecond: number): SmppProvider {
  return createSmppProvider({ accounts: [{ name: systemId, host: '127.0.0.1', port, systemId, password: 'x', binds: BINDS, window: WINDOW, maxPerSecond }], log: logger });
}

/** Approves a khẩn cấp broadcast to the lists and runs the job runner until nothing is queued or submitting. */
async function campaign(c: Container, lists: string[], count: number) {
  const drafter = await actorIn(c, TT_TAM_DUONG, 'drafter');
  const approver = await actorIn(c, TT_TAM_DUONG, 'approver');
  const b = await c.services.broadcasts.createBroadcast(drafter, {
    unitId: TT_TAM_DUONG,
    title: 'Bão số 3',
    priority: 'khan_cap',
    smsText: TEXT,
    unaccented: true,
    senderName: SENDER,
    audience: { unitIds: [], listIds: lists },
  });
  const a0 = performance.now();
  const approved = await c.services.broadcasts.emergencyApproveBroadcast(approver, b.id);
  const approveMs = performance.now() - a0;
  if (approved.recipients !== count) throw new Error(`sms bench: ${approved.recipients} recipients, expected ${count}`);
  const t0 = performance.now();
  for (;;) {
    await c.jobs.drain();
    const s = await states(c.database, b.id);
    if (!s.queued && !s.submitting) break;
    await sleep(20);
  }
  const sendMs = performance.now() - t0;
  return { id: b.id, approveMs, sendMs, t0 };
}

export default async function run(): Promise<BenchResult> {
  const sim = await spawnSimulator(['--window', String(WINDOW), '--dlr-delay', '1000']);
  const pgUrl = process.env.SMS_BENCH_POSTGRES === '1' ? process.env.TEST_DATABASE_URL : undefined;
  const temp = pgUrl ? await tempDatabase(pgUrl) : null;
  const database = await openDatabase({ databaseUrl: temp?.url, dataDir: null });
  await database.migrate();
  const env = { PUBLIC_URL: 'http://x', SESSION_TTL_HOURS: 1 };
  const mailer = createLogMailer(logger);
  const sms = provider(sim.port, 'loa', 0);
  await sms.ready(10_000);
  const c = createContainer({ database, clock: systemClock, logger, mailer, env, sms });
  const unlisten = c.services.smsSending.listen();

  // Setup (not timed in the value): the subscribers, imported as the clerks would.
  const s0 = performance.now();
  await importLaiChau(c);
  const lists: string[] = [];
  for (let from = 0; from < MESSAGES; from += LIST_SIZE) lists.push(await buildList(c, TT_TAM_DUONG, Math.min(LIST_SIZE, MESSAGES - from), from));
  const setupMs = performance.now() - s0;

  // Loa: the campaign through the outbox.
  const loa = await campaign(c, lists, MESSAGES);
  const afterSend = await states(database, loa.id);
  // Receipts (1 s after each submit) keep settling: wait for them (not part of the value).
  const r0 = performance.now();
  while (((await states(database, loa.id)).delivered ?? 0) < MESSAGES && performance.now() - r0 < 30_000) await sleep(100);
  const receiptsMs = performance.now() - loa.t0;
  const final = await states(database, loa.id);
  const loaStats = sms.stats().accounts[0]!.binds.map((b) => ({ name: b.name, accepted: b.accepted, maxInFlight: b.maxInFlight, throttled: b.throttled }));
  unlisten();
  await sms.close();

  // Floor: the bare smpp client over the same binds and window, the same PDUs.
  const text = unaccented(TEXT).text;
  const [body] = submitBodies({ to: '', from: SENDER, text, reference: 'floor' });
  const floor = await runFloor({
    host: '127.0.0.1',
    port: sim.port,
    systemId: 'floor',
    binds: BINDS,
    window: WINDOW,
    messages: MESSAGES,
    pdu: (i) => ({
      source_addr_ton: 5,
      source_addr_npi: 0,
      source_addr: SENDER,
      dest_addr_ton: 1,
      dest_addr_npi: 1,
      destination_addr: `84${phoneNo(i).slice(1)}`,
      registered_delivery: 1,
      ...body,
    }),
  });
  await sleep(1500); // its receipts
  for (const s of floor.sessions) s.destroy();

  // Cap: 2 binds × 100 msg/s through the same path, ≥ 10 s.
  const capped = provider(sim.port, 'cap', CAP);
  await capped.ready(10_000);
  const c2 = createContainer({ database, clock: systemClock, logger, mailer, env, sms: capped });
  const capCount = CAP * BINDS * CAP_SECONDS;
  const capList = await buildList(c2, TT_TAM_DUONG, capCount, 500_000);
  const accepted = () => capped.stats().accounts[0]!.binds.reduce((n, b) => n + b.accepted, 0);
  // The steady rate from the simulator's answers: accepted submits between 1 s and 11 s after the runner started.
  let window: { from: number; to: number } | null = null;
  const sampler = (async () => {
    while (accepted() === 0) await sleep(5);
    await sleep(1000);
    const from = accepted();
    await sleep(10_000);
    window = { from, to: accepted() };
  })();
  const cap = await campaign(c2, [capList], capCount);
  await sampler;
  const capStats = capped.stats().accounts[0]!.binds.map((b) => ({ name: b.name, accepted: b.accepted }));
  await capped.close();
  const simCounters = await sim.stop();
  await database.close();
  await temp?.drop();

  const value = Math.round(MESSAGES / (loa.sendMs / 1000));
  const baseline = Math.round(floor.accepted / (floor.ms / 1000));
  const capTotal = CAP * BINDS;
  const w = window as { from: number; to: number } | null;
  const steady = w ? (w.to - w.from) / 10 : null;
  return {
    name: 'sms',
    value,
    baseline,
    unit: 'msg/s (higher is better)',
    details: {
      messages: MESSAGES,
      binds: BINDS,
      window: WINDOW,
      setupMs: Math.round(setupMs),
      approveMs: Math.round(loa.approveMs),
      loaSendMs: Math.round(loa.sendMs),
      loaStatesAfterSend: afterSend,
      loaStatesFinal: final,
      loaAllReceiptsMs: Math.round(receiptsMs),
      loaBinds: loaStats,
      floorMs: Math.round(floor.ms),
      floorAccepted: floor.accepted,
      floorRefused: floor.refused,
      cap: {
        capPerBind: CAP,
        binds: BINDS,
        messages: capCount,
        wholeRunMs: Math.round(cap.sendMs),
        wholeRunRate: Number((capCount / (cap.sendMs / 1000)).toFixed(1)),
        wholeRunOverCap: Number((capCount / (cap.sendMs / 1000) / capTotal).toFixed(4)),
        steady10sRate: steady,
        steady10sOverCap: steady === null ? null : Number((steady / capTotal).toFixed(4)),
        perBind: capStats,
      },
      simulator: simCounters,
    },
  };
}
