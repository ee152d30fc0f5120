// Strings of the audit trail ("Nhật ký"), Vietnamese first.
// Kept beside the feature (not in i18n.ts); pick with the `lang` of useI18n().
import type { Lang } from '../../i18n.ts';

const vi = {
  title: 'Nhật ký hệ thống',
  filters: 'Bộ lọc nhật ký',
  actor: 'Người thực hiện',
  entity: 'Đối tượng',
  entityPlaceholder: 'Mọi loại đối tượng',
  action: 'Hành động',
  actionPlaceholder: 'Mọi hành động',
  actorPlaceholder: 'Họ tên hoặc tên đăng nhập',
  from: 'Từ ngày',
  to: 'Đến ngày',
  apply: 'Lọc',
  reset: 'Xóa bộ lọc',
  time: 'Thời gian',
  ip: 'Địa chỉ IP',
  details: 'Chi tiết',
  view: 'Xem',
  empty: 'Không có bản ghi nào.',
  loadMore: 'Tải thêm',
  eventTitle: 'Chi tiết thao tác',
  field: 'Trường',
  before: 'Trước',
  after: 'Sau',
  noChanges: 'Không có thay đổi dữ liệu.',
  showUnchanged: 'Hiện cả trường không đổi',
  showRaw: 'Xem JSON gốc',
  changeAdded: 'thêm mới',
  changeRemoved: 'đã xóa',
  changeChanged: 'thay đổi',
  changeUnchanged: 'không đổi',
};

export type AuditStrings = typeof vi;

const en: AuditStrings = {
  title: 'Audit trail',
  filters: 'Audit filters',
  actor: 'Actor',
  entity: 'Entity',
  entityPlaceholder: 'Any kind of object',
  action: 'Action',
  actionPlaceholder: 'Any action',
  actorPlaceholder: 'Name or username',
  from: 'From',
  to: 'To',
  apply: 'Filter',
  reset: 'Clear filters',
  time: 'Time',
  ip: 'IP address',
  details: 'Details',
  view: 'View',
  empty: 'No entries.',
  loadMore: 'Load more',
  eventTitle: 'Event details',
  field: 'Field',
  before: 'Before',
  after: 'After',
  noChanges: 'No data changes.',
  showUnchanged: 'Show unchanged fields',
  showRaw: 'Show raw JSON',
  changeAdded: 'added',
  changeRemoved: 'removed',
  changeChanged: 'changed',
  changeUnchanged: 'unchanged',
};

export const AUDIT_STRINGS: Record<Lang, AuditStrings> = { vi, en };

export function auditStrings(lang: Lang): AuditStrings {
  return AUDIT_STRINGS[lang];
}
