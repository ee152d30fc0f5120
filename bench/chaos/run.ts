/**
 * Crash suites: `npm run chaos -- NAME` runs bench/chaos/NAME.chaos.ts against real Loa server
 * processes (loopback only) that are killed with SIGKILL at random moments. The last line printed
 * is one JSON object {"name","value","baseline","ratio","unit",...counts}; value 0 means nothing
 * was lost or duplicated. The exit code is 1 when value is not 0.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ChaosResult {
  name: string;
  /** What went wrong (lost + duplicated): 0 is the only good value. */
  value: number;
  unit: string;
  /** Counts printed in the JSON line after the standard fields. */
  counts: Record<string, number>;
  /** Per-database detail printed before the JSON line. */
  details?: unknown;
}

const dir = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.chaos.ts'))
  .map((f) => f.replace(/\.chaos\.ts$/, ''));

const name = process.argv[2];
if (!name || !available.includes(name)) {
  process.stderr.write(`Usage: npm run chaos -- NAME\nAvailable: ${available.join(', ')}\n`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(path.join(dir, `${name}.chaos.ts`)).href)) as { default: () => Promise<ChaosResult> };
const result = await mod.default();
if (result.details) process.stdout.write(`${JSON.stringify(result.details, null, 2)}\n`);
// The baseline is the ideal, 0; a ratio to it is not defined, so it is null unless both are 0.
const ratio = result.value === 0 ? 0 : null;
process.stdout.write(`${JSON.stringify({ name: result.name, value: result.value, baseline: 0, ratio, unit: result.unit, ...result.counts })}\n`);
process.exit(result.value === 0 ? 0 : 1);
