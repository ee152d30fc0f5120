/**
 * Exports of a roll-up for one period: CSV, XLSX (exceljs) and the upward report as DOCX (docx) in a
 * Decree 30-like layout. Vietnamese headers, one row per unit with its GSO code, a totals row.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { toCsvFile } from '../../platform/csv.ts';
import { formatVnDate } from '../../platform/text.ts';
import type { Indicator } from './tasks.schemas.ts';

export interface ExportPeriod {
  key: string;
  deadline: string;
  totals: { indicator: string; value: number | string | null }[];
  coverage: { expected: number; reported: number; late: number };
  rows: { unit: { id: string; code: string | null; name: string }; figures: { indicator: string; value: number | string | null }[]; expected: number; reported: number; late: number }[];
}

export interface ExportInput {
  taskTitle: string;
  sourceRef: string | null;
  unitName: string;
  issuerName: string;
  indicators: readonly Indicator[];
  period: ExportPeriod;
  lateUnits: readonly { code: string | null; name: string }[];
  missingUnits: readonly { code: string | null; name: string }[];
  generatedAt: Date;
}

const UNIT_SUFFIX: Partial<Record<Indicator['type'], string>> = { duration_minutes: ' (phút)', people: ' (người)', percent: ' (%)' };

export const FIXED_HEADERS = ['STT', 'Mã ĐVHC', 'Đơn vị'] as const;
export const COVERAGE_HEADERS = ['Số đơn vị phải báo cáo', 'Số đơn vị đã báo cáo', 'Số đơn vị nộp muộn'] as const;
export const TOTAL_LABEL = 'Tổng cộng';

/** Header row and body rows (the last one is the totals row). */
export function rollupTable(input: ExportInput): { headers: string[]; rows: (string | number | null)[][] } {
  const headers = [...FIXED_HEADERS, ...input.indicators.map((i) => `${i.label}${UNIT_SUFFIX[i.type] ?? ''}`), ...COVERAGE_HEADERS];
  const valueOf = (figures: { indicator: string; value: number | string | null }[], key: string) => figures.find((f) => f.indicator === key)?.value ?? null;
  const rows: (string | number | null)[][] = input.period.rows.map((r, i) => [
    i + 1,
    r.unit.code ?? '',
    r.unit.name,
    ...input.indicators.map((ind) => valueOf(r.figures, ind.key)),
    r.expected,
    r.reported,
    r.late,
  ]);
  const c = input.period.coverage;
  rows.push(['', '', TOTAL_LABEL, ...input.indicators.map((ind) => valueOf(input.period.totals, ind.key)), c.expected, c.reported, c.late]);
  return { headers, rows };
}

/** CSV (platform/csv.ts: BOM, RFC 4180, formula cells neutralised). */
export function toCsv(input: ExportInput): Buffer {
  const { headers, rows } = rollupTable(input);
  return toCsvFile([headers, ...rows]);
}

export async function toXlsx(input: ExportInput): Promise<Buffer> {
  const { headers, rows } = rollupTable(input);
  // Loaded on first export: exceljs is large and most processes never need it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Loa';
  wb.created = input.generatedAt;
  const ws = wb.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.addRow([`Tổng hợp báo cáo: ${input.taskTitle}`]).font = { bold: true, size: 13 };
  ws.addRow([`Địa bàn: ${input.unitName} — Kỳ báo cáo: ${input.period.key} (hạn ${input.period.deadline})`]);
  ws.addRow([input.sourceRef ? `Căn cứ: ${input.sourceRef}` : '']);
  const head = ws.addRow(headers);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const r of rows) ws.addRow(r);
  ws.lastRow!.font = { bold: true };
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 10;
  ws.getColumn(3).width = 36;
  for (let i = 4; i <= headers.length; i++) ws.getColumn(i).width = 16;
  if (input.lateUnits.length || input.missingUnits.length) {
    const notes = wb.addWorksheet('Đơn vị muộn, chưa báo cáo');
    notes.addRow(['Tình trạng', 'Mã ĐVHC', 'Đơn vị']).font = { bold: true };
    for (const u of input.lateUnits) notes.addRow(['Nộp muộn', u.code ?? '', u.name]);
    for (const u of input.missingUnits) notes.addRow(['Chưa báo cáo', u.code ?? '', u.name]);
    notes.getColumn(3).width = 40;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FONT = 'Times New Roman';
const p = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: 567 } : undefined,
    spacing: { after: 60 },
    children: [new TextRun({ text, bold: o.bold ?? false, italics: o.italics ?? false, size: (o.size ?? 14) * 2, font: FONT })],
  });
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const cell = (children: Paragraph[], pct: number) => new TableCell({ children, width: { size: pct, type: WidthType.PERCENTAGE } });

function fmt(v: number | string | null): string {
  if (v === null) return '—';
  return typeof v === 'number' ? v.toLocaleString('vi-VN') : v;
}

/** "Báo cáo kết quả công tác tuyên truyền …" — Decree 30 header, figures, late/missing units, Nơi nhận. */
export async function toDocx(input: ExportInput): Promise<Buffer> {
  const { headers, rows } = rollupTable(input);
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell([p(input.issuerName.toUpperCase(), { bold: true, size: 13, align: AlignmentType.CENTER }), p('Số:      /BC', { size: 13, align: AlignmentType.CENTER })], 40),
          cell(
            [
              p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 13, align: AlignmentType.CENTER }),
              p('Độc lập - Tự do - Hạnh phúc', { bold: true, align: AlignmentType.CENTER }),
              p(`${formatVnDate(input.generatedAt).replace(/^n/, 'N')}`, { italics: true, align: AlignmentType.CENTER }),
            ],
            60,
          ),
        ],
      }),
    ],
  });
  const figures = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [headers, ...rows.map((r) => r.map((v) => fmt(v)))].map(
      (r, i) => new TableRow({ tableHeader: i === 0, children: r.map((v) => new TableCell({ children: [p(String(v), { size: 11, bold: i === 0 || i === rows.length, align: AlignmentType.CENTER })] })) }),
    ),
  });
  const c = input.period.coverage;
  const totals = input.indicators.map((ind) => `${ind.label}: ${fmt(input.period.totals.find((t) => t.indicator === ind.key)?.value ?? null)}${UNIT_SUFFIX[ind.type] ?? ''}`);
  const listOf = (l: readonly { code: string | null; name: string }[]) => (l.length ? l.map((u) => u.name).join('; ') : 'không có');
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 851 } } },
        children: [
          header,
          p(''),
          p('BÁO CÁO', { bold: true, align: AlignmentType.CENTER }),
          p(`Kết quả công tác tuyên truyền ${input.taskTitle.replace(/^báo cáo\s+/i, '')}`, { bold: true, align: AlignmentType.CENTER }),
          p(`Kỳ báo cáo: ${input.period.key}`, { italics: true, align: AlignmentType.CENTER }),
          ...(input.sourceRef ? [p(`Thực hiện ${input.sourceRef}, ${input.issuerName} báo cáo kết quả như sau:`, { indent: true })] : []),
          p('1. Kết quả thực hiện', { bold: true, indent: true }),
          p(`Trên địa bàn ${input.unitName}: ${totals.join('; ')}.`, { indent: true }),
          p(`Số đơn vị đã báo cáo: ${c.reported}/${c.expected}; trong đó nộp muộn: ${c.late}.`, { indent: true }),
          figures,
          p('2. Đơn vị nộp báo cáo muộn, chưa báo cáo', { bold: true, indent: true }),
          p(`Nộp muộn: ${listOf(input.lateUnits)}.`, { indent: true }),
          p(`Chưa báo cáo: ${listOf(input.missingUnits)}.`, { indent: true }),
          p(''),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: noBorders,
            rows: [
              new TableRow({
                children: [
                  cell([p('Nơi nhận:', { bold: true, italics: true, size: 12 }), p('- Như trên;', { size: 11 }), p('- Lưu: VT.', { size: 11 })], 50),
                  cell([p('THỦ TRƯỞNG CƠ QUAN', { bold: true, align: AlignmentType.CENTER })], 50),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
