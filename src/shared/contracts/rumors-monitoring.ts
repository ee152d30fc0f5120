// Contract of the desk's press and web monitoring, the social-inbox hand-off and the figures (issue #15, points 1
// and 6): RSS/Atom feeds and watch keywords per desk unit (/api/rumors/feeds, /api/rumors/keywords), the feed items
// that matched a keyword waiting for review (/api/rumors/monitoring), a social inbox item turned into a report
// (/api/rumors/from-social/:inboxItemId) and the desk's figures by channel and period (/api/rumors/figures).
import { z } from 'zod';
import { RUMOR_CHANNELS, RumorReportOut } from './rumors.ts';
import { nfcText } from './text.ts';

export const MONITORING_LIMITS = {
  feedName: 200,
  feedUrl: 2000,
  keyword: 100,
  /** Feeds a desk watches at most. */
  feeds: 100,
  /** Watch keywords of a desk at most. */
  keywords: 500,
  /** A feed document larger than this is refused (bytes). */
  feedBytes: 2 * 1024 * 1024,
  /** Items kept from one fetch of one feed at most (the newest first in document order). */
  itemsPerFetch: 200,
  /** Item title and summary as stored (characters). */
  itemTitle: 500,
  itemSummary: 2000,
} as const;

/** An http(s) URL, trimmed and NFC (the server also refuses other schemes when it fetches). */
const HttpUrl = nfcText(MONITORING_LIMITS.feedUrl).refine((s) => /^https?:\/\/[^\s/]+/i.test(s), {
  message: 'Địa chỉ nguồn tin phải bắt đầu bằng http:// hoặc https://',
});

// ── Feeds ─────────────────────────────────────────────────────────────────────────────────────────

/** The result of the last fetch of a feed: ok (new content read), not_modified (304), error (see lastError). */
export const FEED_FETCH_STATUSES = ['ok', 'not_modified', 'error'] as const;
export type FeedFetchStatus = (typeof FEED_FETCH_STATUSES)[number];
export const FEED_FETCH_STATUS_LABELS: Record<FeedFetchStatus, { vi: string; en: string }> = {
  ok: { vi: 'Đã đọc', en: 'Read' },
  not_modified: { vi: 'Không có gì mới', en: 'Not modified' },
  error: { vi: 'Lỗi', en: 'Error' },
};

export const FeedOut = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  name: z.string(),
  url: z.string(),
  active: z.boolean(),
  lastFetchedAt: z.string().nullable(),
  lastStatus: z.enum(FEED_FETCH_STATUSES).nullable(),
  /** Why the last fetch failed, in Vietnamese (null when it did not). */
  lastError: z.string().nullable(),
  /** Items of this feed still waiting for review. */
  newItems: z.number().int(),
  createdAt: z.string(),
});
export type FeedView = z.infer<typeof FeedOut>;

/** `unitId`: the desk's unit (default: the actor's own unit). */
export const DeskUnitQuery = z.object({ unitId: z.uuid().optional() });
export type DeskUnitQueryInput = z.infer<typeof DeskUnitQuery>;

export const FeedListOut = z.object({ feeds: z.array(FeedOut) });
export const CreateFeedBody = z.object({
  unitId: z.uuid().optional(),
  name: nfcText(MONITORING_LIMITS.feedName),
  url: HttpUrl,
  active: z.boolean().default(true),
});
export type CreateFeedInput = z.infer<typeof CreateFeedBody>;
export const UpdateFeedBody = z
  .object({ name: nfcText(MONITORING_LIMITS.feedName).optional(), url: HttpUrl.optional(), active: z.boolean().optional() })
  .refine((b) => b.name !== undefined || b.url !== undefined || b.active !== undefined, { message: 'Không có gì để thay đổi' });
export type UpdateFeedInput = z.infer<typeof UpdateFeedBody>;
export const FeedResponse = z.object({ feed: FeedOut });
export const FeedIdParams = z.object({ id: z.uuid() });

// ── Keywords ──────────────────────────────────────────────────────────────────────────────────────

export const KeywordOut = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  /** As typed (NFC). */
  keyword: z.string(),
  /** What matching compares: lower case, without diacritics (old and new tone placement alike). */
  folded: z.string(),
  createdAt: z.string(),
});
export type KeywordView = z.infer<typeof KeywordOut>;
export const KeywordListOut = z.object({ keywords: z.array(KeywordOut) });
export const CreateKeywordBody = z.object({ unitId: z.uuid().optional(), keyword: nfcText(MONITORING_LIMITS.keyword) });
export type CreateKeywordInput = z.infer<typeof CreateKeywordBody>;
export const KeywordResponse = z.object({ keyword: KeywordOut });
export const KeywordIdParams = z.object({ id: z.uuid() });

// ── Monitoring queue ──────────────────────────────────────────────────────────────────────────────

export const FEED_ITEM_STATES = ['new', 'dismissed', 'reported'] as const;
export type FeedItemState = (typeof FEED_ITEM_STATES)[number];
export const FEED_ITEM_STATE_LABELS: Record<FeedItemState, { vi: string; en: string }> = {
  new: { vi: 'Chờ xem xét', en: 'To review' },
  dismissed: { vi: 'Đã bỏ qua', en: 'Dismissed' },
  reported: { vi: 'Đã chuyển thành phản ánh', en: 'Turned into a report' },
};

export const FeedItemOut = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  feed: z.object({ id: z.uuid(), name: z.string() }),
  url: z.string().nullable(),
  title: z.string(),
  /** Plain text (HTML stripped). */
  summary: z.string(),
  publishedAt: z.string().nullable(),
  /** The watch keywords it matched (as typed). */
  matchedKeywords: z.array(z.string()),
  state: z.enum(FEED_ITEM_STATES),
  /** Once reported: the report and its case. */
  report: z.object({ id: z.uuid(), code: z.string(), caseId: z.uuid() }).nullable(),
  fetchedAt: z.string(),
});
export type FeedItemView = z.infer<typeof FeedItemOut>;

export const MonitoringQuery = z.object({
  unitId: z.uuid().optional(),
  /** Default: new (waiting for review). */
  state: z.enum(FEED_ITEM_STATES).default('new'),
  feedId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type MonitoringQueryInput = z.infer<typeof MonitoringQuery>;
export const MonitoringListOut = z.object({ items: z.array(FeedItemOut), total: z.number().int() });
export const FeedItemIdParams = z.object({ itemId: z.uuid() });
export const FeedItemResponse = z.object({ item: FeedItemOut });

/** Turning an item into a report: an optional note of the officer (else the item's title and summary). */
/** Optional (a POST without a body is fine). */
export const ReportFeedItemBody = z.object({ description: nfcText(4000).optional() });
export type ReportFeedItemInput = z.infer<typeof ReportFeedItemBody>;

/** A report filed from another channel (a feed item, a social inbox item): the report and the case it joined. */
export const HandedReportOut = z.object({
  report: RumorReportOut,
  case: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  /** True when this report opened a new case (false: it joined one). */
  opened: z.boolean(),
  /** False when the same item had been handed before (the first report is returned). */
  created: z.boolean(),
});
export type HandedReportView = z.infer<typeof HandedReportOut>;
export const ReportFeedItemOut = HandedReportOut.extend({ item: FeedItemOut });

// ── Social inbox → report ─────────────────────────────────────────────────────────────────────────

export const InboxItemIdParams = z.object({ inboxItemId: z.uuid() });
/** The desk unit receiving the report (default: the inbox page's unit) and an optional note of the officer. */
export const FromSocialBody = z.object({ unitId: z.uuid().optional(), description: nfcText(4000).optional() });
export type FromSocialInput = z.infer<typeof FromSocialBody>;

// ── Figures ───────────────────────────────────────────────────────────────────────────────────────

export const FIGURE_BUCKETS = ['day', 'week', 'month'] as const;
export type FigureBucket = (typeof FIGURE_BUCKETS)[number];
export const FIGURE_MEASURES = ['received', 'verified', 'corrected', 'police'] as const;
export type FigureMeasure = (typeof FIGURE_MEASURES)[number];
export const FIGURE_MEASURE_LABELS: Record<FigureMeasure, { vi: string; en: string }> = {
  received: { vi: 'Vụ việc tiếp nhận', en: 'Cases received' },
  verified: { vi: 'Đã xác minh, kết luận', en: 'Verified (concluded)' },
  corrected: { vi: 'Đã đăng tin đính chính', en: 'Corrections published' },
  police: { vi: 'Chuyển cơ quan công an', en: 'Handed to the police' },
};

/** Dates are calendar days in Asia/Ho_Chi_Minh (YYYY-MM-DD), `to` inclusive; default: the last 30 days. */
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
export const FiguresQuery = z.object({
  from: DateOnly.optional(),
  to: DateOnly.optional(),
  /** The desk's unit (its subtree counts); default: the actor's unit. */
  unitId: z.uuid().optional(),
  bucket: z.enum(FIGURE_BUCKETS).default('day'),
});
export type FiguresQueryInput = z.infer<typeof FiguresQuery>;

const Counts = z.object({ received: z.number().int(), verified: z.number().int(), corrected: z.number().int(), police: z.number().int() });
export type FigureCounts = z.infer<typeof Counts>;

export const FiguresOut = z.object({
  unitId: z.uuid(),
  from: z.string(),
  to: z.string(),
  bucket: z.enum(FIGURE_BUCKETS),
  totals: Counts,
  /** Per channel of the case's first report (`reports`: every report of that channel in the period). */
  byChannel: z.array(Counts.extend({ channel: z.enum(RUMOR_CHANNELS), reports: z.number().int() })),
  /** One row per bucket from `from` to `to` (its first day, YYYY-MM-DD), empty buckets included. */
  periods: z.array(Counts.extend({ start: z.string() })),
});
export type FiguresView = z.infer<typeof FiguresOut>;
