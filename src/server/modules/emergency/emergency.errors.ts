import { defineErrors } from '../../platform/errors.ts';

export const EMERGENCY_ERRORS = defineErrors({
  EMERGENCY_BAD_AREA: {
    status: 400,
    vi: 'Vùng nhận thông báo phải là đơn vị trong địa bàn của đơn vị phát thông báo.',
    en: 'The areas must be units in the issuing unit’s area.',
  },
  EMERGENCY_IDEMPOTENCY_MISMATCH: {
    status: 409,
    vi: 'Mã Idempotency-Key này đã được dùng cho một thông báo khẩn cấp khác.',
    en: 'This Idempotency-Key was used for a different emergency message.',
  },
  EMERGENCY_NO_CHANNEL: {
    status: 400,
    vi: 'Không kênh nào đã chọn dùng được: {reasons}',
    en: 'None of the chosen channels can be used: {reasons}',
  },
  EMERGENCY_BANNER_ENDED: {
    status: 409,
    vi: 'Thông báo trên cổng thông tin đã được gỡ hoặc không có.',
    en: 'The portal notice has already ended or there is none.',
  },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof EMERGENCY_ERRORS, true> {}
}
