/**
 * The one error catalogue. Services throw AppError with a stable code; the HTTP layer maps the
 * code to a status and a message in the client's language (error-handler.ts). Nothing else
 * reaches a client.
 *
 * The platform's own codes are below; each module declares its codes in `<module>.errors.ts` with
 * `defineErrors` (which adds them to the catalogue) and a `declare module` block that adds them to
 * `ErrorCodes`, so `new AppError('IMPORT_ALREADY_CONFIRMED')` type-checks only where it exists.
 */
export interface ErrorDefinition {
  status: number;
  vi: string;
  en: string;
}
export type ErrorTable = Record<string, ErrorDefinition>;

const PLATFORM_ERRORS = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu không hợp lệ.', en: 'The request is not valid.' },
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  CSRF_INVALID: {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
    en: 'Invalid session token; reload the page.',
  },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy dữ liệu.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'No such address.' },
  CONFLICT: { status: 409, vi: 'Dữ liệu đã bị thay đổi hoặc trùng lặp.', en: 'Conflicting or duplicate data.' },
  UNKNOWN_UNIT: { status: 400, vi: 'Đơn vị không tồn tại: {unit}.', en: 'Unknown unit: {unit}.' },
  UNKNOWN_GROUP: { status: 400, vi: 'Nhóm nơi nhận không tồn tại: {group}.', en: 'Unknown recipient group: {group}.' },
  UNSUPPORTED_FILE_TYPE: {
    status: 415,
    vi: 'Chỉ nhận tệp PNG, JPEG, PDF, MP4 hoặc MP3.',
    en: 'Only PNG, JPEG, PDF, MP4 or MP3 files are accepted.',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.',
    en: 'Too many requests; try again later.',
  },
  CONTROL_CHARACTERS: {
    status: 400,
    vi: 'Trường {field} chứa ký tự điều khiển không hợp lệ (ví dụ ký tự NUL); vui lòng xóa rồi gửi lại.',
    en: 'The field {field} contains control characters (such as NUL); remove them and send again.',
  },
  INPUT_TOO_DEEP: {
    status: 400,
    vi: 'Dữ liệu lồng nhau quá sâu (tối đa {max} cấp).',
    en: 'The data is nested too deeply (at most {max} levels).',
  },
  ORIGIN_MISMATCH: {
    status: 403,
    vi: 'Yêu cầu được gửi từ một trang web khác nên bị từ chối. Vui lòng thao tác trực tiếp trên trang của hệ thống.',
    en: "The request comes from another site and is refused. Use the system's own pages.",
  },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The upload is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Kiểu dữ liệu gửi lên không được hỗ trợ.', en: 'The content type of the request is not supported.' },
  INTERNAL: {
    status: 500,
    vi: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại.',
    en: 'Something went wrong. Please try again.',
  },
} as const satisfies ErrorTable;

/** Every known code. Modules add theirs: `declare module '…/platform/errors.ts' { interface ErrorCodes extends Record<keyof typeof X_ERRORS, true> {} }`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ErrorCodes extends Record<keyof typeof PLATFORM_ERRORS, true> {}
export type ErrorCode = Extract<keyof ErrorCodes, string>;

const catalogue = new Map<string, ErrorDefinition>(Object.entries(PLATFORM_ERRORS));

/** Adds a module's codes to the catalogue (at import of its errors file); a code defined twice is a programming error. */
export function defineErrors<const T extends ErrorTable>(table: T): T {
  for (const [code, def] of Object.entries(table)) {
    if (catalogue.has(code)) throw new Error(`error code ${code} is defined twice`);
    catalogue.set(code, def);
  }
  return table;
}

function definition(code: ErrorCode): ErrorDefinition {
  const def = catalogue.get(code);
  if (!def) throw new Error(`error code ${code} is not in the catalogue (is its module's errors file imported?)`);
  return def;
}

/** The whole catalogue (for the catalogue test and documentation). */
export function errorCatalogue(): ReadonlyMap<string, ErrorDefinition> {
  return catalogue;
}
export type Locale = 'vi' | 'en';

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly params: Record<string, string | number> = {},
    public readonly issues: FieldIssue[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function errorStatus(code: ErrorCode): number {
  return definition(code).status;
}

export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return definition(code)[locale].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
