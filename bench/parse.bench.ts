/**
 * Parser throughput on the five seeds (one core, documents/s) against a trivial pass over the
 * same text (NFC-normalise + split lines); details carry the per-field accuracy on the seeds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './run.ts';
import { evaluateFolder } from '../src/server/modules/imports/parse/eval.ts';
import { parseDispatch } from '../src/server/modules/imports/parse/parse.ts';

const seedsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'seeds');
const DURATION_MS = 2000;

/** Documents per second of `fn` over the texts, measured for about DURATION_MS after a warm-up. */
function throughput(texts: string[], fn: (text: string) => unknown): number {
  for (const t of texts) fn(t);
  let docs = 0;
  const start = performance.now();
  while (performance.now() - start < DURATION_MS) {
    for (const t of texts) fn(t);
    docs += texts.length;
  }
  return docs / ((performance.now() - start) / 1000);
}

export default async function bench(): Promise<BenchResult> {
  const texts = ['000', '001', '002', '003', '004'].map((n) => readFileSync(path.join(seedsDir, `${n}.txt`), 'utf8'));
  let sink = 0;
  const baseline = throughput(texts, (t) => (sink += t.normalize('NFC').split('\n').length));
  const value = throughput(texts, (t) => (sink += parseDispatch(t).body.length));
  const report = await evaluateFolder(seedsDir);
  return {
    name: 'parse',
    value: Math.round(value),
    baseline: Math.round(baseline),
    unit: 'docs/s (higher is better)',
    details: {
      documents: report.documents,
      overallAccuracy: report.overall,
      fieldAccuracy: report.fields,
      failures: report.failures,
      sink: sink > 0,
    },
  };
}
