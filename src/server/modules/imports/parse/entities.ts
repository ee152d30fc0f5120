/**
 * Inline entities: citations of other documents, e-mail addresses, phone numbers and URLs.
 */
import type { Citation } from '../../../../shared/dispatch.ts';
import { canonicalSymbol, cleanSymbol, codeOfSymbol, SYMBOL_SRC } from './header.ts';
import { docTypeByCode, DOC_TYPE_NAMES_PATTERN } from './vocab.ts';
import { capitalize, unique } from './text.ts';

const CITATION_RE = new RegExp(String.raw`(?<![\p{L}\d/.])(\d{1,5})\s?([/-])\s?(${SYMBOL_SRC})`, 'gu');
const TYPE_BEFORE_RE = new RegExp(`(${DOC_TYPE_NAMES_PATTERN})\\s*(?:số)?\\s*:?\\s*$`, 'iu');
const DATE_AFTER_RE = /^\s*,?\s*(?:được\s+)?(?:ban hành\s+)?ngày\s+(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))/iu;
const EMAIL_RE = /[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6}/g;
const URL_RE = /(?:https?:\/\/|www\.)[^\s<>()"“”']{1,500}/giu;
const DOMAIN_RE = /(?<![\p{L}\d@.\-/])[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,4}\.(?:vn|com|net|org|gov|edu|info)(?![\p{L}\d-])(?:\/[^\s<>()"“”']{0,300})?/giu;
const PHONE_RE = /(?<![\d/.,])(?:\+84|\(?0)[\d ().-]{7,16}\d(?![\d/])/g;

function isoDate(d: string, m: string, y: string): string | null {
  const day = Number(d);
  const month = Number(m);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Every document cited by number and symbol, in order of first mention, de-duplicated. */
export function citations(text: string): Citation[] {
  const out: Citation[] = [];
  for (const m of text.matchAll(CITATION_RE)) {
    const [whole, number = '', sep, printed = ''] = m;
    const symbol = canonicalSymbol(cleanSymbol(printed));
    if (sep === '-' && !symbol.includes('/')) continue;
    if (!/\p{Lu}/u.test(symbol)) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const written = TYPE_BEFORE_RE.exec(before)?.[1];
    const partyCode = sep === '-' ? docTypeByCode(symbol.split('/')[0] ?? '')?.name : undefined;
    const code = codeOfSymbol(symbol);
    const type = written ? capitalize(written.toLowerCase()) : (partyCode ?? (code ? (docTypeByCode(code)?.name ?? null) : null));
    const d = DATE_AFTER_RE.exec(text.slice(m.index + whole.length, m.index + whole.length + 40));
    const date = d ? isoDate(d[1] ?? d[4] ?? '', d[2] ?? d[5] ?? '', d[3] ?? d[6] ?? '') : null;
    out.push({ type, number, symbol, date });
  }
  return unique(out, (c) => `${c.number}/${c.symbol}`);
}

/** E-mail addresses as printed, de-duplicated. */
export function emails(text: string): string[] {
  return unique([...text.matchAll(EMAIL_RE)].map((m) => m[0].replace(/\.+$/, '')));
}

/** URLs and bare web domains as printed, de-duplicated, in order. */
export function urls(text: string): string[] {
  const withoutEmails = text.replace(EMAIL_RE, (s) => ' '.repeat(s.length));
  const found: Array<{ at: number; url: string }> = [];
  const withoutUrls = withoutEmails.replace(URL_RE, (s, at: number) => {
    found.push({ at, url: s });
    return ' '.repeat(s.length);
  });
  for (const m of withoutUrls.matchAll(DOMAIN_RE)) found.push({ at: m.index, url: m[0] });
  return unique(found.sort((a, b) => a.at - b.at).map((f) => f.url.replace(/\.\/\.?$/, '').replace(/[.,;:!?)\]*]+$/, '')));
}

/** Phone numbers (10–11 digits, Vietnamese format) with spaces removed, de-duplicated. */
export function phones(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PHONE_RE)) {
    const printed = m[0].replace(/\s+/g, '');
    const digits = printed.replace(/\D/g, '').replace(/^84/, '0');
    if (digits.length >= 10 && digits.length <= 11 && digits.startsWith('0')) out.push(printed);
  }
  return unique(out);
}
