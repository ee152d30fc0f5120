import { foldDiacritics } from '../platform/text.ts';
import { esc } from './html.ts';

/** The folded text and, for each of its code units, the index of the original character it came from. */
function foldWithMap(s: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of s) {
    const f = foldDiacritics(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(s.length);
  return { folded, map };
}

/** Ranges [start, end) of the original text where any folded word occurs, merged and sorted. */
export function matchRanges(text: string, words: readonly string[]): [number, number][] {
  const { folded, map } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const w of words.map((x) => foldDiacritics(x)).filter(Boolean)) {
    for (let at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + w.length)) {
      const start = map[at] ?? 0;
      let end = map[at + w.length] ?? text.length;
      if (end <= start) end = Math.min(text.length, start + 1);
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Escaped HTML of `text` with every diacritic-insensitive match of `words` in <mark>. */
export function highlight(text: string, words: readonly string[]): string {
  let out = '';
  let pos = 0;
  for (const [s, e] of matchRanges(text, words)) {
    out += `${esc(text.slice(pos, s))}<mark>${esc(text.slice(s, e))}</mark>`;
    pos = e;
  }
  return out + esc(text.slice(pos));
}

/** About `size` characters of `text` around the first match, highlighted, with ellipses where cut. */
export function snippet(text: string, words: readonly string[], size = 240): string {
  const first = matchRanges(text, words)[0];
  if (text.length <= size) return highlight(text, words);
  let start = first ? Math.max(0, first[0] - Math.floor(size / 3)) : 0;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space > 0 && space < start + 20) start = space + 1;
  }
  const end = Math.min(text.length, start + size);
  return `${start > 0 ? '… ' : ''}${highlight(text.slice(start, end), words)}${end < text.length ? ' …' : ''}`;
}
