/**
 * Decree 30/2020/NĐ-CP, Phụ lục I: page, sizes and spacing of an administrative document, in points.
 * The one place both renderers (PDF and DOCX) read their geometry from.
 */

const MM = 72 / 25.4;

/** Millimetres to points. */
export const mm = (v: number): number => v * MM;
/** Points to twentieths of a point (DOCX "twips"). */
export const twips = (pt: number): number => Math.round(pt * 20);
/** Points to DOCX half-points (font sizes). */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** The font family the Decree prescribes; the PDF embeds the metric-compatible Tinos under it. */
export const FONT_FAMILY = 'Times New Roman';
export const LANGUAGE = 'vi-VN';

/** A4 portrait (I.1–2). */
export const PAGE = { width: mm(210), height: mm(297) } as const;

/** I.3: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;

/** Distance from the top edge to the page number (in the top margin, I.7). */
export const PAGE_NUMBER_TOP = mm(10);

export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/**
 * The two columns of the header (issuing body | Quốc hiệu) and of the closing (Nơi nhận | signer),
 * in the proportions of the Mẫu 1.5 template.
 */
export const COLUMN = { left: Math.round(CONTENT_WIDTH * 0.41), right: CONTENT_WIDTH - Math.round(CONTENT_WIDTH * 0.41) } as const;

/** Font sizes (pt), each within the range of Phụ lục I, table V. */
export const SIZE = {
  issuerParent: 13,
  issuer: 13,
  nationalName: 12,
  motto: 13,
  number: 13,
  placeDate: 13,
  subjectLine: 12,
  urgency: 13,
  docTypeTitle: 14,
  docTypeSubject: 14,
  recipients: 14,
  body: 14,
  signer: 14,
  ccLabel: 12,
  cc: 11,
  pageNumber: 14,
  marginNote: 11,
  /** Cells of a ruled table in the body (figures of a report). */
  table: 11,
} as const;

/** Line spacing as a multiple of single spacing (II.6.e: single to 1.5 lines). */
export const LINE = { single: 1, body: 1.1 } as const;

/** Vertical spacing (pt). */
export const SPACE = {
  /** Between the issuer (or Tiêu ngữ) line and the rule under it. */
  ruleGap: 4,
  /** Before the "Số" / place-and-date row. */
  numberRow: 8,
  /** Between "Số" and "V/v" (II.5.b: 6 pt). */
  subjectLine: 6,
  urgency: 8,
  docTypeTitle: 18,
  recipients: 18,
  recipientsToBody: 12,
  /** After each body paragraph (II.6.e: at least 6 pt). */
  paragraph: 6,
  closing: 12,
  /** Before a ruled table in the body. */
  table: 6,
  /** Room for the handwritten or digital signature and the seal, above the signer's name. */
  signature: 72,
} as const;

/** First-line indent of body paragraphs (II.6.e: 1 cm or 1.27 cm). */
export const FIRST_LINE_INDENT = mm(12.7);

/** Where "Kính gửi:" starts when there are several recipients (Mẫu 1.5). */
export const RECIPIENTS_INDENT = mm(35);

/** Rules under the issuer and under a title's subject: 1/3 to 1/2 of the text line (II.2.b, II.5.b). */
export const SHORT_RULE_RATIO = 0.4;
export const RULE_THICKNESS = 0.75;

/** Padding between an urgency or draft mark and its frame. */
export const STAMP_PADDING = 3;
export const STAMP_BORDER = 1;

/** Padding inside the cells of a ruled table, and its line width. */
export const CELL_PADDING = 3;
export const GRID_LINE = 0.5;

/** Blank left for a hand-written number or day ("Số:        /UBND-VX", "ngày      tháng"). */
export const BLANK_NUMBER = '\u00a0'.repeat(8);
export const BLANK_DATE_PART = '\u00a0'.repeat(5);
