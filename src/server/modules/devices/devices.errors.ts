import { defineErrors } from '../../platform/errors.ts';

/** The devices module's error codes. */
export const DEVICES_ERRORS = defineErrors({
  DEVICE_IMPORT_INVALID: {
    status: 422,
    vi: 'Tệp có {count} dòng lỗi; chưa nhập thiết bị nào. Sửa các dòng được liệt kê rồi nhập lại.',
    en: 'The file has {count} bad rows; no device was imported. Fix the rows listed and import again.',
  },
  DEVICE_FILE_UNREADABLE: { status: 400, vi: 'Không đọc được tệp: {reason}', en: 'The file cannot be read: {reason}' },
  DEVICE_UNIT_NOT_COMMUNE: {
    status: 422,
    vi: 'Thiết bị chỉ được đăng ký cho xã, phường, thị trấn (đơn vị cấp cơ sở).',
    en: 'Devices are registered under a commune, ward or town only.',
  },
  DEVICE_SERIAL_TAKEN: {
    status: 409,
    vi: 'Đã có thiết bị của hãng {vendor} với số sê-ri {serial}.',
    en: 'A device of {vendor} with serial {serial} exists already.',
  },
  DEVICE_SIM_INVALID: {
    status: 400,
    vi: 'Số SIM «{value}» không phải số di động Việt Nam.',
    en: 'SIM number "{value}" is not a Vietnamese mobile number.',
  },
  DEVICE_NO_CREDENTIAL: { status: 409, vi: 'Thiết bị chưa có mã truy cập nào đang dùng.', en: 'The device has no live access token.' },
  DEVICE_RETIRED: { status: 409, vi: 'Thiết bị đã ngừng sử dụng; không tạo mã truy cập.', en: 'The device is retired; no access token is made.' },
  DEVICE_TOKEN_INVALID: {
    status: 401,
    vi: 'Mã truy cập thiết bị không hợp lệ hoặc đã bị thu hồi.',
    en: 'The device access token is not valid or has been revoked.',
  },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof DEVICES_ERRORS, true> {}
}
