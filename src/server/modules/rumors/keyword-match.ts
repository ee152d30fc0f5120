import { foldText } from './reports.core.ts';

/** A watch keyword as matching compares it: folded (lower case, no diacritics, so old and new tone placement are one). */
export function foldKeyword(keyword: string): string {
  return foldText(keyword);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The keywords a text matches, diacritic-insensitive and whole-word-ish: the folded keyword stands between
 * non-letters (so "lu" does not match "luong", while "lũ quét" matches "LŨ QUÉT," and "lu quet").
 */
export function matchingKeywords<K extends { folded: string }>(text: string, keywords: readonly K[]): K[] {
  const folded = foldText(text);
  return keywords.filter((k) => k.folded && new RegExp(`(^|[^a-z0-9])${escape(k.folded).replace(/ /g, '[^a-z0-9]+')}($|[^a-z0-9])`).test(folded));
}
