// Strings of the issue dialog's recipients check, Vietnamese first (pick with useI18n's `lang`).
import type { Lang } from '../../i18n.ts';

const vi = {
  heading: (date: string) => `Nơi nhận tại ngày ${date}`,
  unit: 'Đơn vị',
  group: 'Nhóm',
  reaches: (n: number) => `${n} đơn vị`,
  none: 'không có đơn vị nào',
  total: (n: number) => `Tổng cộng: ${n} đơn vị sẽ nhận văn bản.`,
  warnTitle: 'Có nơi nhận không tới được đơn vị nào',
  warn: (names: string) =>
    `Không gửi được tới: ${names}. Sửa nơi nhận của văn bản (chọn đơn vị, nhóm của danh mục đang có hiệu lực), hoặc xác nhận để ban hành không gửi tới các nơi nhận này.`,
  confirm: 'Vẫn ban hành, không gửi tới các nơi nhận trên',
  blockedTitle: 'Văn bản không tới được đơn vị nào',
  blocked: (names: string) => `Không nơi nhận nào có đơn vị tại ngày này: ${names}. Sửa nơi nhận hoặc chọn ngày ban hành khác.`,
};

const en: typeof vi = {
  heading: (date: string) => `Recipients on ${date}`,
  unit: 'Unit',
  group: 'Group',
  reaches: (n: number) => `${n} unit${n === 1 ? '' : 's'}`,
  none: 'no unit',
  total: (n: number) => `In all, ${n} unit${n === 1 ? '' : 's'} will receive the document.`,
  warnTitle: 'Some recipients reach no unit',
  warn: (names: string) => `Nothing can be delivered to: ${names}. Fix the recipients (units or groups of the list in force), or confirm to issue without them.`,
  confirm: 'Issue anyway, without the recipients above',
  blockedTitle: 'The document reaches no unit',
  blocked: (names: string) => `No recipient has any unit on this date: ${names}. Fix the recipients or choose another date.`,
};

export function issueStrings(lang: Lang): typeof vi {
  return lang === 'en' ? en : vi;
}
