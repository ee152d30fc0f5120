// Strings of the recipient groups pages ("Nhóm nơi nhận"), Vietnamese first.
// Kept beside the feature (not in i18n.ts); pick with the `lang` of useI18n().
import type { Lang } from '../../i18n.ts';

const vi = {
  title: 'Nhóm nơi nhận',
  owner: 'Đơn vị sở hữu nhóm',
  create: 'Tạo nhóm',
  edit: 'Sửa nhóm',
  empty: 'Đơn vị này chưa có nhóm nơi nhận.',
  name: 'Tên nhóm',
  description: 'Mô tả',
  ruleType: 'Cách xác định thành viên',
  ruleExplicit: 'Chọn từng đơn vị',
  ruleKind: 'Theo loại đơn vị',
  ruleKindLabel: 'Tất cả đơn vị thuộc loại',
  ruleUnder: 'Trực thuộc đơn vị',
  ruleExplicitSummary: (p: { n: string | number }) => `Danh sách chọn sẵn: ${p.n} đơn vị`,
  ruleKindSummary: (p: { kind: string | number; unit: string | number }) => `Tất cả “${p.kind}” thuộc ${p.unit}`,
  addUnit: 'Thêm đơn vị vào nhóm',
  pickedUnits: 'Các đơn vị đã chọn',
  pickedCount: (p: { n: string | number }) => `Đã chọn ${p.n} đơn vị.`,
  removeUnit: (p: { name: string | number }) => `Bỏ ${p.name} khỏi nhóm`,
  needUnits: 'Vui lòng chọn ít nhất một đơn vị.',
  needUnder: 'Vui lòng chọn đơn vị cấp trên.',
  atDateHint: 'Dùng để tính thành viên của nhóm.',
  showMembers: 'Xem thành viên',
  hideMembers: 'Ẩn thành viên',
  membersCount: (p: { date: string | number; n: string | number }) => `${p.n} đơn vị nhận tại ngày ${p.date}:`,
  saved: (p: { name: string | number }) => `Đã lưu nhóm “${p.name}”.`,
  deleted: (p: { name: string | number }) => `Đã xóa nhóm “${p.name}”.`,
  deleteTitle: 'Xóa nhóm nơi nhận',
  deleteConfirm: (p: { name: string | number }) => `Bạn có chắc muốn xóa nhóm “${p.name}”? Thao tác này không thể hoàn tác.`,
};

export type GroupStrings = typeof vi;

const en: GroupStrings = {
  title: 'Recipient groups',
  owner: 'Owner unit',
  create: 'Create group',
  edit: 'Edit group',
  empty: 'This unit has no recipient groups yet.',
  name: 'Group name',
  description: 'Description',
  ruleType: 'How members are defined',
  ruleExplicit: 'Pick units',
  ruleKind: 'By unit kind',
  ruleKindLabel: 'All units of kind',
  ruleUnder: 'Under unit',
  ruleExplicitSummary: (p: { n: string | number }) => `Fixed list: ${p.n} units`,
  ruleKindSummary: (p: { kind: string | number; unit: string | number }) => `All “${p.kind}” under ${p.unit}`,
  addUnit: 'Add a unit to the group',
  pickedUnits: 'Selected units',
  pickedCount: (p: { n: string | number }) => `${p.n} units selected.`,
  removeUnit: (p: { name: string | number }) => `Remove ${p.name} from the group`,
  needUnits: 'Please pick at least one unit.',
  needUnder: 'Please choose the parent unit.',
  atDateHint: 'Used to compute group members.',
  showMembers: 'Show members',
  hideMembers: 'Hide members',
  membersCount: (p: { date: string | number; n: string | number }) => `${p.n} recipient units as of ${p.date}:`,
  saved: (p: { name: string | number }) => `Group “${p.name}” saved.`,
  deleted: (p: { name: string | number }) => `Group “${p.name}” deleted.`,
  deleteTitle: 'Delete recipient group',
  deleteConfirm: (p: { name: string | number }) => `Really delete group “${p.name}”? This cannot be undone.`,
};

export const GROUP_STRINGS: Record<Lang, GroupStrings> = { vi, en };

export function groupStrings(lang: Lang): GroupStrings {
  return GROUP_STRINGS[lang];
}
