import { defineErrors } from '../../platform/errors.ts';

export const RUMORS_ERRORS = defineErrors({
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
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof RUMORS_ERRORS, true> {}
}
