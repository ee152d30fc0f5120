import path from 'node:path';
import { sniffMediaType } from '../publishing/index.ts';

/** What a directive may carry as an attached file, recognised from the content (never the name). */
export const ATTACHMENT_FILE_TYPES = {
  pdf: { mime: 'application/pdf', ext: 'pdf' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  png: { mime: 'image/png', ext: 'png' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  mp3: { mime: 'audio/mpeg', ext: 'mp3' },
  mp4: { mime: 'video/mp4', ext: 'mp4' },
} as const;
export type AttachmentFileType = keyof typeof ATTACHMENT_FILE_TYPES;

/** 20 MiB: a scanned công văn, its propaganda leaflet or a short radio spot. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * PDF, PNG, JPEG, MP3 and MP4 by their magic bytes; DOCX and XLSX as a zip archive (PK\3\4) holding
 * `word/document.xml` or `xl/workbook.xml` (entry names are stored uncompressed in the zip headers).
 */
export function sniffAttachmentType(b: Buffer): AttachmentFileType | null {
  if (b.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) {
    if (b.includes('[Content_Types].xml') || b.includes('_rels/.rels')) {
      if (b.includes('word/document.xml')) return 'docx';
      if (b.includes('xl/workbook.xml')) return 'xlsx';
    }
    return null;
  }
  return sniffMediaType(b);
}

/** The name kept for downloads: the uploaded stem (letters, digits, spaces, . _ -) with the extension of the sniffed type. */
export function attachmentFileName(uploaded: string, type: AttachmentFileType): string {
  const name = uploaded.normalize('NFC');
  const stem = path
    .basename(name, path.extname(name))
    .replace(/[^\p{L}\p{N} ._-]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return `${stem || 'tep-dinh-kem'}.${ATTACHMENT_FILE_TYPES[type].ext}`;
}
