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
  // Intake and informant confidentiality.
  RUMOR_FILE_TYPE: {
    status: 415,
    vi: 'Chỉ nhận ảnh JPEG, PNG hoặc WebP (ảnh chụp màn hình, ảnh chụp). Tệp khác xin gửi đường liên kết.',
    en: 'Only JPEG, PNG or WebP images (screenshots, photos) are accepted; send other content as a link.',
  },
  RUMOR_FILE_BROKEN: {
    status: 422,
    vi: 'Tệp ảnh bị hỏng hoặc không đọc được; vui lòng chụp lại màn hình và gửi lại.',
    en: 'The image is damaged or unreadable; please take the screenshot again.',
  },
  RUMOR_FILE_TOO_LARGE: { status: 413, vi: 'Tệp quá lớn: tối đa {max} MB.', en: 'The file is too large: at most {max} MB.' },
  RUMOR_BAD_LINKS: {
    status: 422,
    vi: 'Liên kết chưa hợp lệ: mỗi dòng một liên kết bắt đầu bằng http:// hoặc https://, tối đa {max} liên kết.',
    en: 'Invalid links: one http:// or https:// link per line, at most {max}.',
  },
  RUMOR_BAD_CONTACT: {
    status: 422,
    vi: 'Thông tin liên hệ chưa hợp lệ: kiểm tra lại số điện thoại hoặc thư điện tử (có thể để trống).',
    en: 'Invalid contact: check the phone number or e-mail (both may be left empty).',
  },
  RUMOR_NO_CONSENT: {
    status: 422,
    vi: 'Vui lòng đánh dấu ô đồng ý với cách cơ quan tiếp nhận xử lý thông tin của bạn.',
    en: 'Please tick the box agreeing to how the receiving authority handles your information.',
  },
  RUMOR_FORM_TOO_FAST: {
    status: 400,
    vi: 'Biểu mẫu được gửi quá nhanh. Vui lòng kiểm tra lại nội dung và bấm Gửi một lần nữa.',
    en: 'The form was sent too quickly. Please check it and send it again.',
  },
  RUMOR_FORM_EXPIRED: {
    status: 400,
    vi: 'Biểu mẫu đã hết hạn hoặc không hợp lệ. Nội dung bạn nhập vẫn còn; vui lòng bấm Gửi lại.',
    en: 'The form expired or is invalid. Your text is kept; please send it again.',
  },
  RUMOR_NO_INFORMANT: { status: 404, vi: 'Phản ánh này không có thông tin người phản ánh.', en: 'This report has no informant record.' },
  RUMOR_NO_FILE: { status: 404, vi: 'Phản ánh này không có tệp đính kèm.', en: 'This report has no file.' },
  RUMOR_EMPTY_REPORT: {
    status: 422,
    vi: 'Vui lòng mô tả thông tin bạn thấy, hoặc gửi đường liên kết hay ảnh chụp màn hình.',
    en: 'Please describe what you saw, or send a link or a screenshot.',
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
  RUMOR_BAD_ASSIGNEE: {
    status: 422,
    vi: 'Người được giao phải là cán bộ của đơn vị tiếp nhận vụ việc, có quyền xử lý vụ việc.',
    en: 'The assignee must be a user of the case’s unit who may work on cases.',
  },
  RUMOR_OWN_PROPOSAL: {
    status: 409,
    vi: 'Người đề xuất kết luận không được tự duyệt kết luận của mình; đề nghị lãnh đạo khác duyệt.',
    en: 'Whoever proposed the conclusion may not approve it; another leader must.',
  },
  RUMOR_NOT_CONCLUDED: {
    status: 409,
    vi: 'Chỉ đăng đính chính khi kết luận đã được lãnh đạo duyệt.',
    en: 'A correction needs a conclusion approved by a leader.',
  },
  RUMOR_NO_RATING: {
    status: 409,
    vi: 'Kết luận "{verdict}" không có mức đánh giá để đăng đính chính.',
    en: 'The verdict "{verdict}" has no rating to publish as a correction.',
  },
  RUMOR_CORRECTION_EXISTS: {
    status: 409,
    vi: 'Vụ việc đã có bài đính chính.',
    en: 'The case already has a correction.',
  },
  RUMOR_UNKNOWN_LEGAL_BASIS: {
    status: 422,
    vi: 'Căn cứ pháp lý "{code}" không có trong danh mục của đơn vị (hoặc đã ngừng sử dụng).',
    en: 'The legal basis "{code}" is not in the unit’s list (or is no longer used).',
  },
  RUMOR_LEGAL_BASIS_TAKEN: {
    status: 409,
    vi: 'Mã căn cứ pháp lý "{code}" đã có.',
    en: 'The legal basis code "{code}" exists already.',
  },
  RUMOR_UNKNOWN_EVIDENCE: {
    status: 422,
    vi: 'Tài liệu, chứng cứ được chọn không thuộc vụ việc này.',
    en: 'The chosen evidence is not this case’s.',
  },
  RUMOR_REPORT_NOT_IN_CASE: {
    status: 422,
    vi: 'Phản ánh được chọn không thuộc vụ việc này hoặc không có thông tin người phản ánh.',
    en: 'The chosen report is not this case’s or has no informant.',
  },
  RUMOR_ACTION_CLOSED: {
    status: 409,
    vi: 'Yêu cầu này đã có trả lời hoặc đã hủy.',
    en: 'This request has been answered or cancelled.',
  },
  RUMOR_SAME_UNIT: {
    status: 422,
    vi: 'Đơn vị nhận phải khác đơn vị đang xử lý vụ việc.',
    en: 'The receiving unit must differ from the case’s unit.',
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
