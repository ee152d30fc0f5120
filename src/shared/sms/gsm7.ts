// GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1, §6.2.1.1). Pure; no Buffer, so the
// admin composer can use it too. SMPP carries GSM-7 unpacked: one septet per octet (see docs/sms.md).

/** The 128 characters of the default alphabet, indexed by septet value; 0x1B (ESC) is the escape to the extension table. */
export const GSM7_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

export const GSM7_ESCAPE = 0x1b;

/** The extension table: character → septet sent after ESC. Each costs two septets. */
export const GSM7_EXTENSION: ReadonlyMap<string, number> = new Map([
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
]);

const BASIC_INDEX: ReadonlyMap<string, number> = new Map([...GSM7_BASIC].flatMap((c, i) => (i === GSM7_ESCAPE ? [] : [[c, i] as [string, number]])));
const EXTENSION_BY_SEPTET: ReadonlyMap<number, string> = new Map([...GSM7_EXTENSION].map(([c, s]) => [s, c]));

/** Septets a character costs in GSM-7: 1 (basic), 2 (extension, ESC + septet) or null (not representable). */
export function gsm7Septets(ch: string): 1 | 2 | null {
  if (BASIC_INDEX.has(ch)) return 1;
  if (GSM7_EXTENSION.has(ch)) return 2;
  return null;
}

/** The text as unpacked septets (one per octet); throws on a character outside the alphabet. */
export function encodeGsm7(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const b = BASIC_INDEX.get(ch);
    if (b !== undefined) {
      out.push(b);
      continue;
    }
    const e = GSM7_EXTENSION.get(ch);
    if (e === undefined) throw new RangeError(`Not in the GSM 7-bit alphabet: U+${ch.codePointAt(0)!.toString(16).toUpperCase()}`);
    out.push(GSM7_ESCAPE, e);
  }
  return Uint8Array.from(out);
}

/** Unpacked septets back to text; an unknown escape decodes as its basic character (23.038's fallback). */
export function decodeGsm7(septets: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < septets.length; i++) {
    const v = septets[i]! & 0x7f;
    if (v === GSM7_ESCAPE && i + 1 < septets.length) {
      const next = septets[++i]! & 0x7f;
      s += EXTENSION_BY_SEPTET.get(next) ?? GSM7_BASIC[next];
    } else {
      s += GSM7_BASIC[v];
    }
  }
  return s;
}

/** UTF-16 big-endian octets of the text (UCS-2 as SMSCs take it; characters outside the BMP as surrogate pairs). */
export function encodeUcs2(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[2 * i] = u >> 8;
    out[2 * i + 1] = u & 0xff;
  }
  return out;
}

export function decodeUcs2(octets: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i + 1 < octets.length; i += 2) s += String.fromCharCode((octets[i]! << 8) | octets[i + 1]!);
  return s;
}
