/**
 * clustering (issue #15): the labelled set of bench/data/rumor-reports.ts (407 synthetic reports of 43 claims:
 * paraphrases, no diacritics, typos, reposts, cut forwards, link variants, short links, screenshots, and distractor
 * claims sharing words; 6 of the claims held out from tuning, scored apart in heldOutPairs: every pair with a
 * held-out report) filed one by one through `fileReport` on in-memory PGlite in a seeded shuffled order.
 * value = min(pairwise precision, pairwise recall) of "same case" (the goal is ≥ 0.9 for each, so the weaker one
 * is the figure); baseline = the same for exact link matching only (reports join when they carry the very same
 * URL string), so the ratio shows what normalised links, files and text add. SEED=<n> picks another order.
 */
import { pairScores, runLabelledSet } from './clustering-eval.ts';
import { HELD_OUT_REPORTS, RUMOR_REPORTS } from './data/rumor-reports.ts';
import type { BenchResult } from './run.ts';

export default async function clustering(): Promise<BenchResult> {
  const seed = Number(process.env.SEED ?? 15);
  const r = await runLabelledSet({ seed, reports: [...RUMOR_REPORTS, ...HELD_OUT_REPORTS] });
  const held = new Set(HELD_OUT_REPORTS.map((x) => x.id));
  const heldOut = pairScores(
    r.filed.map((x) => x.claim),
    r.caseOf,
    (i) => held.has(r.filed[i]!.id),
  );
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
      heldOutPairs: { precision: round(heldOut.precision), recall: round(heldOut.recall), truePairs: heldOut.truePairs, predictedPairs: heldOut.predictedPairs },
      truePairs: r.truePairs,
      predictedPairs: r.predictedPairs,
      bridgingMerges: r.merges,
      msPerReport: Number(r.msPerReport.toFixed(1)),
      strayByKind: r.strayByKind,
      mixedCases: r.mixed,
    },
  };
}
