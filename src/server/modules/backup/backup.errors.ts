import { defineErrors } from '../../platform/errors.ts';

/** The backup module's error codes (restore target, archive, version, control socket). */
export const BACKUP_ERRORS = defineErrors({
  BACKUP_TARGET_NOT_EMPTY: {
    status: 409,
    vi: 'Không thể khôi phục: {target} đã có dữ liệu ({detail}). Chỉ khôi phục vào thư mục dữ liệu hoặc cơ sở dữ liệu trống.',
    en: 'Cannot restore: {target} already holds data ({detail}). Restore only into an empty data directory or database.',
  },
  BACKUP_INVALID: {
    status: 400,
    vi: 'Tệp sao lưu không hợp lệ hoặc bị hỏng: {reason}.',
    en: 'The backup file is invalid or damaged: {reason}.',
  },
  BACKUP_TOO_NEW: {
    status: 400,
    vi: 'Bản sao lưu được tạo bởi phiên bản Loa mới hơn (migration {migration} chưa có ở phiên bản này). Hãy cập nhật Loa rồi khôi phục lại.',
    en: 'The backup was made by a newer Loa (migration {migration} is unknown here). Upgrade Loa, then restore.',
  },
  BACKUP_SERVER_UNREACHABLE: {
    status: 503,
    vi: 'Máy chủ Loa đang giữ thư mục dữ liệu nhưng không trả lời yêu cầu sao lưu ({reason}).',
    en: 'The Loa server holding the data directory did not answer the backup request ({reason}).',
  },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof BACKUP_ERRORS, true> {}
}
