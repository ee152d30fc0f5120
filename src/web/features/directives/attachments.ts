// Pure helpers for a directive's attached files.
import type { Lang } from '../../i18n.ts';

/** "12,5 KB" / "1,2 MB" (vi) or "12.5 KB" / "1.2 MB" (en); below 1 KB still in KB. */
export function formatFileSize(bytes: number, lang: Lang): string {
  const nf = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 });
  const mb = 1024 * 1024;
  if (bytes >= mb) return `${nf.format(bytes / mb)} MB`;
  return `${nf.format(Math.max(bytes, 0) / 1024)} KB`;
}
