// `loa sms segments` and `loa smsc`: thin command handlers over shared/sms/segments.ts and the SMSC simulator.
import { segment, unaccented } from '../../../shared/sms/segments.ts';
import { startSmscSimulator } from './smsc-simulator.ts';
import type { SmscSimulator } from './smsc-simulator.ts';

export function runSmsSegmentsCommand(text: string, opts: { unaccented?: boolean; maxParts?: string }): number {
  const maxParts = opts.maxParts === undefined ? undefined : Number(opts.maxParts);
  if (maxParts !== undefined && !(Number.isInteger(maxParts) && maxParts >= 1 && maxParts <= 255)) {
    process.stderr.write('--max-parts phải là số nguyên từ 1 đến 255. / --max-parts must be an integer 1..255.\n');
    return 2;
  }
  const options = maxParts === undefined ? {} : { maxParts };
  const s = opts.unaccented ? unaccented(text, options).after : segment(text, options);
  const line: Record<string, unknown> = { encoding: s.encoding, parts: s.parts, characters: s.characters, text: s.text };
  if (opts.unaccented) line.savedParts = segment(text, options).parts - s.parts;
  if (s.overMaxParts) line.overMaxParts = true;
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (s.overMaxParts) {
    process.stderr.write(`Tin nhắn cần ${s.parts} phần, vượt giới hạn ${maxParts} phần. / needs ${s.parts} parts, more than ${maxParts}.\n`);
    return 1;
  }
  return 0;
}

export interface SmscCommandOptions {
  port: string;
  host: string;
  tps?: string;
  window?: string;
  latency?: string;
  dlrDelay?: string;
  failRate?: string;
  dropRate?: string;
  accounts?: string;
  idFormat?: 'hex' | 'decimal';
  dlrIdFormat?: 'same' | 'other';
}

function num(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name}: ${v} không hợp lệ (${min}..${max}). / invalid value.`);
  return n;
}

/** Runs the simulator until SIGINT/SIGTERM, printing one JSON line per event and the counters every 5 s. */
export async function runSmscCommand(o: SmscCommandOptions): Promise<SmscSimulator> {
  const print = (e: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...e })}\n`);
  const accounts = o.accounts
    ? o.accounts.split(',').map((pair) => {
        const i = pair.indexOf(':');
        if (i < 1) throw new Error(`--accounts: "${pair}" phải có dạng user:pass. / must be user:pass.`);
        return { systemId: pair.slice(0, i), password: pair.slice(i + 1) };
      })
    : [];
  const sim = await startSmscSimulator({
    host: o.host,
    port: num('port', o.port, 0, 65535)!,
    accounts,
    tps: num('tps', o.tps, 0, 1e7) ?? 0,
    window: num('window', o.window, 0, 1e6) ?? 0,
    latencyMs: num('latency', o.latency, 0, 600_000) ?? 0,
    dlrDelayMs: num('dlr-delay', o.dlrDelay, -1, 86_400_000) ?? 1000,
    failRate: num('fail-rate', o.failRate, 0, 1) ?? 0,
    dropRate: num('drop-rate', o.dropRate, 0, 1) ?? 0,
    idFormat: o.idFormat ?? 'hex',
    dlrIdFormat: o.dlrIdFormat ?? 'same',
    keepMessages: false,
    log: print,
  });
  print({ event: 'listening', host: sim.host, port: sim.port, accounts: accounts.map((a) => a.systemId) });
  let last = '';
  const report = () => {
    const line = JSON.stringify({ counters: sim.counters, perBind: Object.fromEntries(sim.perBind) });
    if (line !== last) print({ event: 'counters', ...sim.counters, perBind: Object.fromEntries(sim.perBind) });
    last = line;
  };
  let timer = setTimeout(function tick() {
    report();
    timer = setTimeout(tick, 5000);
  }, 5000);
  const stop = () => {
    clearTimeout(timer);
    print({ event: 'stopped', ...sim.counters, perBind: Object.fromEntries(sim.perBind) });
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return sim;
}
