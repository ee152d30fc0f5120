// Arithmetic of the live progress view: how many deliveries have an outcome, the share of each state for the
// progress bar, the telcos in a stable order, and whether the page should keep polling.
import { DELIVERY_STATES, FINAL_DELIVERY_STATES, type BroadcastView, type DeliveryState, type Progress } from './broadcasts-api.ts';

/** Poll the broadcast this often while it is being sent. */
export const POLL_MS = 3000;

/** States shown as failures (with the SMSC error) and counted as not delivered. */
export const FAILURE_STATES: readonly DeliveryState[] = ['failed', 'expired', 'rejected', 'ambiguous'];

export interface ProgressSummary {
  total: number;
  /** Deliveries with a final outcome (delivered, failed, expired, rejected). */
  settled: number;
  delivered: number;
  /** Percentage (0–100) of each non-empty state, in the order of DELIVERY_STATES. */
  sections: { state: DeliveryState; count: number; percent: number }[];
  /** Telcos, most recipients first (ties by name), with their total. */
  telcos: { telco: string; total: number; byState: Record<DeliveryState, number> }[];
}

const count = (m: Partial<Record<DeliveryState, number>>, s: DeliveryState): number => m[s] ?? 0;

export function summariseProgress(p: Progress): ProgressSummary {
  const settled = FINAL_DELIVERY_STATES.reduce((n, s) => n + count(p.byState, s), 0);
  const sections = DELIVERY_STATES.map((state) => ({ state, count: count(p.byState, state), percent: p.total > 0 ? (count(p.byState, state) / p.total) * 100 : 0 })).filter(
    (x) => x.count > 0,
  );
  const telcos = Object.entries(p.byTelco)
    .map(([telco, byState]) => ({
      telco,
      total: DELIVERY_STATES.reduce((n, s) => n + count(byState, s), 0),
      byState: Object.fromEntries(DELIVERY_STATES.map((s) => [s, count(byState, s)])) as Record<DeliveryState, number>,
    }))
    .sort((a, b) => b.total - a.total || a.telco.localeCompare(b.telco));
  return { total: p.total, settled, delivered: count(p.byState, 'delivered'), sections, telcos };
}

/** Keep polling while messages are going out (sending), or approved and waiting for its time; a telco request has nothing to poll. */
export function shouldPoll(b: Pick<BroadcastView, 'status'> & Partial<Pick<BroadcastView, 'route'>>): boolean {
  return b.route !== 'telco_request' && (b.status === 'sending' || b.status === 'approved');
}
