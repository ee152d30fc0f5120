/**
 * clustering (issue #15): the labelled set of bench/data/rumor-reports.ts (≥ 300 synthetic reports of 37 claims:
 * paraphrases, no diacritics, typos, reposts, cut forwards, link variants, short links, screenshots, and distractor
 * claims sharing words) filed one by one through `fileReport` on in-memory PGlite in a seeded shuffled order.
 * value = min(pairwise precision, pairwise recall) of "same case" (the goal is ≥ 0.9 for each, so the weaker one
 * is the figure); baseline = the same for exact link matching only (reports join when they carry the very same
 * URL string), so the ratio shows what normalised links, files and text add. SEED=<n> picks another order.
 */
import { runLabelledSet } from './clustering-eval.ts';
import type { BenchResult } from './run.ts';

export default async function clustering(): Promise<BenchResult> {
  const seed = Number(process.env.SEED ?? 15);
  const r = await runLabelledSet({ seed });
  const round = (x: number) => Number(x.toFixed(4));
  return {
    name: 'clustering',
    value: round(Math.min(r.precision, r.recall)),
    baseline: round(Math.min(r.baseline.precision, r.baseline.recall)),
    unit: 'min(P,R)',
    details: {
      seed,
      reports: r.reports,
      claims: r.claims,
      cases: r.cases,
      precision: round(r.precision),
      recall: round(r.recall),
      baselinePrecision: round(r.baseline.precision),
      baselineRecall: round(r.baseline.recall),
      truePairs: r.truePairs,
      predictedPairs: r.predictedPairs,
      bridgingMerges: r.merges,
      msPerReport: Number(r.msPerReport.toFixed(1)),
      strayByKind: r.strayByKind,
      mixedCases: r.mixed,
    },
  };
}
