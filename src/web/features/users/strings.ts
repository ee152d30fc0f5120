// Strings of the users pages ("Người dùng"), Vietnamese first.
// Kept beside the feature (not in i18n.ts); pick with the `lang` of useI18n().
import type { Lang } from '../../i18n.ts';

const vi = {
  title: 'Người dùng',
  create: 'Tạo người dùng',
  createAndInvite: 'Tạo và gửi thư mời',
  edit: 'Sửa người dùng',
  editNamed: (p: { name: string | number }) => `Sửa người dùng ${p.name}`,
  displayName: 'Họ và tên',
  email: 'Thư điện tử',
  emailHint: 'Thư mời kích hoạt tài khoản sẽ được gửi tới địa chỉ này.',
  roles: 'Vai trò',
  status: 'Trạng thái',
  active: 'Đang hoạt động',
  disabled: 'Đã khóa',
  disableAccount: 'Khóa tài khoản',
  lastLogin: 'Đăng nhập gần nhất',
  empty: 'Đơn vị này chưa có người dùng.',
  usernameRule: 'Tên đăng nhập 3–50 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang.',
  emailRule: 'Vui lòng nhập địa chỉ thư điện tử hợp lệ.',
  rolesRule: 'Chọn ít nhất một vai trò.',
  invited: (p: { email: string | number }) => `Đã tạo tài khoản và gửi thư mời tới ${p.email}.`,
  saved: (p: { name: string | number }) => `Đã cập nhật người dùng ${p.name}.`,
};

export type UserStrings = typeof vi;

const en: UserStrings = {
  title: 'Users',
  create: 'Create user',
  createAndInvite: 'Create and send invitation',
  edit: 'Edit user',
  editNamed: (p: { name: string | number }) => `Edit user ${p.name}`,
  displayName: 'Full name',
  email: 'E-mail',
  emailHint: 'The account invitation e-mail will be sent to this address.',
  roles: 'Roles',
  status: 'Status',
  active: 'Active',
  disabled: 'Disabled',
  disableAccount: 'Disable account',
  lastLogin: 'Last sign-in',
  empty: 'This unit has no users yet.',
  usernameRule: 'Username: 3–50 characters, lowercase Latin letters, digits, dot, underscore, hyphen.',
  emailRule: 'Please enter a valid e-mail address.',
  rolesRule: 'Choose at least one role.',
  invited: (p: { email: string | number }) => `Account created; invitation sent to ${p.email}.`,
  saved: (p: { name: string | number }) => `User ${p.name} updated.`,
};

export const USER_STRINGS: Record<Lang, UserStrings> = { vi, en };

export function userStrings(lang: Lang): UserStrings {
  return USER_STRINGS[lang];
}
