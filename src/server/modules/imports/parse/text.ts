/**
 * Text helpers shared by the dispatch parser: normalisation of extracted text, markdown
 * stripping, diacritic folding and whitespace collapsing. All functions are linear-time.
 */

/** Hard cap on the characters parsed from one document (longer input is truncated). */
export const MAX_INPUT_CHARS = 400_000;
/** Lines longer than this are cut into pieces so that no regex sees an unbounded line. */
const MAX_LINE_CHARS = 4_000;

/**
 * NFC-normalises and cleans raw extracted text: unifies line breaks and exotic spaces, drops
 * control and zero-width characters, and removes markdown escapes and block markers that
 * carry no meaning for the parser (headings, quotes). Inline bold/italic markers are kept.
 */
export function normalizeInput(raw: string): string {
  const text = raw.slice(0, MAX_INPUT_CHARS).normalize('NFC');
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!&<>])/g, '$1');
  const lines: string[] = [];
  for (const line of cleaned.split('\n')) {
    const unmarked = line.replace(/^\s{0,3}(?:#{1,6}\s+|>\s?)/, '');
    for (let i = 0; i < unmarked.length || i === 0; i += MAX_LINE_CHARS) {
      lines.push(unmarked.slice(i, i + MAX_LINE_CHARS));
    }
  }
  return lines.join('\n');
}

/** Replaces markdown links and autolinks by their printed text. */
export function unlink(s: string): string {
  return s.replace(/\[([^\]\n]{0,300})\]\([^)\s]{0,500}\)/g, '$1').replace(/<((?:https?:\/\/|mailto:)[^>\s]{1,500})>/g, '$1');
}

/** Removes inline markdown emphasis markers (`**`, `__`, `*`, `_` used as emphasis). */
export function stripEmphasis(s: string): string {
  return s.replace(/\*+/g, '').replace(/(^|\s)_{1,3}|_{1,3}(?=\s|$|[.,;:])/g, '$1');
}

/** Collapses runs of whitespace to one space and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Printed text without markdown: links unwrapped, emphasis removed, single-spaced. */
export function plain(s: string): string {
  return squash(stripEmphasis(unlink(s)));
}

/** Lower-case, diacritic-free form used for keyword tests and fuzzy matching. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** True when the string has letters and none of them is lower-case. */
export function isUpperCaseText(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

/** Trims list punctuation: a leading dash or bullet, trailing `;` `.` `,` and spaces. */
export function trimEntry(s: string): string {
  return plain(s)
    .replace(/^[-–—+•·*]\s*/, '')
    .replace(/[\s;.,]+$/, '')
    .trim();
}

/** Upper-cases the first letter. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Order-preserving de-duplication. */
export function unique<T>(items: readonly T[], key: (item: T) => string = String): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
