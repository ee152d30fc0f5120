/**
 * ParsedDispatch → the page as blocks (paragraphs, rules, framed marks) in two-column rows and a
 * full-width flow. Both renderers draw this model, so what is printed, in which size and style and
 * where, is decided once, here.
 */
import type { ParsedDispatch } from '../../../../shared/dispatch.ts';
import { documentNumber, listEntry, punctuateList } from '../../../../shared/decree30-text.ts';
import { docTypeName } from '../dispatch.ts';
import { textWidth } from './fonts.ts';
import { BLANK_NUMBER, COLUMN, CONTENT_WIDTH, FIRST_LINE_INDENT, LINE, RECIPIENTS_INDENT, SHORT_RULE_RATIO, SIZE, SPACE } from './layout.ts';
import { PLAIN, balancedLines, clean, lineText, parseInline } from './text.ts';
import type { Run } from './text.ts';
import { formatPlaceAndDate } from './vn-date.ts';

/** The fields of a ParsedDispatch the renderer prints. */
export type DispatchToRender = Pick<
  ParsedDispatch,
  | 'issuerParent'
  | 'issuer'
  | 'number'
  | 'symbol'
  | 'docType'
  | 'place'
  | 'date'
  | 'subject'
  | 'urgency'
  | 'recipients'
  | 'body'
  | 'signerAuthority'
  | 'signerPosition'
  | 'signerTitle'
  | 'signerName'
  | 'cc'
  | 'archive'
>;

export interface RenderOptions {
  /** Marks the first page "DỰ THẢO" (draft), in the top margin. */
  draft?: boolean;
  /** Ruled tables in the body (the figures of a report), each after a body paragraph. */
  tables?: readonly BodyTable[];
}

/** A ruled table placed after body paragraph `afterParagraph` (0-based; -1: before the body). */
export interface BodyTable {
  afterParagraph: number;
  /** Relative column widths (any scale). */
  columns: readonly number[];
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Indexes of rows printed bold (a totals row). */
  boldRows?: readonly number[];
  /** Alignment per column (default centre). */
  align?: readonly Align[];
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
  size: number;
  align: Align;
  /** Indent of every line from the column's left edge. */
  left: number;
  /** Added to `left` on the first line; negative for a hanging indent. */
  firstLine: number;
  spaceBefore: number;
  spaceAfter: number;
  /** Multiple of single line spacing. */
  line: number;
  keepWithNext: boolean;
}

/** A centred horizontal rule `gap` points below the preceding line. */
export interface Rule {
  kind: 'rule';
  width: number;
  gap: number;
}

/** Bold capitals in a single frame, centred (urgency mark). */
export interface Stamp {
  kind: 'stamp';
  text: string;
  size: number;
  spaceBefore: number;
}

/** A ruled table across the content width; its header row repeats on each page. */
export interface Grid {
  kind: 'grid';
  /** Column widths in points, summing to the content width. */
  widths: number[];
  header: string[];
  rows: string[][];
  boldRows: ReadonlySet<number>;
  align: Align[];
  size: number;
  spaceBefore: number;
}

export type Block = Paragraph | Rule | Stamp;
/** What the full-width flow holds: blocks and tables. */
export type FlowBlock = Block | Grid;

/** Two columns side by side (widths COLUMN.left, COLUMN.right), both starting `spaceBefore` below. */
export interface Row {
  left: Block[];
  right: Block[];
  spaceBefore: number;
}

export interface DispatchLayout {
  /** Metadata for the produced files. */
  title: string;
  author: string | null;
  /** Rows of the first-page header: issuer | Quốc hiệu, Số | date, V/v and urgency | —. */
  header: Row[];
  /** Full-width flow: title and subject (not công văn), Kính gửi, the body (with its tables). */
  flow: FlowBlock[];
  /** Nơi nhận | signer, kept together. */
  closing: Row;
  /** Text in the top margin of the first page ("DỰ THẢO"), or null. */
  marginNote: string | null;
}

type ParagraphInit = Partial<Omit<Paragraph, 'kind' | 'runs' | 'size'>>;

function paragraph(runs: Run[], size: number, init: ParagraphInit = {}): Paragraph {
  return {
    kind: 'paragraph',
    runs,
    size,
    align: 'center',
    left: 0,
    firstLine: 0,
    spaceBefore: 0,
    spaceAfter: 0,
    line: LINE.single,
    keepWithNext: false,
    ...init,
  };
}

const run = (text: string, bold = false, italic = false): Run => ({ text, bold, italic });

const upper = (s: string): string => s.toLocaleUpperCase('vi-VN');
const upperFirst = (s: string): string => upper(s.charAt(0)) + s.slice(1);

/**
 * Centred text in one style, broken into even lines, one paragraph each (so Word breaks where the
 * PDF does), followed by a rule: `ruleRatio` of the longest line, or none.
 */
function centred(text: string, size: number, style: { bold?: boolean; italic?: boolean }, width: number, init: ParagraphInit = {}, ruleRatio?: number): Block[] {
  const runs = [run(text, style.bold, style.italic)];
  const lines = balancedLines(runs, size, width);
  const blocks: Block[] = lines.map((l, i) => paragraph([run(lineText(l), style.bold, style.italic)], size, i === 0 ? init : { keepWithNext: init.keepWithNext ?? false }));
  if (ruleRatio !== undefined) blocks.push({ kind: 'rule', width: Math.max(0, ...lines.map((l) => l.width)) * ruleRatio, gap: SPACE.ruleGap });
  return blocks;
}

const formatNumber = (n: string | null): string => documentNumber(n, BLANK_NUMBER);
const entry = (s: string): string => listEntry(clean(s));
const punctuate = punctuateList;

function issuerColumn(d: DispatchToRender): Block[] {
  const parent = d.issuerParent ? clean(d.issuerParent) : '';
  const issuer = d.issuer ? clean(d.issuer) : '';
  return [
    ...(parent ? centred(upper(parent), SIZE.issuerParent, {}, COLUMN.left) : []),
    ...(issuer ? centred(upper(issuer), SIZE.issuer, { bold: true }, COLUMN.left, {}, SHORT_RULE_RATIO) : []),
  ];
}

function nationalColumn(): Block[] {
  return [
    ...centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', SIZE.nationalName, { bold: true }, COLUMN.right),
    ...centred('Độc lập - Tự do - Hạnh phúc', SIZE.motto, { bold: true }, COLUMN.right, {}, 1),
  ];
}

function isCongVan(d: DispatchToRender): boolean {
  return d.docType.trim().toUpperCase() === 'CV';
}

function subject(d: DispatchToRender): string {
  return d.subject ? clean(d.subject).replace(/^V\/v\s*/i, '') : '';
}

function header(d: DispatchToRender): Row[] {
  const numberLine = `Số: ${formatNumber(d.number)}/${d.symbol ? clean(d.symbol) : ''}`;
  const rows: Row[] = [
    { left: issuerColumn(d), right: nationalColumn(), spaceBefore: 0 },
    {
      left: [paragraph([run(numberLine)], SIZE.number)],
      right: [paragraph([run(formatPlaceAndDate(d.place && clean(d.place), d.date), false, true)], SIZE.placeDate)],
      spaceBefore: SPACE.numberRow,
    },
  ];
  const third: Block[] = [];
  const about = subject(d);
  if (isCongVan(d) && about) third.push(...centred(`V/v ${about}`, SIZE.subjectLine, {}, COLUMN.left, { spaceBefore: SPACE.subjectLine }));
  const urgency = d.urgency ? clean(d.urgency) : '';
  if (urgency) third.push({ kind: 'stamp', text: upper(urgency), size: SIZE.urgency, spaceBefore: SPACE.urgency });
  if (third.length) rows.push({ left: third, right: [], spaceBefore: 0 });
  return rows;
}

/** Tên loại and trích yếu of a document that is not a công văn (II.5.b), with the rule under them. */
function docTypeTitle(d: DispatchToRender): Block[] {
  const about = subject(d);
  const type = upper(docTypeName(clean(d.docType)));
  const init = { spaceBefore: SPACE.docTypeTitle, keepWithNext: true };
  if (!about) return centred(type, SIZE.docTypeTitle, { bold: true }, CONTENT_WIDTH, init, SHORT_RULE_RATIO);
  return [
    ...centred(type, SIZE.docTypeTitle, { bold: true }, CONTENT_WIDTH, init),
    ...centred(upperFirst(about), SIZE.docTypeSubject, { bold: true }, CONTENT_WIDTH, { keepWithNext: true }, SHORT_RULE_RATIO),
  ];
}

/** Kính gửi (II.9.d, 9a): one line for one recipient; otherwise a dashed list aligned under the colon. */
function recipients(d: DispatchToRender, spaceBefore: number): Block[] {
  const names = d.recipients.map(entry).filter(Boolean);
  if (names.length === 0) return [];
  const size = SIZE.recipients;
  if (names.length === 1) return [paragraph([run(`Kính gửi: ${names[0]}`)], size, { spaceBefore })];
  const itemsLeft = RECIPIENTS_INDENT + textWidth('Kính gửi', size, 'regular');
  const dash = textWidth('- ', size, 'regular');
  return [
    paragraph([run('Kính gửi:')], size, { align: 'left', left: RECIPIENTS_INDENT, spaceBefore, keepWithNext: true }),
    ...punctuate(names).map((text) => paragraph([run(text)], size, { align: 'justify', left: itemsLeft + dash, firstLine: -dash })),
  ];
}

/** "1. Tiêu đề:" or "II. TIÊU ĐỀ" alone on its line: a khoản or mục heading, printed bold (II.6.đ). */
function isHeading(text: string): boolean {
  if (!/^([IVXLC]+|\d+(\.\d+)*)\.\s/.test(text) || text.length > 120) return false;
  const rest = text.replace(/^\S+\s/, '');
  return !/[.;!?]\s/.test(rest);
}

function body(d: DispatchToRender): Paragraph[] {
  return d.body
    .map(clean)
    .filter(Boolean)
    .map((text) => {
      const heading = isHeading(text) && !text.includes('*');
      return paragraph(parseInline(text, heading ? { bold: true, italic: false } : PLAIN), SIZE.body, {
        align: 'justify',
        firstLine: FIRST_LINE_INDENT,
        spaceAfter: SPACE.paragraph,
        line: LINE.body,
        keepWithNext: heading,
      });
    });
}

/** Nơi nhận (II.9.d, 9b): label 12 pt bold italic, entries 11 pt, the last "Lưu: VT, …". */
function ccColumn(d: DispatchToRender): Block[] {
  const archive = d.archive ? entry(d.archive).replace(/^Lưu\s*:\s*/i, '') : '';
  const items = [...d.cc.map(entry).filter(Boolean), `Lưu: ${archive || 'VT'}`];
  return [paragraph([run('Nơi nhận:', true, true)], SIZE.ccLabel, { align: 'left' }), ...punctuate(items).map((text) => paragraph([run(text)], SIZE.cc, { align: 'left' }))];
}

/** Quyền hạn and chức vụ (7a), chức vụ khác (7b), room to sign, name (II.7.đ): all bold, centred. */
function signerColumn(d: DispatchToRender): Block[] {
  const position = [d.signerAuthority, d.signerPosition]
    .map((s) => (s ? clean(s) : ''))
    .filter(Boolean)
    .join(' ');
  const lines = [position, d.signerTitle ? clean(d.signerTitle) : ''].filter(Boolean);
  const blocks: Block[] = lines.map((text) => paragraph([run(upper(text), true)], SIZE.signer));
  const name = d.signerName ? clean(d.signerName) : '';
  if (name) blocks.push(paragraph([run(name, true)], SIZE.signer, { spaceBefore: SPACE.signature }));
  return blocks;
}

function grid(t: BodyTable): Grid {
  const total = t.columns.reduce((a, b) => a + b, 0) || 1;
  return {
    kind: 'grid',
    widths: t.columns.map((c) => (c / total) * CONTENT_WIDTH),
    header: t.header.map(clean),
    rows: t.rows.map((r) => r.map(clean)),
    boldRows: new Set(t.boldRows ?? []),
    align: t.header.map((_, i) => t.align?.[i] ?? 'center'),
    size: SIZE.table,
    spaceBefore: SPACE.table,
  };
}

/** The body paragraphs with each table after the paragraph it follows. */
function bodyWithTables(paragraphs: Paragraph[], tables: readonly BodyTable[]): FlowBlock[] {
  const out: FlowBlock[] = tables.filter((t) => t.afterParagraph < 0).map(grid);
  paragraphs.forEach((p, i) => {
    out.push(p);
    for (const t of tables) if (t.afterParagraph === i) out.push(grid(t));
  });
  for (const t of tables) if (t.afterParagraph >= paragraphs.length) out.push(grid(t));
  return out;
}

export function composeDispatch(d: DispatchToRender, opts: RenderOptions = {}): DispatchLayout {
  const title = isCongVan(d) ? [] : docTypeTitle(d);
  const flow: FlowBlock[] = [...title, ...recipients(d, title.length ? SPACE.recipientsToBody : SPACE.recipients)];
  const paragraphs = body(d);
  const first = paragraphs[0];
  if (first) first.spaceBefore = flow.length ? SPACE.recipientsToBody : SPACE.recipients;
  flow.push(...bodyWithTables(paragraphs, opts.tables ?? []));
  const about = subject(d);
  return {
    title: about || docTypeName(clean(d.docType)),
    author: d.issuer ? clean(d.issuer) : null,
    header: header(d),
    flow,
    closing: { left: ccColumn(d), right: signerColumn(d), spaceBefore: SPACE.closing },
    marginNote: opts.draft ? 'DỰ THẢO' : null,
  };
}
