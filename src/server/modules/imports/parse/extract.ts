/**
 * Text extraction from the supported file types: .txt, .md (as is), .docx (mammoth raw text)
 * and text-layer .pdf (unpdf text items rebuilt into lines; wide gaps between columns are kept
 * as runs of spaces). A PDF without a text layer is rejected with a message asking for OCR.
 * Every format is checked against the analysis limits (limits.ts) before the costly step.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { ANALYSIS_LIMITS, ExtractError, checkPageCount, checkTextSize, checkZip, formatBytes } from './limits.ts';
import type { AnalysisLimits } from './limits.ts';

export { ExtractError } from './limits.ts';

/** mammoth is loaded on first DOCX: it is large and most processes never read one. */
async function loadMammoth() {
  return (await import('mammoth')).default;
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/** Rebuilds reading-order lines from positioned PDF text items of one page. */
export function itemsToLines(items: readonly Item[]): string[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (row && first && Math.abs(first.y - item.y) <= Math.max(2, item.fontSize * 0.4)) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let end: number | null = null;
    for (const item of row) {
      const gap = end === null ? 0 : item.x - end;
      if (end !== null) line += gap > item.fontSize * 2 ? '    ' : gap > item.fontSize * 0.15 ? ' ' : '';
      line += item.str;
      end = item.x + item.width;
    }
    return line;
  });
}

async function pdfText(bytes: Uint8Array, limits: AnalysisLimits): Promise<string> {
  // pdf.js refuses a Node Buffer: a plain view of the same bytes.
  const pdf = await getDocumentProxy(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  checkPageCount(pdf.numPages, limits);
  const { items } = await extractTextItems(pdf);
  const text = items.map((page) => itemsToLines(page).join('\n')).join('\n');
  if (text.replace(/\s+/g, '') === '') {
    throw new ExtractError('Tệp PDF không có lớp văn bản (có thể là bản scan/ảnh chụp): cần nhận dạng ký tự quang học (OCR) trước khi phân tích.');
  }
  return text;
}

/** The formats extraction knows, as detected from a file's content or name. */
export type ExtractFormat = 'txt' | 'docx' | 'pdf';

/** Extracts the text of a file already in memory (not yet normalised), within the limits. */
export async function extractBytes(bytes: Uint8Array, format: ExtractFormat, limits: AnalysisLimits = ANALYSIS_LIMITS): Promise<string> {
  let text: string;
  if (format === 'docx') {
    checkZip(bytes, limits);
    try {
      text = (await (await loadMammoth()).extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
    } catch {
      throw new ExtractError('Không đọc được tệp DOCX (tệp hỏng hoặc không phải văn bản Word).');
    }
  } else if (format === 'pdf') {
    try {
      text = await pdfText(bytes, limits);
    } catch (err) {
      if (err instanceof ExtractError) throw err;
      throw new ExtractError('Không đọc được tệp PDF (tệp hỏng hoặc được bảo vệ).');
    }
  } else {
    checkTextSize(bytes.byteLength, limits);
    text = decodeText(bytes);
  }
  checkTextSize(text.length, limits);
  return text;
}

const FORMAT_OF_EXTENSION: Record<string, ExtractFormat> = { '.txt': 'txt', '.md': 'txt', '.docx': 'docx', '.pdf': 'pdf' };

/** Reads a dispatch file from disk (format from its extension), refusing one over the file-size limit. */
export async function readDispatchFile(file: string, limits: AnalysisLimits = ANALYSIS_LIMITS): Promise<{ bytes: Uint8Array<ArrayBuffer>; format: ExtractFormat }> {
  const ext = path.extname(file).toLowerCase();
  const format = FORMAT_OF_EXTENSION[ext];
  if (!format) throw new ExtractError(`Định dạng "${ext || file}" chưa được hỗ trợ; chỉ nhận ${Object.keys(FORMAT_OF_EXTENSION).join(', ')}.`);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    if ((await stat(file)).size > limits.fileBytes) throw new ExtractError(`Tệp ${file} lớn hơn ${formatBytes(limits.fileBytes)}; tệp không được phân tích.`, 'text_too_large');
    bytes = new Uint8Array(await readFile(file));
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    throw new ExtractError(`Không đọc được tệp ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { bytes, format };
}

/** Reads a dispatch file and returns its text (not yet normalised), within the limits, in this thread. */
export async function extractText(file: string, limits: AnalysisLimits = ANALYSIS_LIMITS): Promise<string> {
  const { bytes, format } = await readDispatchFile(file, limits);
  return extractBytes(bytes, format, limits);
}
