// Property test: segment() against an independent reference written here from the 3GPP TS 23.038 tables (code points
// of the default alphabet and of the extension table, listed by hex value as in the specification's table 6.2.1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment } from './segments.ts';

/** 23.038 §6.2.1: septet 0x00..0x7F → Unicode (0x1B is the escape, not a character). */
const REF_BASIC: number[] = [
  0x40, 0xa3, 0x24, 0xa5, 0xe8, 0xe9, 0xf9, 0xec, 0xf2, 0xc7, 0x0a, 0xd8, 0xf8, 0x0d, 0xc5, 0xe5, 0x394, 0x5f, 0x3a6, 0x393, 0x39b, 0x3a9, 0x3a0, 0x3a8, 0x3a3, 0x398, 0x39e, -1,
  0xc6, 0xe6, 0xdf, 0xc9, 0x20, 0x21, 0x22, 0x23, 0xa4, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38,
  0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0xa1, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f, 0x50, 0x51, 0x52, 0x53, 0x54, 0x55,
  0x56, 0x57, 0x58, 0x59, 0x5a, 0xc4, 0xd6, 0xd1, 0xdc, 0xa7, 0xbf, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72,
  0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0xe4, 0xf6, 0xf1, 0xfc, 0xe0,
];
/** 23.038 §6.2.1.1: the extension table's characters (form feed ^ { } \ [ ~ ] | €). */
const REF_EXT: number[] = [0x0c, 0x5e, 0x7b, 0x7d, 0x5c, 0x5b, 0x7e, 0x5d, 0x7c, 0x20ac];

const basicSet = new Set(REF_BASIC.filter((c) => c >= 0));
const extSet = new Set(REF_EXT);

/** Reference: cost per code point, encoding by "all in tables", 160/153 and 70/67, greedy packing by units. */
function reference(text: string): { encoding: string; parts: number; capacities: number[]; units: number } {
  const cps = Array.from(text.normalize('NFC'), (c) => c.codePointAt(0)!);
  const gsm = cps.every((c) => basicSet.has(c) || extSet.has(c));
  const w = cps.map((c) => (gsm ? (extSet.has(c) ? 2 : 1) : c > 0xffff ? 2 : 1));
  const units = w.reduce((a, b) => a + b, 0);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  if (units === 0) return { encoding: gsm ? 'gsm7' : 'ucs2', parts: 0, capacities: [], units };
  if (units <= single) return { encoding: gsm ? 'gsm7' : 'ucs2', parts: 1, capacities: [single], units };
  let parts = 1;
  let used = 0;
  for (const x of w) {
    if (used + x > part) {
      parts++;
      used = 0;
    }
    used += x;
  }
  return { encoding: gsm ? 'gsm7' : 'ucs2', parts, capacities: Array<number>(parts).fill(part), units };
}

function unitsOf(s: string, encoding: string): number {
  return Array.from(s).reduce((a, c) => {
    const cp = c.codePointAt(0)!;
    return a + (encoding === 'gsm7' ? (extSet.has(cp) ? 2 : 1) : cp > 0xffff ? 2 : 1);
  }, 0);
}

const VIET = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐĂÂÊÔƠƯẾỆỘ';
const charFrom = (alphabet: string[]) => fc.constantFrom(...alphabet);
const basicChars = REF_BASIC.filter((c) => c >= 0).map((c) => String.fromCodePoint(c));
const extChars = REF_EXT.map((c) => String.fromCodePoint(c));
const emoji = ['🙂', '🎉', '📢', '⚠', '✅', '🇻🇳', '👍🏽'];
const typographic = ['–', '—', '“', '”', '‘', '’', '…', '«', '»', '\u00a0'];

const textOf = (chars: fc.Arbitrary<string>) => fc.array(chars, { maxLength: 700 }).map((a) => a.join(''));
const anyText = fc.oneof(
  textOf(charFrom(basicChars)),
  textOf(fc.oneof({ weight: 5, arbitrary: charFrom(basicChars) }, { weight: 1, arbitrary: charFrom(extChars) })),
  textOf(fc.oneof(charFrom([...VIET]), charFrom([' ', ',', '.']))),
  textOf(fc.oneof(charFrom(basicChars), charFrom(emoji))),
  textOf(fc.oneof(charFrom(basicChars), charFrom(extChars), charFrom([...VIET]), charFrom(emoji), charFrom(typographic))),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);

describe('segment agrees with a 3GPP TS 23.038 reference', () => {
  it('on encoding, parts, units and per-part capacity; the parts concatenate to the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const s = segment(text);
        const r = reference(text);
        expect(s.encoding).toBe(r.encoding);
        expect(s.parts).toBe(r.parts);
        expect(s.units).toBe(r.units);
        expect(s.partsText.join('')).toBe(text.normalize('NFC'));
        for (const p of s.partsText) {
          expect(unitsOf(p, s.encoding)).toBeLessThanOrEqual(r.capacities[0]!);
          expect(p.length).toBeGreaterThan(0);
          // No lone surrogate at a part boundary.
          expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(p)).toBe(false);
        }
      }),
      { numRuns: 600 },
    );
  });
});
