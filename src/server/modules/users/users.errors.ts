import { defineErrors } from '../../platform/errors.ts';

/** The users module's error codes (sign-in, lockout, accounts, passwords, invitations). */
export const USERS_ERRORS = defineErrors({
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
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof USERS_ERRORS, true> {}
}
