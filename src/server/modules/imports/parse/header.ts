/**
 * Reads the header of a dispatch (Decree 30, Điều 8–10 and Phụ lục I): issuing body and its
 * parent, number and symbol, place and date, type title, trích yếu (V/v …) and urgency.
 * Works on interleaved two-column extractions: right-column items (Quốc hiệu, Tiêu ngữ,
 * place and date) are cut out of their lines, which leaves the left column in order.
 */
import { docTypeByCode, docTypeCodeByName, ISSUER_HEAD_RE, TITLE_PATTERN, URGENCY_RE } from './vocab.ts';
import { isUpperCaseText, plain, squash } from './text.ts';
import { RECIPIENTS_START_RE } from './blocks.ts';

export interface HeaderInfo {
  issuerParent: string | null;
  issuer: string | null;
  number: string | null;
  symbol: string | null;
  docType: string;
  place: string | null;
  date: string | null;
  subject: string | null;
  urgency: string | null;
}

/** How many leading lines may belong to the header. */
const HEADER_WINDOW = 60;

const QUOC_HIEU_RE = /C[ỘO]NG\s*H(?:ÒA|OÀ|OA)\s*X[ÃA]\s*H[ỘO]I\s*CH[ỦU]\s*NGH[ĨI]A\s*VI[ỆE]T\s*NAM/giu;
const PARTY_RE = /ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/gu;
const TIEU_NGU_RE = /Độc\s*lập\s*[-–—]+\s*Tự\s*do\s*[-–—]+\s*Hạnh\s*phúc/giu;
const HEADER_DATE_RE = /ngày\s*(?:(\d{1,2}|[.…_ ]*)\s*tháng\s*(\d{1,2}|[.…_ ]*)\s*năm\s*(\d{4})|(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))/iu;
/** One segment of a symbol: a year, or a code that starts with a capital ("TTg", "TT&TT", "P.TTBCXB"). */
const SEG = String.raw`(?:\d{4}|[\p{Lu}][\p{L}\d&.]*)`;
/** Symbol segments joined by "-" or "/", with stray spaces around the dash ("CT- BTTTT"). */
export const SYMBOL_SRC = String.raw`${SEG}(?:(?:\s?-\s?|\s?\/\s?)${SEG})*`;
const NUMBER_RE = new RegExp(String.raw`(?<![\p{L}])Số\s*[:.]?\s*(\d{0,6})[\s.…_]*([/-])\s*(${SYMBOL_SRC})`, 'u');
const NUMBER_LINE_RE = new RegExp(NUMBER_RE.source, 'gu');
const VV_RE = /^(?:V\/[vV]|Về việc)\b\s*:?\s*/u;
const TITLE_RE = new RegExp(`^(${TITLE_PATTERN})(?![\\p{L}])\\s*(.*)$`, 'u');
const SEPARATOR_RE = /^[\s_\-–—=*.·~]*$/;
const BODY_START_RE = /^(?:Căn cứ|Thực hiện|Theo|Để|Nhằm|Trong|Qua|Triển khai|Sau khi|Được sự|Xét|Hiện nay|Ngày|Kính gửi|Điều\s+\d|Phần\s|[IVX]{1,4}\.\s|\d{1,2}\.\s|[-–+•]\s)/u;

/** Cleans a symbol as printed: no spaces, no final period. */
export function cleanSymbol(printed: string): string {
  return printed.replace(/\s+/g, '').replace(/\.+$/, '');
}

/** Decree 30 type code read from a symbol (first code segment, or the code before "/" in Party style). */
export function codeOfSymbol(symbol: string): string | null {
  const first = symbol.replace(/^\d{4}\//, '').split(/[-/]/)[0] ?? '';
  return docTypeByCode(first)?.code ?? null;
}

/** Rewrites ASCII stand-ins of the type code inside a symbol ("CD-UBND" → "CĐ-UBND"). */
export function canonicalSymbol(symbol: string): string {
  return symbol.replace(/^((?:\d{4}\/)?)([^-/]+)/, (whole, year: string, code: string) => {
    const known = docTypeByCode(code);
    return known ? `${year}${known.code}` : whole;
  });
}

function formatHeaderDate(m: RegExpExecArray): string | null {
  const [, d1, m1, y1, d2, m2, y2] = m;
  const year = y1 ?? y2;
  const month = (m1 ?? m2 ?? '').trim();
  const day = (d1 ?? d2 ?? '').trim();
  if (!year || !/^\d+$/.test(month) || Number(month) < 1 || Number(month) > 12) return null;
  const mm = month.padStart(2, '0');
  if (!/^\d+$/.test(day) || Number(day) < 1 || Number(day) > 31) return `${year}-${mm}`;
  return `${year}-${mm}-${day.padStart(2, '0')}`;
}

/** The place printed before ", ngày": the last column chunk, or its trailing capitalised words. */
function placeOf(prefix: string): string | null {
  const chunk = (prefix.split(/\s{2,}/).pop() ?? '')
    .replace(/[*_]/g, '')
    .replace(/[,\s]+$/, '')
    .trim();
  if (chunk && !/[\d/:;]/.test(chunk) && chunk.split(' ').length <= 6 && /^\p{Lu}/u.test(chunk)) return chunk;
  const tail = /((?:\p{Lu}[\p{L}.]*|-)(?:\s+(?:\p{Lu}[\p{L}.]*|-))*)$/u.exec(chunk);
  return tail?.[1] && /^\p{Lu}/u.test(tail[1]) ? tail[1] : null;
}

/** Splits the joined upper-case issuer block into parent body and issuing body. */
function splitIssuer(lines: string[]): { issuerParent: string | null; issuer: string | null } {
  if (lines.length === 0) return { issuerParent: null, issuer: null };
  const joined = squash(lines.join(' '));
  const heads = [...joined.matchAll(ISSUER_HEAD_RE)].map((m) => m.index);
  const cut = heads.find((i) => i > 0);
  if (cut !== undefined) return { issuerParent: joined.slice(0, cut).trim(), issuer: joined.slice(cut).trim() };
  return { issuerParent: null, issuer: joined };
}

/**
 * Cuts the right-column items out of the header window and splits lines before "Số",
 * "V/v" and "Kính gửi", so that a whole header printed on one line reads like a column.
 */
function unfoldHeader(lines: string[]): { logical: string[]; place: string | null; date: string | null } {
  let place: string | null = null;
  let date: string | null = null;
  const logical: string[] = [];
  let inBody = false;
  for (const line of lines) {
    inBody ||= BODY_START_RE.test(plain(line)) && !/^Kính\s*gửi/iu.test(plain(line));
    if (inBody) {
      logical.push(line);
      continue;
    }
    let text = line
      .replace(QUOC_HIEU_RE, '\n')
      .replace(PARTY_RE, '\n')
      .replace(TIEU_NGU_RE, '\n')
      .replace(/\s(?=Số\s*[:.]?\s*[\d.…_ ]*[/-])/gu, '\n')
      .replace(NUMBER_LINE_RE, '$&\n')
      .replace(/\s(?=V\/[vV]\s)/gu, '\n')
      .replace(/\s(?=Kính\s*gửi)/gu, '\n');
    if (date === null) {
      const m = HEADER_DATE_RE.exec(text);
      const lineStart = m ? text.lastIndexOf('\n', m.index) + 1 : 0;
      const prefix = m ? text.slice(lineStart, m.index) : '';
      if (m && (prefix.includes(',') || prefix.trim() === '' || /\s{2,}/.test(prefix))) {
        date = formatHeaderDate(m);
        place = placeOf(prefix);
        const keep = place ? prefix.slice(0, prefix.lastIndexOf(place)) : prefix;
        text = `${text.slice(0, lineStart)}${keep}\n${text.slice(m.index + m[0].length)}`;
      }
    }
    logical.push(...text.split('\n'));
  }
  return { logical, place, date };
}

/** Parses the header; returns it with the lines that follow it (Kính gửi block or body). */
export function parseHeader(lines: string[]): { header: HeaderInfo; rest: string[] } {
  const windowEnd = Math.min(lines.length, HEADER_WINDOW);
  const { logical, place, date } = unfoldHeader(lines.slice(0, windowEnd));
  const issuerLines: string[] = [];
  const subjectLines: string[] = [];
  let number: string | null = null;
  let symbol: string | null = null;
  let title: string | null = null;
  let hasVv = false;
  let urgency: string | null = null;
  let state: 'pre' | 'subject' | 'done' = 'pre';
  let blankSinceSubject = false;
  let end = logical.length;

  for (let i = 0; i < logical.length; i++) {
    const raw = logical[i] ?? '';
    const text = plain(raw);
    if (text === '') {
      if (state === 'subject') blankSinceSubject = true;
      continue;
    }
    if (RECIPIENTS_START_RE.test(text)) {
      end = i;
      break;
    }
    const num: RegExpExecArray | null = number === null && symbol === null ? NUMBER_RE.exec(text) : null;
    if (num) {
      number = num[1] || null;
      symbol = cleanSymbol(num[3] ?? '') || null;
      const after = text.slice(num.index + num[0].length).trim();
      if (after) logical.splice(i + 1, 0, after);
      state = state === 'subject' ? 'done' : state;
      continue;
    }
    const urg = isUpperCaseText(text) ? URGENCY_RE.exec(text) : null;
    if (urg && text.length <= 30) {
      urgency = (urg[1] ?? '').replace('HOẢ', 'HỎA');
      continue;
    }
    if (SEPARATOR_RE.test(text)) {
      if (state === 'subject' && subjectLines.length > 0) state = 'done';
      continue;
    }
    const vv = !hasVv && title === null ? VV_RE.exec(text) : null;
    if (vv) {
      hasVv = true;
      state = 'subject';
      blankSinceSubject = false;
      subjectLines.push(text.slice(vv[0].length));
      continue;
    }
    const tm: RegExpExecArray | null = title === null ? TITLE_RE.exec(text) : null;
    if (tm && !hasVv) {
      title = tm[1] ?? null;
      state = 'subject';
      blankSinceSubject = false;
      if (tm[2]) subjectLines.push(tm[2]);
      continue;
    }
    if (isUpperCaseText(text) && text.length <= 120) {
      if (state === 'subject' && subjectLines.length > 0) state = 'done';
      if (title === null && !hasVv) issuerLines.push(text);
      continue;
    }
    if (state === 'subject') {
      const previous = subjectLines[subjectLines.length - 1] ?? '';
      const stop =
        BODY_START_RE.test(text) ||
        (blankSinceSubject && /^\p{Lu}/u.test(text) && subjectLines.length > 0) ||
        (/[.;]$/.test(previous) && /^\p{Lu}/u.test(text)) ||
        subjectLines.join(' ').length > 400;
      if (!stop) {
        subjectLines.push(text);
        continue;
      }
    }
    end = i;
    break;
  }

  const code = title ? docTypeCodeByName(title) : null;
  const symbolCode = symbol && !hasVv ? codeOfSymbol(symbol) : null;
  const subject = squash(subjectLines.join(' ')).replace(/[.;,\s]+$/, '');
  const header: HeaderInfo = {
    ...splitIssuer(issuerLines),
    number,
    symbol: symbol ? canonicalSymbol(symbol) : null,
    docType: code ?? symbolCode ?? 'CV',
    place,
    date,
    subject: subject || null,
    urgency,
  };
  return { header, rest: [...logical.slice(end), ...lines.slice(windowEnd)] };
}
