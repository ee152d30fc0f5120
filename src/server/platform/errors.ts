/**
 * The one error catalogue. Services throw AppError with a stable code; the HTTP layer maps the
 * code to a status and a message in the client's language (error-handler.ts). Nothing else
 * reaches a client.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu không hợp lệ.', en: 'The request is not valid.' },
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    en: 'The account is locked after too many failed sign-ins. Try again in {minutes} minutes.',
  },
  ACCOUNT_DISABLED: { status: 403, vi: 'Tài khoản đã bị vô hiệu hóa.', en: 'The account is disabled.' },
  CSRF_INVALID: {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
    en: 'Invalid session token; reload the page.',
  },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy dữ liệu.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'No such address.' },
  CONFLICT: { status: 409, vi: 'Dữ liệu đã bị thay đổi hoặc trùng lặp.', en: 'Conflicting or duplicate data.' },
  USERNAME_TAKEN: { status: 409, vi: 'Tên đăng nhập đã tồn tại.', en: 'That username is taken.' },
  WEAK_PASSWORD: {
    status: 400,
    vi: 'Mật khẩu phải có ít nhất 10 ký tự, gồm chữ và số.',
    en: 'The password needs at least 10 characters with letters and digits.',
  },
  WRONG_PASSWORD: { status: 400, vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  INVITATION_INVALID: {
    status: 400,
    vi: 'Lời mời không hợp lệ hoặc đã hết hạn.',
    en: 'The invitation is invalid or expired.',
  },
  UNIT_KIND_NOT_ALLOWED: {
    status: 400,
    vi: 'Không thể thêm loại đơn vị này tại đây.',
    en: 'This kind of unit cannot be added here.',
  },
  UNKNOWN_UNIT: { status: 400, vi: 'Đơn vị không tồn tại: {unit}.', en: 'Unknown unit: {unit}.' },
  RATE_LIMITED: {
    status: 429,
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.',
    en: 'Too many requests; try again later.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The upload is too large.' },
  INTERNAL: {
    status: 500,
    vi: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại.',
    en: 'Something went wrong. Please try again.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Locale = 'vi' | 'en';

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly params: Record<string, string | number> = {},
    public readonly issues: FieldIssue[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function errorStatus(code: ErrorCode): number {
  return ERRORS[code].status;
}

export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return ERRORS[code][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
