// Shapes of the directives (văn bản đi) and inbox (văn bản đến) API, shared by the server routes and the
// admin client: zod request/response schemas, the vocabularies (statuses, urgencies, signer authorities,
// cc purposes, attachment kinds, Decree 30 document types), the limits and the capability flags.

import { z } from 'zod';

export * from './directives-vocabulary.ts';
import {
  ATTACHMENT_KINDS,
  CC_PURPOSES,
  DIRECTIVE_ACTIONS,
  DIRECTIVE_STATUSES,
  DOC_TYPES,
  DOC_TYPE_CODES,
  LIMITS,
  RELATIONS,
  SIGNER_AUTHORITIES,
  URGENCIES,
} from './directives-vocabulary.ts';
import type { DirectiveAction, DocType } from './directives-vocabulary.ts';

const text = (max: number, label = 'nội dung') =>
  z
    .string({ error: `${label} phải là chuỗi ký tự` })
    .trim()
    .min(1, `${label} không được để trống`)
    .max(max, `${label} dài quá ${max} ký tự`)
    .transform((s) => s.normalize('NFC'));
const optText = (max: number, label?: string) => text(max, label).nullable().optional();
const uuid = (label: string) => z.uuid({ error: `${label} không hợp lệ (cần mã UUID)` });
const isoDate = z.iso.date({ error: 'ngày không hợp lệ (định dạng YYYY-MM-DD)' });

// Structured body: sections with number, addressee groups and paragraphs/bullets with inline bold/italic.

/** Builds the body schemas over a string schema: NFC-normalising for input, plain for responses (no transforms). */
function bodySchemas<S extends z.ZodType<string>>(runText: S, name: (label: string) => z.ZodType<string>) {
  const Run = z.object({ text: runText, bold: z.boolean().optional(), italic: z.boolean().optional() });
  const Runs = z.array(Run).min(1, 'đoạn văn không được để trống').max(500);
  const Block = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('paragraph'), runs: Runs }),
    z.object({ kind: z.literal('bullets'), items: z.array(Runs).min(1, 'danh sách gạch đầu dòng không được để trống').max(200) }),
  ]);
  const BodySection = z.object({
    number: z.string().trim().max(20).nullable().default(null),
    heading: Runs.nullable().default(null),
    /** Recipient groups the section addresses ("Các cơ quan báo chí của tỉnh"). */
    addressees: z.array(name('nhóm thực hiện')).max(50).default([]),
    blocks: z.array(Block).max(LIMITS.blocks).default([]),
  });
  const Body = z.object({
    opening: z.array(Block).max(LIMITS.blocks).default([]),
    sections: z.array(BodySection).max(LIMITS.sections).default([]),
    closing: z.array(Block).max(LIMITS.blocks).default([]),
  });
  return { Run, Block, BodySection, Body };
}

const input = bodySchemas(
  z
    .string()
    .max(LIMITS.paragraph)
    .transform((s) => s.normalize('NFC')),
  (label) => text(LIMITS.name, label),
);
const output = bodySchemas(z.string(), () => z.string());
export const { Run, Block, BodySection, Body } = input;
export type Run = z.infer<typeof Run>;
export type Block = z.infer<typeof Block>;
export type BodySection = z.infer<typeof BodySection>;
export type Body = z.infer<typeof Body>;
export const BodyOut = output.Body;

export const CitationIn = z.object({
  type: optText(100, 'loại văn bản được dẫn'),
  number: z.coerce.number({ error: 'số văn bản được dẫn phải là số' }).int().min(1).max(999_999),
  symbol: text(100, 'ký hiệu văn bản được dẫn'),
  date: isoDate.nullable().optional(),
});
export type CitationIn = z.infer<typeof CitationIn>;

export const CcEntry = z.object({ name: text(LIMITS.name, 'tên nơi nhận'), purpose: z.enum(CC_PURPOSES).nullable().default(null) });
export type CcEntry = z.infer<typeof CcEntry>;
const CcEntryOut = z.object({ name: z.string(), purpose: z.enum(CC_PURPOSES).nullable() });

export const SignerIn = z.object({
  authority: z.enum(SIGNER_AUTHORITIES, { error: 'thẩm quyền ký phải là KT., TL., TM., Q. hoặc TUQ.' }).nullable().optional(),
  position: optText(200, 'chức vụ người ký'),
  title: optText(200, 'chức danh thứ hai'),
  name: optText(200, 'họ tên người ký'),
  userId: uuid('người ký').nullable().optional(),
});
export type SignerIn = z.infer<typeof SignerIn>;

export const Attachment = z.object({
  name: text(LIMITS.name, 'tên tệp đính kèm'),
  mediaType: z.string().trim().max(200).nullable().default(null),
  sizeBytes: z.number().int().min(0).nullable().default(null),
  pages: z.number().int().min(0).nullable().default(null),
});
export type Attachment = z.infer<typeof Attachment>;
const AttachmentOut = z.object({ name: z.string(), mediaType: z.string().nullable(), sizeBytes: z.number().nullable(), pages: z.number().nullable() });

/** The non-file fields of a multipart attachment upload. */
export const AttachmentFields = z.object({
  kind: z.enum(ATTACHMENT_KINDS, { error: 'loại tệp phải là attachment hoặc propaganda_material' }).default('attachment'),
});
export const AttachmentParams = z.object({ id: uuid('mã văn bản'), attachmentId: uuid('mã tệp đính kèm') });
/** A stored file of the directive, with the address it downloads from. */
export const DirectiveFileOut = z.object({
  id: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  kindLabel: z.string(),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  url: z.string(),
  createdAt: z.string(),
});

export const RecipientsIn = z.object({
  units: z.array(uuid('đơn vị nhận')).max(LIMITS.recipients).default([]),
  groups: z.array(uuid('nhóm nơi nhận')).max(LIMITS.groups).default([]),
});
export type RecipientsIn = z.infer<typeof RecipientsIn>;

/** "STTTT-TTBCXB", "KH-UBND", "VHTT-TT&TT": letters (with Vietnamese diacritics), digits, - & . / */
const symbol = text(100, 'ký hiệu').pipe(z.string().regex(/^[\p{L}\p{N}&.]+(?:[-/][\p{L}\p{N}&.]+)*$/u, 'ký hiệu chỉ gồm chữ, số và các dấu - & . (ví dụ STTTT-TTBCXB, KH-UBND)'));

const fields = {
  issuerParent: optText(LIMITS.name, 'cơ quan chủ quản'),
  issuer: optText(LIMITS.name, 'tên cơ quan ban hành'),
  docType: z.enum(DOC_TYPE_CODES, { error: 'loại văn bản không hợp lệ (CV, KH, TB, CĐ, CT, QĐ, BC, HD, ...)' }),
  symbol,
  place: optText(100, 'địa danh'),
  subject: text(LIMITS.subject, 'trích yếu (V/v)'),
  urgency: z.enum(URGENCIES, { error: 'độ khẩn phải là khan, thuong_khan hoặc hoa_toc' }).nullable().optional(),
  circulation: optText(100, 'dấu phạm vi lưu hành'),
  legalBases: z.array(text(2000, 'căn cứ')).max(50).optional(),
  citations: z.array(CitationIn).max(LIMITS.citations).optional(),
  body: Body.optional(),
  addressees: z.array(text(LIMITS.name, 'dòng Kính gửi')).max(100).optional(),
  recipients: RecipientsIn.optional(),
  cc: z.array(CcEntry).max(LIMITS.cc).optional(),
  archive: z.array(text(50, 'nơi lưu')).max(20).optional(),
  signer: SignerIn.optional(),
  attachments: z.array(Attachment).max(LIMITS.attachments).optional(),
  /** Listed on the public portal (/van-ban) once issued. */
  public: z.boolean({ error: 'công khai phải là true hoặc false' }).optional(),
};

/** A công văn's symbol carries no type abbreviation; any other type's symbol starts with it. */
function symbolMatchesType(v: { docType?: DocType | undefined; symbol?: string | undefined }, ctx: z.RefinementCtx): void {
  if (!v.docType || !v.symbol) return;
  const head = v.symbol.split('-')[0] ?? '';
  if (v.docType === 'CV' && head in DOC_TYPES && v.symbol.includes('-'))
    ctx.addIssue({ code: 'custom', path: ['symbol'], message: `công văn không ghi tên loại văn bản trong ký hiệu (bỏ "${head}-")` });
  if (v.docType !== 'CV' && head !== v.docType)
    ctx.addIssue({ code: 'custom', path: ['symbol'], message: `ký hiệu của ${DOC_TYPES[v.docType]} phải bắt đầu bằng "${v.docType}-" (ví dụ ${v.docType}-UBND)` });
}

export const CreateDirectiveBody = z
  .object({
    issuerUnitId: uuid('đơn vị ban hành'),
    ...fields,
    subject: fields.subject,
    references: z
      .object({ directiveId: uuid('văn bản được tham chiếu'), relation: z.enum(RELATIONS) })
      .nullable()
      .optional(),
  })
  .superRefine(symbolMatchesType);
export type CreateDirectiveInput = z.infer<typeof CreateDirectiveBody>;

export const UpdateDirectiveBody = z
  .object({ ...fields, docType: fields.docType.optional(), symbol: symbol.optional(), subject: fields.subject.optional() })
  .superRefine(symbolMatchesType);
export type UpdateDirectiveInput = z.infer<typeof UpdateDirectiveBody>;

export const ReturnBody = z.object({ comment: text(2000, 'ý kiến khi trả lại') });
export const IssueBody = z.object({
  /** Only to register a number given outside Loa; normally the register assigns the next one. */
  number: z.number({ error: 'số văn bản phải là số' }).int().min(1, 'số văn bản bắt đầu từ 01').max(999_999).optional(),
  date: isoDate.optional(),
  /** Issue although some Kính gửi entries reach no unit at the date (the clerk saw them named); never when all do. */
  allowUnreached: z.boolean().optional(),
});
export type IssueInput = z.infer<typeof IssueBody>;
export const RecipientsPreviewQuery = z.object({ date: isoDate.optional() });
export const RecipientsPreviewOut = z.object({
  date: z.string(),
  /** Each requested recipient (explicit units first, then groups) with how many units it reaches at the date. */
  entries: z.array(
    z.object({
      kind: z.enum(['unit', 'group']),
      id: z.string(),
      name: z.string(),
      reaches: z.number().int(),
      /** For a unit not in force at the date: the list it belongs to, e.g. "Danh mục 2025 (trước sắp xếp)". */
      editionLabel: z.string().nullable(),
    }),
  ),
  /** Distinct units the directive would be delivered to. */
  total: z.number().int(),
  /** Names of the entries that reach no unit (the issue refuses them unless confirmed; all of them: always). */
  unreached: z.array(z.string()),
});
export const RevokeBody = z.object({ reason: text(2000, 'lý do thu hồi') });

export const PublicDirectivesQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type PublicDirectivesInput = z.input<typeof PublicDirectivesQuery>;

export const DirectiveIdParams = z.object({ id: uuid('mã văn bản') });
export const SearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  issuerId: uuid('đơn vị ban hành').optional(),
  type: z.enum(DOC_TYPE_CODES).optional(),
  year: z.coerce.number().int().min(1945).max(2200).optional(),
  status: z.enum(DIRECTIVE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type SearchInput = z.infer<typeof SearchQuery>;
export const TrackingQuery = z.object({
  filter: z.enum(['all', 'unread', 'unacknowledged', 'acknowledged']).default('all'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TrackingInput = z.infer<typeof TrackingQuery>;

export const InboxQuery = z.object({
  /** The recipient unit (default: the actor's own unit). */
  unitId: uuid('đơn vị nhận').optional(),
  filter: z.enum(['all', 'unread', 'unacknowledged']).default('all'),
  year: z.coerce.number().int().min(1945).max(2200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type InboxInput = z.infer<typeof InboxQuery>;
export const InboxItemParams = z.object({ itemId: uuid('mã văn bản đến') });

// Responses

const Stamp = z.string().nullable();
export const DirectiveSummaryOut = z.object({
  id: z.string(),
  issuerUnitId: z.string(),
  issuer: z.string(),
  docType: z.string(),
  number: z.string().nullable(),
  symbol: z.string(),
  /** "05/STTTT-TTBCXB" once issued, "/STTTT-TTBCXB" before. */
  fullSymbol: z.string(),
  year: z.number().nullable(),
  date: z.string().nullable(),
  subject: z.string(),
  urgency: z.string().nullable(),
  status: z.enum(DIRECTIVE_STATUSES),
  issuedAt: Stamp,
});
export const CitationOut = z.object({
  type: z.string().nullable(),
  number: z.number(),
  symbol: z.string(),
  date: z.string().nullable(),
  /** The cited document when it exists in Loa. */
  directiveId: z.string().nullable(),
});
export const DirectiveCapabilitiesOut = z.object(Object.fromEntries(DIRECTIVE_ACTIONS.map((a) => [a, z.boolean()])) as Record<DirectiveAction, z.ZodBoolean>);
export const DirectiveOut = DirectiveSummaryOut.extend({
  issuerParent: z.string().nullable(),
  place: z.string().nullable(),
  circulation: z.string().nullable(),
  legalBases: z.array(z.string()),
  citations: z.array(CitationOut),
  citedBy: z.array(DirectiveSummaryOut),
  body: BodyOut,
  addressees: z.array(z.string()),
  recipients: z.object({ units: z.array(z.string()), groups: z.array(z.string()) }),
  cc: z.array(CcEntryOut),
  archive: z.array(z.string()),
  signer: z.object({
    authority: z.string().nullable(),
    position: z.string().nullable(),
    title: z.string().nullable(),
    name: z.string().nullable(),
    userId: z.string().nullable(),
  }),
  attachments: z.array(AttachmentOut),
  /** Uploaded files (POST /api/directives/:id/attachments). */
  files: z.array(DirectiveFileOut),
  returnedFrom: z.string().nullable(),
  returnComment: z.string().nullable(),
  references: z.object({ directiveId: z.string(), relation: z.enum(RELATIONS) }).nullable(),
  referencedBy: z.array(DirectiveSummaryOut.extend({ relation: z.string() })),
  revokedAt: Stamp,
  revokeReason: z.string().nullable(),
  /** Listed on the public portal once issued. */
  public: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the asking user may do with it now (computed by the server's policy; the web shows these buttons). */
  capabilities: DirectiveCapabilitiesOut,
});
export const TrackingOut = z.object({
  counts: z.object({ total: z.number(), read: z.number(), acknowledged: z.number(), emailed: z.number(), revoked: z.number() }),
  items: z.array(
    z.object({
      itemId: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      viaGroupId: z.string().nullable(),
      arrivalNumber: z.string(),
      deliveredAt: z.string(),
      emailedAt: Stamp,
      readAt: Stamp,
      acknowledgedAt: Stamp,
      remindedAt: Stamp,
      revokedAt: Stamp,
    }),
  ),
});
export const InboxItemOut = z.object({
  itemId: z.string(),
  unitId: z.string(),
  arrivalNumber: z.string(),
  arrivalYear: z.number(),
  deliveredAt: z.string(),
  readAt: Stamp,
  acknowledgedAt: Stamp,
  revokedAt: Stamp,
  directive: DirectiveSummaryOut,
});
export const InboxListOut = z.object({ items: z.array(InboxItemOut), total: z.number() });
export const InboxOpenOut = z.object({ item: InboxItemOut, directive: DirectiveOut });

// Response envelopes of the routes (GET /api/directives/types, search, one directive, upload, acknowledge).
export const DocTypesOut = z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) });
export const DirectiveListOut = z.object({ items: z.array(DirectiveSummaryOut), total: z.number() });
export const DirectiveOneOut = z.object({ directive: DirectiveOut });
export const DirectiveFileCreatedOut = z.object({ file: DirectiveFileOut });
export const InboxAckOut = z.object({ item: InboxItemOut });
