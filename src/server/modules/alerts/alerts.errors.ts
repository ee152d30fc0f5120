import { defineErrors } from '../../platform/errors.ts';

export const ALERTS_ERRORS = defineErrors({
  ALERT_BAD_STATE: {
    status: 409,
    vi: 'Cảnh báo đang ở trạng thái "{state}", không thể thực hiện thao tác này.',
    en: 'The alert is "{state}"; this step is not possible.',
  },
  ALERT_BAD_AREA: {
    status: 400,
    vi: 'Vùng cảnh báo phải là đơn vị đang có hiệu lực trong địa bàn của đơn vị phát cảnh báo.',
    en: 'Alert areas must be units in force in the issuing unit’s area.',
  },
  ALERT_INVALID: {
    status: 422,
    vi: 'Cảnh báo chưa đúng chuẩn CAP 1.2 nên chưa phát hành được ({count} lỗi); cảnh báo vẫn ở trạng thái nháp.',
    en: 'The alert does not conform to CAP 1.2 ({count} problems) and was not published; it stays a draft.',
  },
  ALERT_CHAIN_ENDED: {
    status: 409,
    vi: 'Cảnh báo này đã có bản cập nhật hoặc đã bị hủy; hãy thao tác trên bản mới nhất.',
    en: 'This alert was already updated or cancelled; act on the latest message.',
  },
  ALERT_IDEMPOTENCY_MISMATCH: {
    status: 409,
    vi: 'Khóa Idempotency-Key này đã được dùng cho một thao tác khác.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof ALERTS_ERRORS, true> {}
}
