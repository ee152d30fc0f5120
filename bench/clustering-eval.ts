/**
 * Runs the labelled set of bench/data/rumor-reports.ts through the desk's one report writer (`fileReport`, with
 * short links resolved first by the fake resolver, as the intake does) on a fresh in-memory PGlite, in a seeded
 * shuffled order, and scores "same case" pairwise against the true claims. Used by bench/clustering.bench.ts (the
 * whole set) and by the rumors clustering test (the same, as a criterion that fails when clustering breaks).
 */
import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../src/server/db/client.ts';
import type { Database, Db } from '../src/server/db/client.ts';
import { TEMPLATE_PATH } from '../src/server/db/pglite-template.ts';
import { createContainer } from '../src/server/container.ts';
import { SYSTEM_ACTOR } from '../src/server/modules/access/index.ts';
import { fileReport, resolveReportUrls } from '../src/server/modules/rumors/reports.core.ts';
import { unitIdFor } from '../src/server/modules/units/index.ts';
import { fixedClock } from '../src/server/platform/clock.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { createLogMailer } from '../src/server/providers/mailer/log.ts';
import { createFakeLinkResolver } from '../src/server/providers/link-resolver/fake.ts';
import { createFakeTts } from '../src/server/providers/tts/fake.ts';
import type { LabelledReport } from './data/rumor-reports.ts';
import { RUMOR_REPORTS, SHORT_LINKS, shuffledReports } from './data/rumor-reports.ts';

export interface PairScores {
  precision: number;
  recall: number;
  truePairs: number;
  predictedPairs: number;
}

/**
 * Pairwise precision and recall of "same case" (each unordered pair of reports counted once); `only`: count only the
 * pairs with at least one report it accepts (e.g. the held-out claims' reports).
 */
export function pairScores(claims: readonly string[], predicted: readonly string[], only?: (i: number) => boolean): PairScores {
  let tp = 0;
  let truePairs = 0;
  let predictedPairs = 0;
  for (let i = 0; i < claims.length; i++)
    for (let j = i + 1; j < claims.length; j++) {
      if (only && !only(i) && !only(j)) continue;
      const t = claims[i] === claims[j];
      const p = predicted[i] === predicted[j];
      if (t) truePairs++;
      if (p) predictedPairs++;
      if (t && p) tp++;
    }
  return { precision: predictedPairs === 0 ? 1 : tp / predictedPairs, recall: truePairs === 0 ? 1 : tp / truePairs, truePairs, predictedPairs };
}

/** The baseline: reports whose links are exactly the same strings join (union–find over raw URLs), nothing else. */
export function exactUrlClusters(reports: readonly LabelledReport[]): string[] {
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstWith = new Map<string, number>();
  reports.forEach((r, i) => {
    for (const u of r.urls) {
      const j = firstWith.get(u);
      if (j === undefined) firstWith.set(u, i);
      else parent[find(i)] = find(j);
    }
  });
  return reports.map((_, i) => String(find(i)));
}

export interface ClusteringRun extends PairScores {
  reports: number;
  claims: number;
  cases: number;
  baseline: PairScores;
  msPerReport: number;
  /** Untouched cases merged into another by a report that bridged them. */
  merges: number;
  /** Reports not in the case holding most of their claim's reports, by kind of variant. */
  strayByKind: Record<string, number>;
  /** Cases holding reports of more than one claim: their claims. */
  mixed: string[][];
  /** The reports in the order filed, and the case each ended in. */
  filed: readonly LabelledReport[];
  caseOf: string[];
}

/** `on`: file into this database and (new, empty) desk unit instead of a fresh in-memory database (a test reuses its own). */
export async function runLabelledSet(o: { seed?: number; reports?: readonly LabelledReport[]; on?: { db: Db; deskUnitId: string } } = {}): Promise<ClusteringRun> {
  const reports = shuffledReports(o.seed ?? 15, o.reports ?? RUMOR_REPORTS);
  const start = new Date('2026-03-02T01:00:00Z');
  let own: { database: Database; stop: () => Promise<void> } | null = null;
  let db: Db;
  let deskId: string;
  if (o.on) {
    db = o.on.db;
    deskId = o.on.deskUnitId;
  } else {
    const database = await openDatabase({ dataDir: null, ...(existsSync(TEMPLATE_PATH) ? { pgliteTemplate: TEMPLATE_PATH } : {}) });
    await database.migrate();
    const c = createContainer({
      database,
      clock: fixedClock(start),
      logger: createLogger('silent'),
      mailer: createLogMailer(createLogger('silent')),
      env: { SESSION_TTL_HOURS: 12 },
      tts: createFakeTts(),
    });
    own = { database, stop: () => c.jobs.stop() };
    db = database.db;
    await c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    deskId = (await c.services.units.createOrganisation(SYSTEM_ACTOR, { parentId: unitIdFor('vn-2026', '12'), name: 'Sở Văn hóa, Thể thao và Du lịch (thử)', kind: 'office' })).id;
  }
  try {
    const resolver = createFakeLinkResolver(SHORT_LINKS);
    const reportIds: string[] = [];
    let merges = 0;
    const t0 = performance.now();
    for (const [i, r] of reports.entries()) {
      const at = new Date(start.getTime() + i * 7 * 60_000);
      const resolvedUrls = await resolveReportUrls(resolver, r.urls);
      const { report, mergedCaseIds } = await db.transaction((tx) =>
        fileReport(
          tx,
          {
            unitId: deskId,
            channel: r.channel,
            description: r.description,
            urls: r.urls,
            resolvedUrls,
            file: r.fileSha256 ? { id: `f-${r.fileSha256.slice(0, 12)}`, sha256: r.fileSha256, type: 'image/jpeg', size: 1000 } : null,
          },
          at,
        ),
      );
      reportIds.push(report.id);
      merges += mergedCaseIds.length;
    }
    const msPerReport = (performance.now() - t0) / reports.length;
    // Where each report ended (a later report may have merged its case into another).
    const final = new Map(
      rowsOf<{ id: string; caseId: string }>(await db.execute(sql`SELECT id, case_id AS "caseId" FROM rumor_reports WHERE unit_id = ${deskId}`)).map((r) => [r.id, r.caseId]),
    );
    const caseOf = reportIds.map((id) => final.get(id)!);
    const claims = reports.map((r) => r.claim);
    const scores = pairScores(claims, caseOf);
    // Per claim, its main case (the one holding most of its reports); the others are strays.
    const strayByKind: Record<string, number> = {};
    const byClaim = new Map<string, Map<string, number>>();
    reports.forEach((r, i) => {
      const m = byClaim.get(r.claim) ?? new Map<string, number>();
      m.set(caseOf[i]!, (m.get(caseOf[i]!) ?? 0) + 1);
      byClaim.set(r.claim, m);
    });
    reports.forEach((r, i) => {
      const m = byClaim.get(r.claim)!;
      const main = [...m.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      if (caseOf[i] !== main) strayByKind[r.kind] = (strayByKind[r.kind] ?? 0) + 1;
    });
    const claimsOfCase = new Map<string, Set<string>>();
    reports.forEach((r, i) => claimsOfCase.set(caseOf[i]!, (claimsOfCase.get(caseOf[i]!) ?? new Set()).add(r.claim)));
    const mixed = [...claimsOfCase.values()].filter((s) => s.size > 1).map((s) => [...s]);
    return {
      ...scores,
      reports: reports.length,
      claims: new Set(claims).size,
      cases: claimsOfCase.size,
      baseline: pairScores(claims, exactUrlClusters(reports)),
      msPerReport,
      merges,
      strayByKind,
      mixed,
      filed: reports,
      caseOf,
    };
  } finally {
    if (own) {
      await own.stop();
      await own.database.close();
    }
  }
}
