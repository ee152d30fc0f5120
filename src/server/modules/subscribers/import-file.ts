/**
 * Reads a subscriber file (CSV or XLSX) into rows of cell texts, each with its line number in the
 * file as a spreadsheet shows it (1-based), so errors can say "Dòng 7". No interpretation here:
 * import-rows.ts finds the header and the columns.
 */
import { AppError } from '../../platform/errors.ts';
import './subscribers.errors.ts';

export interface SheetRow {
  line: number;
  cells: string[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // the old binary .xls

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

export async function readSheet(fileName: string, bytes: Uint8Array): Promise<SheetRow[]> {
  if (startsWith(bytes, OLE)) throw new AppError('SUBSCRIBER_FILE_UNREADABLE', { reason: 'tệp Excel 97–2003 (.xls); hãy lưu lại thành .xlsx hoặc .csv.' });
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (/\.xlsx$/i.test(fileName)) throw new AppError('SUBSCRIBER_FILE_UNREADABLE', { reason: 'tệp .xlsx bị hỏng.' });
  return readCsv(bytes);
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  // Loaded on first import: exceljs is large and most processes never need it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('SUBSCRIBER_FILE_UNREADABLE', { reason: 'tệp .xlsx bị hỏng hoặc không phải tệp Excel.' });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new AppError('SUBSCRIBER_FILE_UNREADABLE', { reason: 'tệp .xlsx không có trang tính nào.' });
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

/** A number typed as 912345678 stays digits (no "9.12E+08"); rich text and formulas give their text. */
function cellText(value: unknown, text: string): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : text;
  if (value && typeof value === 'object' && 'result' in value) {
    const result = value.result;
    return typeof result === 'string' || typeof result === 'number' ? String(result) : '';
  }
  return text ?? '';
}

/** RFC 4180 CSV in UTF-8 (a BOM is skipped); the delimiter (`,` `;` or tab) is the most frequent one on the first line. */
export function readCsv(bytes: Uint8Array): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('SUBSCRIBER_FILE_UNREADABLE', { reason: 'tệp CSV phải mã hóa UTF-8 (trong Excel: Lưu thành → CSV UTF-8).' });
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
