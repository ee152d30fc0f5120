// Contract of the desk's clustering routes (issue #15 point 2): similar cases to merge (with why they are similar),
// merging cases into one, splitting reports off into a new case, and how a case spread (reports per day, hour and
// channel; its first appearance). Nothing here identifies an informant: counts only.
import { z } from 'zod';
import { RUMOR_CHANNELS, RUMOR_LIMITS, RumorCaseSummaryOut } from './rumors.ts';

export const RUMOR_CLUSTER_LIMITS = {
  /** Cases merged into one in a single request. */
  mergeFrom: 20,
  /** Reports split off in a single request. */
  splitReports: 500,
  /** Similar cases listed. */
  similar: 20,
} as const;

/** Why two reports (or cases) are about the same claim. */
export const RUMOR_MATCH_KINDS = ['url', 'file', 'text'] as const;
export type RumorMatchKind = (typeof RUMOR_MATCH_KINDS)[number];
export const RUMOR_MATCH_LABELS: Record<RumorMatchKind, { vi: string; en: string }> = {
  url: { vi: 'Cùng đường liên kết', en: 'Same link' },
  file: { vi: 'Cùng tệp (ảnh chụp, video)', en: 'Same file' },
  text: { vi: 'Nội dung tương tự', en: 'Similar text' },
};

export const RumorMergeBody = z.object({
  /** The cases whose reports move into the case of the path (they are then closed as merged). */
  fromCaseIds: z.array(z.uuid()).min(1).max(RUMOR_CLUSTER_LIMITS.mergeFrom),
});
export type RumorMergeInput = z.infer<typeof RumorMergeBody>;

export const RumorMergeOut = z.object({
  /** The target case after the merge (its workflow unchanged; counters recomputed). */
  case: RumorCaseSummaryOut,
  /** How many reports moved into it. */
  movedReports: z.number().int(),
  /** The codes of the merged (now emptied) cases. */
  mergedCodes: z.array(z.string()),
});
export type RumorMergeView = z.infer<typeof RumorMergeOut>;

export const RumorSplitBody = z.object({
  /** Reports of the case of the path that open the new case (not all of them). */
  reportIds: z.array(z.uuid()).min(1).max(RUMOR_CLUSTER_LIMITS.splitReports),
  title: z
    .string()
    .trim()
    .min(1)
    .max(RUMOR_LIMITS.title)
    .transform((s) => s.normalize('NFC')),
});
export type RumorSplitInput = z.infer<typeof RumorSplitBody>;

export const RumorSplitOut = z.object({
  /** The new case (unverified), holding the split reports. */
  case: RumorCaseSummaryOut,
  /** The case they left, with its counters recomputed. */
  from: RumorCaseSummaryOut,
});
export type RumorSplitView = z.infer<typeof RumorSplitOut>;

export const RumorMatchReasonOut = z.object({
  kind: z.enum(RUMOR_MATCH_KINDS),
  /** url: the normalised link both share; file: null; text: null. */
  url: z.string().nullable(),
  /** text: the best pg_trgm similarity between a report of each case (0–1); url/file: 1. */
  score: z.number(),
});
export type RumorMatchReason = z.infer<typeof RumorMatchReasonOut>;

export const RumorSimilarCaseOut = z.object({
  case: RumorCaseSummaryOut,
  /** Strongest first: same link, same file, then similar text. */
  reasons: z.array(RumorMatchReasonOut),
  /** The best reason's score (1 for a link or file match). */
  score: z.number(),
  /** Merging it into this case is possible (the caller holds rumor.write, verdicts compatible). */
  canMerge: z.boolean(),
});
export type RumorSimilarCase = z.infer<typeof RumorSimilarCaseOut>;

export const RumorSimilarOut = z.object({ similar: z.array(RumorSimilarCaseOut) });
export type RumorSimilarView = z.infer<typeof RumorSimilarOut>;

const ChannelCount = z.object({ channel: z.enum(RUMOR_CHANNELS), count: z.number().int() });

export const RumorSpreadOut = z.object({
  caseId: z.uuid(),
  reportCount: z.number().int(),
  /** Distinct informants who left a record (a person reporting twice counts once); anonymous reports not included. */
  informantCount: z.number().int(),
  /** When the claim was first seen (the earliest seen date or report) and where (the first report's first link). */
  firstSeenAt: z.string().nullable(),
  firstAppearanceUrl: z.string().nullable(),
  lastReportAt: z.string().nullable(),
  byChannel: z.array(ChannelCount.extend({ firstAt: z.string() })),
  /** Calendar days in Viet Nam (YYYY-MM-DD), only days with reports, oldest first. */
  byDay: z.array(z.object({ day: z.string(), count: z.number().int(), byChannel: z.array(ChannelCount) })),
  /** Hours (ISO start of the hour, UTC) of the first 72 hours after the first report, only hours with reports. */
  byHour: z.array(z.object({ hour: z.string(), count: z.number().int() })),
});
export type RumorSpreadView = z.infer<typeof RumorSpreadOut>;
