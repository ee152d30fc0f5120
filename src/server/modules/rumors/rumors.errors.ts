import { defineErrors } from '../../platform/errors.ts';

export const RUMORS_ERRORS = defineErrors({
  // Monitoring (feeds, keywords, feed items, social hand-off).
  RUMOR_FEED_EXISTS: { status: 409, vi: 'Đơn vị đã theo dõi nguồn tin này.', en: 'The unit already watches this feed.' },
  RUMOR_FEED_LIMIT: { status: 409, vi: 'Đơn vị đã theo dõi quá nhiều nguồn tin ({max}).', en: 'The unit watches too many feeds ({max}).' },
  RUMOR_KEYWORD_EXISTS: { status: 409, vi: 'Từ khóa "{keyword}" đã có (không phân biệt dấu, chữ hoa).', en: 'The keyword "{keyword}" exists already.' },
  RUMOR_KEYWORD_LIMIT: { status: 409, vi: 'Đơn vị đã có quá nhiều từ khóa ({max}).', en: 'The unit has too many keywords ({max}).' },
  RUMOR_ITEM_HANDLED: { status: 409, vi: 'Tin này đã được xử lý ({state}).', en: 'This item has been handled already ({state}).' },
  RUMOR_FIGURES_RANGE: {
    status: 400,
    vi: 'Khoảng thời gian không hợp lệ: "từ ngày" phải trước "đến ngày" và không quá {max} kỳ.',
    en: 'Invalid period: "from" must precede "to", at most {max} buckets.',
  },
  RUMOR_BAD_STATE: {
    status: 409,
    vi: 'Vụ việc đang ở trạng thái "{state}", không thể thực hiện thao tác này.',
    en: 'The case is "{state}"; this step is not possible.',
  },
  RUMOR_NOT_RECEIVING: {
    status: 409,
    vi: 'Chưa có đơn vị tiếp nhận phản ánh tin sai sự thật trên cổng này; vui lòng gọi đường dây nóng.',
    en: 'No unit receives misinformation reports on this portal yet; please call the hotline.',
  },
  // Clustering: merge and split.
  RUMOR_MERGE_SELF: { status: 422, vi: 'Không thể gộp một vụ việc vào chính nó.', en: 'A case cannot be merged into itself.' },
  RUMOR_MERGE_VERDICTS: {
    status: 409,
    vi: 'Không thể gộp: vụ việc {code} đã kết luận "{verdict}", khác với kết luận của vụ việc này.',
    en: 'Cannot merge: case {code} was concluded "{verdict}", unlike this case.',
  },
  RUMOR_MERGE_CORRECTED: {
    status: 409,
    vi: 'Vụ việc {code} đã có bài đính chính hoặc thông điệp cải chính; hãy gộp các vụ việc khác vào vụ việc đó.',
    en: 'Case {code} has a published correction; merge the other cases into it instead.',
  },
  RUMOR_SPLIT_ALL: {
    status: 422,
    vi: 'Hãy giữ lại ít nhất một phản ánh trong vụ việc hiện tại (muốn đổi tên vụ việc thì sửa tiêu đề).',
    en: 'Keep at least one report in this case (to rename it, edit its title).',
  },
  RUMOR_SPLIT_FOREIGN: { status: 422, vi: 'Có phản ánh không thuộc vụ việc này.', en: 'Some reports do not belong to this case.' },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof RUMORS_ERRORS, true> {}
}
