/**
 * Writes a DispatchLayout as a Word document: the two-column parts as borderless tables, rules as
 * empty paragraphs with a bottom border, Times New Roman throughout, page numbers from page 2 in the
 * header. Word lays the lines out itself.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { IBorderOptions } from 'docx';
import type { Align, Block, DispatchLayout, Grid, Paragraph as ParagraphBlock, Row, Stamp } from './compose.ts';
import { textWidth } from './fonts.ts';
import {
  COLUMN,
  CELL_PADDING,
  CONTENT_WIDTH,
  FONT_FAMILY,
  GRID_LINE,
  LANGUAGE,
  MARGIN,
  PAGE,
  PAGE_NUMBER_TOP,
  RULE_THICKNESS,
  SIZE,
  STAMP_BORDER,
  STAMP_PADDING,
  halfPoints,
  twips,
} from './layout.ts';

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** Border widths are in eighths of a point. */
const line = (thickness: number, space = 0): IBorderOptions => ({ style: BorderStyle.SINGLE, size: Math.round(thickness * 8), color: '000000', space });

function paragraph(p: ParagraphBlock, extraBefore: number): Paragraph {
  return new Paragraph({
    alignment: ALIGN[p.align],
    indent: {
      left: twips(p.left),
      ...(p.firstLine > 0 ? { firstLine: twips(p.firstLine) } : {}),
      ...(p.firstLine < 0 ? { hanging: twips(-p.firstLine) } : {}),
    },
    spacing: { before: twips(p.spaceBefore + extraBefore), after: twips(p.spaceAfter), line: Math.round(240 * p.line), lineRule: LineRuleType.AUTO },
    keepNext: p.keepWithNext,
    children: p.runs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic, size: halfPoints(p.size) })),
  });
}

/** A paragraph framed on four sides, narrowed by indents to the text (plus slack against rounding). */
function stamp(s: Stamp, width: number, align: 'center' | 'right', extraBefore: number): Paragraph {
  const inner = textWidth(s.text, s.size, 'bold') + 2;
  const side = width - inner;
  const frame = line(STAMP_BORDER, STAMP_PADDING);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: align === 'center' ? { left: twips(side / 2), right: twips(side / 2) } : { left: twips(side - STAMP_PADDING), right: twips(STAMP_PADDING) },
    spacing: { before: twips(s.spaceBefore + extraBefore), after: 0 },
    border: { top: frame, bottom: frame, left: frame, right: frame },
    children: [new TextRun({ text: s.text, bold: true, size: halfPoints(s.size) })],
  });
}

function block(b: Block, width: number, extraBefore: number): Paragraph {
  switch (b.kind) {
    case 'paragraph':
      return paragraph(b, extraBefore);
    case 'rule': {
      const side = twips((width - b.width) / 2);
      return new Paragraph({
        indent: { left: side, right: side },
        spacing: { before: twips(extraBefore), after: 0, line: twips(b.gap), lineRule: LineRuleType.EXACT },
        border: { bottom: line(RULE_THICKNESS) },
        children: [],
      });
    }
    case 'stamp':
      return stamp(b, width, 'center', extraBefore);
  }
}

/** A cell's paragraphs; the row's space before goes on the first (a cell needs at least one paragraph). */
function cell(blocks: readonly Block[], width: number, spaceBefore: number): TableCell {
  const children = blocks.length ? blocks.map((b, i) => block(b, width, i === 0 ? spaceBefore : 0)) : [new Paragraph({})];
  return new TableCell({ width: { size: twips(width), type: WidthType.DXA }, children });
}

function table(rows: readonly Row[]): Table {
  return new Table({
    width: { size: twips(CONTENT_WIDTH), type: WidthType.DXA },
    columnWidths: [twips(COLUMN.left), twips(COLUMN.right)],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: [cell(r.left, COLUMN.left, r.spaceBefore), cell(r.right, COLUMN.right, r.spaceBefore)],
        }),
    ),
  });
}

/** A ruled table: thin lines on every side, the header row bold and repeated on each page. */
function gridTable(g: Grid): Table {
  const rule = line(GRID_LINE);
  const cellOf = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: twips(g.widths[i] ?? 0), type: WidthType.DXA },
      children: [new Paragraph({ alignment: ALIGN[g.align[i] ?? 'center'], children: [new TextRun({ text, bold, size: halfPoints(g.size) })] })],
    });
  return new Table({
    width: { size: twips(CONTENT_WIDTH), type: WidthType.DXA },
    columnWidths: g.widths.map(twips),
    layout: TableLayoutType.FIXED,
    borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
    margins: { top: twips(CELL_PADDING), bottom: twips(CELL_PADDING), left: twips(CELL_PADDING), right: twips(CELL_PADDING) },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: g.header.map((h, i) => cellOf(h, i, true)) }),
      ...g.rows.map((r, ri) => new TableRow({ cantSplit: true, children: r.map((v, i) => cellOf(v, i, g.boldRows.has(ri))) })),
    ],
  });
}

/** Space before a table: an empty paragraph of that height (Word tables have no space before). */
function spacer(pt: number): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: twips(Math.max(pt, 1)), lineRule: LineRuleType.EXACT }, children: [] });
}

export async function renderLayoutDocx(layout: DispatchLayout): Promise<Buffer> {
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(SIZE.pageNumber) })],
  });
  const firstPageHeader = layout.marginNote
    ? stamp({ kind: 'stamp', text: layout.marginNote, size: SIZE.marginNote, spaceBefore: 0 }, CONTENT_WIDTH, 'right', 0)
    : new Paragraph({});
  const doc = new Document({
    creator: layout.author ?? 'Loa',
    title: layout.title,
    styles: {
      default: {
        document: {
          run: { font: FONT_FAMILY, size: halfPoints(SIZE.body), language: { value: LANGUAGE } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twips(PAGE.width), height: twips(PAGE.height) },
            margin: {
              top: twips(MARGIN.top),
              bottom: twips(MARGIN.bottom),
              left: twips(MARGIN.left),
              right: twips(MARGIN.right),
              header: twips(PAGE_NUMBER_TOP),
              footer: twips(PAGE_NUMBER_TOP),
            },
          },
        },
        headers: { default: new Header({ children: [pageNumber] }), first: new Header({ children: [firstPageHeader] }) },
        children: [
          table(layout.header),
          ...layout.flow.flatMap((b) => (b.kind === 'grid' ? [spacer(b.spaceBefore), gridTable(b)] : [block(b, CONTENT_WIDTH, 0)])),
          table([layout.closing]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
