/**
 * The body: paragraphs rebuilt from hard-wrapped lines, the numbered sections with their
 * addressees and items, and the tasks derived from them.
 */
import type { Deadline, Section, Task } from '../../../../shared/dispatch.ts';
import { ACTION_VERB_RE, startsWithUnit } from './vocab.ts';
import { isUpperCaseText, plain, squash, unlink } from './text.ts';

/** A line that opens a new paragraph: bullets, "1.", "a)", "(1)", "I.", "1.2." … */
const MARKER_RE = /^(?:[-–—+•·]\s|\*\s|\d{1,2}[.)]\s|\d{1,2}\.\d{1,2}\.?\s|[IVXL]{1,5}[.)]\s|\p{Ll}[.)]\s|\(\d{1,2}\)\s|\(\p{Ll}\)\s)/u;
const TERMINAL_RE = /(?:[.:;!?…]|\/\.)["”’)]?$/u;

/** Joins hard-wrapped lines into paragraphs (inline bold/italic kept, links unwrapped). */
export function paragraphs(lines: string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    const text = squash(line);
    if (text === '') continue;
    const opener = text.replace(/^\*{2,3}|^\*(?=\S)/, '');
    const previous = plain(current);
    const headingAbove = isUpperCaseText(previous) && previous.length <= 120;
    if (current === '' || MARKER_RE.test(opener) || TERMINAL_RE.test(previous) || headingAbove) {
      if (current !== '') out.push(current);
      current = text;
    } else {
      current = `${current} ${text}`;
    }
  }
  if (current !== '') out.push(current);
  return out.map((p) => squash(unlink(p)));
}

/** First sentence of a text (up to a period followed by a capital, or the end). */
export function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s+[\p{Lu}(])/u.exec(text);
  return (m ? m[0] : text).trim();
}

/** Abbreviations whose period does not end a sentence ("UBND TP. Lai Châu", "Chủ tịch, các PCT. UBND"). */
const ABBREVIATION_END_RE = /(?<![\p{L}])(?:TP|Tp|TX|TT|P|Q|PCT|KT|TL|TM|TUQ|ThS|TS|BS|Đ\/c|đ\/c)\.$/u;

/** The sentences of a text (split at a period followed by a capital, abbreviations kept whole). */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/(?<=[.!?])\s+(?=[\p{Lu}(])/u)) {
    const last = out.length - 1;
    if (last >= 0 && ABBREVIATION_END_RE.test(out[last] ?? '')) out[last] = `${out[last]} ${piece}`;
    else out.push(piece);
  }
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * Recipient groups named at the start of a heading or sentence: "Đề nghị Đài Truyền thanh -
 * Truyền hình huyện, UBND các xã, thị trấn xây dựng …" → two groups. Commas and "và" split
 * groups only before a capitalised unit name; a piece in lower case belongs to the previous one.
 * `addressed` marks a heading of the form "X:", whose text is a group even without a unit word.
 */
export function groupsIn(text: string, addressed: boolean, requireVerb = false): string[] {
  const opener = /^(?:Đề nghị|Giao|Yêu cầu)\s+/iu.exec(plain(text));
  let t = plain(text).slice(opener?.[0].length ?? 0);
  const startsWithVerb = ACTION_VERB_RE.exec(` ${t.charAt(0).toLowerCase()}${t.slice(1)}`)?.index === 0;
  if (startsWithVerb || !(startsWithUnit(t) || (addressed && t.length <= 80))) return [];
  t = (sentencesOf(t)[0] ?? '').split(':')[0] ?? '';
  const verb = ACTION_VERB_RE.exec(t);
  // "Sở Y tế đã ban hành …" reports what a unit did: it names no addressee.
  if (verb && /\s(?:đã|vừa|đang)$/u.test(t.slice(0, verb.index))) return [];
  // A later sentence names addressees only when it asks them to act ("Đề nghị X …", "X chỉ đạo …"):
  // one that merely opens with a unit ("UBND huyện đã ban hành …") names none.
  if (requireVerb && !verb && !opener) return [];
  if (verb) t = t.slice(0, verb.index);
  const joined = t.replace(/\s+và\s+(?=\p{Lu})/gu, (m: string, at: number) => (startsWithUnit(t.slice(at + m.length)) ? '; ' : m));
  const groups: string[] = [];
  for (const piece of joined.split(/\s*;\s*|,\s*/u)) {
    const p = piece.replace(/[.:,;\s]+$/, '').trim();
    if (p === '') continue;
    const last = groups.length - 1;
    if (last >= 0 && !(/^\p{Lu}/u.test(p) && startsWithUnit(p))) groups[last] = `${groups[last]}, ${p}`;
    else groups.push(p);
  }
  return groups;
}

/**
 * The addressees of a section: those its opening paragraph names at the start of each of its
 * sentences ("Đề nghị lãnh đạo … . UBND các xã, thị trấn triển khai …" → "UBND các xã, thị trấn"),
 * each once. After the first sentence only a sentence that asks the unit to act counts.
 */
export function sectionAddressees(paragraph: string, addressed: boolean): string[] {
  const out: string[] = [];
  sentencesOf(plain(paragraph)).forEach((sentence, i) => {
    for (const g of groupsIn(sentence, addressed && i === 0, i > 0)) if (!out.includes(g)) out.push(g);
  });
  return out;
}

interface Heading {
  number: string;
  text: string;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

function sectionHeading(paragraph: string, roman: boolean): Heading | null {
  const m = (roman ? /^([IVX]{1,4})\.\s+(.*)$/u : /^(\d{1,2})\.\s+(.*)$/u).exec(plain(paragraph));
  return m ? { number: m[1] ?? '', text: m[2] ?? '' } : null;
}

/**
 * Splits body paragraphs into top-level numbered sections (Roman numerals when present,
 * otherwise 1., 2., … in sequence). The closing paragraph (ending in "./.") is not part of a section.
 */
export function sections(body: string[]): Section[] {
  const roman = body.some((p) => /^I\.\s/u.test(plain(p)));
  const order = (n: string): number => (roman ? ROMAN.indexOf(n) + 1 : Number(n));
  const last = body.length - 1;
  const closing = last >= 0 && /\/\.["”)]?$/.test(plain(body[last] ?? '')) && !sectionHeading(body[last] ?? '', roman) ? last : body.length;
  const out: Section[] = [];
  for (let i = 0; i < closing; i++) {
    const p = body[i] ?? '';
    const h = sectionHeading(p, roman);
    if (h && order(h.number) === out.length + 1) {
      const text = h.text.trim();
      const isHeading = /:$/.test(text) || (text.length <= 160 && firstSentence(text) === text);
      const heading = isHeading ? text.replace(/[:.;\s]+$/, '') : null;
      out.push({ number: h.number, heading, addressees: sectionAddressees(heading ?? text, /:$/.test(text)), items: heading === null ? [text] : [] });
    } else if (out.length > 0) {
      out[out.length - 1]?.items.push(plain(p).replace(/^[-–—+•·]\s*/, ''));
    }
  }
  return out;
}

/** One task per section: its heading (or first sentence), its addressees and its first deadline. */
export function tasks(list: Section[], deadlinesOf: (text: string) => Deadline[]): Task[] {
  return list.map((s) => ({
    section: s.number,
    title: s.heading ?? firstSentence(s.items[0] ?? ''),
    assignees: s.addressees,
    deadline: deadlinesOf([s.heading ?? '', ...s.items].join(' '))[0] ?? null,
  }));
}
