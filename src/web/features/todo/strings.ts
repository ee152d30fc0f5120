// Strings of the start page ("Việc cần làm"), Vietnamese first.
// Kept beside the feature (not in i18n.ts); pick with the `lang` of useI18n().
import type { Lang } from '../../i18n.ts';
import type { TodoKind } from './todo-api.ts';

const vi = {
  title: 'Việc cần làm',
  nav: 'Việc cần làm',
  intro: (unit: string) => `Những việc đang chờ bạn tại ${unit}. Bấm vào từng mục để xử lý.`,
  empty: 'Hiện không có việc nào đang chờ bạn.',
  reload: 'Làm mới',
  due: (when: string) => `Hạn ${when}`,
  missedPeriods: (n: number) => `${n} kỳ chưa gửi`,
  unitsMissing: (n: number) => `${n} đơn vị chưa báo cáo`,
  more: (shown: number, total: number) => `Đang hiện ${shown} trên ${total} mục.`,
  menuCount: (n: number) => `${n} việc đang chờ`,
  kinds: {
    draft_returned: 'Dự thảo bị trả lại',
    to_approve: 'Văn bản chờ duyệt',
    to_sign: 'Văn bản chờ ký',
    to_issue: 'Văn bản chờ ban hành',
    sms_to_approve: 'Tin nhắn SMS chờ duyệt',
    bulletin_to_approve: 'Bản tin truyền thanh chờ duyệt',
    alert_to_publish: 'Cảnh báo CAP chờ phát hành',
    inbox_unacknowledged: 'Văn bản đến chưa xác nhận đã nhận',
    inbox_unread: 'Văn bản đến chưa đọc',
    report_due: 'Báo cáo đến hạn',
    report_late: 'Báo cáo quá hạn',
    reports_missing: 'Đơn vị trực thuộc chưa báo cáo',
    question_pending: 'Câu hỏi chờ trả lời',
    social_inbox: 'Tin nhắn mạng xã hội chờ xử lý',
    rumor_overdue: 'Vụ việc tin sai sự thật quá hạn xử lý',
    rumor_to_approve: 'Kết luận tin sai sự thật chờ duyệt',
    rumor_feed_new: 'Tin từ nguồn theo dõi chờ xem xét',
    device_offline: 'Thiết bị truyền thanh mất kết nối',
  } satisfies Record<TodoKind, string>,
};

const en: typeof vi = {
  title: 'To do',
  nav: 'To do',
  intro: (unit: string) => `What is waiting for you at ${unit}. Open an item to deal with it.`,
  empty: 'Nothing is waiting for you.',
  reload: 'Reload',
  due: (when: string) => `Due ${when}`,
  missedPeriods: (n: number) => `${n} period${n === 1 ? '' : 's'} not reported`,
  unitsMissing: (n: number) => `${n} unit${n === 1 ? '' : 's'} not reported`,
  more: (shown: number, total: number) => `Showing ${shown} of ${total}.`,
  menuCount: (n: number) => `${n} waiting`,
  kinds: {
    draft_returned: 'Drafts returned',
    to_approve: 'To approve',
    to_sign: 'To sign',
    to_issue: 'To issue',
    sms_to_approve: 'SMS messages to approve',
    bulletin_to_approve: 'Broadcast bulletins to approve',
    alert_to_publish: 'CAP alerts to publish',
    inbox_unacknowledged: 'Incoming documents to acknowledge',
    inbox_unread: 'Unread incoming documents',
    report_due: 'Reports due',
    report_late: 'Reports overdue',
    reports_missing: 'Units that have not reported',
    question_pending: 'Questions awaiting an answer',
    social_inbox: 'Social page messages waiting',
    rumor_overdue: 'Misinformation cases past their deadline',
    rumor_to_approve: 'Misinformation conclusions to approve',
    rumor_feed_new: 'Monitored items to review',
    device_offline: 'Broadcast devices offline',
  },
};

export type TodoStrings = typeof vi;
export function todoStrings(lang: Lang): TodoStrings {
  return lang === 'en' ? en : vi;
}
