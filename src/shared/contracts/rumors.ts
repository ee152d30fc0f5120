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

// ─── Case detail, workflow, evidence, conclusion, actions, correction, legal bases (helper H3) ───

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s.normalize('NFC'));
const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'Không được để trống'));
const httpUrl = z
  .string()
  .trim()
  .max(RUMOR_LIMITS.url)
  .pipe(z.url({ protocol: /^https?$/, message: 'Địa chỉ phải bắt đầu bằng http:// hoặc https://' }));

/** PATCH /api/rumors/cases/:id — every field optional; `status: 'verifying'` starts verification (from unverified). */
export const RumorCaseUpdateInput = z
  .object({
    title: requiredText(RUMOR_LIMITS.title).optional(),
    claim: text(RUMOR_LIMITS.claim).optional(),
    /** Recomputes the response deadline from the case's first report. */
    severity: z.enum(RUMOR_SEVERITIES).optional(),
    /** A user of the case's unit who may write cases; null unassigns. */
    assigneeId: z.uuid().nullable().optional(),
    firstAppearanceUrl: httpUrl.nullable().optional(),
    status: z.literal('verifying').optional(),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: 'Không có thay đổi nào' });
export type RumorCaseUpdate = z.infer<typeof RumorCaseUpdateInput>;

/** Evidence kinds staff add by hand ('answer' is added by recording an action's answer; 'file' by upload). */
export const RUMOR_MANUAL_EVIDENCE_KINDS = ['document', 'link', 'note'] as const;
export const RUMOR_EVIDENCE_KIND_LABELS: Record<RumorEvidenceKind, { vi: string; en: string }> = {
  document: { vi: 'Văn bản', en: 'Document' },
  link: { vi: 'Đường dẫn', en: 'Link' },
  note: { vi: 'Ghi chú', en: 'Note' },
  file: { vi: 'Tệp đính kèm', en: 'File' },
  answer: { vi: 'Trả lời của cơ quan chức năng', en: 'Answer of the competent body' },
};
export const RumorEvidenceInput = z
  .object({
    kind: z.enum(RUMOR_MANUAL_EVIDENCE_KINDS),
    title: requiredText(RUMOR_LIMITS.title),
    url: httpUrl.nullish(),
    note: text(RUMOR_LIMITS.note).nullish(),
    /** A công văn registered in Loa (kind document). */
    directiveId: z.uuid().nullish(),
  })
  .refine((e) => e.kind !== 'link' || !!e.url, { message: 'Cần đường dẫn', path: ['url'] })
  .refine((e) => e.kind !== 'note' || !!e.note, { message: 'Cần nội dung ghi chú', path: ['note'] });
export type RumorEvidenceCreate = z.infer<typeof RumorEvidenceInput>;

export const RumorEvidenceOut = z.object({
  id: z.uuid(),
  kind: z.enum(RUMOR_EVIDENCE_KINDS),
  title: z.string(),
  url: z.string().nullable(),
  note: z.string().nullable(),
  file: z.object({ id: z.string(), type: z.string().nullable() }).nullable(),
  directiveId: z.uuid().nullable(),
  createdBy: PersonRef.nullable(),
  createdAt: z.string(),
});
export type RumorEvidenceView = z.infer<typeof RumorEvidenceOut>;

/** POST …/conclusion (rumor.write): proposes a verdict; a leader (rumor.approve) approves or returns it. */
export const RumorConclusionInput = z.object({ verdict: z.enum(RUMOR_VERDICTS), summary: requiredText(RUMOR_LIMITS.note) });
export type RumorConclusion = z.infer<typeof RumorConclusionInput>;
export const RumorReturnInput = z.object({ note: requiredText(RUMOR_LIMITS.note) });

/** How a confirmation request goes: a task assigned in Loa, or a công văn drafted through the directives module. */
export const RUMOR_CONFIRMATION_VIA = ['task', 'directive'] as const;
export type RumorConfirmationVia = (typeof RUMOR_CONFIRMATION_VIA)[number];

/** POST …/actions/confirmation: ask a competent body (e.g. Sở Y tế) to confirm or deny. */
export const RumorConfirmationInput = z.object({
  targetUnitId: z.uuid(),
  question: requiredText(RUMOR_LIMITS.note),
  via: z.enum(RUMOR_CONFIRMATION_VIA),
  /** Answer expected by (a task's due date; default: the case's response deadline). */
  dueAt: z.iso.datetime({ offset: true }).nullish(),
});
export type RumorConfirmationCreate = z.infer<typeof RumorConfirmationInput>;

/** POST …/actions/police: a công văn to Công an tỉnh (or the border guard) with the evidence list and legal bases. */
export const RumorPoliceInput = z.object({
  targetUnitId: z.uuid(),
  /** Codes of the unit's legal bases (GET /api/rumors/legal-bases). */
  legalBasisCodes: z.array(z.string().trim().min(1).max(100)).min(1).max(20),
  /** Evidence listed in the công văn (default: all of the case's). */
  evidenceIds: z.array(z.uuid()).max(200).optional(),
  note: text(RUMOR_LIMITS.note).optional(),
  /** Only a desk lead (rumor.reveal): the informants of these reports named in the công văn (audited, with a reason). */
  attachInformants: z.object({ reportIds: z.array(z.uuid()).min(1).max(50), reason: requiredText(RUMOR_LIMITS.reason) }).optional(),
});
export type RumorPoliceCreate = z.infer<typeof RumorPoliceInput>;

/** POST …/actions/press: a công văn asking the press to carry the correction ("đồng loạt phản ánh để tạo dư luận đúng"). */
export const RumorPressInput = z
  .object({
    targetUnitIds: z.array(z.uuid()).max(100).default([]),
    /** A recipient group of the directives module (e.g. "Cơ quan báo chí"). */
    recipientGroupId: z.uuid().nullish(),
    note: text(RUMOR_LIMITS.note).optional(),
  })
  .refine((p) => p.targetUnitIds.length > 0 || !!p.recipientGroupId, { message: 'Chọn ít nhất một cơ quan báo chí', path: ['targetUnitIds'] });
export type RumorPressCreate = z.infer<typeof RumorPressInput>;

/** POST …/actions/:actionId/answer: the competent body's (or police's) answer, attached as evidence 'answer'. */
export const RumorAnswerInput = z.object({ response: requiredText(RUMOR_LIMITS.note) });
export const RumorActionParams = z.object({ id: z.uuid(), actionId: z.uuid() });
/** POST …/actions/:actionId/cancel: a request that will not be answered (withdrawn, superseded); the note says why. */
export const RumorActionCancelInput = z.object({ note: requiredText(RUMOR_LIMITS.note) });

export const RumorActionOut = z.object({
  id: z.uuid(),
  kind: z.enum(RUMOR_ACTION_KINDS),
  targetUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  question: z.string().nullable(),
  legalBasisCodes: z.array(z.string()),
  /** The công văn drafted for it (open it at /api/directives/:id). */
  directiveId: z.uuid().nullable(),
  /** The task assigned for it (confirmation via task). */
  taskId: z.uuid().nullable(),
  state: z.enum(RUMOR_ACTION_STATES),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  /** A desk lead named the informant(s) in it (never who). */
  informantAttached: z.boolean(),
  createdBy: PersonRef.nullable(),
  createdAt: z.string(),
});
export type RumorActionView = z.infer<typeof RumorActionOut>;

/** POST …/correction: the public correction (portal article with ClaimReview) and its channels. */
export const RumorCorrectionInput = z.object({
  title: requiredText(RUMOR_LIMITS.title),
  body: requiredText(20_000),
  channels: z.object({ sms: z.boolean().optional(), loudspeaker: z.boolean().optional(), social: z.boolean().optional() }).default({}),
});
export type RumorCorrectionCreate = z.infer<typeof RumorCorrectionInput>;

export const RumorCorrectionOut = z.object({
  postId: z.uuid(),
  url: z.string(),
  publishedAt: z.string().nullable(),
  /** The thông điệp (broadcast) carrying it to SMS / loudspeakers, if any. */
  broadcastId: z.uuid().nullable(),
  /** Social publications created for it. */
  socialPublications: z.number().int(),
});
export type RumorCorrectionView = z.infer<typeof RumorCorrectionOut>;

export const RumorCaseCapabilitiesOut = z.object({
  /** Edit, assign, add evidence, propose a conclusion, request confirmation, hand off, press. */
  canWrite: z.boolean(),
  /** Approve or return the proposed conclusion. */
  canApprove: z.boolean(),
  /** Reveal informants' identity and attach it to a police hand-off (desk lead). */
  canReveal: z.boolean(),
  /** Publish the correction (approved conclusion with a rated verdict, none published yet). */
  canPublish: z.boolean(),
  canStartVerification: z.boolean(),
  canPropose: z.boolean(),
});
export type RumorCaseCapabilities = z.infer<typeof RumorCaseCapabilitiesOut>;

export const RumorCaseDetailOut = RumorCaseSummaryOut.extend({
  claim: z.string(),
  verdictSummary: z.string().nullable(),
  proposedBy: PersonRef.nullable(),
  proposedAt: z.string().nullable(),
  approvedBy: PersonRef.nullable(),
  approvedAt: z.string().nullable(),
  firstAppearanceUrl: z.string().nullable(),
  closedAt: z.string().nullable(),
  requestersNotifiedAt: z.string().nullable(),
  reports: z.array(RumorReportOut),
  evidence: z.array(RumorEvidenceOut),
  actions: z.array(RumorActionOut),
  correction: RumorCorrectionOut.nullable(),
  capabilities: RumorCaseCapabilitiesOut,
});
export type RumorCaseDetail = z.infer<typeof RumorCaseDetailOut>;
export const RumorCaseDetailEnvelope = z.object({ case: RumorCaseDetailOut });

/** Legal bases (căn cứ pháp lý) of a unit, editable; seeded on first use. */
export const RumorLegalBaseOut = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  excerpt: z.string(),
  active: z.boolean(),
  position: z.number().int(),
});
export type RumorLegalBaseView = z.infer<typeof RumorLegalBaseOut>;
export const RumorLegalBaseListOut = z.object({ items: z.array(RumorLegalBaseOut), capabilities: z.object({ edit: z.boolean() }) });
export const RumorLegalBaseQuery = z.object({ unitId: z.uuid().optional() });
export const RumorLegalBaseCreateInput = z.object({
  unitId: z.uuid().optional(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang'),
  title: requiredText(RUMOR_LIMITS.title),
  excerpt: text(RUMOR_LIMITS.note).default(''),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const RumorLegalBaseUpdateInput = z
  .object({
    title: requiredText(RUMOR_LIMITS.title).optional(),
    excerpt: text(RUMOR_LIMITS.note).optional(),
    active: z.boolean().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: 'Không có thay đổi nào' });
