import { defineErrors } from '../../platform/errors.ts';

export const SOCIAL_ERRORS = defineErrors({
  SOCIAL_PAGE_TAKEN: {
    status: 409,
    vi: 'Trang {pageId} đã được kết nối với một đơn vị (mỗi trang chỉ thuộc một đơn vị).',
    en: 'Page {pageId} is already connected to a unit (a page belongs to one unit).',
  },
  SOCIAL_ACCOUNT_INACTIVE: {
    status: 409,
    vi: 'Trang "{name}" đã ngắt kết nối; hãy kết nối lại trước khi đăng hoặc trả lời.',
    en: 'The page "{name}" is disconnected; connect it again before posting or replying.',
  },
  SOCIAL_TOKEN_INVALID: {
    status: 409,
    vi: 'Mã truy cập đã hết hạn, hãy kết nối lại trang "{name}".',
    en: 'The access token has expired; reconnect the page "{name}".',
  },
  SOCIAL_BAD_ACCOUNT: { status: 400, vi: 'Trang được chọn không thuộc đơn vị này.', en: 'A chosen page does not belong to this unit.' },
  SOCIAL_POST_NOT_PUBLISHED: {
    status: 409,
    vi: 'Chỉ đăng lên trang được bài đã xuất bản trên cổng thông tin.',
    en: 'Only a post published on the portal can be posted to the pages.',
  },
  SOCIAL_BROADCAST_NOT_APPROVED: {
    status: 409,
    vi: 'Chỉ đăng lên trang được thông điệp đã phê duyệt.',
    en: 'Only an approved broadcast can be posted to the pages.',
  },
  SOCIAL_SOURCE_OTHER_UNIT: {
    status: 403,
    vi: 'Thông điệp này thuộc đơn vị khác; chỉ đơn vị ban hành được đăng lên trang của mình.',
    en: 'This broadcast belongs to another unit; only its issuer posts it to its pages.',
  },
  SOCIAL_IDEMPOTENCY_MISMATCH: {
    status: 409,
    vi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu đăng khác.',
    en: 'This Idempotency-Key was already used for a different publish request.',
  },
  SOCIAL_NOT_RETRYABLE: {
    status: 409,
    vi: 'Chỉ đăng lại được bài đăng thất bại hoặc chưa rõ kết quả.',
    en: 'Only a failed or ambiguous publication can be sent again.',
  },
  SOCIAL_NOT_AMBIGUOUS: {
    status: 409,
    vi: 'Chỉ đánh dấu "Đã có trên trang" cho bài đăng chưa rõ kết quả hoặc thất bại.',
    en: 'Only an ambiguous or failed publication can be marked as on the page.',
  },
  SOCIAL_WINDOW_CLOSED: {
    status: 409,
    vi: 'Đã quá thời hạn trả lời của {platform}: chỉ được trả lời trong {hours} giờ sau tin nhắn cuối của người dân.',
    en: 'The {platform} reply window is over: replies are allowed within {hours} hours of the person’s last message.',
  },
  SOCIAL_REPLY_REFUSED: {
    status: 502,
    vi: '{platform} không nhận câu trả lời: {message}',
    en: '{platform} refused the reply: {message}',
  },
  SOCIAL_BAD_ASSIGNEE: {
    status: 400,
    vi: 'Người được giao phải là cán bộ của đơn vị có quyền xử lý hộp thư mạng xã hội.',
    en: 'The assignee must be a member of the unit who handles the social inbox.',
  },
  SOCIAL_ALREADY_CONVERTED: { status: 409, vi: 'Tin này đã được chuyển thành câu hỏi trên cổng.', en: 'This message was already turned into a portal question.' },
  SOCIAL_WEBHOOK_UNSIGNED: { status: 401, vi: 'Thiếu chữ ký webhook.', en: 'The webhook signature is missing.' },
  SOCIAL_WEBHOOK_SIGNATURE: { status: 403, vi: 'Chữ ký webhook không hợp lệ.', en: 'The webhook signature is not valid.' },
  SOCIAL_WEBHOOK_VERIFY: { status: 403, vi: 'Mã xác minh webhook không đúng.', en: 'The webhook verify token is wrong.' },
  SOCIAL_WEBHOOK_BAD_BODY: { status: 400, vi: 'Nội dung webhook không đọc được.', en: 'The webhook body cannot be read.' },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof SOCIAL_ERRORS, true> {}
}
