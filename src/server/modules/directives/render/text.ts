/**
 * Styled runs: the inline **bold** / *italic* / ***both*** marks of the ParsedDispatch contract, and
 * the line breaking the PDF renderer draws with (and the layout uses to size rules).
 */
import { faceOf, textWidth } from './fonts.ts';
import type { Face, Style } from './fonts.ts';

export interface Run extends Style {
  text: string;
}

export const PLAIN: Style = { bold: false, italic: false };

/** One-line text: NFC, every kind of white space (no-break space included) made one plain space. */
export function clean(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const MARK = /\*\*\*(.+?)\*\*\*|\*\*(.+?)\*\*|\*(?!\s)([^*]+?)\*/g;

/** Splits inline marks into runs on top of `base`; marks may nest ("**a *b* c**"). Unpaired stars stay text. */
export function parseInline(text: string, base: Style = PLAIN): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const m of text.matchAll(MARK)) {
    if (m.index > last) runs.push({ ...base, text: text.slice(last, m.index) });
    const [, both, bold, italic] = m;
    if (both !== undefined) runs.push(...parseInline(both, { bold: true, italic: true }));
    else if (bold !== undefined) runs.push(...parseInline(bold, { ...base, bold: true }));
    else if (italic !== undefined) runs.push(...parseInline(italic, { ...base, italic: true }));
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ ...base, text: text.slice(last) });
  return mergeRuns(runs);
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const prev = out.at(-1);
    if (prev && prev.bold === r.bold && prev.italic === r.italic) prev.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** A piece of a word in one face. */
export interface Piece {
  text: string;
  face: Face;
  width: number;
}

/** Text between two spaces; `space` is the width of the space before it. */
export interface Word {
  pieces: Piece[];
  width: number;
  space: number;
}

export interface Line {
  words: Word[];
  /** Width with plain spaces. */
  width: number;
}

/** Words of `runs` at `size`; words are split at ASCII spaces only, so no-break spaces hold. */
export function toWords(runs: readonly Run[], size: number): Word[] {
  const words: Word[] = [];
  let current: Word | null = null;
  let pendingSpace = 0;
  for (const run of runs) {
    const face = faceOf(run);
    const parts = run.text.split(/( +)/);
    for (const part of parts) {
      if (!part) continue;
      if (part.startsWith(' ')) {
        if (current) words.push(current);
        current = null;
        pendingSpace = textWidth(' ', size, face);
        continue;
      }
      const width = textWidth(part, size, face);
      current ??= { pieces: [], width: 0, space: words.length ? pendingSpace : 0 };
      current.pieces.push({ text: part, face, width });
      current.width += width;
    }
  }
  if (current) words.push(current);
  return words;
}

/** Cuts a word wider than `max` (a long address) into pieces that fit. */
function splitWord(word: Word, max: number, size: number): Word[] {
  const out: Word[] = [];
  let current: Word = { pieces: [], width: 0, space: word.space };
  for (const piece of word.pieces) {
    for (const ch of piece.text) {
      const w = textWidth(ch, size, piece.face);
      if (current.width + w > max && current.width > 0) {
        out.push(current);
        current = { pieces: [], width: 0, space: 0 };
      }
      const last = current.pieces.at(-1);
      if (last && last.face === piece.face) {
        last.text += ch;
        last.width += w;
      } else current.pieces.push({ text: ch, face: piece.face, width: w });
      current.width += w;
    }
  }
  if (current.pieces.length) out.push(current);
  return out;
}

/** Greedy line breaking: the first line is `firstWidth` wide, the others `restWidth`. */
export function breakLines(words: readonly Word[], size: number, firstWidth: number, restWidth: number): Line[] {
  const lines: Line[] = [];
  let line: Line = { words: [], width: 0 };
  const available = () => (lines.length === 0 ? firstWidth : restWidth);
  const queue = [...words];
  for (let word = queue.shift(); word; word = queue.shift()) {
    const space = line.words.length ? word.space : 0;
    if (line.width + space + word.width <= available() + 0.01) {
      line.words.push(line.words.length ? word : { ...word, space: 0 });
      line.width += space + word.width;
      continue;
    }
    if (line.words.length) {
      lines.push(line);
      line = { words: [], width: 0 };
      queue.unshift(word);
      continue;
    }
    const [head, ...rest] = splitWord({ ...word, space: 0 }, available(), size);
    if (head) {
      lines.push({ words: [head], width: head.width });
      queue.unshift(...rest);
    }
  }
  if (line.words.length) lines.push(line);
  return lines;
}

/** Text of a line, words joined by single spaces. */
export function lineText(line: Line): string {
  return line.words.map((w) => w.pieces.map((p) => p.text).join('')).join(' ');
}

/**
 * Lines of one-style text no wider than `width`, as even as their number allows: the greedy
 * breaking at the narrowest width that needs no more lines ("SỞ THÔNG TIN VÀ / TRUYỀN THÔNG",
 * not "SỞ THÔNG TIN VÀ TRUYỀN / THÔNG").
 */
export function balancedLines(runs: readonly Run[], size: number, width: number): Line[] {
  const words = toWords(runs, size);
  const greedy = breakLines(words, size, width, width);
  if (greedy.length < 2) return greedy;
  let lo = Math.max(...words.map((w) => w.width));
  let hi = width;
  let best = greedy;
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    const lines = breakLines(words, size, mid, mid);
    if (lines.length <= greedy.length) {
      best = lines;
      hi = mid;
    } else lo = mid;
  }
  return best;
}
