/**
 * The measured channel of the roll-up, pure: what the system itself recorded per row and period
 * (SMS sent and delivered, from the broadcasts module), beside the figures the units reported and
 * never mixed into them. No database, no clock.
 */

export interface Measured {
  smsSent: number;
  smsDelivered: number;
  /** Of smsSent, the subscribers a telco reported having texted (a telco request's reply). */
  telcoReported: number;
}

/** One group of the channel query: a root's direct child ('' = the root), or a unit and its path (perUnit). */
export interface MeasuredFigure extends Measured {
  child: string;
  path: string | null;
  period: string;
}

export const NO_MEASURE: Readonly<Measured> = Object.freeze({ smsSent: 0, smsDelivered: 0, telcoReported: 0 });

function add(a: Measured | undefined, b: Measured): Measured {
  return { smsSent: (a?.smsSent ?? 0) + b.smsSent, smsDelivered: (a?.smsDelivered ?? 0) + b.smsDelivered, telcoReported: (a?.telcoReported ?? 0) + b.telcoReported };
}

/**
 * The row a group's figures go to: the nearest row on the units' path, or null when none of the rows
 * shown lies above them. A root's child goes to its own row, else to the root's row when the root is
 * one (a commune rolled up alone holds its health station's subscribers). A unit (perUnit, today's
 * tree) goes to the row of its nearest unit on its path, itself first: a village to its commune's
 * row, an old commune to its successor's.
 */
export function measuredRowOf(f: Pick<MeasuredFigure, 'child' | 'path'>, rows: ReadonlySet<string>, rowOf: (child: string) => string): string | null {
  if (f.path === null) return [rowOf(f.child), rowOf('')].find((r) => rows.has(r)) ?? null;
  const segs = f.path.split('.');
  for (let i = segs.length - 1; i >= 0; i--) {
    const r = rowOf(segs[i] ?? '');
    if (rows.has(r)) return r;
  }
  return null;
}

/**
 * Per period: each row's measured figures and their total over the rows shown (the sum of the rows, as
 * with the reported figures), and apart from it `outside`: what units of the area in no row recorded
 * (the province's own department's campaign, the telcos' replies to its telco request, a commune not
 * asked for this report), which the area did send although no row holds it.
 */
export function measuredByPeriod(
  figures: readonly MeasuredFigure[],
  periods: readonly string[],
  rows: readonly string[],
  rowOf: (child: string) => string,
): Map<string, { total: Measured; outside: Measured; rows: Map<string, Measured> }> {
  const shown = new Set(rows);
  const out = new Map(periods.map((p) => [p, { total: { ...NO_MEASURE }, outside: { ...NO_MEASURE }, rows: new Map<string, Measured>() }]));
  for (const f of figures) {
    const p = out.get(f.period);
    if (!p) continue;
    const row = measuredRowOf(f, shown, rowOf);
    if (row === null) {
      p.outside = add(p.outside, f);
      continue;
    }
    p.rows.set(row, add(p.rows.get(row), f));
    p.total = add(p.total, f);
  }
  return out;
}
