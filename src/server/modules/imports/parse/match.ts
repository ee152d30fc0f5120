/**
 * Matching a parsed dispatch against the unit directory (pure, in memory): proposes the issuing
 * unit from the printed issuer, the symbol (STTTT → Sở Thông tin và Truyền thông), the place and
 * the body ("Sở … đề nghị"), and matches recipients, cc entries and section addressees to units
 * or recipient groups. Comparison is diacritic-insensitive and tolerant of one-letter typos;
 * every proposal carries a confidence in 0..1.
 */
import type { ParsedDispatch } from '../../../../shared/dispatch.ts';
import { fold, plain } from './text.ts';
import { memoTokens, similarity, initials, symbolSegments, ADMINISTRATIVE_KINDS, expanded, levelsIn, PLURAL_LEVEL_RE, unnamedLevel } from './similarity.ts';
import type { Tokenizer } from './similarity.ts';

export { similarity } from './similarity.ts';

export interface DirectoryCandidate {
  id: string;
  name: string;
  kind: string;
  code?: string | null;
  parentName?: string | null;
  /** Materialised path (dot-joined ancestor ids, the unit's own last): where the unit sits. */
  path?: string | null;
}

/**
 * Where the dispatch comes from, for ranking: units of the home provinces (the importer's and
 * the issuer's, with their predecessors and successors across the 2025 → 2026 reform) are
 * proposed first; a unit elsewhere in the country is never proposed above ELSEWHERE_CAP.
 */
export interface MatchContext {
  /** The importer's province and the provinces linked to it. */
  homeProvinces: readonly string[];
  /** Every province id → the provinces linked to it by the crosswalk (both directions; [] for none). */
  relatedProvinces: Readonly<Record<string, readonly string[]>>;
  /** The importing unit: what an unnamed "huyện" or "tỉnh" refers to when no issuer is found. */
  importerPath?: string | null;
}

/** Highest confidence for a unit outside the home provinces (or outside the district an unnamed "huyện" means). */
export const ELSEWHERE_CAP = 0.5;

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

/** Which candidate ids are provinces, each candidate's province, and the ranking context built from them. */
interface Ranking {
  home: Set<string> | null;
  reference: string | null;
  byId: Map<string, DirectoryCandidate>;
  provinceOf(c: DirectoryCandidate): string | null;
  /** The levels a candidate's name prints ("huyện", "tỉnh" …), computed once per candidate. */
  levelsOf(c: DirectoryCandidate): Set<string>;
}

function ranking(candidates: readonly DirectoryCandidate[], context: MatchContext | undefined): Ranking {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const provinceOf = (c: DirectoryCandidate): string | null => {
    const second = c.path?.split('.')[1];
    return second && context && second in context.relatedProvinces ? second : null;
  };
  const levels = new Map<string, Set<string>>();
  const levelsOf = (c: DirectoryCandidate): Set<string> => {
    let l = levels.get(c.id);
    if (!l) {
      l = levelsIn(expanded(c.name));
      levels.set(c.id, l);
    }
    return l;
  };
  if (!context) return { home: null, reference: null, byId, provinceOf, levelsOf };
  const home = new Set<string>();
  const add = (p: string) => {
    home.add(p);
    for (const r of context.relatedProvinces[p] ?? []) home.add(r);
  };
  for (const p of context.homeProvinces) add(p);
  return { home, reference: context.importerPath ?? null, byId, provinceOf, levelsOf };
}

/** A candidate's confidence is capped when it lies in another province (national bodies are not capped). */
function capped(r: Ranking, c: DirectoryCandidate, s: number): number {
  if (!r.home) return s;
  const province = r.provinceOf(c);
  return province === null || r.home.has(province) ? s : Math.min(s, ELSEWHERE_CAP);
}

/** Common path prefix length: how close two units sit in the tree (ties go to the closer). */
function closeness(a: string | null | undefined, b: string | null | undefined): number {
  if (!a || !b) return 0;
  const x = a.split('.');
  const y = b.split('.');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}

/** Proposes the issuing unit with its confidence and evidence, or null. */
export function proposeIssuer(
  parsed: ParsedDispatch,
  candidates: readonly DirectoryCandidate[],
  tok: Tokenizer = memoTokens(),
  rank: Ranking = ranking(candidates, undefined),
): IssuerProposal | null {
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
    const printedPlace = Boolean(place && fold(`${c.name} ${c.parentName ?? ''}`).includes(place));
    if (printedPlace) {
      scores.push(0.3);
      evidence.push('place');
    }
    let confidence = Math.min(0.99, 1 - scores.reduce((acc, s) => acc * (1 - s), 1));
    // A unit of another province is the issuer only when the printed place names it.
    if (!printedPlace) confidence = capped(rank, c, confidence);
    if (!best || confidence > best.confidence) best = { id: c.id, name: c.name, confidence, evidence };
  }
  return best && best.confidence >= ISSUER_THRESHOLD ? { ...best, confidence: Number(best.confidence.toFixed(3)) } : null;
}

/** Similarity of a printed entry to a candidate under its names (its own, with its parent, "UBND …" for an administrative unit). */
function nameScore(text: string, c: DirectoryCandidate, tok: Tokenizer, localName: string | null): number {
  const names = [c.name, ...(c.parentName ? [`${c.name} ${c.parentName}`] : [])];
  if (localName !== null) names.push(localName);
  if (ADMINISTRATIVE_KINDS.has(c.kind)) names.push(...names.map((n) => `Ủy ban nhân dân ${n}`));
  return Math.max(...names.map((n) => similarity(text, n, tok)));
}

/** Matches one printed entry (split on ";") against units and groups. */
function matchEntry(entry: string, candidates: readonly DirectoryCandidate[], groups: readonly RecipientGroup[], tok: Tokenizer, rank: Ranking): TextMatch[] {
  return entry
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '' && !/^như trên$/iu.test(s))
    .map((text) => {
      const folded = expanded(text);
      const levels = levelsIn(folded);
      // "… huyện" without a name: the issuer's own district; units of other districts are capped.
      const unnamed = rank.home ? unnamedLevel(folded) : null;
      // "UBND các xã, thị trấn" names many units: one commune is never a confident match for it.
      const plural = PLURAL_LEVEL_RE.test(folded);
      const own = unnamed && rank.reference ? ownAncestor(rank, rank.reference, unnamed.kinds) : null;
      let target: MatchTarget | null = null;
      let confidence = 0;
      let near = -1;
      for (const c of candidates) {
        const inOwn = own ? c.path === own.path || (c.path ?? '').startsWith(`${own.path}.`) : false;
        // Within the issuer's own unit, its name is what "huyện" stands for: compare without it.
        const localName = own && inOwn ? fold(c.name).replace(fold(own.name), unnamed?.word ?? '') : null;
        let s = nameScore(text, c, tok, localName);
        const theirs = rank.levelsOf(c);
        if (levels.size && theirs.size && ![...levels].some((l) => theirs.has(l))) s *= 0.6;
        if (own && !inOwn) s = Math.min(s, ELSEWHERE_CAP);
        if (plural && ADMINISTRATIVE_KINDS.has(c.kind)) s = Math.min(s, ELSEWHERE_CAP);
        s = capped(rank, c, s);
        const closer = closeness(c.path, rank.reference);
        if (s > confidence + 1e-9 || (Math.abs(s - confidence) <= 1e-9 && closer > near)) [target, confidence, near] = [{ type: 'unit', id: c.id, name: c.name }, s, closer];
      }
      for (const g of groups) {
        const s = similarity(text, g.name, tok);
        if (s > confidence) [target, confidence] = [{ type: 'group', id: g.id, name: g.name }, s];
      }
      return confidence >= MATCH_THRESHOLD ? { text, target, confidence: Number(confidence.toFixed(3)) } : { text, target: null, confidence: Number(confidence.toFixed(3)) };
    });
}

/** The nearest ancestor (or the unit itself) of one of these kinds, among the candidates. */
function ownAncestor(rank: Ranking, path: string, kinds: readonly string[]): { path: string; name: string } | null {
  const ids = path.split('.');
  for (let i = ids.length; i > 0; i--) {
    const u = rank.byId.get(ids[i - 1] ?? '');
    if (u && kinds.includes(u.kind)) return { path: ids.slice(0, i).join('.'), name: u.name };
  }
  return null;
}

/** Proposes the issuer and matches recipients, cc entries and section addressees. */
export function matchDispatch(parsed: ParsedDispatch, candidates: readonly DirectoryCandidate[], groups: readonly RecipientGroup[] = [], context?: MatchContext): DispatchMatch {
  const tok = memoTokens();
  const rank = ranking(candidates, context);
  const issuer = proposeIssuer(parsed, candidates, tok, rank);
  // The issuer's province (and its predecessors/successors) is home too; "huyện" means the issuer's.
  const issuerUnit = issuer ? rank.byId.get(issuer.id) : undefined;
  if (issuerUnit && rank.home && context) {
    const province = rank.provinceOf(issuerUnit);
    if (province) for (const p of [province, ...(context.relatedProvinces[province] ?? [])]) rank.home.add(p);
    if (issuerUnit.path) rank.reference = issuerUnit.path;
  }
  const entries = (list: readonly string[]) => list.flatMap((r) => matchEntry(r, candidates, groups, tok, rank));
  return {
    issuer,
    recipients: entries(parsed.recipients),
    cc: entries(parsed.cc),
    addressees: parsed.sections.flatMap((s) => entries(s.addressees).map((m) => ({ ...m, section: s.number }))),
  };
}
