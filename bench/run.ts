/**
 * Benchmark harness: `npm run bench -- NAME` runs bench/NAME.bench.ts, whose default export
 * measures the value and its baseline in the same run. The last line printed is one JSON object
 * {"name","value","baseline","ratio","unit"} (ratio = value / baseline).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

export interface BenchResult {
  name: string;
  value: number;
  baseline: number;
  unit: string;
  /** Extra figures printed before the JSON line (not part of it). */
  details?: Record<string, unknown>;
}

const dir = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));

const name = process.argv[2];
if (!name || !available.includes(name)) {
  process.stderr.write(`Usage: npm run bench -- NAME\nAvailable: ${available.join(', ')}\n`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(path.join(dir, `${name}.bench.ts`)).href)) as {
  default: () => Promise<BenchResult>;
};
const result = await mod.default();
if (result.details) process.stdout.write(`${JSON.stringify(result.details, null, 2)}\n`);
const ratio = result.baseline === 0 ? null : Number((result.value / result.baseline).toFixed(4));
process.stdout.write(`${JSON.stringify({ name: result.name, value: result.value, baseline: result.baseline, ratio, unit: result.unit })}\n`);
process.exit(0);
