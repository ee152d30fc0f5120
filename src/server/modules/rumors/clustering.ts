/**
 * Which case a new report joins (issue #15 point 2). The repository finds candidate reports in one query (same
 * normalised link, same file hash, pg_trgm-similar folded text among the unit's open and recently concluded
 * cases); this file decides, purely:
 *
 * 1. a shared link or an identical file (screenshot, video) → that case (the most reported if several);
 * 2. else the text: folded, the boilerplate people add ("có thật không ạ", "nhờ Sở xác minh giúp") removed, then
 *    trigram similarity as pg_trgm computes it, and containment (a repost with comments added around the original
 *    text, or the original forwarded with a line cut off). Above the threshold → the case of the best match.
 *
 * Short texts need care: Vietnamese rumours are often one sentence, and two different claims share words
 * ("phong tỏa", "thủy điện"). A text whose content is fewer than MIN_CONTENT_WORDS words never joins by text
 * (a bare "tin này có đúng không?" beside a link says nothing about the claim); containment counts only when
 * the contained text has CONTAIN_MIN_WORDS words. Thresholds tuned on bench/data/rumor-reports.ts (docs/benchmarks.md).
 */
import { normalizeUrl } from './url-normalize.ts';

export { normalizeUrl };

/** What a new report brings to clustering: its normalised URLs, folded text and file hash. */
export interface ClusterProbe {
  unitId: string;
  normalizedUrls: readonly string[];
  textFolded: string;
  fileSha256: string | null;
}

/** A report of a candidate case, as the repository returns it. */
export interface CandidateReport {
  caseId: string;
  /** A normalised link it shares with the probe, or null. */
  sharedUrl: string | null;
  sameFile: boolean;
  textFolded: string;
  /** The case's report count (a tie between link matches goes to the most reported case). */
  caseReports: number;
  /** Nobody has worked on the case yet (unverified, unassigned, no evidence, action or conclusion). */
  caseUntouched: boolean;
}

export interface CaseMatch {
  caseId: string;
  kind: 'url' | 'file' | 'text';
  /** 1 for a link or file; the text score otherwise. */
  score: number;
  url: string | null;
  /**
   * Other untouched cases the report is just as surely about (a link or file of one, the text of another): the
   * report shows they are one claim, so they join the chosen case (nothing anyone did on them is lost).
   */
  bridged: string[];
}

export const CLUSTER_RULE = {
  /** Trigram similarity of the content texts at or above which two reports are the same claim. */
  textThreshold: 0.46,
  /** Containment (strict: the shorter text's trigrams found in the longer) at or above which they are. */
  containThreshold: 0.82,
  /** A text match merges another untouched case only at this similarity (a link or a file always does). */
  bridgeThreshold: 0.5,
  minContentWords: 4,
  containMinWords: 7,
} as const;

/**
 * Phrases that say nothing about the claim: requests for verification, greetings, sharing formulas. Folded (no
 * diacritics, lower case), longest first so that a longer phrase is removed before its parts.
 */
const BOILERPLATE = [
  'nho co quan chuc nang xac minh giup',
  'de nghi co quan chuc nang xac minh',
  'mong co quan chuc nang vao cuoc',
  'mong co quan chuc nang xac minh',
  'de nghi so xac minh giup',
  'nho so xac minh giup',
  'nho cac anh chi xac minh',
  'xin hoi tin nay co dung khong',
  'tin nay co that khong',
  'tin nay co dung khong',
  'co that khong moi nguoi',
  'co ai biet tin nay khong',
  'moi nguoi chia se cho nhau',
  'chia se cho nguoi than',
  'ai biet thi cho hoi',
  'thong tin nay dung khong',
  'dung khong vay',
  'co that khong',
  'co dung khong',
  'dung khong a',
  'that khong a',
  'xac minh giup',
  'xac minh giup em',
  'xac minh giup toi',
  'nho xac minh',
  'de nghi xac minh',
  'de nghi kiem tra',
  'xac minh',
  'kiem tra giup',
  'moi nguoi oi',
  'ca nha oi',
  'anh chi oi',
  'kinh gui so',
  'kinh gui',
  'xin chao',
  'cam on',
  'cam on a',
  'toi thay tren mang',
  'em thay tren mang',
  'thay tren mang',
  'thay tren facebook',
  'tren facebook',
  'tren zalo',
  'tren tiktok',
  'nhom zalo',
  'nguoi ta chia se',
  'dang lan truyen',
  'lan truyen',
  'chia se',
  'share',
  'gap gap',
  'khan cap',
  'hoang mang',
  'lo qua',
  'link',
  'anh chup man hinh',
  'anh chup',
  'video nay',
  'bai nay',
  'tin nay',
  'thong tin nay',
].sort((a, b) => b.length - a.length);

const FILLER = new Set(['a', 'ah', 'oi', 'nhe', 'ak', 'vay', 'nhi', 'ko', 'k', 'khong', 'hix', 'huhu']);

/**
 * Vietnamese function syllables (folded): they carry no claim, and in one-sentence rumours their trigrams would
 * weigh as much as the place and the event. Removed before comparing (each syllable is a word in Vietnamese).
 * Only syllables that stay function words once folded: "cho" (chợ), "ho" (Sìn Hồ), "cua" (cửa), "da" (sông Đà),
 * "dang" (dâng), "la" (lá), "xa" (xã, xả), "ca" (cá) are content too and stay.
 */
const STOP = new Set(
  'o va voi bi duoc co nay den trong mot cac nhung thi nen de het nua cung rat hay hoac neu khi sau truoc tren duoi ra vao len xuong di nhu moi nguoi em anh chi chung biet nghe noi phai can nao vua se'.split(
    ' ',
  ),
);

/** The words of a folded text that speak about the claim: punctuation, links, boilerplate and fillers removed. */
export function contentWords(textFolded: string): string[] {
  let s = ` ${textFolded
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
  for (const p of BOILERPLATE) s = s.split(` ${p} `).join(' ');
  return s.split(' ').filter((w) => w && !FILLER.has(w) && !STOP.has(w));
}

/** pg_trgm's trigrams of a text: each word padded with two spaces before and one after. */
export function trigrams(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const p = `  ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

/** pg_trgm `similarity` on the content words, and containment of the shorter in the longer (0–1 each). */
export function textScores(a: readonly string[], b: readonly string[]): { similarity: number; containment: number } {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return { similarity: 0, containment: 0 };
  const common = overlap(ta, tb);
  return { similarity: common / (ta.size + tb.size - common), containment: common / Math.min(ta.size, tb.size) };
}

/** The text score of two reports for the rule (0 when either says too little about the claim). */
export function textMatchScore(probeWords: readonly string[], otherWords: readonly string[]): number {
  if (probeWords.length < CLUSTER_RULE.minContentWords || otherWords.length < CLUSTER_RULE.minContentWords) return 0;
  const { similarity, containment } = textScores(probeWords, otherWords);
  if (similarity >= CLUSTER_RULE.textThreshold) return similarity;
  const shorter = Math.min(probeWords.length, otherWords.length);
  if (shorter >= CLUSTER_RULE.containMinWords && containment >= CLUSTER_RULE.containThreshold) return Math.max(similarity, CLUSTER_RULE.textThreshold);
  return 0;
}

/** Every candidate case the probe matches, with its strongest reason: links, then files, then the best text score. */
export function caseMatches(probe: ClusterProbe, candidates: readonly CandidateReport[]): (Omit<CaseMatch, 'bridged'> & { caseReports: number; caseUntouched: boolean })[] {
  const probeWords = contentWords(probe.textFolded);
  const best = new Map<string, Omit<CaseMatch, 'bridged'> & { caseReports: number; caseUntouched: boolean }>();
  const rank = (m: Omit<CaseMatch, 'bridged'>) => (m.kind === 'url' ? 3 : m.kind === 'file' ? 2 : 1) + m.score / 10;
  for (const c of candidates) {
    const score = c.sharedUrl !== null || c.sameFile ? 1 : textMatchScore(probeWords, contentWords(c.textFolded));
    if (score === 0) continue;
    const m = {
      caseId: c.caseId,
      kind: c.sharedUrl !== null ? ('url' as const) : c.sameFile ? ('file' as const) : ('text' as const),
      score,
      url: c.sharedUrl,
      caseReports: c.caseReports,
      caseUntouched: c.caseUntouched,
    };
    const prev = best.get(c.caseId);
    if (!prev || rank(m) > rank(prev)) best.set(c.caseId, m);
  }
  return [...best.values()].sort((x, y) => rank(y) - rank(x) || y.caseReports - x.caseReports);
}

/**
 * The decision: the best case among the candidates, or null (a new case). Links and files first (strongest),
 * then text; ties by the case's size. The other matched cases nobody has worked on yet are `bridged` into it.
 */
export function decideCase(probe: ClusterProbe, candidates: readonly CandidateReport[]): CaseMatch | null {
  const [first, ...rest] = caseMatches(probe, candidates);
  if (!first) return null;
  const { caseReports: _n, caseUntouched: _u, ...match } = first;
  return { ...match, bridged: rest.filter((m) => m.caseUntouched && (m.kind !== 'text' || m.score >= CLUSTER_RULE.bridgeThreshold)).map((m) => m.caseId) };
}
