// The directives vocabulary shared by the server and the admin client: Decree 30/2020/NĐ-CP document
// types, urgencies, signer authorities, cc purposes, statuses, actions, relations, attachment kinds, limits.

/** Shared limits: the admin UI uses the same numbers. */
export const LIMITS = {
  subject: 1000,
  name: 300,
  paragraph: 20_000,
  blocks: 500,
  sections: 100,
  recipients: 20_000,
  groups: 100,
  cc: 100,
  citations: 100,
  attachments: 50,
} as const;

/**
 * Decree 30/2020/NĐ-CP Phụ lục III: abbreviations of document types. A công văn (CV) has no type
 * abbreviation in its symbol; every other type's symbol starts with its abbreviation.
 */
export const DOC_TYPES = {
  CV: 'Công văn',
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  CT: 'Chỉ thị',
  QC: 'Quy chế',
  QYĐ: 'Quy định',
  TC: 'Thông cáo',
  TB: 'Thông báo',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
  KH: 'Kế hoạch',
  PA: 'Phương án',
  ĐA: 'Đề án',
  DA: 'Dự án',
  BC: 'Báo cáo',
  BB: 'Biên bản',
  TTr: 'Tờ trình',
  HĐ: 'Hợp đồng',
  CĐ: 'Công điện',
  BGN: 'Bản ghi nhớ',
  BTT: 'Bản thỏa thuận',
  GUQ: 'Giấy ủy quyền',
  GM: 'Giấy mời',
  GGT: 'Giấy giới thiệu',
  GNP: 'Giấy nghỉ phép',
  PG: 'Phiếu gửi',
  PC: 'Phiếu chuyển',
  PB: 'Phiếu báo',
} as const;
export type DocType = keyof typeof DOC_TYPES;
export const DOC_TYPE_CODES = Object.keys(DOC_TYPES) as [DocType, ...DocType[]];

export const URGENCIES = ['khan', 'thuong_khan', 'hoa_toc'] as const;
export const URGENCY_LABELS: Record<(typeof URGENCIES)[number], string> = { khan: 'KHẨN', thuong_khan: 'THƯỢNG KHẨN', hoa_toc: 'HỎA TỐC' };
export const SIGNER_AUTHORITIES = ['KT.', 'TL.', 'TM.', 'Q.', 'TUQ.'] as const;
export const CC_PURPOSES = ['de_bao_cao', 'de_biet', 'de_thuc_hien', 'de_phoi_hop'] as const;
export const CC_PURPOSE_LABELS: Record<(typeof CC_PURPOSES)[number], string> = {
  de_bao_cao: 'để b/c',
  de_biet: 'để biết',
  de_thuc_hien: 'để thực hiện',
  de_phoi_hop: 'để phối hợp',
};
export const DIRECTIVE_STATUSES = ['draft', 'submitted', 'approved', 'signed', 'issued', 'returned', 'revoked'] as const;
export type DirectiveStatus = (typeof DIRECTIVE_STATUSES)[number];
export const STATUS_LABELS: Record<DirectiveStatus, string> = {
  draft: 'dự thảo',
  submitted: 'chờ duyệt',
  approved: 'đã duyệt',
  signed: 'đã ký',
  issued: 'đã ban hành',
  returned: 'bị trả lại',
  revoked: 'đã thu hồi',
};
/** What can be done with a directive (workflow.ts says from which status, with which permission). */
export const DIRECTIVE_ACTIONS = ['edit', 'submit', 'approve', 'return', 'sign', 'issue', 'revoke', 'amend', 'attach', 'detach'] as const;
export type DirectiveAction = (typeof DIRECTIVE_ACTIONS)[number];

export const RELATIONS = ['amends', 'replaces', 'revokes'] as const;

/** Kinds of attached file: a plain attachment, or "Tài liệu tuyên truyền kèm theo" (propaganda material). */
export const ATTACHMENT_KINDS = ['attachment', 'propaganda_material'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  attachment: 'Tệp đính kèm',
  propaganda_material: 'Tài liệu tuyên truyền kèm theo',
};
