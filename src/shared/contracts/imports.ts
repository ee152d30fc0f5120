// Contract of the công văn import API (/api/imports/*), shared by the server routes and the admin
// client: limits, the upload and confirmation bodies, and the proposal/confirmation responses.
import { z } from 'zod';
import { DOC_TYPE_CODES, SIGNER_AUTHORITIES, URGENCIES } from './directives-vocabulary.ts';
import { fileUploadFields } from './sheet-import.ts';
import { labelledText as text } from './text.ts';
import { DueRuleOut, DueRuleSchema, ReportFormBody, ReportFormOut } from './tasks.ts';

/** Limits: the server enforces them, the admin UI checks them up front. */
export const IMPORT_LIMITS = {
  /** Largest file accepted (bytes); the analysis limit too. */
  fileBytes: 10 * 1024 * 1024,
  fileName: 255,
  /** Proposals below this confidence are flagged for the officer to check. */
  lowConfidence: 0.7,
} as const;

/** File types the server reads (it checks the content, not the name): the upload picker's accept list. */
export const ACCEPTED_FILES = '.txt,.md,.docx,.pdf,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The JSON form of an upload (the multipart form carries the same file as its "file" part). */
export const ImportJsonBody = z.object({
  ...fileUploadFields(IMPORT_LIMITS.fileBytes, IMPORT_LIMITS.fileName),
});
export type ImportJsonInput = z.infer<typeof ImportJsonBody>;

export const ImportIdParams = z.object({ id: z.uuid({ error: 'mã lần nhập không hợp lệ (cần mã UUID)' }) });

const AssigneesIn = z.object({
  unitIds: z.array(z.uuid()).max(20_000).default([]),
  groupIds: z.array(z.uuid()).max(50).default([]),
});

/** A task the confirmation creates (proposed from a section of the dispatch, corrected by the officer). */
export const TaskProposalIn = z.object({
  section: z.string().trim().max(20).nullable().default(null),
  title: text(500, 'tên nhiệm vụ'),
  description: text(4000, 'mô tả nhiệm vụ').nullable().default(null),
  assignees: AssigneesIn,
  dueRule: DueRuleSchema,
  reportForm: ReportFormBody.nullable().default(null),
});
export type TaskProposalInput = z.infer<typeof TaskProposalIn>;

/**
 * The officer's corrections; every field left out keeps what the parser read and the matcher
 * proposed. `issuerUnitId: null` files the document under the unit's "external senders" entry.
 */
export const ConfirmBody = z.object({
  issuerUnitId: z.uuid({ error: 'đơn vị ban hành không hợp lệ (cần mã UUID)' }).nullable().optional(),
  issuerParent: text(300, 'cơ quan chủ quản').nullable().optional(),
  issuer: text(300, 'tên cơ quan ban hành').optional(),
  docType: z.enum(DOC_TYPE_CODES).optional(),
  number: z.number({ error: 'số văn bản phải là số' }).int().min(1).max(999_999).nullable().optional(),
  symbol: text(100, 'ký hiệu').optional(),
  date: z.iso.date({ error: 'ngày không hợp lệ (định dạng YYYY-MM-DD)' }).nullable().optional(),
  place: text(100, 'địa danh').nullable().optional(),
  subject: text(1000, 'trích yếu (V/v)').optional(),
  urgency: z.enum(URGENCIES).nullable().optional(),
  signer: z
    .object({
      authority: z.enum(SIGNER_AUTHORITIES).nullable().optional(),
      position: text(200, 'chức vụ người ký').nullable().optional(),
      name: text(200, 'họ tên người ký').nullable().optional(),
    })
    .optional(),
  /** Replaces the proposed tasks; [] or createTasks=false creates none. */
  tasks: z.array(TaskProposalIn).max(50).optional(),
  createTasks: z.boolean().default(true),
});
export type ConfirmInput = z.infer<typeof ConfirmBody>;

// Responses

const Source = z.object({ line: z.number(), text: z.string() }).nullable();
const Target = z.object({ type: z.enum(['unit', 'group']), id: z.string(), name: z.string() }).nullable();
export const MatchOut = z.object({
  text: z.string(),
  target: Target,
  confidence: z.number(),
  flagged: z.boolean(),
  source: Source,
  /** Why the officer should check it (a unit of a list no longer in force …). */
  note: z.string().nullable().optional(),
  /** Today's units that took over a matched unit of an edition no longer in force. */
  successors: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
});
export const FieldOut = z.object({
  field: z.string(),
  value: z.string().nullable(),
  confidence: z.number(),
  flagged: z.boolean(),
  note: z.string().nullable(),
  source: Source,
});
export const TaskProposalOut = z.object({
  section: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  assignees: z.object({ unitIds: z.array(z.string()), groupIds: z.array(z.string()) }),
  assigneeNames: z.array(z.string()),
  dueRule: DueRuleOut,
  /** True when the parser found no deadline and Loa proposes one. */
  dueRuleProposed: z.boolean(),
  reportForm: ReportFormOut.nullable(),
  flagged: z.boolean(),
  /** Today's successors of addressees matched to old units: offered, never assigned until the officer confirms. */
  suggestedAssignees: z.array(z.object({ id: z.string(), name: z.string(), note: z.string() })).default([]),
});
export const ProposalOut = z.object({
  issuer: z.object({ id: z.string(), name: z.string(), confidence: z.number(), evidence: z.array(z.string()) }).nullable(),
  fields: z.array(FieldOut),
  recipients: z.array(MatchOut),
  cc: z.array(MatchOut),
  addressees: z.array(MatchOut.extend({ section: z.string() })),
  tasks: z.array(TaskProposalOut),
  /** Names of fields (or "recipients[2]"…) the officer should check. */
  flagged: z.array(z.string()),
});
export type Proposal = z.infer<typeof ProposalOut>;
export type TaskProposal = z.infer<typeof TaskProposalOut>;

export const ImportOut = z.object({
  id: z.string(),
  unitId: z.string(),
  fileName: z.string(),
  format: z.string(),
  sizeBytes: z.number(),
  contentHash: z.string(),
  status: z.string(),
  directiveId: z.string().nullable(),
  createdAt: z.string(),
  /** The earlier import of the same file by this unit, when this upload repeats it. */
  duplicateOf: z.string().nullable(),
  text: z.string(),
  parsed: z.unknown(),
  proposal: ProposalOut,
});
export const ConfirmOut = z.object({
  import: ImportOut,
  directive: z.object({ id: z.string(), fullSymbol: z.string(), subject: z.string(), issuerUnitId: z.string(), issuer: z.string(), status: z.string() }),
  inboxItemId: z.string().nullable(),
  arrivalNumber: z.string(),
  tasks: z.array(z.object({ id: z.string(), title: z.string(), assignees: z.number(), reportForm: z.boolean() })),
  skippedTasks: z.array(z.object({ title: z.string(), reason: z.string() })),
});
export const ImportOneOut = z.object({ import: ImportOut });
