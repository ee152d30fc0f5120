import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { foldDiacritics, nfc } from '../../platform/text.ts';
import { RUMOR_SEVERITY_LABELS } from '../../../shared/contracts/rumors.ts';
import type { RumorChannel, RumorSeverity } from '../../../shared/contracts/rumors.ts';
import * as repo from './cases.repository.ts';
import type { RumorCaseRow, RumorReportRow } from './cases.repository.ts';
import type { LinkResolver } from '../../providers/link-resolver/port.ts';
import { candidateReports, moveCasesInto } from './clustering.repository.ts';
import { decideCase } from './clustering.ts';
import type { CaseMatch, ClusterProbe } from './clustering.ts';
import { isShortLink, normalizeUrl } from './url-normalize.ts';

/** Crockford base32 without I, L, O, U: what a citizen can read back over the phone. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A citizen's reference code, "PA-7K3M-Q9XD": 40 random bits, not guessable from another one. */
export function newReportCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `PA-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Lower case, without diacritics, spaces collapsed: the text clustering and search compare. */
export function foldText(s: string): string {
  return foldDiacritics(nfc(s)).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** When a case of this severity must be answered, from its first report. */
export function respondByFor(severity: RumorSeverity, from: Date): Date {
  return new Date(from.getTime() + RUMOR_SEVERITY_LABELS[severity].respondHours * 3_600_000);
}

export interface ReportDraft {
  unitId: string;
  channel: RumorChannel;
  description: string;
  urls: readonly string[];
  file?: { id: string; sha256: string; type: string; size: number } | null;
  informantId?: string | null;
  socialItemId?: string | null;
  feedItemId?: string | null;
  seenAt?: Date | null;
  /** Join this case (staff chose it) instead of clustering. */
  caseId?: string | null;
  /** Title of a new case when one is opened (else the description's first words). */
  title?: string | null;
  createdBy?: string | null;
  /**
   * Where the draft's short links lead (original → target), from `resolveReportUrls` run BEFORE the transaction:
   * both the short link and its target are compared (the target's normalised form joins the report's links).
   */
  resolvedUrls?: Readonly<Record<string, string>> | null;
}

/** Links a report may carry; the intake refuses more. */
const MAX_RESOLVED = 10;

/**
 * Resolves the short links among a report's links (bit.ly, vm.tiktok.com, fb.watch, …) through the link resolver,
 * in parallel, each within the resolver's own time limit. Call it BEFORE opening the transaction of the intake
 * (it waits on the network) and pass the result as `ReportDraft.resolvedUrls`. Failures are simply left out.
 */
export async function resolveReportUrls(resolver: LinkResolver, urls: readonly string[]): Promise<Record<string, string>> {
  const short = [...new Set(urls.map((u) => nfc(u).trim()))].filter(isShortLink).slice(0, MAX_RESOLVED);
  const out: Record<string, string> = {};
  await Promise.all(
    short.map(async (u) => {
      const target = await resolver.resolve(u).catch(() => null);
      if (target && target !== u) out[u] = target;
    }),
  );
  return out;
}

/** The normalised links of a report: each link's, and the target's of each resolved short link. */
export function normalizedUrlsOf(urls: readonly string[], resolved?: Readonly<Record<string, string>> | null): string[] {
  const out = new Set<string>();
  for (const u of urls) {
    out.add(normalizeUrl(u));
    const target = resolved?.[u];
    if (target) out.add(normalizeUrl(target));
  }
  return [...out];
}

/** The case a probe joins by the clustering rule (clustering.ts), or null. */
export async function matchingCase(tx: Db, probe: ClusterProbe, at: Date): Promise<CaseMatch | null> {
  return decideCase(probe, await candidateReports(tx, probe, at));
}

/**
 * Files a report inside the caller's transaction: clustering picks the case it joins, or a new case is opened
 * (unverified, medium severity); the case's counters follow. The one writer of reports for every channel.
 * `match` says why it joined; `mergedCaseIds`: untouched cases the report proved to be the same claim, merged into
 * its case (and deleted) — every caller writes them into its audit row of the report (`mergedCaseIds`).
 */
export async function fileReport(
  tx: Db,
  draft: ReportDraft,
  at: Date,
): Promise<{ report: RumorReportRow; kase: RumorCaseRow; opened: boolean; match: CaseMatch | null; mergedCaseIds: string[] }> {
  const description = nfc(draft.description).trim();
  const urls = [...new Set(draft.urls.map((u) => nfc(u).trim()).filter(Boolean))];
  const normalizedUrls = normalizedUrlsOf(urls, draft.resolvedUrls);
  const textFolded = foldText(description);
  const probe = { unitId: draft.unitId, normalizedUrls, textFolded, fileSha256: draft.file?.sha256 ?? null };
  const match = draft.caseId ? null : await matchingCase(tx, probe, at);
  let caseId = draft.caseId ?? match?.caseId ?? null;
  let opened = false;
  // The report shows that untouched cases are the same claim as the one it joins: they become one.
  const mergedCaseIds = match?.bridged ?? [];
  if (caseId && mergedCaseIds.length > 0) await moveCasesInto(tx, caseId, mergedCaseIds);
  if (!caseId) {
    const title = (draft.title ?? (description || urls[0] || 'Phản ánh chưa có nội dung')).slice(0, 160);
    const kase = await repo.insertCase(tx, {
      id: randomUUID(),
      unitId: draft.unitId,
      code: await repo.nextCaseCode(tx, Number(at.toISOString().slice(0, 4))),
      title,
      claim: description,
      severity: 'medium',
      respondBy: respondByFor('medium', draft.seenAt ?? at),
      firstAppearanceUrl: urls[0] ?? null,
      createdBy: draft.createdBy ?? null,
      createdAt: at,
      updatedAt: at,
    });
    caseId = kase.id;
    opened = true;
  }
  const report = await repo.insertReport(tx, {
    id: randomUUID(),
    unitId: draft.unitId,
    caseId,
    code: newReportCode(),
    channel: draft.channel,
    description,
    urls,
    normalizedUrls,
    textFolded,
    fileId: draft.file?.id ?? null,
    fileSha256: draft.file?.sha256 ?? null,
    fileType: draft.file?.type ?? null,
    fileSize: draft.file?.size ?? null,
    informantId: draft.informantId ?? null,
    socialItemId: draft.socialItemId ?? null,
    feedItemId: draft.feedItemId ?? null,
    seenAt: draft.seenAt ?? null,
    createdBy: draft.createdBy ?? null,
    createdAt: at,
  });
  await repo.refreshCaseCounters(tx, caseId, at);
  const kase = await repo.findCase(tx, caseId);
  return { report, kase: kase!, opened, match, mergedCaseIds };
}
