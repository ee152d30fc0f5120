/**
 * Draws a DispatchLayout with pdfkit: own line breaking and justification (so every position is
 * known), the Tinos faces embedded, page numbers from page 2 in the top margin.
 */
import type { Block, DispatchLayout, FlowBlock, Grid, Paragraph, Row, Stamp } from './compose.ts';
import { fontFile, newPdfDocument, singleLineHeight, textWidth } from './fonts.ts';
import type { Face } from './fonts.ts';
import { CELL_PADDING, COLUMN, CONTENT_WIDTH, GRID_LINE, MARGIN, PAGE, PAGE_NUMBER_TOP, RULE_THICKNESS, SIZE, STAMP_BORDER, STAMP_PADDING } from './layout.ts';
import { breakLines, toWords } from './text.ts';
import type { Line } from './text.ts';

/** A horizontal band of the page a block is drawn in. */
interface Frame {
  x: number;
  width: number;
}

const FULL: Frame = { x: MARGIN.left, width: CONTENT_WIDTH };
const LEFT: Frame = { x: MARGIN.left, width: COLUMN.left };
const RIGHT: Frame = { x: MARGIN.left + COLUMN.left, width: COLUMN.right };
const PAGE_BOTTOM = PAGE.height - MARGIN.bottom;

interface LaidParagraph {
  lines: Line[];
  pitch: number;
}

function layParagraph(p: Paragraph, width: number): LaidParagraph {
  const first = width - p.left - p.firstLine;
  const rest = width - p.left;
  return {
    lines: breakLines(toWords(p.runs, p.size), p.size, first, rest),
    pitch: singleLineHeight(p.size, 'regular') * p.line,
  };
}

function stampBox(s: Stamp): { width: number; height: number } {
  return {
    width: textWidth(s.text, s.size, 'bold') + 2 * STAMP_PADDING,
    height: singleLineHeight(s.size, 'bold') + 2 * STAMP_PADDING,
  };
}

function blockHeight(b: Block, width: number): number {
  switch (b.kind) {
    case 'paragraph': {
      const laid = layParagraph(b, width);
      return b.spaceBefore + laid.lines.length * laid.pitch + b.spaceAfter;
    }
    case 'rule':
      return b.gap + RULE_THICKNESS;
    case 'stamp':
      return b.spaceBefore + stampBox(b).height;
  }
}

/** A table row laid out: the lines of each cell and the row's height. */
interface GridRow {
  cells: Line[][];
  bold: boolean;
  height: number;
}

function layGridRow(g: Grid, texts: readonly string[], bold: boolean): GridRow {
  const pitch = singleLineHeight(g.size, bold ? 'bold' : 'regular');
  const cells = texts.map((text, i) => {
    const width = (g.widths[i] ?? 0) - 2 * CELL_PADDING;
    return breakLines(toWords([{ text, bold, italic: false }], g.size), g.size, width, width);
  });
  const lines = Math.max(1, ...cells.map((c) => c.length));
  return { cells, bold, height: lines * pitch + 2 * CELL_PADDING };
}

const headerRow = (g: Grid): GridRow => layGridRow(g, g.header, true);

/** Height of a flow block; for a table, its space and header (what must fit with a heading before it). */
function flowHeight(b: FlowBlock, width: number): number {
  return b.kind === 'grid' ? b.spaceBefore + 2 * headerRow(b).height : blockHeight(b, width);
}

const columnHeight = (blocks: readonly Block[], width: number): number => blocks.reduce((h, b) => h + blockHeight(b, width), 0);

class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private y = MARGIN.top;
  private page = 1;

  constructor(layout: DispatchLayout, created: Date) {
    this.doc = newPdfDocument({
      size: [PAGE.width, PAGE.height],
      margins: MARGIN,
      lang: 'vi-VN',
      displayTitle: true,
      info: {
        Title: layout.title,
        ...(layout.author ? { Author: layout.author } : {}),
        Creator: 'Loa',
        Producer: 'Loa',
        CreationDate: created,
        ModDate: created,
      },
    });
  }

  private newPage(): void {
    this.doc.addPage();
    this.page += 1;
    this.y = MARGIN.top;
    const text = String(this.page);
    const size = SIZE.pageNumber;
    this.drawText(text, 'regular', size, FULL.x + (FULL.width - textWidth(text, size, 'regular')) / 2, PAGE_NUMBER_TOP, 0);
  }

  /** Starts a new page unless `height` more points fit on this one (or it is still empty). */
  private ensure(height: number): void {
    if (this.y + height > PAGE_BOTTOM && this.y > MARGIN.top) this.newPage();
  }

  private drawText(text: string, face: Face, size: number, x: number, y: number, wordSpacing: number): void {
    this.doc.font(fontFile(face)).fontSize(size).text(text, x, y, { lineBreak: false, wordSpacing });
  }

  /** One line: words placed one by one, runs of one face drawn together. */
  private drawLine(p: Paragraph, line: Line, index: number, last: boolean, frame: Frame, y: number): void {
    const indent = p.left + (index === 0 ? p.firstLine : 0);
    const available = frame.width - indent;
    const gaps = line.words.length - 1;
    let x = frame.x + indent;
    let extra = 0;
    if (p.align === 'center') x += (available - line.width) / 2;
    else if (p.align === 'right') x += available - line.width;
    else if (p.align === 'justify' && !last && gaps > 0) extra = (available - line.width) / gaps;

    let chunk: { text: string; face: Face; x: number } | null = null;
    const flush = () => {
      if (chunk) this.drawText(chunk.text, chunk.face, p.size, chunk.x, y, extra);
      chunk = null;
    };
    line.words.forEach((word, i) => {
      if (i > 0) x += word.space + extra;
      word.pieces.forEach((piece, j) => {
        const afterSpace = i > 0 && j === 0;
        if (chunk && chunk.face === piece.face && afterSpace) chunk.text += ` ${piece.text}`;
        else {
          flush();
          chunk = { text: piece.text, face: piece.face, x };
        }
        x += piece.width;
      });
    });
    flush();
  }

  private drawStamp(s: Stamp, frame: Frame, align: 'center' | 'right'): void {
    const box = stampBox(s);
    this.y += s.spaceBefore;
    const x = frame.x + (align === 'center' ? (frame.width - box.width) / 2 : frame.width - box.width);
    this.doc.save().lineWidth(STAMP_BORDER).rect(x, this.y, box.width, box.height).stroke().restore();
    this.drawText(s.text, 'bold', s.size, x + STAMP_PADDING, this.y + STAMP_PADDING, 0);
    this.y += box.height;
  }

  /** Draws a block at the cursor; a paragraph in the flow may continue on the next page. */
  private drawBlock(b: Block, frame: Frame, flow: boolean): void {
    switch (b.kind) {
      case 'paragraph': {
        const laid = layParagraph(b, frame.width);
        if (!flow || this.y > MARGIN.top) this.y += b.spaceBefore;
        laid.lines.forEach((line, i) => {
          if (flow) this.ensure(laid.pitch);
          this.drawLine(b, line, i, i === laid.lines.length - 1, frame, this.y);
          this.y += laid.pitch;
        });
        this.y += b.spaceAfter;
        return;
      }
      case 'rule': {
        const y = this.y + b.gap;
        const cx = frame.x + frame.width / 2;
        this.doc
          .save()
          .lineWidth(RULE_THICKNESS)
          .moveTo(cx - b.width / 2, y)
          .lineTo(cx + b.width / 2, y)
          .stroke()
          .restore();
        this.y = y + RULE_THICKNESS;
        return;
      }
      case 'stamp':
        this.drawStamp(b, frame, 'center');
        return;
    }
  }

  /** Two columns from the same top; the cursor ends under the taller. Kept on one page. */
  drawRow(row: Row): void {
    const height = Math.max(columnHeight(row.left, LEFT.width), columnHeight(row.right, RIGHT.width));
    this.ensure(row.spaceBefore + height);
    const top = this.y + row.spaceBefore;
    let bottom = top;
    for (const [blocks, frame] of [
      [row.left, LEFT],
      [row.right, RIGHT],
    ] as const) {
      this.y = top;
      for (const b of blocks) this.drawBlock(b, frame, false);
      bottom = Math.max(bottom, this.y);
    }
    this.y = bottom;
  }

  private drawGridRow(g: Grid, row: GridRow): void {
    const pitch = singleLineHeight(g.size, row.bold ? 'bold' : 'regular');
    let x = FULL.x;
    row.cells.forEach((lines, i) => {
      const width = g.widths[i] ?? 0;
      this.doc.save().lineWidth(GRID_LINE).rect(x, this.y, width, row.height).stroke().restore();
      const cell: Paragraph = {
        kind: 'paragraph',
        runs: [],
        size: g.size,
        align: g.align[i] ?? 'center',
        left: 0,
        firstLine: 0,
        spaceBefore: 0,
        spaceAfter: 0,
        line: 1,
        keepWithNext: false,
      };
      const frame = { x: x + CELL_PADDING, width: width - 2 * CELL_PADDING };
      lines.forEach((l, j) => this.drawLine(cell, l, j, true, frame, this.y + CELL_PADDING + j * pitch));
      x += width;
    });
    this.y += row.height;
  }

  /** A ruled table; a row never splits, and the header row is drawn again on each new page. */
  private drawGrid(g: Grid): void {
    const header = headerRow(g);
    const rows = g.rows.map((r, i) => layGridRow(g, r, g.boldRows.has(i)));
    this.y += g.spaceBefore;
    this.ensure(header.height + (rows[0]?.height ?? 0));
    this.drawGridRow(g, header);
    for (const row of rows) {
      if (this.y + row.height > PAGE_BOTTOM) {
        this.newPage();
        this.drawGridRow(g, header);
      }
      this.drawGridRow(g, row);
    }
  }

  drawFlow(blocks: readonly FlowBlock[]): void {
    blocks.forEach((b, i) => {
      if (b.kind === 'grid') {
        this.drawGrid(b);
        return;
      }
      const next = blocks[i + 1];
      if (b.kind === 'paragraph' && b.keepWithNext && next) {
        const nextFirstLine = next.kind === 'paragraph' ? next.spaceBefore + layParagraph(next, FULL.width).pitch : flowHeight(next, FULL.width);
        this.ensure(blockHeight(b, FULL.width) + nextFirstLine);
      }
      this.drawBlock(b, FULL, true);
    });
  }

  drawMarginNote(text: string): void {
    const y = this.y;
    this.y = PAGE_NUMBER_TOP - STAMP_PADDING;
    this.drawStamp({ kind: 'stamp', text, size: SIZE.marginNote, spaceBefore: 0 }, FULL, 'right');
    this.y = y;
  }
}

export async function renderLayoutPdf(layout: DispatchLayout, created: Date): Promise<Buffer> {
  const w = new PdfWriter(layout, created);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    w.doc.on('data', (c: Buffer) => chunks.push(c));
    w.doc.on('end', () => resolve(Buffer.concat(chunks)));
    w.doc.on('error', reject);
  });
  if (layout.marginNote) w.drawMarginNote(layout.marginNote);
  for (const row of layout.header) w.drawRow(row);
  w.drawFlow(layout.flow);
  w.drawRow(layout.closing);
  w.doc.end();
  return done;
}
