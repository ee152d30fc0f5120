// SMS segmentation (3GPP TS 23.038 / 23.040): GSM-7 when every character fits the default alphabet and its extension
// table, UCS-2 otherwise; a concatenated message loses 6 octets per part to the 8-bit-reference UDH. Pure: the
// server's SMPP client and the admin composer both use it. Rules and examples: docs/sms.md.
import { gsm7Septets } from './gsm7.ts';

export type SmsEncoding = 'gsm7' | 'ucs2';

/** Capacity in units (septets for GSM-7, UTF-16 code units for UCS-2). */
export const SMS_LIMITS = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
} as const;

/** Concatenation UDH: IEI 0x00 (8-bit reference), so 6 octets: 05 00 03 ref total seq. */
export const UDH_LENGTH = 6;
/** 23.040 allows at most 255 parts; telcos allow far fewer (a campaign sets its own maximum). */
export const MAX_PARTS_LIMIT = 255;

export interface Segmentation {
  encoding: SmsEncoding;
  /** Number of SMS (0 for the empty text). */
  parts: number;
  /** Characters as the reader counts them (Unicode code points of the NFC text). */
  characters: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text. */
  units: number;
  /** Units each part can hold (160/70 single, 153/67 concatenated). */
  perPart: number;
  /** The text of each part; their concatenation is `text`. */
  partsText: string[];
  /** The text that is sent (NFC). */
  text: string;
  /** Set when `maxParts` was given and the text needs more parts. */
  overMaxParts: boolean;
  maxParts: number | null;
}

export interface SegmentOptions {
  maxParts?: number;
}

/** Cost of each character (code point) in units of the encoding. */
function costs(chars: string[], encoding: SmsEncoding): number[] {
  return encoding === 'gsm7' ? chars.map((c) => gsm7Septets(c)!) : chars.map((c) => c.length);
}

export function detectEncoding(text: string): SmsEncoding {
  for (const ch of text) if (gsm7Septets(ch) === null) return 'ucs2';
  return 'gsm7';
}

/** Splits the text into SMS parts, never cutting an ESC pair or a surrogate pair (they are single code points here). */
export function segment(input: string, options: SegmentOptions = {}): Segmentation {
  const text = input.normalize('NFC');
  const encoding = detectEncoding(text);
  const chars = [...text];
  const cost = costs(chars, encoding);
  const units = cost.reduce((a, b) => a + b, 0);
  const limits = SMS_LIMITS[encoding];
  let partsText: string[];
  let perPart: number;
  if (units <= limits.single) {
    perPart = limits.single;
    partsText = text ? [text] : [];
  } else {
    perPart = limits.part;
    partsText = [];
    let cur = '';
    let used = 0;
    chars.forEach((ch, i) => {
      const w = cost[i]!;
      if (used + w > perPart) {
        partsText.push(cur);
        cur = '';
        used = 0;
      }
      cur += ch;
      used += w;
    });
    if (cur) partsText.push(cur);
  }
  const maxParts = options.maxParts ?? null;
  return {
    encoding,
    parts: partsText.length,
    characters: chars.length,
    units,
    perPart,
    partsText,
    text,
    overMaxParts: maxParts !== null && partsText.length > maxParts,
    maxParts,
  };
}

/** Typographic punctuation and spaces with their GSM-safe replacements. */
const TYPOGRAPHIC: ReadonlyArray<[RegExp, string]> = [
  [/[\u2013\u2014\u2012\u2015\u2212]/g, '-'], // – — ‒ ― −
  [/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g, '"'], // “ ” „ ‟ « » ″
  [/[\u2018\u2019\u201A\u201B\u2032\u02BC]/g, "'"], // ‘ ’ ‚ ‛ ′ ʼ
  [/\u2026/g, '...'], // …
  [/[\u2022\u00B7]/g, '-'], // • ·
  [/[\u00A0\u2007\u202F\u2009\u200A\u2002\u2003\u2004\u2005\u2006\u2008\u205F\u3000]/g, ' '], // no-break and thin spaces
  [/\u200B|\u200C|\u200D|\u2060|\uFEFF/g, ''], // zero-width characters
];

export interface Unaccented {
  text: string;
  /** Parts of the original and of the unaccented text, and the difference. */
  before: Segmentation;
  after: Segmentation;
  savedParts: number;
}

/** The Vietnamese text without diacritics (đ→d, tone and vowel marks removed) and with GSM-safe punctuation. */
export function stripVietnamese(input: string): string {
  let s = input.normalize('NFC');
  for (const [re, rep] of TYPOGRAPHIC) s = s.replace(re, rep);
  s = s.replace(/đ/g, 'd').replace(/Đ/g, 'D');
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

export function unaccented(input: string, options: SegmentOptions = {}): Unaccented {
  const before = segment(input, options);
  const after = segment(stripVietnamese(input), options);
  return { text: after.text, before, after, savedParts: before.parts - after.parts };
}

export const SENDER_NAME_MAX = 11;

export type SenderNameCheck = { ok: true; name: string } | { ok: false; error: string };

/** A brandname sender (alphanumeric source address): at most 11 characters, ASCII letters, digits, space . - _. */
export function validateSenderName(input: string): SenderNameCheck {
  const name = input.normalize('NFC').trim();
  if (!name) return { ok: false, error: 'Tên định danh (brandname) không được để trống.' };
  const length = [...name].length;
  if (length > SENDER_NAME_MAX) return { ok: false, error: `Tên định danh tối đa ${SENDER_NAME_MAX} ký tự (hiện có ${length}).` };
  const accented = [...name].filter((c) => /[đĐ]/.test(c) || /[\u0300-\u036f]/.test(c.normalize('NFD')));
  if (accented.length) return { ok: false, error: `Tên định danh không được có dấu tiếng Việt: ${[...new Set(accented)].join(' ')}.` };
  const bad = [...name].filter((c) => !/[A-Za-z0-9 ._-]/.test(c));
  if (bad.length) {
    const shown = [...new Set(bad)].map((c) => `"${c}"`).join(' ');
    return { ok: false, error: `Tên định danh chỉ gồm chữ cái không dấu, chữ số, dấu cách và . - _ (ký tự không hợp lệ: ${shown}).` };
  }
  if (!/[A-Za-z]/.test(name)) return { ok: false, error: 'Tên định danh phải có ít nhất một chữ cái (chuỗi chỉ có số là số điện thoại).' };
  return { ok: true, name };
}
