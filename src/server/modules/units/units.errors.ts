import { defineErrors } from '../../platform/errors.ts';

/** The units module's error codes (UNKNOWN_UNIT and UNKNOWN_GROUP stay in the platform: several modules throw them). */
export const UNITS_ERRORS = defineErrors({
  UNIT_KIND_NOT_ALLOWED: {
    status: 400,
    vi: 'Không thể thêm loại đơn vị này tại đây.',
    en: 'This kind of unit cannot be added here.',
  },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof UNITS_ERRORS, true> {}
}
