/**
 * Comparing names as printed with names in the directory: abbreviations expanded ("UBND" → "uy ban
 * nhan dan"), diacritics folded, one-letter typos tolerated, acronyms of symbols, and the
 * administrative levels an entry names. Pure; used by match.ts.
 */
import { fold, plain } from './text.ts';

export const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\btt\s*&\s*tt\b|\btttt\b/g, 'thong tin truyen thong'],
  [/\bvh\s*-?\s*tt\b/g, 'van hoa thong tin'],
  [/\bbch\b/g, 'bo chi huy'],
  [/\bbcd\b/g, 'ban chi dao'],
  [/\btp\.?(?=\s)/g, 'thanh pho'],
  [/\bp\.\s*/g, 'phong '],
  [/\bso tt\b/g, 'so thong tin truyen thong'],
  // Since 2019 the district radio-TV station (Đài Truyền thanh - Truyền hình huyện) is part of the
  // district culture centre (Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện): one body, two names.
  [/\btrung tam van hoa\W+(?:thong tin\W+)?(?:the thao\W+)?truyen thanh\W+truyen hinh\b/g, 'dai truyen thanh truyen hinh'],
];
// "như" is not a stop-word ("Như Xuân", "Như Thanh"); "Như trên" entries are dropped before matching.
export const STOPWORDS = new Set(['va', 'cac', 'cua', 'de', 'bc']);

/** Folded, abbreviation-expanded tokens without parentheticals and stop-words. */
export function tokens(text: string): string[] {
  let t = fold(plain(text)).replace(/\([^)]*\)/g, ' ');
  for (const [re, full] of ABBREVIATIONS) t = t.replace(re, full);
  return t.split(/[^a-z0-9&]+/).filter((w) => w !== '' && !STOPWORDS.has(w));
}

export type Tokenizer = (text: string) => string[];

/** tokens() remembered for one matching run: every candidate name is tokenized once, not once per entry. */
export function memoTokens(): Tokenizer {
  const cache = new Map<string, string[]>();
  return (text) => {
    let t = cache.get(text);
    if (!t) {
      t = tokens(text);
      cache.set(text, t);
    }
    return t;
  };
}

/** True when two words differ by at most one edit (for words of three letters or more). */
export function nearWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 3 || b.length < 3 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Soft Dice coefficient over word tokens: exact words count 1, one-typo words 0.7. */
export function similarity(a: string, b: string, tok: Tokenizer = tokens): number {
  const ta = tok(a);
  const tb = tok(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const used = new Set<number>();
  let score = 0;
  for (const w of ta) {
    let best = -1;
    let bestScore = 0;
    tb.forEach((v, k) => {
      if (used.has(k)) return;
      const s = v === w ? 1 : nearWord(w, v) ? 0.7 : 0;
      if (s > bestScore) {
        best = k;
        bestScore = s;
      }
    });
    if (best >= 0) {
      used.add(best);
      score += bestScore;
    }
  }
  return (2 * score) / (ta.length + tb.length);
}

export function initials(words: string[]): string {
  return words.map((w) => w.charAt(0)).join('');
}

/** Symbol segments that may name the issuer ("STTTT-TTBCXB" → ["sttttt"…]); type codes excluded. */
export function symbolSegments(symbol: string | null): string[] {
  if (!symbol) return [];
  return symbol
    .split(/[-/]/)
    .map((s) => fold(s).replace(/[^a-z]/g, ''))
    .filter((s) => s.length >= 3);
}

/** Administrative levels as printed, and the unit kinds each names. */
export const LEVELS: ReadonlyArray<readonly [RegExp, string, readonly string[]]> = [
  [/\bthi tran\b/, 'thi tran', ['commune']],
  [/\bthi xa\b/, 'thi xa', ['district']],
  [/\bthanh pho\b/, 'thanh pho', ['district', 'province']],
  [/\bphuong\b/, 'phuong', ['commune']],
  [/\bxa\b/, 'xa', ['commune']],
  [/\bhuyen\b/, 'huyen', ['district']],
  [/\btinh\b/, 'tinh', ['province']],
];
export const ADMINISTRATIVE_KINDS = new Set(['province', 'district', 'commune']);

export function expanded(text: string): string {
  let t = fold(plain(text)).replace(/\([^)]*\)/g, ' ');
  for (const [re, full] of ABBREVIATIONS) t = t.replace(re, full);
  return t.replace(/[^a-z0-9&]+/g, ' ').trim();
}

export function levelsIn(folded: string): Set<string> {
  const out = new Set<string>();
  let rest = folded;
  for (const [re, name] of LEVELS) {
    if (re.test(rest)) {
      out.add(name);
      rest = rest.replace(new RegExp(re.source, 'g'), ' ');
    }
  }
  return out;
}

/** A plural administrative entry ("UBND các xã, thị trấn", "các huyện, thành phố"). */
export const PLURAL_LEVEL_RE = /\bcac\s+(?:xa|phuong|thi tran|huyen|thi xa|thanh pho|tinh)\b/;

/**
 * The level an entry names without a proper name ("Đài Truyền thanh - Truyền hình huyện",
 * "Chủ tịch, các PCT.UBND huyện"): the issuer's own unit of that level. Null for a named or
 * plural entry ("UBND huyện Sìn Hồ", "UBND các xã, thị trấn").
 */
export function unnamedLevel(folded: string): { word: string; kinds: readonly string[] } | null {
  if (PLURAL_LEVEL_RE.test(folded) || /\bcac\s+(?:don vi|co quan)\b/.test(folded)) return null;
  for (const [re, word, kinds] of LEVELS) {
    if (new RegExp(`${re.source}$`).test(folded)) return { word, kinds };
  }
  return null;
}
