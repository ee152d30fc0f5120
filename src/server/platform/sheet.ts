/**
 * Reads an uploaded table (CSV or XLSX) into rows of cell texts, each with its line number in the
 * file as a spreadsheet shows it (1-based), so errors can say "Dòng 7". No interpretation here: each
 * import finds its header and columns. A file that cannot be read throws what the caller's
 * `unreadable(reason)` makes (its module's error code), with the reason in Vietnamese.
 * Used by the subscribers and the devices imports.
 */
import { inflateRawSync } from 'node:zlib';

export type Unreadable = (reason: string) => Error;

export interface SheetRow {
  line: number;
  cells: string[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // the old binary .xls

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

export async function readSheet(fileName: string, bytes: Uint8Array, unreadable: Unreadable): Promise<SheetRow[]> {
  if (startsWith(bytes, OLE)) throw unreadable('tệp Excel 97–2003 (.xls); hãy lưu lại thành .xlsx hoặc .csv.');
  if (startsWith(bytes, ZIP)) return readXlsx(bytes, unreadable);
  if (/\.xlsx$/i.test(fileName)) throw unreadable('tệp .xlsx bị hỏng.');
  return readCsv(bytes, unreadable);
}

/** Unpacked-size limits of an XLSX (a zip): a list of 20,000 rows is a few MB unpacked. */
export const XLSX_LIMITS = { entries: 2000, unpackedBytes: 64 * 1024 * 1024 } as const;

/**
 * A zip bomb check before exceljs unpacks anything: the central directory's declared sizes, then each
 * entry inflated with its output capped at what may remain (an entry that understates its size stops there).
 */
export function checkXlsxSize(bytes: Uint8Array, unreadable: Unreadable): void {
  const tooLarge = () => unreadable(`tệp .xlsx lớn hơn ${XLSX_LIMITS.unpackedBytes / 1024 / 1024} MB khi giải nén.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable('tệp .xlsx bị hỏng.');
  const count = view.getUint16(eocd + 10, true);
  if (count === 0xffff || count > XLSX_LIMITS.entries) throw tooLarge();
  let p = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.byteLength || view.getUint32(p, true) !== 0x02014b50) throw unreadable('tệp .xlsx bị hỏng.');
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(p + 24, true) > XLSX_LIMITS.unpackedBytes - total) throw tooLarge();
    if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== 0x04034b50) throw unreadable('tệp .xlsx bị hỏng.');
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, Math.min(bytes.byteLength, start + compressed));
    const cap = XLSX_LIMITS.unpackedBytes - total;
    let size = data.byteLength;
    if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: cap + 1 }).byteLength;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
        throw unreadable('tệp .xlsx bị hỏng.');
      }
    }
    if (size > cap) throw tooLarge();
    total += size;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
}

async function readXlsx(bytes: Uint8Array, unreadable: Unreadable): Promise<SheetRow[]> {
  checkXlsxSize(bytes, unreadable);
  // Loaded on first import: exceljs is large and most processes never need it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw unreadable('tệp .xlsx bị hỏng hoặc không phải tệp Excel.');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw unreadable('tệp .xlsx không có trang tính nào.');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value, cell.text);
    });
    rows.push({ line, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

/** A number typed as 912345678 stays digits (no "9.12E+08"), a date is YYYY-MM-DD; rich text and formulas give their text. */
function cellText(value: unknown, text: string): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : text;
  // A date cell: exceljs gives the day at 00:00 UTC, so the ISO day is the day typed (whatever the server's zone).
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (value && typeof value === 'object' && 'result' in value) {
    const result = value.result;
    return typeof result === 'string' || typeof result === 'number' ? String(result) : '';
  }
  return text ?? '';
}

/** RFC 4180 CSV in UTF-8 (a BOM is skipped); the delimiter (`,` `;` or tab) is the most frequent one on the first line. */
export function readCsv(bytes: Uint8Array, unreadable: Unreadable): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable('tệp CSV phải mã hóa UTF-8 (trong Excel: Lưu thành → CSV UTF-8).');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  const rows: SheetRow[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let endOfRow = false;
    while (i < text.length && !endOfRow) {
      const ch = text[i]!;
      if (ch === '"' && cell === '') {
        i++;
        while (i < text.length) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (text[i] === '\n') line++;
          cell += text[i++];
        }
      } else if (ch === delimiter) {
        cells.push(cell);
        cell = '';
        i++;
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRow = true;
      } else {
        cell += ch;
        i++;
      }
    }
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: start, cells });
  }
  return rows;
}
