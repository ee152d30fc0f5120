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
