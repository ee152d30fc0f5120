/**
 * From the rows of a subscriber file to what an import would store: finds the header (Họ tên /
 * Số điện thoại / Thôn), normalises each number, merges duplicates within the file, and reports bad
 * rows by their line number, in Vietnamese. Pure (no database): the service compares the result
 * with the list and writes it in one transaction.
 */
import { normalisePhone, telcoOf, type Telco } from '../../../shared/sms/phone.ts';
import { SUBSCRIBER_LIMITS } from '../../../shared/contracts/subscribers.ts';
import type { RowMessage } from '../../../shared/contracts/sheet-import.ts';
import { AppError } from '../../platform/errors.ts';
import type { SheetRow } from '../../platform/sheet.ts';
import './subscribers.errors.ts';

/** A file platform/sheet.ts cannot read, as the subscribers' error. */
export const subscriberFileUnreadable = (reason: string) => new AppError('SUBSCRIBER_FILE_UNREADABLE', { reason });

export interface ParsedSubscriber {
  /** The first line the number appears on. */
  line: number;
  fullName: string | null;
  phone: string;
  telco: Telco;
  village: string | null;
}

export interface ParsedFile {
  rows: number;
  subscribers: ParsedSubscriber[];
  mergedInFile: number;
  errors: RowMessage[];
  notes: RowMessage[];
}

type Column = 'name' | 'phone' | 'village';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Which column a header cell names, if any ("Số điện thoại", "SĐT", "Họ và tên", "Thôn/Xóm", …). */
export function headerColumn(cell: string): Column | null {
  const h = fold(cell);
  if (!h) return null;
  if (/^(so )?(dien thoai|dt|sdt|di dong|dtdd)( di dong| lien he)?$|^(phone|mobile|so thue bao)/.test(h)) return 'phone';
  if (/^(thon|xom|ap|ban|to dan pho|khu pho|thon xom|thon ban|village)\b|^dia chi/.test(h) || /\b(thon|xom)$/.test(h)) return 'village';
  if (/^(ho ten|ho va ten|ten|name|full name)\b/.test(h)) return 'name';
  return null;
}

// eslint-disable-next-line no-control-regex
const BLANKS = /[\s\u0000-\u001f\u007f-\u009f]+/g;
const HEADER_SEARCH_ROWS = 20;
const MAX_TEXT = 200;

export function parseSubscriberRows(sheet: readonly SheetRow[]): ParsedFile {
  const result: ParsedFile = { rows: 0, subscribers: [], mergedInFile: 0, errors: [], notes: [] };
  const headerAt = sheet.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => r.cells.some((c) => headerColumn(c) === 'phone'));
  if (headerAt < 0) {
    result.errors.push({
      line: sheet[0]?.line ?? 1,
      message: `Không tìm thấy dòng tiêu đề có cột «Số điện thoại» trong ${HEADER_SEARCH_ROWS} dòng đầu (các cột: Họ tên / Số điện thoại / Thôn).`,
    });
    return result;
  }
  const header = sheet[headerAt]!;
  const col: Partial<Record<Column, number>> = {};
  header.cells.forEach((c, i) => {
    const kind = headerColumn(c);
    if (kind && col[kind] === undefined) col[kind] = i;
  });
  const phoneCol = col.phone!;
  const byPhone = new Map<string, ParsedSubscriber>();
  const data = sheet.slice(headerAt + 1);
  if (data.length > SUBSCRIBER_LIMITS.rows) {
    result.errors.push({ line: data[SUBSCRIBER_LIMITS.rows]!.line, message: `Tệp có ${data.length} dòng; mỗi lần nhập tối đa ${SUBSCRIBER_LIMITS.rows} dòng.` });
    return result;
  }
  // Control characters (a NUL cannot even be stored) and runs of whitespace become one space.
  const cellOf = (r: SheetRow, c: number | undefined) => (c === undefined ? '' : (r.cells[c] ?? '').normalize('NFC').replace(BLANKS, ' ').trim());
  for (const r of data) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    result.rows++;
    const raw = cellOf(r, phoneCol);
    const fullName = cellOf(r, col.name) || null;
    const village = cellOf(r, col.village) || null;
    const err = (message: string) => result.errors.push({ line: r.line, message: `Dòng ${r.line}: ${message}` });
    if (!raw) {
      err('thiếu số điện thoại.');
      continue;
    }
    const phone = normalisePhone(raw);
    if (!phone) {
      err(`«${raw.slice(0, 40)}» không phải số di động Việt Nam (10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09; có thể viết +84 hoặc 84).`);
      continue;
    }
    if (fullName && fullName.length > MAX_TEXT) {
      err(`họ tên dài quá ${MAX_TEXT} ký tự.`);
      continue;
    }
    if (village && village.length > MAX_TEXT) {
      err(`tên thôn dài quá ${MAX_TEXT} ký tự.`);
      continue;
    }
    const earlier = byPhone.get(phone);
    if (earlier) {
      result.mergedInFile++;
      result.notes.push({ line: r.line, message: `Dòng ${r.line}: số ${phone} trùng với dòng ${earlier.line}, đã gộp.` });
      earlier.fullName ??= fullName;
      earlier.village ??= village;
      continue;
    }
    const s: ParsedSubscriber = { line: r.line, fullName, phone, telco: telcoOf(phone), village };
    byPhone.set(phone, s);
    result.subscribers.push(s);
  }
  if (result.rows === 0 && result.errors.length === 0) result.errors.push({ line: header.line, message: `Dòng ${header.line}: không có dòng dữ liệu nào dưới dòng tiêu đề.` });
  return result;
}
