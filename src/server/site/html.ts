/** Escapes text for HTML (and XML) element content and attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A calendar date (YYYY-MM-DD) as the Date at noon in Viet Nam, for the date formatters. */
export function vnNoon(date: string): Date {
  return new Date(`${date}T12:00:00+07:00`);
}

/** "05/02/2020" from YYYY-MM-DD. */
export function shortVnDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** 12345 → "12.345" (Vietnamese grouping). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat('vi-VN').format(n);
}

/** Phone number as a tel: target (digits and +). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/**
 * The document shell every server-rendered page shares (the portal's pages and the report page): the
 * language, charset, viewport, title, extra head tags and the page's one inline style sheet.
 */
export function htmlDocument(o: { title: string; head?: string; css: string; body: string }): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(o.title)}</title>${o.head ?? ''}
<style>${o.css}</style></head><body>
${o.body}</body></html>`;
}
