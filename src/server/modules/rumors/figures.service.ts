import { AppError } from '../../platform/errors.ts';
import { vnDateKey } from '../../platform/text.ts';
import { RUMOR_CHANNELS } from '../../../shared/contracts/rumors.ts';
import type { RumorChannel } from '../../../shared/contracts/rumors.ts';
import { FIGURE_MEASURES } from '../../../shared/contracts/rumors-monitoring.ts';
import type { FigureBucket, FigureCounts, FigureMeasure, FiguresQueryInput, FiguresView } from '../../../shared/contracts/rumors-monitoring.ts';
import type { Actor } from '../access/index.ts';
import * as repo from './figures.repository.ts';
import type { FigureEvent, WorkCase } from './figures.repository.ts';
import { deskUnit, mayIn } from './rumors.context.ts';
import type { RumorsContext } from './rumors.context.ts';

const DAY = 86_400_000;
/** Viet Nam is UTC+7 all year (no daylight saving). */
const VN_OFFSET = 7 * 3_600_000;
/** Buckets one answer holds at most (a year of days). */
const MAX_PERIODS = 400;

/** Midnight in Viet Nam of a YYYY-MM-DD day, as an instant. */
const vnMidnight = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET);
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The first day (YYYY-MM-DD, Viet Nam) of the bucket holding a day: itself, its week's Monday, its month's 1st. */
export function bucketStart(day: string, bucket: FigureBucket): string {
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 8)}01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return addDays(day, -weekday);
}

function nextBucket(start: string, bucket: FigureBucket): string {
  if (bucket === 'day') return addDays(start, 1);
  if (bucket === 'week') return addDays(start, 7);
  const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

const zero = (): FigureCounts => ({ received: 0, verified: 0, corrected: 0, police: 0 });

/** Where corrections were published: the post's publication time, null while it is not published. */
export type CorrectionDates = (postIds: readonly string[]) => Promise<Map<string, Date | null>>;

/**
 * The desk's figures (issue #15 point 6) and its start-page work: cases received, verified (conclusion approved),
 * corrected (correction article published) and handed to the police, per channel of the case's first report and per
 * day/week/month (Viet Nam calendar), for the desk unit's subtree.
 */
export function createFiguresService(ctx: RumorsContext & { correctionDates: CorrectionDates }) {
  const { db, clock } = ctx;

  async function events(path: string, from: Date, to: Date): Promise<Record<FigureMeasure, FigureEvent[]>> {
    const received = await repo.casesReceived(db, path, from, to);
    const verified = await repo.casesVerified(db, path, from, to);
    const police = await repo.casesToPolice(db, path, from, to);
    const withCorrection = await repo.casesWithCorrection(db, path);
    const dates = withCorrection.length ? await ctx.correctionDates(withCorrection.map((c) => c.postId)) : new Map<string, Date | null>();
    const corrected = withCorrection.flatMap((c) => {
      const at = dates.get(c.postId);
      return at && at >= from && at < to ? [{ caseId: c.caseId, at, channel: c.channel }] : [];
    });
    return { received, verified, corrected, police };
  }

  return {
    async figures(actor: Actor, q: FiguresQueryInput): Promise<FiguresView> {
      const { unit } = await deskUnit(ctx, actor, q.unitId ?? actor.unitId, 'rumor.read');
      const toDay = q.to ?? vnDateKey(clock.now());
      const fromDay = q.from ?? addDays(toDay, -29);
      if (Number.isNaN(Date.parse(`${fromDay}T00:00:00Z`)) || Number.isNaN(Date.parse(`${toDay}T00:00:00Z`)) || fromDay > toDay) {
        throw new AppError('RUMOR_FIGURES_RANGE', { max: MAX_PERIODS });
      }
      const starts: string[] = [];
      for (let s = bucketStart(fromDay, q.bucket); s <= toDay; s = nextBucket(s, q.bucket)) {
        starts.push(s);
        if (starts.length > MAX_PERIODS) throw new AppError('RUMOR_FIGURES_RANGE', { max: MAX_PERIODS });
      }
      const from = vnMidnight(fromDay);
      const to = vnMidnight(addDays(toDay, 1));
      const ev = await events(unit.path, from, to);
      const reports = await repo.reportsByChannel(db, unit.path, from, to);

      const totals = zero();
      const byChannel = new Map<RumorChannel, FigureCounts>(RUMOR_CHANNELS.map((c) => [c, zero()]));
      const periods = new Map<string, FigureCounts>(starts.map((s) => [s, zero()]));
      for (const m of FIGURE_MEASURES) {
        for (const e of ev[m]) {
          totals[m]++;
          const ch = byChannel.get(e.channel as RumorChannel);
          if (ch) ch[m]++;
          const p = periods.get(bucketStart(vnDateKey(e.at), q.bucket));
          if (p) p[m]++;
        }
      }
      return {
        unitId: unit.id,
        from: fromDay,
        to: toDay,
        bucket: q.bucket,
        totals,
        byChannel: RUMOR_CHANNELS.map((channel) => ({ channel, reports: reports.get(channel) ?? 0, ...byChannel.get(channel)! })),
        periods: starts.map((start) => ({ start, ...periods.get(start)! })),
      };
    },

    /**
     * What waits for the actor at the desk of its own unit's subtree (the start page): cases past their response
     * deadline (rumor.write holders), conclusions proposed (rumor.approve holders). Nothing for other roles.
     */
    async waitingFor(actor: Actor, limit: number): Promise<{ overdue: { total: number; rows: WorkCase[] }; toApprove: { total: number; rows: WorkCase[] } }> {
      const none = { total: 0, rows: [] };
      const overdue = mayIn(actor, 'rumor.write', actor.unitPath) ? await repo.overdueCases(db, actor.unitPath, clock.now(), limit) : none;
      const toApprove = mayIn(actor, 'rumor.approve', actor.unitPath) ? await repo.proposedConclusions(db, actor.unitPath, limit) : none;
      return { overdue, toApprove };
    },
  };
}

export type FiguresService = ReturnType<typeof createFiguresService>;
