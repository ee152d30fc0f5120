/**
 * The shipped Times New Roman–compatible faces (Tinos, assets/fonts) and text measurement with them.
 * The PDF embeds these files; the DOCX names Times New Roman, whose metrics they share, and uses the
 * same measurements for the lengths it must fix itself (rules, frames, indents).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type PdfKit from 'pdfkit';

const FONT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../assets/fonts');

const FONT_FILES = {
  regular: 'Tinos-Regular.ttf',
  bold: 'Tinos-Bold.ttf',
  italic: 'Tinos-Italic.ttf',
  boldItalic: 'Tinos-BoldItalic.ttf',
} as const;

export type Face = keyof typeof FONT_FILES;

export interface Style {
  bold: boolean;
  italic: boolean;
}

export function faceOf(s: Style): Face {
  if (s.bold) return s.italic ? 'boldItalic' : 'bold';
  return s.italic ? 'italic' : 'regular';
}

/**
 * The face's file. pdfkit caches a font it opened by this path for the life of a document (a
 * registered name for a face it already holds under another key would be re-read on every call).
 */
export function fontFile(face: Face): string {
  return path.join(FONT_DIR, FONT_FILES[face]);
}

/** A pdfkit document whose default font is the regular face, so no standard (unembedded) font is set up. */
export function newPdfDocument(options: PDFKit.PDFDocumentOptions = {}): PDFKit.PDFDocument {
  // pdfkit is loaded on first use: it is large and most processes never render a PDF.
  PDFDocument ??= createRequire(import.meta.url)('pdfkit') as PdfKitConstructor;
  return new PDFDocument({ ...options, font: fontFile('regular') });
}

type PdfKitConstructor = typeof PdfKit;
let PDFDocument: PdfKitConstructor | undefined;
let measurer: PDFKit.PDFDocument | undefined;

/** Advance width of `text` (kerning included) in points, as pdfkit will draw it. */
export function textWidth(text: string, size: number, face: Face): number {
  measurer ??= newPdfDocument({ autoFirstPage: false });
  return measurer.font(fontFile(face)).fontSize(size).widthOfString(text);
}

/** Single line spacing (ascent + descent + line gap) in points. */
export function singleLineHeight(size: number, face: Face): number {
  measurer ??= newPdfDocument({ autoFirstPage: false });
  return measurer.font(fontFile(face)).fontSize(size).currentLineHeight(true);
}
