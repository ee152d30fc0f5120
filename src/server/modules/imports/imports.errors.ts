import { defineErrors } from '../../platform/errors.ts';

/** The imports module's error codes (nhập công văn): unsupported or unreadable files, analysis limits, busy, already confirmed. */
export const IMPORTS_ERRORS = defineErrors({
  IMPORT_UNSUPPORTED_FILE: {
    status: 415,
    vi: 'Chỉ nhận tệp văn bản (.txt, .md), Word (.docx) hoặc PDF có lớp chữ.',
    en: 'Only text (.txt, .md), Word (.docx) or text-layer PDF files are accepted.',
  },
  IMPORT_UNREADABLE: { status: 422, vi: '{reason}', en: 'The file cannot be read: {reason}' },
  IMPORT_UNPACKED_TOO_LARGE: {
    status: 413,
    vi: '{reason}',
    en: 'The unpacked file exceeds the limit ({limit}); it was not analysed.',
  },
  IMPORT_TOO_MANY_PAGES: {
    status: 413,
    vi: 'Văn bản quá nhiều trang ({pages} trang; tối đa {limit} trang); tệp không được phân tích.',
    en: 'The document has too many pages ({pages}; at most {limit}); it was not analysed.',
  },
  IMPORT_TEXT_TOO_LARGE: {
    status: 413,
    vi: 'Văn bản quá dài ({size}; tối đa {limit}); tệp không được phân tích.',
    en: 'The text is too long ({size}; at most {limit}); it was not analysed.',
  },
  IMPORT_MEMORY_LIMIT: {
    status: 422,
    vi: 'Phân tích tệp vượt quá bộ nhớ cho phép ({limit}); tệp có thể bị hỏng hoặc quá phức tạp. Không có dữ liệu nào được lưu.',
    en: 'Analysing the file exceeded the memory limit ({limit}); the file may be damaged or too complex. Nothing was saved.',
  },
  IMPORT_TIME_LIMIT: {
    status: 422,
    vi: 'Phân tích tệp vượt quá thời gian cho phép ({limit}); tệp có thể bị hỏng hoặc quá phức tạp. Không có dữ liệu nào được lưu.',
    en: 'Analysing the file exceeded the time limit ({limit}); the file may be damaged or too complex. Nothing was saved.',
  },
  IMPORT_UNIT_BUSY: {
    status: 429,
    vi: 'Đơn vị đang phân tích {count} tệp cùng lúc (tối đa {limit}); vui lòng chờ tệp trước xong rồi thử lại.',
    en: 'Your unit is already analysing {count} files (at most {limit}); wait for them to finish and try again.',
  },
  IMPORT_SERVER_BUSY: {
    status: 503,
    vi: 'Máy chủ đang phân tích nhiều tệp cùng lúc; vui lòng thử lại sau ít phút.',
    en: 'The server is analysing many files at once; try again in a few minutes.',
  },
  IMPORT_ALREADY_CONFIRMED: {
    status: 409,
    vi: 'Công văn nhập này đã được xác nhận (văn bản đến đã được tạo).',
    en: 'This import has already been confirmed (the incoming document exists).',
  },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof IMPORTS_ERRORS, true> {}
}
