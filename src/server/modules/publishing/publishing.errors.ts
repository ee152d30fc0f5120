import { defineErrors } from '../../platform/errors.ts';

/** The publishing module's error codes (posts workflow, sections, situation figures, the question form). */
export const PUBLISHING_ERRORS = defineErrors({
  POST_INVALID_STATE: {
    status: 409,
    vi: 'Bài viết đang ở trạng thái "{status}" nên không thể {action}.',
    en: 'The post is "{status}", so it cannot be {action}.',
  },
  SLUG_TAKEN: { status: 409, vi: 'Đường dẫn "{slug}" đã được dùng.', en: 'The address "{slug}" is already in use.' },
  UNKNOWN_SITUATION_FIELD: {
    status: 400,
    vi: 'Chỉ tiêu không có trong cấu hình của chuyên mục: {field}.',
    en: 'Unknown figure for this section: {field}.',
  },
  NOT_A_SITUATION_SECTION: {
    status: 400,
    vi: 'Chuyên mục này không đăng số liệu tình hình hằng ngày.',
    en: 'This section does not carry the daily situation figures.',
  },
  FORM_REJECTED: {
    status: 400,
    vi: 'Không gửi được câu hỏi. Vui lòng tải lại trang, điền đầy đủ và gửi lại.',
    en: 'The question could not be sent. Reload the page, fill it in and send it again.',
  },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof PUBLISHING_ERRORS, true> {}
}
