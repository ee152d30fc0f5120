/**
 * Matching a parsed dispatch against the unit directory (pure, in memory): proposes the issuing
 * unit from the printed issuer, the symbol (STTTT → Sở Thông tin và Truyền thông), the place and
 * the body ("Sở … đề nghị"), and matches recipients, cc entries and section addressees to units
 * or recipient groups. Comparison is diacritic-insensitive and tolerant of one-letter typos;
 * every proposal carries a confidence in 0..1.
 */
import type { ParsedDispatch } from './dispatch.types.ts';
import { fold, plain } from './text.ts';

export interface DirectoryCandidate {
  id: string;
  name: string;
  kind: string;
  code?: string | null;
  parentName?: string | null;
}

export interface RecipientGroup {
  id: string;
  name: string;
}

export interface MatchTarget {
  type: 'unit' | 'group';
  id: string;
  name: string;
}

export interface TextMatch {
  /** The printed entry (one unit of a ";"-separated entry). */
  text: string;
  target: MatchTarget | null;
  confidence: number;
}

export interface IssuerProposal {
  id: string;
  name: string;
  confidence: number;
  /** Why: "issuer", "symbol", "code", "place", "body". */
  evidence: string[];
}

export interface DispatchMatch {
  issuer: IssuerProposal | null;
  recipients: TextMatch[];
  cc: TextMatch[];
  addressees: Array<TextMatch & { section: string }>;
}

/** Minimum confidence for a recipient match to be proposed. */
const MATCH_THRESHOLD = 0.5;
const ISSUER_THRESHOLD = 0.4;

const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\btt\s*&\s*tt\b|\btttt\b/g, 'thong tin truyen thong'],
  [/\bvh\s*-?\s*tt\b/g, 'van hoa thong tin'],
  [/\bbch\b/g, 'bo chi huy'],
  [/\bbcd\b/g, 'ban chi dao'],
  [/\btp\.?(?=\s)/g, 'thanh pho'],
  [/\bp\.\s*/g, 'phong '],
  [/\bso tt\b/g, 'so thong tin truyen thong'],
];
const STOPWORDS = new Set(['va', 'cac', 'cua', 'de', 'bc', 'nhu']);

/** Folded, abbreviation-expanded tokens without parentheticals and stop-words. */
function tokens(text: string): string[] {
  let t = fold(plain(text)).replace(/\([^)]*\)/g, ' ');
  for (const [re, full] of ABBREVIATIONS) t = t.replace(re, full);
  return t
    .split(/[^a-z0-9&]+/)
    .filter((w) => w !== '' && !STOPWORDS.has(w));
}

type Tokenizer = (text: string) => string[];

/** tokens() remembered for one matching run: every candidate name is tokenized once, not once per entry. */
function memoTokens(): Tokenizer {
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
function nearWord(a: string, b: string): boolean {
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

function initials(words: string[]): string {
  return words.map((w) => w.charAt(0)).join('');
}

/** Symbol segments that may name the issuer ("STTTT-TTBCXB" → ["sttttt"…]); type codes excluded. */
function symbolSegments(symbol: string | null): string[] {
  if (!symbol) return [];
  return symbol
    .split(/[-/]/)
    .map((s) => fold(s).replace(/[^a-z]/g, ''))
    .filter((s) => s.length >= 3);
}

function acronymMatch(segment: string, candidate: DirectoryCandidate, tok: Tokenizer): boolean {
  const words = tok(candidate.name).filter((w) => /^[a-z]/.test(w));
  return initials(words).startsWith(segment) || initials(words.slice(1)).startsWith(segment);
}

/** Phrases "X đề nghị", "X triển khai" … naming the issuer in the body. */
function bodyIssuerPhrases(body: string[]): string[] {
  const out: string[] = [];
  for (const p of body) {
    const m = /(\p{Lu}[\p{L}\s&-]{2,80}?)\s+(?:trân trọng\s+)?(?:đề nghị|triển khai|thông báo|hướng dẫn)(?![\p{L}])/u.exec(plain(p));
    if (m?.[1]) out.push(m[1].trim());
  }
  return out;
}

/** Proposes the issuing unit with its confidence and evidence, or null. */
export function proposeIssuer(parsed: ParsedDispatch, candidates: readonly DirectoryCandidate[], tok: Tokenizer = memoTokens()): IssuerProposal | null {
  const segments = symbolSegments(parsed.symbol);
  const phrases = bodyIssuerPhrases(parsed.body);
  const place = parsed.place ? fold(parsed.place) : null;
  let best: IssuerProposal | null = null;
  for (const c of candidates) {
    const scores: number[] = [];
    const evidence: string[] = [];
    if (parsed.issuer) {
      const s = similarity(parsed.issuer, c.name, tok);
      if (s >= MATCH_THRESHOLD) {
        scores.push(s * 0.95);
        evidence.push('issuer');
      }
    }
    const code = c.code ? fold(c.code) : null;
    if (code && segments.includes(code)) {
      scores.push(0.9);
      evidence.push('code');
    } else if (segments.some((s) => acronymMatch(s, c, tok))) {
      scores.push(0.5);
      evidence.push('symbol');
    }
    const phraseScore = Math.max(0, ...phrases.map((p) => similarity(p, c.name, tok)));
    if (phraseScore >= MATCH_THRESHOLD) {
      scores.push(phraseScore * 0.8);
      evidence.push('body');
    }
    if (scores.length === 0) continue;
    if (place && fold(`${c.name} ${c.parentName ?? ''}`).includes(place)) {
      scores.push(0.3);
      evidence.push('place');
    }
    const confidence = Math.min(0.99, 1 - scores.reduce((acc, s) => acc * (1 - s), 1));
    if (!best || confidence > best.confidence) best = { id: c.id, name: c.name, confidence, evidence };
  }
  return best && best.confidence >= ISSUER_THRESHOLD ? { ...best, confidence: Number(best.confidence.toFixed(3)) } : null;
}

/** Matches one printed entry (split on ";") against units and groups. */
function matchEntry(
  entry: string,
  candidates: readonly DirectoryCandidate[],
  groups: readonly RecipientGroup[],
  tok: Tokenizer,
): TextMatch[] {
  return entry
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '' && !/^như trên$/iu.test(s))
    .map((text) => {
      let target: MatchTarget | null = null;
      let confidence = 0;
      for (const c of candidates) {
        const s = Math.max(similarity(text, c.name, tok), c.parentName ? similarity(text, `${c.name} ${c.parentName}`, tok) : 0);
        if (s > confidence) [target, confidence] = [{ type: 'unit', id: c.id, name: c.name }, s];
      }
      for (const g of groups) {
        const s = similarity(text, g.name, tok);
        if (s > confidence) [target, confidence] = [{ type: 'group', id: g.id, name: g.name }, s];
      }
      return confidence >= MATCH_THRESHOLD
        ? { text, target, confidence: Number(confidence.toFixed(3)) }
        : { text, target: null, confidence: Number(confidence.toFixed(3)) };
    });
}

/** Proposes the issuer and matches recipients, cc entries and section addressees. */
export function matchDispatch(
  parsed: ParsedDispatch,
  candidates: readonly DirectoryCandidate[],
  groups: readonly RecipientGroup[] = [],
): DispatchMatch {
  const tok = memoTokens();
  return {
    issuer: proposeIssuer(parsed, candidates, tok),
    recipients: parsed.recipients.flatMap((r) => matchEntry(r, candidates, groups, tok)),
    cc: parsed.cc.flatMap((r) => matchEntry(r, candidates, groups, tok)),
    addressees: parsed.sections.flatMap((s) =>
      s.addressees.flatMap((a) => matchEntry(a, candidates, groups, tok).map((m) => ({ ...m, section: s.number }))),
    ),
  };
}
