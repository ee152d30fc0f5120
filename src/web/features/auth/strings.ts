// Strings of sign-in, the invitation and the password pages, Vietnamese first.
// Kept beside the feature (not in i18n.ts); pick with the `lang` of useI18n().
import type { Lang } from '../../i18n.ts';

const vi = {
  loginTitle: 'Đăng nhập quản trị',
  loginHint: 'Hệ thống thông tin cơ sở Loa',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  togglePassword: 'Hiện/ẩn ký tự đã nhập',
  missingCredentials: 'Vui lòng nhập tên đăng nhập và mật khẩu.',
  sessionExpired: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  inviteTitle: 'Kích hoạt tài khoản',
  inviteHint: 'Đặt mật khẩu cho tài khoản được mời (ít nhất 10 ký tự, gồm chữ và số).',
  newPassword: 'Mật khẩu mới',
  confirmPassword: 'Nhập lại mật khẩu',
  passwordsDiffer: 'Hai mật khẩu không khớp.',
  activate: 'Kích hoạt và đăng nhập',
  passwordTitle: 'Đổi mật khẩu',
  passwordCurrent: 'Mật khẩu hiện tại',
  passwordNew: 'Mật khẩu mới',
  passwordConfirm: 'Nhập lại mật khẩu mới',
  passwordHint: (p: { n: string | number }) => `Ít nhất ${p.n} ký tự.`,
  passwordSubmit: 'Đổi mật khẩu',
  passwordRequired: 'Vui lòng nhập đủ mật khẩu hiện tại và mật khẩu mới.',
  passwordTooShort: (p: { n: string | number }) => `Mật khẩu mới phải có ít nhất ${p.n} ký tự.`,
  passwordMismatch: 'Mật khẩu nhập lại không khớp.',
  passwordChanged: 'Đã đổi mật khẩu.',
};

export type AuthStrings = typeof vi;

const en: AuthStrings = {
  loginTitle: 'Admin sign-in',
  loginHint: 'Loa grassroots information system',
  username: 'Username',
  password: 'Password',
  login: 'Sign in',
  logout: 'Sign out',
  togglePassword: 'Show/hide typed characters',
  missingCredentials: 'Please enter your username and password.',
  sessionExpired: 'Your session has expired. Please sign in again.',
  inviteTitle: 'Activate your account',
  inviteHint: 'Choose a password for the invited account (at least 10 characters, letters and digits).',
  newPassword: 'New password',
  confirmPassword: 'Repeat the password',
  passwordsDiffer: 'The two passwords differ.',
  activate: 'Activate and sign in',
  passwordTitle: 'Change password',
  passwordCurrent: 'Current password',
  passwordNew: 'New password',
  passwordConfirm: 'Repeat new password',
  passwordHint: (p: { n: string | number }) => `At least ${p.n} characters.`,
  passwordSubmit: 'Change password',
  passwordRequired: 'Please enter both the current and the new password.',
  passwordTooShort: (p: { n: string | number }) => `The new password must have at least ${p.n} characters.`,
  passwordMismatch: 'The passwords do not match.',
  passwordChanged: 'Password changed.',
};

export const AUTH_STRINGS: Record<Lang, AuthStrings> = { vi, en };

export function authStrings(lang: Lang): AuthStrings {
  return AUTH_STRINGS[lang];
}
