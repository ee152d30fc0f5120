// Strings of the sign-in lockouts panel, Vietnamese first; pick with the `lang` of useI18n().
import type { Lang } from '../../i18n.ts';

const vi = {
  title: 'Tài khoản đang tạm khóa đăng nhập',
  hint: 'Sau nhiều lần nhập sai mật khẩu, việc đăng nhập bị tạm khóa đối với địa chỉ đã nhập sai; từ địa chỉ khác người dùng vẫn đăng nhập được. Thời gian khóa tăng gấp đôi sau mỗi lần sai tiếp theo (tối đa 1 giờ).',
  empty: 'Không có tài khoản nào đang bị tạm khóa.',
  colUser: 'Người dùng',
  colSource: 'Địa chỉ nhập sai',
  colFailures: 'Số lần sai',
  colUntil: 'Khóa đến',
  unlock: 'Mở khóa',
  unlockNamed: (name: string, source: string) => `Mở khóa đăng nhập của ${name} từ địa chỉ ${source}`,
  unlocked: (name: string) => `Đã mở khóa đăng nhập cho ${name}.`,
};

export type LockoutStrings = typeof vi;

const en: LockoutStrings = {
  title: 'Accounts with sign-in locked',
  hint: 'After repeated wrong passwords, sign-in is locked for the address they came from; from any other address the user can still sign in. The lock doubles with each further failure (at most 1 hour).',
  empty: 'No account is locked.',
  colUser: 'User',
  colSource: 'Failing address',
  colFailures: 'Failures',
  colUntil: 'Locked until',
  unlock: 'Unlock',
  unlockNamed: (name: string, source: string) => `Unlock sign-in of ${name} from ${source}`,
  unlocked: (name: string) => `Sign-in unlocked for ${name}.`,
};

export function lockoutStrings(lang: Lang): LockoutStrings {
  return lang === 'en' ? en : vi;
}
