/**
 * What one uploaded file may cost to read, checked before the expensive step: a DOCX's zip entries
 * against an unpacked-size limit (from the central directory, before anything is inflated, and
 * again while inflating since headers can lie), a PDF's page count before its text is extracted,
 * and the text's size. The analysis runs in a sandbox worker (memory and time) on top of these.
 */
import { inflateRawSync } from 'node:zlib';

export interface AnalysisLimits {
  /** Largest file accepted (bytes); the upload limit (IMPORT_LIMITS.fileBytes) too. */
  fileBytes: number;
  /** Largest unpacked size of one zip entry (bytes). */
  zipEntryBytes: number;
  /** Largest unpacked size of all entries together (bytes). */
  zipTotalBytes: number;
  /** Most entries in one zip. */
  zipEntries: number;
  /** Most pages of a PDF. */
  pdfPages: number;
  /** Largest plain-text file, and largest text extracted from any file (bytes of UTF-8 / characters). */
  textBytes: number;
  /** Heap cap of the analysis worker (MiB). */
  memoryMb: number;
  /** Wall-clock limit of one analysis, worker start-up included (ms). */
  timeMs: number;
}

export const ANALYSIS_LIMITS: AnalysisLimits = {
  fileBytes: 10 * 1024 * 1024,
  zipEntryBytes: 10 * 1024 * 1024,
  zipTotalBytes: 50 * 1024 * 1024,
  zipEntries: 2000,
  pdfPages: 300,
  textBytes: 1024 * 1024,
  memoryMb: 256,
  timeMs: 30_000,
};

export type ExtractErrorCode = 'unreadable' | 'unpacked_too_large' | 'too_many_pages' | 'text_too_large';

/** A file the parser cannot or will not read; the message is meant for the user (Vietnamese). */
export class ExtractError extends Error {
  constructor(
    message: string,
    readonly code: ExtractErrorCode = 'unreadable',
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}

/** "10 MB", "1,5 MB", "800 KB": sizes as a Vietnamese reader writes them. */
export function formatBytes(n: number): string {
  const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1).replace('.', ','));
  if (n >= 1024 * 1024) return `${fmt(Math.round((n / (1024 * 1024)) * 10) / 10)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

function unpackedTooLarge(limits: AnalysisLimits, what: 'entry' | 'total', name?: string): ExtractError {
  const limit = what === 'entry' ? limits.zipEntryBytes : limits.zipTotalBytes;
  const message =
    what === 'entry'
      ? `Tệp giải nén vượt quá giới hạn cho phép: phần "${name ?? '?'}" của tệp DOCX lớn hơn ${formatBytes(limit)} khi giải nén; tệp không được phân tích.`
      : `Tệp giải nén vượt quá giới hạn cho phép: toàn bộ tệp DOCX lớn hơn ${formatBytes(limit)} khi giải nén; tệp không được phân tích.`;
  return new ExtractError(message, 'unpacked_too_large', { limit: formatBytes(limit) });
}

const corrupt = () => new ExtractError('Không đọc được tệp DOCX (tệp hỏng hoặc không phải văn bản Word).');

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** The entries of a zip from its central directory (no ZIP64: a DOCX that needs it is far over the limits). */
function centralDirectory(bytes: Uint8Array, limits: AnalysisLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff) throw unpackedTooLarge(limits, 'total');
  if (count > limits.zipEntries) {
    throw new ExtractError(`Tệp DOCX có quá nhiều thành phần (${count}; tối đa ${limits.zipEntries}); tệp không được phân tích.`, 'unpacked_too_large', {
      limit: formatBytes(limits.zipTotalBytes),
    });
  }
  if (offset + size > bytes.byteLength) throw corrupt();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.byteLength || view.getUint32(p, true) !== CENTRAL) throw corrupt();
    const nameLength = view.getUint16(p + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      declaredSize: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    entries.push(entry);
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

/**
 * Checks a DOCX (zip) against the unpacked-size limits: first every entry's declared size and
 * their sum from the central directory, without inflating; then each entry is inflated with its
 * output capped at what may remain, so an entry whose header understates its size is stopped at
 * the limit instead of being expanded. Only compressed data located the way a zip reader locates
 * it (central directory → local header) is measured, so the reader that follows sees the same bytes.
 */
export function checkZip(bytes: Uint8Array, limits: AnalysisLimits = ANALYSIS_LIMITS): void {
  const entries = centralDirectory(bytes, limits);
  let declared = 0;
  for (const e of entries) {
    if (e.declaredSize > limits.zipEntryBytes || e.declaredSize === 0xffffffff) throw unpackedTooLarge(limits, 'entry', e.name);
    declared += e.declaredSize;
    if (declared > limits.zipTotalBytes) throw unpackedTooLarge(limits, 'total');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > bytes.byteLength || view.getUint32(p, true) !== LOCAL) throw corrupt();
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    if (start + e.compressedSize > bytes.byteLength) throw corrupt();
    const data = bytes.subarray(start, start + e.compressedSize);
    const cap = Math.min(limits.zipEntryBytes, limits.zipTotalBytes - total);
    let size: number;
    if (e.method === 0) size = data.byteLength;
    else if (e.method === 8) {
      try {
        // One byte over the cap is enough to know it is over; zlib stops there.
        size = inflateRawSync(data, { maxOutputLength: cap + 1 }).byteLength;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') size = cap + 1;
        else throw corrupt();
      }
    } else throw corrupt();
    if (size > cap) throw unpackedTooLarge(limits, size > limits.zipEntryBytes ? 'entry' : 'total', e.name);
    total += size;
  }
}

/** A plain-text file or an extracted text over the size limit. */
export function checkTextSize(length: number, limits: AnalysisLimits = ANALYSIS_LIMITS): void {
  if (length > limits.textBytes) {
    throw new ExtractError(`Văn bản quá dài (${formatBytes(length)}; tối đa ${formatBytes(limits.textBytes)}); tệp không được phân tích.`, 'text_too_large', {
      size: formatBytes(length),
      limit: formatBytes(limits.textBytes),
    });
  }
}

/** A PDF over the page limit, checked from its page tree before any page is read. */
export function checkPageCount(pages: number, limits: AnalysisLimits = ANALYSIS_LIMITS): void {
  if (pages > limits.pdfPages) {
    throw new ExtractError(`Văn bản quá nhiều trang (${pages} trang; tối đa ${limits.pdfPages} trang); tệp không được phân tích.`, 'too_many_pages', {
      pages,
      limit: limits.pdfPages,
    });
  }
}
