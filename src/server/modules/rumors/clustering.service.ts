import { randomUUID } from 'node:crypto';
import type {
  RumorMergeInput,
  RumorMergeView,
  RumorSimilarCase,
  RumorSimilarView,
  RumorSplitInput,
  RumorSplitView,
  RumorSpreadView,
} from '../../../shared/contracts/rumors-clustering.ts';
import { RUMOR_CLUSTER_LIMITS } from '../../../shared/contracts/rumors-clustering.ts';
import type { RumorChannel, RumorSeverity } from '../../../shared/contracts/rumors.ts';
import { RUMOR_VERDICT_LABELS } from '../../../shared/contracts/rumors.ts';
import type { RumorVerdict } from '../../../shared/contracts/rumors.ts';
import { AppError } from '../../platform/errors.ts';
import { vnDateKey } from '../../platform/text.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './cases.repository.ts';
import type { RumorCaseRow, RumorReportRow } from './cases.repository.ts';
import * as clusterRepo from './clustering.repository.ts';
import { contentWords, textScores } from './clustering.ts';
import { respondByFor } from './reports.core.ts';
import { loadCase, mayIn } from './rumors.context.ts';
import type { RumorsContext } from './rumors.context.ts';
import { presentCaseSummary } from './rumors.present.ts';

/** Text similarity (content words, 0–1) from which a case is shown as similar (below the rule's join threshold too). */
const SIMILAR_TEXT_MIN = 0.3;
/** Reports of a case compared with the others: its first and latest (a large case is represented by both ends). */
const PROBE_REPORTS = 12;
const SPREAD_HOURS = 72;

function probeReports(reports: readonly RumorReportRow[]): RumorReportRow[] {
  if (reports.length <= PROBE_REPORTS) return [...reports];
  return [...reports.slice(0, PROBE_REPORTS / 2), ...reports.slice(-PROBE_REPORTS / 2)];
}

/** The verdicts of two cases do not contradict (either is open, or both concluded alike). */
function verdictsAgree(a: RumorCaseRow, b: RumorCaseRow): boolean {
  return a.verdict === null || b.verdict === null || a.verdict === b.verdict;
}

/** The desk's clustering work: similar cases, merge, split, and how a case spread (issue #15 point 2). */
export function createClusteringService(ctx: RumorsContext) {
  const { db, clock } = ctx;

  async function summaries(ids: readonly string[], tx = db) {
    const now = clock.now();
    return (await clusterRepo.caseSummaryRows(tx, ids)).map((r) => presentCaseSummary(r, now));
  }

  return {
    /** Cases about the same claim as this one, with why: a shared link, an identical file, similar text. */
    async similarCases(actor: Actor, caseId: string): Promise<RumorSimilarView> {
      const { row, unit, a } = await loadCase(ctx, actor, caseId, 'rumor.read');
      const reports = probeReports(await repo.reportsOfCase(db, row.id));
      const at = clock.now();
      type Found = { reasons: Map<string, { kind: 'url' | 'file' | 'text'; url: string | null; score: number }> };
      const found = new Map<string, Found>();
      for (const r of reports) {
        const probe = { unitId: row.unitId, normalizedUrls: r.normalizedUrls, textFolded: r.textFolded, fileSha256: r.fileSha256 };
        const words = contentWords(r.textFolded);
        for (const c of await clusterRepo.candidateReports(db, probe, at, { excludeCaseId: row.id, limit: 50 })) {
          const f: Found = found.get(c.caseId) ?? { reasons: new Map() };
          if (c.sharedUrl) f.reasons.set(`url:${c.sharedUrl}`, { kind: 'url', url: c.sharedUrl, score: 1 });
          if (c.sameFile) f.reasons.set('file', { kind: 'file', url: null, score: 1 });
          const { similarity } = textScores(words, contentWords(c.textFolded));
          if (similarity >= SIMILAR_TEXT_MIN && similarity > (f.reasons.get('text')?.score ?? 0))
            f.reasons.set('text', { kind: 'text', url: null, score: Number(similarity.toFixed(3)) });
          if (f.reasons.size > 0) found.set(c.caseId, f);
        }
      }
      const order = { url: 0, file: 1, text: 2 } as const;
      const ranked = [...found.entries()]
        .map(([id, f]) => ({ id, reasons: [...f.reasons.values()].sort((x, y) => order[x.kind] - order[y.kind] || y.score - x.score) }))
        .sort((x, y) => order[x.reasons[0]!.kind] - order[y.reasons[0]!.kind] || y.reasons[0]!.score - x.reasons[0]!.score)
        .slice(0, RUMOR_CLUSTER_LIMITS.similar);
      const rows = new Map(
        (
          await clusterRepo.caseSummaryRows(
            db,
            ranked.map((x) => x.id),
          )
        ).map((r) => [r.id, r]),
      );
      const mayWrite = mayIn(a, 'rumor.write', unit.path);
      const now = clock.now();
      const similar: RumorSimilarCase[] = ranked.flatMap((x) => {
        const r = rows.get(x.id);
        if (!r) return [];
        return [
          {
            case: presentCaseSummary(r, now),
            reasons: x.reasons,
            score: x.reasons[0]!.score,
            canMerge: mayWrite && verdictsAgree(row, r) && !r.correctionPostId && !r.correctionBroadcastId,
          },
        ];
      });
      return { similar };
    },

    /**
     * Moves the reports (and evidence, actions) of other cases of the unit into this one and deletes the emptied
     * cases; this case keeps its workflow. Refused when two concluded cases disagree or a merged case has a
     * published correction (merge the others into that one instead).
     */
    async mergeCases(actor: Actor, caseId: string, input: RumorMergeInput): Promise<RumorMergeView> {
      return db.transaction(async (tx) => {
        const { row, unit, a } = await loadCase(ctx, actor, caseId, 'rumor.write', { tx, forUpdate: true });
        const fromIds = [...new Set(input.fromCaseIds)];
        if (fromIds.includes(row.id)) throw new AppError('RUMOR_MERGE_SELF');
        const from: RumorCaseRow[] = [];
        for (const id of fromIds) {
          const f = await repo.findCase(tx, id, { forUpdate: true });
          // Another unit's case is not one this desk can see: the same answer as an unknown id.
          if (!f || f.unitId !== row.unitId) throw new AppError('NOT_FOUND');
          if (!verdictsAgree(row, f)) throw new AppError('RUMOR_MERGE_VERDICTS', { code: f.code, verdict: RUMOR_VERDICT_LABELS[f.verdict as RumorVerdict].vi });
          if (f.correctionPostId || f.correctionBroadcastId) throw new AppError('RUMOR_MERGE_CORRECTED', { code: f.code });
          from.push(f);
        }
        const movedReports = await clusterRepo.moveCasesInto(tx, row.id, fromIds);
        const at = clock.now();
        await repo.refreshCaseCounters(tx, row.id, at);
        if (!row.firstAppearanceUrl) {
          const first = (await repo.reportsOfCase(tx, row.id)).find((r) => r.urls.length > 0);
          if (first) await repo.updateCase(tx, row.id, { firstAppearanceUrl: first.urls[0]! });
        }
        await recordAudit(tx, a, {
          action: 'rumor.case_merge',
          entity: 'rumor_case',
          entityId: row.id,
          unitId: unit.id,
          before: { reportCount: row.reportCount },
          after: { mergedCases: from.map((f) => ({ id: f.id, code: f.code, reportCount: f.reportCount })), movedReports },
        });
        const [summary] = await summaries([row.id], tx);
        return { case: summary!, movedReports, mergedCodes: from.map((f) => f.code) };
      });
    },

    /** A new case (unverified, the same severity) from some of this case's reports; both cases' counters follow. */
    async splitCase(actor: Actor, caseId: string, input: RumorSplitInput): Promise<RumorSplitView> {
      return db.transaction(async (tx) => {
        const { row, unit, a } = await loadCase(ctx, actor, caseId, 'rumor.write', { tx, forUpdate: true });
        const reports = await repo.reportsOfCase(tx, row.id);
        const ids = new Set(input.reportIds);
        const chosen = reports.filter((r) => ids.has(r.id));
        if (chosen.length !== ids.size) throw new AppError('RUMOR_SPLIT_FOREIGN');
        if (chosen.length === reports.length) throw new AppError('RUMOR_SPLIT_ALL');
        const at = clock.now();
        const first = chosen[0]!;
        const severity = row.severity as RumorSeverity;
        const kase = await repo.insertCase(tx, {
          id: randomUUID(),
          unitId: row.unitId,
          code: await repo.nextCaseCode(tx, Number(at.toISOString().slice(0, 4))),
          title: input.title,
          claim: first.description,
          severity,
          respondBy: respondByFor(severity, first.seenAt ?? first.createdAt),
          firstAppearanceUrl: chosen.find((r) => r.urls.length > 0)?.urls[0] ?? null,
          createdBy: a.userId,
          createdAt: at,
          updatedAt: at,
        });
        await clusterRepo.moveReports(tx, row.id, kase.id, [...ids]);
        await repo.refreshCaseCounters(tx, row.id, at);
        await repo.refreshCaseCounters(tx, kase.id, at);
        await recordAudit(tx, a, [
          {
            action: 'rumor.case_split',
            entity: 'rumor_case',
            entityId: row.id,
            unitId: unit.id,
            before: { reportCount: row.reportCount },
            after: { newCase: { id: kase.id, code: kase.code }, reportIds: [...ids] },
          },
          { action: 'rumor.case_create', entity: 'rumor_case', entityId: kase.id, unitId: unit.id, after: { code: kase.code, title: kase.title, splitFrom: row.code } },
        ]);
        const [created, left] = await summaries([kase.id, row.id], tx);
        return { case: created!, from: left! };
      });
    },

    /** How the claim spread: reports per day (Viet Nam's calendar), per hour of its first 72 hours, per channel. */
    async caseSpread(actor: Actor, caseId: string): Promise<RumorSpreadView> {
      const { row } = await loadCase(ctx, actor, caseId, 'rumor.read');
      const reports = await repo.reportsOfCase(db, row.id);
      const when = (r: RumorReportRow) => r.seenAt ?? r.createdAt;
      const sorted = [...reports].sort((x, y) => when(x).getTime() - when(y).getTime());
      const start = sorted[0] ? when(sorted[0]).getTime() : 0;
      const channels = new Map<RumorChannel, { count: number; firstAt: Date }>();
      const days = new Map<string, Map<RumorChannel, number>>();
      const hours = new Map<string, number>();
      for (const r of sorted) {
        const ch = r.channel as RumorChannel;
        const t = when(r);
        const c = channels.get(ch);
        channels.set(ch, { count: (c?.count ?? 0) + 1, firstAt: c?.firstAt ?? t });
        const d = days.get(vnDateKey(t)) ?? new Map<RumorChannel, number>();
        d.set(ch, (d.get(ch) ?? 0) + 1);
        days.set(vnDateKey(t), d);
        if (t.getTime() - start < SPREAD_HOURS * 3_600_000) {
          const h = new Date(Math.floor(t.getTime() / 3_600_000) * 3_600_000).toISOString();
          hours.set(h, (hours.get(h) ?? 0) + 1);
        }
      }
      const iso = (d: Date | null) => (d ? d.toISOString() : null);
      return {
        caseId: row.id,
        reportCount: reports.length,
        informantCount: new Set(reports.flatMap((r) => (r.informantId ? [r.informantId] : []))).size,
        firstSeenAt: iso(sorted[0] ? when(sorted[0]) : row.firstSeenAt),
        firstAppearanceUrl: row.firstAppearanceUrl ?? sorted.find((r) => r.urls.length > 0)?.urls[0] ?? null,
        lastReportAt: iso(row.lastReportAt),
        byChannel: [...channels.entries()].map(([channel, v]) => ({ channel, count: v.count, firstAt: v.firstAt.toISOString() })),
        byDay: [...days.entries()].map(([day, m]) => ({
          day,
          count: [...m.values()].reduce((s, n) => s + n, 0),
          byChannel: [...m.entries()].map(([channel, count]) => ({ channel, count })),
        })),
        byHour: [...hours.entries()].map(([hour, count]) => ({ hour, count })),
      };
    },
  };
}

export type ClusteringService = ReturnType<typeof createClusteringService>;
