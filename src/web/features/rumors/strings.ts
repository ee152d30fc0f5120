// Strings of the misinformation desk ("Tin sai sự thật"): the case list and what every page shares, Vietnamese
// first. Statuses, verdicts, severities and channels come from the shared contract's labels.
import type { Lang } from '../../i18n.ts';
import { RUMOR_CHANNEL_LABELS, RUMOR_SEVERITY_LABELS, RUMOR_STATUS_LABELS, RUMOR_VERDICT_LABELS } from '../../../shared/contracts/rumors.ts';
import type { RumorChannel, RumorSeverity, RumorStatus, RumorVerdict } from '../../../shared/contracts/rumors.ts';

const labels = <K extends string>(table: Record<K, { vi: string; en: string }>, lang: Lang): Record<K, string> =>
  Object.fromEntries(Object.entries<{ vi: string; en: string }>(table).map(([k, v]) => [k, v[lang]])) as Record<K, string>;

const vi = {
  title: 'Tin sai sự thật',
  intro: 'Các vụ việc tin sai sự thật mà đơn vị tiếp nhận: phản ánh từ cổng thông tin, mạng xã hội, cán bộ và theo dõi báo chí được gom theo từng nội dung.',
  tabCases: 'Vụ việc',
  tabMonitoring: 'Theo dõi báo chí, Internet',
  tabFigures: 'Số liệu',
  tabLegalBases: 'Căn cứ pháp lý',
  newReport: 'Nhập phản ánh',
  search: 'Tìm kiếm',
  searchPlaceholder: 'Tiêu đề hoặc nội dung (có dấu hoặc không dấu)',
  status: 'Trạng thái',
  verdict: 'Kết luận',
  severity: 'Mức độ',
  allStatuses: 'Tất cả trạng thái',
  allVerdicts: 'Tất cả kết luận',
  allSeverities: 'Tất cả mức độ',
  mine: 'Chỉ vụ việc giao cho tôi',
  colCase: 'Vụ việc',
  colStatus: 'Trạng thái',
  colSeverity: 'Mức độ, hạn xử lý',
  colReports: 'Số phản ánh',
  colLastReport: 'Phản ánh gần nhất',
  colAssignee: 'Người xử lý',
  unassigned: 'Chưa giao',
  overdue: 'Quá hạn',
  respondBy: (at: string) => `Hạn: ${at}`,
  proposed: 'Chờ duyệt kết luận',
  empty: 'Không có vụ việc nào khớp bộ lọc.',
  total: (n: number) => `${n} vụ việc`,
  prev: '← Trang trước',
  next: 'Trang sau →',
  page: (from: number, to: number, total: number) => `${from}–${to} / ${total}`,
  back: '← Danh sách vụ việc',
  close: 'Đóng',
  cancel: 'Hủy',
  statuses: labels<RumorStatus>(RUMOR_STATUS_LABELS, 'vi'),
  verdicts: labels<RumorVerdict>(RUMOR_VERDICT_LABELS, 'vi'),
  severities: labels<RumorSeverity>(RUMOR_SEVERITY_LABELS, 'vi'),
  channels: labels<RumorChannel>(RUMOR_CHANNEL_LABELS, 'vi'),
};

const en: typeof vi = {
  title: 'Misinformation',
  intro: 'The misinformation cases the unit received: reports from the portal, social media, staff and press monitoring, grouped by claim.',
  tabCases: 'Cases',
  tabMonitoring: 'Press and web monitoring',
  tabFigures: 'Figures',
  tabLegalBases: 'Legal bases',
  newReport: 'Enter a report',
  search: 'Search',
  searchPlaceholder: 'Title or claim (with or without diacritics)',
  status: 'Status',
  verdict: 'Verdict',
  severity: 'Severity',
  allStatuses: 'All statuses',
  allVerdicts: 'All verdicts',
  allSeverities: 'All severities',
  mine: 'Only cases assigned to me',
  colCase: 'Case',
  colStatus: 'Status',
  colSeverity: 'Severity, deadline',
  colReports: 'Reports',
  colLastReport: 'Last report',
  colAssignee: 'Assignee',
  unassigned: 'Not assigned',
  overdue: 'Overdue',
  respondBy: (at: string) => `Due: ${at}`,
  proposed: 'Conclusion awaiting approval',
  empty: 'No case matches the filters.',
  total: (n: number) => `${n} cases`,
  prev: '← Previous page',
  next: 'Next page →',
  page: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
  back: '← Cases',
  close: 'Close',
  cancel: 'Cancel',
  statuses: labels<RumorStatus>(RUMOR_STATUS_LABELS, 'en'),
  verdicts: labels<RumorVerdict>(RUMOR_VERDICT_LABELS, 'en'),
  severities: labels<RumorSeverity>(RUMOR_SEVERITY_LABELS, 'en'),
  channels: labels<RumorChannel>(RUMOR_CHANNEL_LABELS, 'en'),
};

export function rumorStrings(lang: Lang): typeof vi {
  return lang === 'en' ? en : vi;
}
