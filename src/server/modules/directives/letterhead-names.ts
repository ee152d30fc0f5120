// How a Decree 30 letterhead names the issuing body, for the công văn other modules draft (the telcos' SMS request,
// the misinformation desk's hand-offs): "Ủy ban nhân dân tỉnh …" for an area, the body's own name otherwise; the
// symbol's code ("UBND", the short name or the initials); the place line.
import { foldDiacritics } from '../../platform/text.ts';

/** What naming needs of a unit. */
export interface LetterheadUnit {
  name: string;
  kind: string;
  shortName?: string | null;
}

/** Kinds of unit that are areas (their issuing body is the People's Committee). */
export const AREA_KINDS: ReadonlySet<string> = new Set(['nation', 'province', 'district', 'commune', 'village']);

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1);

/** "Ủy ban nhân dân thị trấn Tam Đường" for an area, the unit's own name for an organisation (the Sở). */
export function issuerName(u: LetterheadUnit): string {
  return AREA_KINDS.has(u.kind) ? `Ủy ban nhân dân ${lowerFirst(u.name)}` : u.name;
}

/** The symbol's code: "UBND" for an area or a People's Committee, else the short name or the name's initials ("SVHTTDL"). */
export function issuerSymbol(u: LetterheadUnit): string {
  if (AREA_KINDS.has(u.kind) || u.kind === 'peoples_committee') return 'UBND';
  if (u.shortName && /^[\p{Lu}\d]{2,20}$/u.test(u.shortName)) return foldDiacritics(u.shortName).toUpperCase();
  const words = u.name
    .replace(/\s+(tỉnh|thành phố|huyện|thị xã|quận|xã|thị trấn|phường)\s.*$/u, '')
    .split(/[\s,;\-–()]+/u)
    .filter((w) => w && !['và', 'các', 'của'].includes(w.toLowerCase()));
  const initials = foldDiacritics(words.map((w) => w.charAt(0)).join(''))
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return initials || 'DV';
}

/** "Lai Châu" of "Tỉnh Lai Châu" (the place line). */
export function placeName(province: { name: string } | null): string | null {
  return province ? province.name.replace(/^(Tỉnh|Thành phố)\s+/u, '') : null;
}
