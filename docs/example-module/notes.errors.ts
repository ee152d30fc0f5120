import { defineErrors } from '../../platform/errors.ts';

export const NOTES_ERRORS = defineErrors({
  NOTE_LIMIT_REACHED: { status: 409, vi: 'Đơn vị đã có quá nhiều ghi chú ({max}).', en: 'The unit has too many notes ({max}).' },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof NOTES_ERRORS, true> {}
}
