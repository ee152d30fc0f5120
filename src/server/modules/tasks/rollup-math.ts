/**
 * The roll-up arithmetic, pure: the database does one GROUP BY per child and period (sum, count,
 * max, latest per indicator, and a marker row with reports and late reports); this module merges
 * those rows into the rows shown (several children may sum into one row in today's tree), applies
 * each indicator's aggregation, and adds up coverage and the totals. No database, no clock.
 */
import type { Indicator } from './tasks.schemas.ts';

/** Aggregates of one child (or the whole subtree) for one indicator. */
export interface Acc {
  sum: number;
  n: number;
  max: number | null;
  latest: number | string | null;
  latestAt: string | null;
}

/** The figure an indicator shows for its aggregates: sum, average (2 decimals), maximum or latest; null when nobody reported. */
export function figureValue(ind: Pick<Indicator, 'aggregation'>, a: Acc | undefined): number | string | null {
  if (!a) return null;
  switch (ind.aggregation) {
    case 'sum':
      return a.n ? a.sum : null;
    case 'avg':
      return a.n ? Math.round((a.sum / a.n) * 100) / 100 : null;
    case 'max':
      return a.max;
    case 'latest':
      return a.latest;
  }
}

/** Two aggregates as one: sums and counts added, the larger maximum, the more recent latest value. */
export function mergeAcc(into: Acc | undefined, r: Acc): Acc {
  if (!into) return { ...r };
  const newer = r.latestAt !== null && (into.latestAt === null || r.latestAt > into.latestAt);
  return {
    sum: into.sum + r.sum,
    n: into.n + r.n,
    max: into.max === null ? r.max : r.max === null ? into.max : Math.max(into.max, r.max),
    latest: newer ? r.latest : into.latest,
    latestAt: newer ? r.latestAt : into.latestAt,
  };
}

/** The deepest unit above (or equal to) every given path: the natural root of a roll-up. */
export function commonAncestorId(paths: readonly string[]): string | null {
  if (paths.length === 0) return null;
  let prefix = (paths[0] ?? '').split('.');
  for (const p of paths) {
    const segs = p.split('.');
    let i = 0;
    while (i < prefix.length && i < segs.length && prefix[i] === segs[i]) i++;
    prefix = prefix.slice(0, i);
  }
  // A single assignee: roll up at its parent, so the row is the assignee itself.
  if (paths.length === 1 && prefix.length > 1) prefix = prefix.slice(0, -1);
  return prefix.at(-1) ?? null;
}

/** One row of the GROUP BY: a child of the root, a period, an indicator (or the submitted marker). */
export interface FigureRow {
  child: string;
  period: string;
  indicator: string;
  n: number;
  sum: number | null;
  max: number | null;
  latest: number | null;
  latestTxt: string | null;
  latestAt: string | null;
}

export interface RollupRowUnit<U> {
  /** The row's unit (its id keys the row). */
  u: U & { id: string };
  /** The old units summed into it (today's tree), else []. */
  formedFrom: readonly U[];
}

export interface RollupInput<U, P extends { key: string }, R> {
  indicators: readonly Pick<Indicator, 'key' | 'aggregation'>[];
  periods: readonly P[];
  /** The rows shown, in order. */
  rows: readonly RollupRowUnit<U>[];
  /** Assignees expected to report, per child of the root. */
  expected: readonly { child: string; n: number }[];
  figures: readonly FigureRow[];
  /** The indicator name of the marker rows (n = reports, sum = late reports). */
  marker: string;
  /** The row a child's figures go to (itself, or its successor in today's tree). */
  rowOf: (child: string) => string;
  /** How a unit is shown in the result. */
  ref: (u: U) => R;
}

/** Per period: each row's figures, expected/reported/late counts, and the totals and coverage over all rows. */
export function rollupPeriods<U, P extends { key: string }, R>(input: RollupInput<U, P, R>) {
  const { indicators, rowOf } = input;
  const expectedBy = new Map<string, number>();
  for (const e of input.expected) expectedBy.set(rowOf(e.child), (expectedBy.get(rowOf(e.child)) ?? 0) + e.n);
  // Reports and late reports per row and period come from the marker rows of the same GROUP BY.
  const reportedBy = new Map<string, { reported: number; late: number }>();
  const accBy = new Map<string, Acc>();
  for (const f of input.figures) {
    const g = rowOf(f.child);
    if (f.indicator === input.marker) {
      const r = reportedBy.get(`${g}|${f.period}`);
      reportedBy.set(`${g}|${f.period}`, { reported: (r?.reported ?? 0) + f.n, late: (r?.late ?? 0) + Math.round(f.sum ?? 0) });
      continue;
    }
    const k = `${g}|${f.period}|${f.indicator}`;
    accBy.set(k, mergeAcc(accBy.get(k), { sum: f.sum ?? 0, n: f.n, max: f.max, latest: f.latest ?? f.latestTxt, latestAt: f.latestAt }));
  }
  return input.periods.map((p) => {
    const totals = new Map<string, Acc>();
    const coverage = { expected: 0, reported: 0, late: 0 };
    const rows = input.rows.map(({ u, formedFrom }) => {
      const k = u.id;
      const r = reportedBy.get(`${k}|${p.key}`);
      const row = {
        unit: input.ref(u),
        mapped: formedFrom.length > 0,
        formedFrom: formedFrom.map(input.ref),
        figures: [] as { indicator: string; value: number | string | null; reported: number }[],
        expected: expectedBy.get(k) ?? 0,
        reported: r?.reported ?? 0,
        late: r?.late ?? 0,
      };
      coverage.expected += row.expected;
      coverage.reported += row.reported;
      coverage.late += row.late;
      for (const ind of indicators) {
        const acc = accBy.get(`${k}|${p.key}|${ind.key}`);
        if (acc) totals.set(ind.key, mergeAcc(totals.get(ind.key), acc));
        row.figures.push({ indicator: ind.key, value: figureValue(ind, acc), reported: acc?.n ?? 0 });
      }
      return row;
    });
    return {
      period: p,
      totals: indicators.map((ind) => ({ indicator: ind.key, value: figureValue(ind, totals.get(ind.key)), reported: totals.get(ind.key)?.n ?? 0 })),
      coverage,
      rows,
    };
  });
}
