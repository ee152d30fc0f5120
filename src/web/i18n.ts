// All UI strings, Vietnamese (default) and English. Pure module (no React).
// Placeholders: {name}. The `en` table is typed against `vi`, so a missing
// key is a compile error; i18n.unit.test.ts also checks it at runtime.

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const LANG_STORAGE_KEY = 'loa.lang';

const vi = {
  'app.title': 'Loa · Quản trị',

  'nav.main': 'Điều hướng chính',
  'nav.units': 'Đơn vị',
  'nav.users': 'Người dùng',
  'nav.groups': 'Nhóm nơi nhận',
  'nav.audit': 'Nhật ký hệ thống',
  'nav.password': 'Đổi mật khẩu',
  'nav.openMenu': 'Mở menu',
  'nav.closeMenu': 'Đóng menu',

  'common.loading': 'Đang tải…',
  'common.loadFailed': 'Không tải được dữ liệu',
  'common.retry': 'Thử lại',
  'common.error': 'Có lỗi xảy ra',
  'common.save': 'Lưu',
  'common.cancel': 'Hủy',
  'common.close': 'Đóng',
  'common.create': 'Tạo mới',
  'common.edit': 'Sửa',
  'common.delete': 'Xóa',
  'common.undo': 'Hoàn tác',
  'common.change': 'Đổi',
  'common.choose': '— Chọn —',
  'common.actions': 'Thao tác',
  'common.unit': 'Đơn vị',
  'common.language': 'Ngôn ngữ',
  'common.requiredField': 'Vui lòng nhập {field}.',

  'error.network': 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  'error.unauthorized': 'Phiên đăng nhập đã hết hạn hoặc thông tin đăng nhập không đúng.',
  'error.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
  'error.notFound': 'Không tìm thấy dữ liệu.',
  'error.tooMany': 'Thao tác quá nhiều lần. Vui lòng đợi một lát rồi thử lại.',
  'error.server': 'Máy chủ gặp lỗi (mã {status}). Vui lòng thử lại sau.',
  'error.http': 'Yêu cầu không thành công (mã {status}).',
  'error.badResponse': 'Máy chủ trả về dữ liệu không hợp lệ.',
  'error.unknown': 'Lỗi không xác định.',

  'nav.outgoing': 'Văn bản đi',
  'nav.inbox': 'Văn bản đến',

  'urgency.none': 'Thường',
  'urgency.khan': 'Khẩn',
  'urgency.thuong_khan': 'Thượng khẩn',
  'urgency.hoa_toc': 'Hỏa tốc',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
export type Params = Record<string, string | number>;

const en: Record<MessageKey, string> = {
  'app.title': 'Loa · Admin',

  'nav.main': 'Main navigation',
  'nav.units': 'Units',
  'nav.users': 'Users',
  'nav.groups': 'Recipient groups',
  'nav.audit': 'Audit trail',
  'nav.password': 'Change password',
  'nav.openMenu': 'Open menu',
  'nav.closeMenu': 'Close menu',

  'common.loading': 'Loading…',
  'common.loadFailed': 'Could not load data',
  'common.retry': 'Retry',
  'common.error': 'Something went wrong',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.create': 'Create',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.undo': 'Undo changes',
  'common.change': 'Change',
  'common.choose': '— Choose —',
  'common.actions': 'Actions',
  'common.unit': 'Unit',
  'common.language': 'Language',
  'common.requiredField': 'Please enter {field}.',

  'error.network': 'Cannot reach the server. Please check your connection and try again.',
  'error.unauthorized': 'Your session has expired or the credentials are wrong.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.notFound': 'Not found.',
  'error.tooMany': 'Too many attempts. Please wait a moment and try again.',
  'error.server': 'Server error (code {status}). Please try again later.',
  'error.http': 'Request failed (code {status}).',
  'error.badResponse': 'The server returned an invalid response.',
  'error.unknown': 'Unknown error.',

  'nav.outgoing': 'Outgoing documents',
  'nav.inbox': 'Incoming documents',

  'urgency.none': 'Normal',
  'urgency.khan': 'Urgent (Khẩn)',
  'urgency.thuong_khan': 'Very urgent (Thượng khẩn)',
  'urgency.hoa_toc': 'Immediate (Hỏa tốc)',
};

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function isLang(v: unknown): v is Lang {
  return v === 'vi' || v === 'en';
}

/** Language from storage, Vietnamese by default. */
export function initialLang(stored: string | null | undefined): Lang {
  return isLang(stored) ? stored : 'vi';
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const s = dictionaries[lang][key] ?? dictionaries.vi[key] ?? key;
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
