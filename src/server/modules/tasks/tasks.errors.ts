import { defineErrors } from '../../platform/errors.ts';

/** The tasks module's error codes: periodic reports, report forms, assignees, idempotency. */
export const TASKS_ERRORS = defineErrors({
  REPORT_INVALID: {
    status: 400,
    vi: 'Báo cáo chưa hợp lệ, vui lòng kiểm tra các chỉ tiêu.',
    en: 'The report is not valid; check the figures.',
  },
  REPORT_PERIOD_INVALID: {
    status: 400,
    vi: 'Kỳ báo cáo {period} không có trong lịch báo cáo của nhiệm vụ.',
    en: 'Period {period} is not in the reporting schedule of the task.',
  },
  REPORT_LOCKED: {
    status: 409,
    vi: 'Đã quá hạn báo cáo kỳ {period} ({deadline}); báo cáo đã nộp không thể sửa.',
    en: 'The deadline of period {period} ({deadline}) has passed; the submitted report can no longer be changed.',
  },
  REPORT_NO_OPEN_PERIOD: {
    status: 400,
    vi: 'Hiện không có kỳ báo cáo nào đang mở; hãy chọn kỳ báo cáo cần gửi (kỳ đã qua được nộp muộn).',
    en: 'No reporting period is open now; choose the period to report for (a past period is reported late).',
  },
  TASK_HAS_NO_FORM: { status: 400, vi: 'Nhiệm vụ này không có biểu mẫu báo cáo.', en: 'This task has no report form.' },
  TASK_NOT_ASSIGNED: { status: 400, vi: 'Đơn vị {unit} không được giao nhiệm vụ này.', en: 'Unit {unit} is not assigned this task.' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    vi: 'Khóa Idempotency-Key này đã được dùng cho một báo cáo khác.',
    en: 'This Idempotency-Key was already used for a different report.',
  },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof TASKS_ERRORS, true> {}
}
