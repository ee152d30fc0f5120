import { defineErrors } from '../../platform/errors.ts';

export const BROADCASTS_ERRORS = defineErrors({
  BROADCAST_BAD_STATUS: {
    status: 409,
    vi: 'Thông điệp đang ở trạng thái "{status}", không thể thực hiện thao tác này.',
    en: 'The broadcast is "{status}"; this step is not possible.',
  },
  BROADCAST_NOT_EMERGENCY: {
    status: 409,
    vi: 'Chỉ thông điệp khẩn cấp mới được duyệt một bước.',
    en: 'Only an emergency (khẩn cấp) broadcast may be approved in one step.',
  },
  BROADCAST_TOO_LONG: { status: 400, vi: 'Tin nhắn cần {parts} phần, vượt quá tối đa {max} phần.', en: 'The SMS needs {parts} parts, more than the maximum of {max}.' },
  BROADCAST_NOT_TELCO_REQUEST: {
    status: 409,
    vi: 'Thông điệp này không gửi bằng công văn đề nghị nhà mạng.',
    en: 'This broadcast is not a telco request.',
  },
  BROADCAST_UNKNOWN_TELCO: { status: 400, vi: 'Không tìm thấy nhà mạng đã chọn.', en: 'The chosen telco was not found.' },
  BROADCAST_IDEMPOTENCY_MISMATCH: {
    status: 409,
    vi: 'Khóa Idempotency-Key này đã được dùng cho một kết quả khác.',
    en: 'This Idempotency-Key was already used for a different result.',
  },
  BROADCAST_BAD_WINDOW: {
    status: 400,
    vi: 'Khung giờ gửi cần cả giờ bắt đầu và giờ kết thúc, giờ bắt đầu trước giờ kết thúc (ví dụ 07:00–21:00).',
    en: 'A send window needs both a start and an end, the start before the end (e.g. 07:00–21:00).',
  },
  BROADCAST_NO_OPENING: {
    status: 409,
    vi: 'Khung giờ gửi nằm trọn trong giờ yên lặng ({start}–{end}): tin thường không có lúc nào được gửi.',
    en: 'The send window lies entirely in the quiet hours ({start}–{end}): an ordinary message could never go.',
  },
  BROADCAST_ALREADY_SUPERSEDED: { status: 409, vi: 'Thông điệp này đã được thay thế bởi một thông điệp khác.', en: 'This broadcast has already been superseded.' },
  BROADCAST_NO_AUDIENCE: { status: 400, vi: 'Chưa chọn người nhận (đơn vị hoặc danh sách thuê bao).', en: 'No audience chosen (units or subscriber lists).' },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof BROADCASTS_ERRORS, true> {}
}
