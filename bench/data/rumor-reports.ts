/**
 * The labelled set of the clustering benchmark (issue #15): reports built from the hand-written claims of
 * rumor-claims.ts, each with its true claim. Per claim, deterministically:
 * - each hand-written paraphrase as a report (some with a link variant of the post, some without a link);
 * - one paraphrase without diacritics, one with typos (letters dropped, swapped, doubled, as typed on a phone);
 * - reposts: a comment put before the message, and the message forwarded with its last clause cut off;
 * - a bare link (a URL variant: mobile host, fbclid, utm_*, youtu.be, shorts, another TikTok account name) with
 *   a note that says nothing about the claim; a short link (resolved by the fake resolver of SHORT_LINKS); a
 *   screenshot (the same file hash) twice: once with a few words of what it shows, once with such a note.
 * 37 claims (7 of them distractors of another: same words, another place or event) → 348 reports; the 6 held-out
 * claims (2 distractors) → 53 more.
 */
import { createHash } from 'node:crypto';
import { CLAIMS, GENERIC_NOTES, HELD_OUT_CLAIMS, REPOST_COMMENTS } from './rumor-claims.ts';
import type { ClaimSeed } from './rumor-claims.ts';

export interface LabelledReport {
  /** "<claim>#<n>" */
  id: string;
  claim: string;
  channel: 'portal' | 'social' | 'staff' | 'monitoring';
  description: string;
  urls: string[];
  /** sha256 of a screenshot or video file, or null. */
  fileSha256: string | null;
  /** What the variant is (for the benchmark's per-kind figures). */
  kind: 'paraphrase' | 'no-diacritics' | 'typos' | 'repost' | 'cut' | 'link-only' | 'short-link' | 'screenshot';
}

/** A small deterministic generator (mulberry32), so the set and its order are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** Two or three phone-keyboard typos in letters of words of 4+ characters. */
function typos(s: string, rnd: () => number): string {
  const words = s.split(' ');
  const long = words.map((w, i) => (w.length >= 4 ? i : -1)).filter((i) => i >= 0);
  const n = 2 + Math.floor(rnd() * 2);
  for (let k = 0; k < n && long.length > 0; k++) {
    const wi = long.splice(Math.floor(rnd() * long.length), 1)[0]!;
    const w = [...words[wi]!];
    const p = 1 + Math.floor(rnd() * (w.length - 2));
    const op = Math.floor(rnd() * 3);
    if (op === 0) w.splice(p, 1);
    else if (op === 1) [w[p], w[p + 1]] = [w[p + 1]!, w[p]!];
    else w.splice(p, 0, w[p]!);
    words[wi] = w.join('');
  }
  return words.join(' ');
}

/** The message forwarded with its last clause cut off (people copy part of it). */
function cut(s: string): string {
  const i = s.lastIndexOf(',');
  return i > s.length / 2 ? `${s.slice(0, i)}.` : s;
}

const CLICK = ['IwAR0xK3', 'IwAR2pQm', 'IwY2xjawF', 'IwAR1zz9'];

/** Variants of one post's link, as people paste them from different apps. */
function linkVariants(url: string, i: number): string {
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./, '');
  const fb = CLICK[i % CLICK.length]!;
  if (host === 'facebook.com') {
    const v = [
      `https://m.facebook.com${u.pathname}${u.search ? `${u.search}&` : '?'}fbclid=${fb}`,
      `https://www.facebook.com${u.pathname.replace(/\/?$/, '/')}${u.search}${u.search ? '&' : '?'}mibextid=Nif5oz`,
      `https://mbasic.facebook.com${u.pathname}${u.search}`,
      `http://fb.com${u.pathname}${u.search}#comments`,
    ];
    return v[i % v.length]!;
  }
  if (host === 'youtube.com' || host === 'youtu.be') {
    const id = u.searchParams.get('v') ?? u.pathname.split('/').filter(Boolean).pop()!;
    const v = [`https://youtu.be/${id}?si=x${i}Kq`, `https://m.youtube.com/watch?v=${id}&feature=share`, `https://youtube.com/shorts/${id}?feature=share`, `https://www.youtube.com/watch?v=${id}&t=${i * 7}s`];
    return v[i % v.length]!;
  }
  if (host === 'tiktok.com') {
    const id = u.pathname.split('/').pop()!;
    const v = [`https://www.tiktok.com/@tin.nong.${i}/video/${id}?is_from_webapp=1&sender_device=pc`, `https://m.tiktok.com/@reup.${i}/video/${id}?_r=1&_t=8h${i}`];
    return v[i % v.length]!;
  }
  const v = [`${url}${u.search ? '&' : '?'}utm_source=zalo&utm_medium=share&zarsrc=30`, `${url}${u.search ? '&' : '?'}gclid=Cj0K${i}`, `${url.replace('https://', 'http://www.')}`];
  return v[i % v.length]!;
}

const CHANNELS: LabelledReport['channel'][] = ['portal', 'social', 'staff', 'portal', 'social', 'monitoring'];

function reportsOf(c: ClaimSeed, ci: number): LabelledReport[] {
  const rnd = seededRandom(1000 + ci);
  const out: Omit<LabelledReport, 'id' | 'claim'>[] = [];
  const link = c.post ?? c.video ?? null;
  const variant = (i: number) => (link ? [linkVariants(link, i + ci)] : []);
  const ch = (n: number) => CHANNELS[(n + ci) % CHANNELS.length]!;
  const [t0, t1, t2, t3] = c.texts as [string, string, string, string];
  out.push({ kind: 'paraphrase', channel: ch(0), description: t0, urls: link ? [link] : [], fileSha256: null });
  out.push({ kind: 'paraphrase', channel: ch(1), description: t1, urls: [], fileSha256: null });
  out.push({ kind: 'paraphrase', channel: ch(2), description: t2, urls: variant(0), fileSha256: null });
  out.push({ kind: 'paraphrase', channel: ch(3), description: t3, urls: [], fileSha256: null });
  out.push({ kind: 'no-diacritics', channel: ch(4), description: fold(t1), urls: [], fileSha256: null });
  out.push({ kind: 'typos', channel: ch(5), description: typos(t0, rnd), urls: [], fileSha256: null });
  // A repost carrying the very link of the first report (the only pairs exact link matching finds).
  out.push({ kind: 'repost', channel: 'social', description: `${REPOST_COMMENTS[ci % REPOST_COMMENTS.length]!} ${t2}`, urls: link ? [link] : [], fileSha256: null });
  out.push({ kind: 'cut', channel: 'staff', description: cut(t1), urls: variant(2), fileSha256: null });
  if (link) out.push({ kind: 'link-only', channel: 'portal', description: GENERIC_NOTES[ci % GENERIC_NOTES.length]!, urls: variant(1), fileSha256: null });
  if (c.short) out.push({ kind: 'short-link', channel: 'portal', description: GENERIC_NOTES[(ci + 3) % GENERIC_NOTES.length]!, urls: [c.short], fileSha256: null });
  if (c.file) {
    const sha = createHash('sha256').update(`screenshot:${c.id}`).digest('hex');
    // The first sender says in a few words what the screenshot shows; the second sends the same picture only.
    out.push({ kind: 'screenshot', channel: 'portal', description: `Ảnh chụp màn hình: ${t3.split(',')[0]!}`, urls: [], fileSha256: sha });
    out.push({ kind: 'screenshot', channel: 'social', description: GENERIC_NOTES[(ci + 5) % GENERIC_NOTES.length]!, urls: [], fileSha256: sha });
  }
  return out.map((r, n) => ({ ...r, id: `${c.id}#${n + 1}`, claim: c.id }));
}

/** Every labelled report, in the order of the claims. */
export const RUMOR_REPORTS: readonly LabelledReport[] = CLAIMS.flatMap(reportsOf);

/** The held-out claims' reports (never used to tune the rule). */
export const HELD_OUT_REPORTS: readonly LabelledReport[] = HELD_OUT_CLAIMS.map((c, i) => reportsOf(c, CLAIMS.length + i)).flat();

/** Where the set's short links lead (for the fake link resolver). */
export const SHORT_LINKS: Readonly<Record<string, string>> = Object.fromEntries(
  [...CLAIMS, ...HELD_OUT_CLAIMS].filter((c) => c.short).map((c) => [c.short!, linkVariants(c.post ?? c.video!, 3)]),
);

/** The reports in a seeded shuffled order (Fisher–Yates). */
export function shuffledReports(seed: number, reports: readonly LabelledReport[] = RUMOR_REPORTS): LabelledReport[] {
  const rnd = seededRandom(seed);
  const a = [...reports];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
