import { defineErrors } from '../../platform/errors.ts';

/** The subscribers module's error codes. */
export const SUBSCRIBERS_ERRORS = defineErrors({
  SUBSCRIBER_IMPORT_INVALID: {
    status: 422,
    vi: 'Tệp có {count} dòng lỗi; chưa nhập dòng nào. Sửa các dòng được liệt kê rồi nhập lại.',
    en: 'The file has {count} bad rows; nothing was imported. Fix the rows listed and import again.',
  },
  SUBSCRIBER_FILE_UNREADABLE: {
    status: 400,
    vi: 'Không đọc được tệp: {reason}',
    en: 'The file cannot be read: {reason}',
  },
  SUBSCRIBER_NOT_OPTED_OUT: {
    status: 409,
    vi: 'Thuê bao này đang nhận tin.',
    en: 'This subscriber is receiving messages already.',
  },
  SUBSCRIBER_ALREADY_OPTED_OUT: {
    status: 409,
    vi: 'Thuê bao này đã từ chối nhận tin.',
    en: 'This subscriber has already opted out.',
  },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof SUBSCRIBERS_ERRORS, true> {}
}
