/**
 * CSV for spreadsheet programs: RFC 4180 quoting, a UTF-8 BOM so Excel shows Vietnamese, and cells
 * that a spreadsheet would run as a formula neutralised (OWASP "CSV injection"): a cell starting
 * with =, +, -, @, tab or carriage return gets a leading single quote. Every CSV export uses this.
 */

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are, text neutralised when it could start a formula, then quoted if needed. */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (the first usually the headers) as a CSV file: BOM, CRLF line ends. */
export function toCsvFile(rows: readonly (readonly CsvValue[])[]): Buffer {
  const lines = rows.map((r) => r.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
