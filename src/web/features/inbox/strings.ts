// Strings of the inbox page (văn bản đến), Vietnamese first.
// Kept beside the feature (not in i18n.ts); pick with the `lang` of useI18n(). Placeholders are functions.
import type { Lang } from '../../i18n.ts';

const vi = {
  title: 'Văn bản đến',
  unit: 'Đơn vị nhận',
  filter: 'Lọc văn bản đến',
  filterAll: 'Tất cả',
  filterUnread: 'Chưa đọc',
  filterUnack: 'Chưa xác nhận',
  empty: 'Không có văn bản đến.',
  total: (p: { n: string | number }) => `${p.n} văn bản`,
  arrival: 'Số đến',
  received: 'Ngày đến',
  issuer: 'Nơi gửi',
  state: 'Tình trạng',
  unread: 'Chưa đọc',
  read: 'Đã đọc',
  acknowledged: 'Đã xác nhận',
  revoked: 'Đã thu hồi',
  acknowledge: 'Xác nhận đã nhận',
  acknowledgedAt: (p: { time: string | number }) => `Đơn vị đã xác nhận đã nhận văn bản lúc ${p.time}.`,
  ackDone: 'Đã xác nhận đã nhận văn bản.',
  back: '← Danh sách văn bản đến',
  arrivalInfo: (p: { n: string | number; time: string | number }) => `Số đến ${p.n}, nhận lúc ${p.time}`,
  cannotAck: 'Lãnh đạo hoặc văn thư của đơn vị nhận xác nhận đã nhận.',
  revokedNote: 'Văn bản này đã bị cơ quan ban hành thu hồi.',
};
export type InboxStrings = typeof vi;

const en: InboxStrings = {
  title: 'Incoming documents',
  unit: 'Recipient unit',
  filter: 'Filter incoming documents',
  filterAll: 'All',
  filterUnread: 'Unread',
  filterUnack: 'Not acknowledged',
  empty: 'No incoming documents.',
  total: (p) => `${p.n} documents`,
  arrival: 'Arrival no.',
  received: 'Received',
  issuer: 'From',
  state: 'State',
  unread: 'Unread',
  read: 'Read',
  acknowledged: 'Acknowledged',
  revoked: 'Revoked',
  acknowledge: 'Acknowledge receipt',
  acknowledgedAt: (p) => `The unit acknowledged receipt at ${p.time}.`,
  ackDone: 'Receipt acknowledged.',
  back: '← Incoming documents',
  arrivalInfo: (p) => `Arrival no. ${p.n}, received ${p.time}`,
  cannotAck: 'The recipient unit’s leader or clerk acknowledges receipt.',
  revokedNote: 'The issuing body has revoked this document.',
};

export const INBOX_STRINGS: Record<Lang, InboxStrings> = { vi, en };

export function inboxStrings(lang: Lang): InboxStrings {
  return INBOX_STRINGS[lang];
}
