/**
 * The blocks around the body: the "Kính gửi" list, and the tail (Nơi nhận list, "Lưu" line and
 * signature block). Two-column tails are handled by cutting lines at wide gaps and by
 * classifying each piece, so the signature may come before, inside or after the Nơi nhận list.
 */
import { AUTHORITY_RE, normalizeAuthority } from './vocab.ts';
import { isUpperCaseText, plain, trimEntry } from './text.ts';

export interface TailInfo {
  cc: string[];
  archive: string | null;
  signerAuthority: string | null;
  signerPosition: string | null;
  signerTitle: string | null;
  signerName: string | null;
}

const BULLET_RE = /^[-–—+•·]\s*/;
/** Opens the recipient block: "Kính gửi:", or "<authority> điện:" in a công điện (Mẫu 1.6). */
export const RECIPIENTS_START_RE = /^(?:Kính\s*gửi\s*:?|[^:]{0,80}?\sđiện\s*:)\s*(.*)$/iu;
const NOI_NHAN_RE = /^Nơi\s*nhận\s*:?\s*(.*)$/iu;
const LUU_RE = /^Lưu\s*[:.]?\s*(.*)$/iu;
const POSITION_WORDS_RE =
  /(?<![\p{L}])(?:GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG|BÍ THƯ|CHÁNH|PHÓ|ỦY VIÊN|UỶ VIÊN|THỦ TRƯỞNG|TỔNG BIÊN TẬP|CHỈ HUY|HIỆU TRƯỞNG|KẾ TOÁN|CỤC TRƯỞNG|TM\.|KT\.|TL\.)(?![\p{L}])/u;
const NAME_RE = /^(?:\p{Lu}[\p{Ll}\p{M}]*\.?\s+){1,6}\p{Lu}[\p{Ll}\p{M}]*$/u;
const SIGNATURE_NOISE_RE = /^(?:\(.*\)|\[.*\]|Đã ký|Ký bởi|Người ký|Thời gian ký|Cơ quan\s*:|Email\s*:|.*\d{1,2}[./]\d{1,2}[./]\d{4}.*)$/iu;

/** Splits inline lists ("- A; - B; - C.") into one piece per entry. */
function splitInlineEntries(text: string): string[] {
  return text.split(/(?<=[;.])\s+(?=[-–+•]\s)/u).filter((s) => s.trim() !== '');
}

/** True for a line that ends a wrapped list entry (so the next line starts a new one). */
function endsEntry(text: string): boolean {
  return /[;.]$/.test(text.trim());
}

/** Reads the Kính gửi block at the start of `lines`; returns the entries and the lines after it. */
export function parseRecipients(lines: string[]): { recipients: string[]; rest: string[] } {
  let i = lines.findIndex((l) => l.trim() !== '');
  const first = RECIPIENTS_START_RE.exec(plain(lines[i] ?? ''));
  if (i < 0 || !first) return { recipients: [], rest: lines };
  const entries: string[] = splitInlineEntries(first[1] ?? '');
  let bulleted = false;
  for (i += 1; i < lines.length; i++) {
    const text = plain(lines[i] ?? '');
    if (text === '') continue;
    const last = entries[entries.length - 1];
    if (BULLET_RE.test(text)) {
      bulleted = true;
      entries.push(...splitInlineEntries(text));
    } else if (last !== undefined && !endsEntry(last) && /^\p{Ll}/u.test(text)) {
      entries[entries.length - 1] = `${last} ${text}`;
    } else if (!bulleted && (entries.length === 0 || (last !== undefined && last.trim().endsWith(';'))) && text.length <= 150) {
      entries.push(text);
    } else {
      break;
    }
    if (!bulleted && endsEntry(entries[entries.length - 1] ?? '') && !entries[entries.length - 1]?.trim().endsWith(';')) {
      i += 1;
      break;
    }
  }
  return { recipients: entries.map(trimEntry).filter((e) => e !== ''), rest: lines.slice(i) };
}

/** True for a tail line that belongs to the signature block (authority, position, name). */
function isSignatureLine(text: string): boolean {
  return AUTHORITY_RE.test(text) || (isUpperCaseText(text) && POSITION_WORDS_RE.test(text)) || NAME_RE.test(text);
}

/**
 * Index where the tail starts: after the last "./." line before the Nơi nhận list, otherwise at
 * the first Nơi nhận, authority or upper-case position line.
 */
export function tailStart(lines: string[]): number {
  const texts = lines.map(plain);
  const noiNhan = texts.findIndex((t) => NOI_NHAN_RE.test(t));
  const limit = noiNhan < 0 ? texts.length : noiNhan;
  for (let i = limit - 1; i >= 0; i--) {
    if (/\/\.["”)]?$/.test(texts[i] ?? '')) return i + 1;
  }
  const sig = texts.findIndex((t) => AUTHORITY_RE.test(t) || (isUpperCaseText(t) && t.length <= 60 && POSITION_WORDS_RE.test(t) && !/\d/.test(t)));
  if (sig >= 0 && (noiNhan < 0 || sig < noiNhan)) return sig;
  return limit;
}

/** Parses the tail: Nơi nhận entries, Lưu line and the signature block. */
export function parseTail(lines: string[]): TailInfo {
  const info: TailInfo = {
    cc: [],
    archive: null,
    signerAuthority: null,
    signerPosition: null,
    signerTitle: null,
    signerName: null,
  };
  const pieces = lines
    .flatMap((l) => l.split(/\s{3,}/))
    .map(plain)
    .filter((t) => t !== '');
  let inList = false;
  const cc: string[] = [];
  const signature: string[] = [];
  for (const piece of pieces) {
    const nn = NOI_NHAN_RE.exec(piece);
    if (nn) {
      inList = true;
      cc.push(...splitInlineEntries(nn[1] ?? ''));
    } else if (inList && BULLET_RE.test(piece)) {
      cc.push(...splitInlineEntries(piece));
    } else if (inList && !isSignatureLine(piece) && cc.length > 0 && !endsEntry(cc[cc.length - 1] ?? '')) {
      cc[cc.length - 1] = `${cc[cc.length - 1] ?? ''} ${piece}`;
    } else {
      signature.push(piece);
    }
    const luu = LUU_RE.exec(trimEntry(cc[cc.length - 1] ?? ''));
    if (inList && luu) {
      info.archive = (luu[1] ?? '').replace(/[.;\s]+$/, '') || null;
      cc.pop();
      inList = false;
    }
  }
  info.cc = cc.map(trimEntry).filter((e) => e !== '');
  for (const text of signature) {
    if (SIGNATURE_NOISE_RE.test(text)) continue;
    const auth = AUTHORITY_RE.exec(text);
    if (auth && info.signerAuthority === null && isUpperCaseText(auth[2] ?? '')) {
      info.signerAuthority = normalizeAuthority(auth[1] ?? '');
      info.signerPosition = (auth[2] ?? '').trim();
    } else if (isUpperCaseText(text) && !/\d/.test(text) && text.length <= 80) {
      if (info.signerPosition === null) info.signerPosition = text;
      else info.signerTitle = text;
    } else if (NAME_RE.test(text)) {
      info.signerName = text;
    }
  }
  return info;
}
