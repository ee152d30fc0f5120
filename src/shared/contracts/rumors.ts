// Contract of the misinformation desk (/api/rumors/*, issue #15): reports (phản ánh) from the portal form, the
// social inbox, staff and press monitoring join cases (vụ việc) about one claim; a case is verified, concluded
// (a leader approves), handed to the police, corrected in public and its requesters told. Nothing in any response
// of this contract identifies an informant, except RevealedIdentity, which only a desk lead gets, per request.
import { z } from 'zod';

export const RUMOR_LIMITS = {
  title: 300,
  claim: 4000,
  description: 4000,
  url: 2000,
  urls: 10,
  note: 4000,
  name: 200,
  contact: 200,
  reason: 500,
  keyword: 100,
  /** Uploaded screenshot or file: 10 MB. */
  fileBytes: 10 * 1024 * 1024,
} as const;

export const RUMOR_STATUSES = ['unverified', 'verifying', 'concluded'] as const;
export type RumorStatus = (typeof RUMOR_STATUSES)[number];
export const RUMOR_STATUS_LABELS: Record<RumorStatus, { vi: string; en: string }> = {
  unverified: { vi: 'Chưa xác minh', en: 'Not yet verified' },
  verifying: { vi: 'Đang xác minh', en: 'Being verified' },
  concluded: { vi: 'Đã kết luận', en: 'Concluded' },
};

export const RUMOR_VERDICTS = ['false', 'partly_false', 'true', 'out_of_scope'] as const;
export type RumorVerdict = (typeof RUMOR_VERDICTS)[number];
/** The verdict as published (ClaimReview.reviewRating.alternateName) and its rating on a 1–5 scale (out of scope: none). */
export const RUMOR_VERDICT_LABELS: Record<RumorVerdict, { vi: string; en: string; rating: number | null }> = {
  false: { vi: 'Sai sự thật', en: 'False', rating: 1 },
  partly_false: { vi: 'Sai một phần', en: 'Partly false', rating: 2 },
  true: { vi: 'Đúng sự thật', en: 'True', rating: 5 },
  out_of_scope: { vi: 'Không thuộc phạm vi', en: 'Out of scope', rating: null },
};

export const RUMOR_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type RumorSeverity = (typeof RUMOR_SEVERITIES)[number];
/** Severity → how long the desk has to respond (hours from the case's first report). */
export const RUMOR_SEVERITY_LABELS: Record<RumorSeverity, { vi: string; en: string; respondHours: number }> = {
  low: { vi: 'Thấp', en: 'Low', respondHours: 168 },
  medium: { vi: 'Trung bình', en: 'Medium', respondHours: 72 },
  high: { vi: 'Cao', en: 'High', respondHours: 24 },
  critical: { vi: 'Khẩn cấp', en: 'Critical', respondHours: 6 },
};

export const RUMOR_CHANNELS = ['portal', 'social', 'staff', 'monitoring'] as const;
export type RumorChannel = (typeof RUMOR_CHANNELS)[number];
export const RUMOR_CHANNEL_LABELS: Record<RumorChannel, { vi: string; en: string }> = {
  portal: { vi: 'Cổng thông tin (người dân gửi)', en: 'Portal form' },
  social: { vi: 'Mạng xã hội (hộp thư)', en: 'Social inbox' },
  staff: { vi: 'Cán bộ tiếp nhận', en: 'Entered by staff' },
  monitoring: { vi: 'Theo dõi báo chí, Internet', en: 'Press and web monitoring' },
};

export const RUMOR_EVIDENCE_KINDS = ['document', 'link', 'note', 'file', 'answer'] as const;
export type RumorEvidenceKind = (typeof RUMOR_EVIDENCE_KINDS)[number];
export const RUMOR_ACTION_KINDS = ['confirmation', 'police', 'press'] as const;
export type RumorActionKind = (typeof RUMOR_ACTION_KINDS)[number];
export const RUMOR_ACTION_STATES = ['open', 'answered', 'cancelled'] as const;
export type RumorActionState = (typeof RUMOR_ACTION_STATES)[number];

/** What an informant may leave: all optional; sealed at once, never returned except to a desk lead's reveal. */
export const InformantInputSchema = z.object({
  name: z.string().trim().max(RUMOR_LIMITS.name).optional(),
  phone: z.string().trim().max(RUMOR_LIMITS.contact).optional(),
  email: z.string().trim().max(RUMOR_LIMITS.contact).optional(),
  socialId: z.string().trim().max(RUMOR_LIMITS.contact).optional(),
});
export type InformantInput = z.infer<typeof InformantInputSchema>;

/** The identity a desk lead sees after giving a reason (audited). */
export const RevealedIdentity = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  socialId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  fileName: z.string().nullable(),
  /** True once retention erased it: nothing left to reveal. */
  erased: z.boolean(),
});
export type RevealedIdentityView = z.infer<typeof RevealedIdentity>;

/** A report as staff see it: what was reported, never who. */
export const RumorReportOut = z.object({
  id: z.uuid(),
  code: z.string(),
  caseId: z.uuid(),
  channel: z.enum(RUMOR_CHANNELS),
  description: z.string(),
  urls: z.array(z.string()),
  file: z.object({ type: z.string(), size: z.number().int() }).nullable(),
  seenAt: z.string().nullable(),
  createdAt: z.string(),
  /** An informant record exists (a desk lead may reveal it). */
  hasInformant: z.boolean(),
  /** The informant left a way to be told the outcome (not which). */
  canNotify: z.boolean(),
  outcomeNotifiedAt: z.string().nullable(),
});
export type RumorReportView = z.infer<typeof RumorReportOut>;

const PersonRef = z.object({ id: z.uuid(), name: z.string() });

export const RumorCaseSummaryOut = z.object({
  id: z.uuid(),
  code: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string(),
  status: z.enum(RUMOR_STATUSES),
  verdict: z.enum(RUMOR_VERDICTS).nullable(),
  conclusionState: z.enum(['proposed', 'approved']).nullable(),
  severity: z.enum(RUMOR_SEVERITIES),
  respondBy: z.string().nullable(),
  overdue: z.boolean(),
  assignee: PersonRef.nullable(),
  reportCount: z.number().int(),
  firstSeenAt: z.string().nullable(),
  lastReportAt: z.string().nullable(),
  createdAt: z.string(),
});
export type RumorCaseSummary = z.infer<typeof RumorCaseSummaryOut>;

export const RumorCaseListOut = z.object({ cases: z.array(RumorCaseSummaryOut), total: z.number().int() });
export const RumorCaseListQuery = z.object({
  status: z.enum(RUMOR_STATUSES).optional(),
  verdict: z.enum(RUMOR_VERDICTS).optional(),
  severity: z.enum(RUMOR_SEVERITIES).optional(),
  /** Diacritic-insensitive search in the title and claim. */
  q: z.string().trim().max(200).optional(),
  mine: z.coerce.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type RumorCaseListQueryInput = z.infer<typeof RumorCaseListQuery>;

export const RumorIdParams = z.object({ id: z.uuid() });
