import { defineErrors } from '../../platform/errors.ts';

/** The directives module's error codes (workflow states, signer, register numbers, recipients, references, attachments). */
export const DIRECTIVES_ERRORS = defineErrors({
  DIRECTIVE_INVALID_STATE: {
    status: 409,
    vi: 'Văn bản đang ở trạng thái "{status}" nên không thể {action}.',
    en: 'The document is "{status}", so it cannot be {action}.',
  },
  SIGNER_NOT_ALLOWED: {
    status: 403,
    vi: 'Người ký phải có vai trò Lãnh đạo duyệt, ký của đơn vị ban hành ({unit}).',
    en: 'The signer must hold the approver role of the issuing unit ({unit}).',
  },
  NUMBER_CONFLICT: {
    status: 409,
    vi: 'Số {number} năm {year} của đơn vị ban hành đã được cấp cho văn bản khác.',
    en: 'Number {number} of {year} has already been given to another document of the issuing unit.',
  },
  NO_RECIPIENTS: {
    status: 400,
    vi: 'Văn bản chưa có nơi nhận nào (kiểm tra đơn vị, nhóm nơi nhận tại ngày ban hành).',
    en: 'The document has no recipients (check its units and groups at the issue date).',
  },
  RECIPIENTS_REACH_NONE: {
    status: 409,
    vi: 'Nơi nhận không có đơn vị nào vào {date}: {names}. Chọn đơn vị, nhóm của danh mục đang có hiệu lực, hoặc xác nhận ban hành không gửi tới các nơi nhận này.',
    en: 'These recipients reach no unit on {date}: {names}. Choose units or groups of the list in force, or confirm issuing without them.',
  },
  DIRECTIVE_REFERENCE_INVALID: {
    status: 400,
    vi: 'Văn bản được sửa đổi, thay thế hoặc thu hồi phải là văn bản đã ban hành của cùng đơn vị.',
    en: 'The document amended, replaced or revoked must be an issued document of the same unit.',
  },
  ATTACHMENT_UNSUPPORTED_FILE: {
    status: 415,
    vi: 'Tệp đính kèm chỉ nhận PDF, Word (.docx), Excel (.xlsx), ảnh PNG, JPEG, âm thanh MP3 hoặc video MP4 (kiểm tra theo nội dung tệp, không theo tên).',
    en: 'Attachments must be PDF, Word (.docx), Excel (.xlsx), PNG, JPEG, MP3 or MP4 files (checked from the content, not the name).',
  },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof DIRECTIVES_ERRORS, true> {}
}
