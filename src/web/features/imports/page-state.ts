import { useI18n } from '../../app/i18n-context.tsx';
import type { ImportRecord } from './imports-api.ts';
import { importStrings, type ImportStrings } from './strings.ts';

/** Uploads of this page load: the duplicate flag only comes with the upload answer. */
export const uploaded = new Map<string, ImportRecord>();

/** The import screen's strings in the current language. */
export function useStrings(): ImportStrings {
  const { lang } = useI18n();
  return importStrings(lang);
}
