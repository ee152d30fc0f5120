/**
 * Exports of a roll-up for one period: CSV, XLSX (exceljs), and the upward report (báo cáo) as DOCX
 * and PDF in the Decree 30 layout, drawn by the directives module's renderer. Vietnamese headers,
 * one row per unit with its GSO code, a totals row; periods and deadlines in Viet Nam time.
 */
import { toCsvFile } from '../../platform/csv.ts';
import { renderDirectiveDocx, renderDirectivePdf } from '../directives/index.ts';
import type { BodyTable, DispatchToRender } from '../directives/index.ts';
import type { Measured } from './rollup-channels.ts';
import type { Indicator } from './tasks.schemas.ts';

export interface ExportPeriod {
  key: string;
  deadline: string;
  /** "Tuần 09/2021 (hạn 16:00 thứ Năm, 25/02/2021)". */
  label: string;
  totals: { indicator: string; value: number | string | null }[];
  coverage: { expected: number; reported: number; late: number };
  /** The measured channel (SMS recorded by the system) over the rows, and per row. */
  measured: Measured;
  /** What units of the area in no row sent (the province's own campaigns, telco requests); in the upward report. */
  measuredOutside?: Measured;
  rows: {
    unit: { id: string; code: string | null; name: string };
    figures: { indicator: string; value: number | string | null }[];
    expected: number;
    reported: number;
    late: number;
    measured: Measured;
  }[];
}

/** Who sends the upward report, to whom, and who signs it (the service works these out). */
export interface ReportLetterhead {
  /** The sending unit, as printed ("Sở Văn hóa, Thể thao và Du lịch"), and the body above it ("UBND tỉnh Lai Châu"). */
  issuer: string;
  issuerParent: string | null;
  /** The sender's symbol after "BC-" ("SVHTTDL"). */
  symbol: string;
  /** Province or city of the sender ("Lai Châu"), or null. */
  place: string | null;
  /** Local date of the report, YYYY-MM-DD. */
  date: string;
  /** The body that asked for the report: Kính gửi. */
  recipient: string;
  /** The period's name without its deadline ("Tuần 09/2021"). */
  periodName: string;
  signerAuthority: string | null;
  signerPosition: string;
  /** The unit leader's name, or null (left for the signer to write). */
  signerName: string | null;
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
  /** Local deadline of the period, "16:00 25/02/2021". */
  deadlineText: string;
  letterhead: ReportLetterhead;
}

/** "Độ dài tin, bài (phút)": an indicator with its unit of measure. */
export const withUnit = (i: Pick<Indicator, 'label' | 'unit'>): string => (i.unit ? `${i.label} (${i.unit})` : i.label);

export const FIXED_HEADERS = ['STT', 'Mã ĐVHC', 'Đơn vị'] as const;
export const COVERAGE_HEADERS = ['Số đơn vị phải báo cáo', 'Số đơn vị đã báo cáo', 'Số đơn vị nộp muộn'] as const;
export const TOTAL_LABEL = 'Tổng cộng';
/** The measured channel's columns, after the reported figures and coverage; the third only when a telco reported. */
export const SMS_HEADERS = ['Tin nhắn SMS đã gửi (hệ thống ghi nhận)', 'Tin nhắn SMS đã đến máy (hệ thống ghi nhận)'] as const;
export const TELCO_HEADER = 'Trong đó nhà mạng báo đã nhắn';

/**
 * The SMS columns of a period's export: none when the system recorded no SMS in the area for the
 * period (a task of a unit without the channel keeps its export as it was), else sent and delivered,
 * and the telco-reported part when there is one.
 */
function smsColumns(p: ExportPeriod): ((m: Measured) => number)[] {
  const all = areaMeasured(p);
  if (all.smsSent === 0 && all.smsDelivered === 0) return [];
  const cols = [(m: Measured) => m.smsSent, (m: Measured) => m.smsDelivered];
  return all.telcoReported > 0 ? [...cols, (m: Measured) => m.telcoReported] : cols;
}

/** The area's SMS: the rows' and what units in no row sent. */
function areaMeasured(p: ExportPeriod): Measured {
  const o = p.measuredOutside;
  const m = p.measured;
  return o ? { smsSent: m.smsSent + o.smsSent, smsDelivered: m.smsDelivered + o.smsDelivered, telcoReported: m.telcoReported + o.telcoReported } : m;
}
const OUTSIDE_LABEL = 'Các đơn vị khác trên địa bàn';

/** Header row and body rows (the last one is the totals row). */
export function rollupTable(input: ExportInput): { headers: string[]; rows: (string | number | null)[][] } {
  const sms = smsColumns(input.period);
  const headers = [...FIXED_HEADERS, ...input.indicators.map(withUnit), ...COVERAGE_HEADERS, ...[...SMS_HEADERS, TELCO_HEADER].slice(0, sms.length)];
  const valueOf = (figures: { indicator: string; value: number | string | null }[], key: string) => figures.find((f) => f.indicator === key)?.value ?? null;
  const rows: (string | number | null)[][] = input.period.rows.map((r, i) => [
    i + 1,
    r.unit.code ?? '',
    r.unit.name,
    ...input.indicators.map((ind) => valueOf(r.figures, ind.key)),
    r.expected,
    r.reported,
    r.late,
    ...sms.map((col) => col(r.measured)),
  ]);
  const c = input.period.coverage;
  rows.push([
    '',
    '',
    TOTAL_LABEL,
    ...input.indicators.map((ind) => valueOf(input.period.totals, ind.key)),
    c.expected,
    c.reported,
    c.late,
    ...sms.map((col) => col(input.period.measured)),
  ]);
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
  const ws = wb.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 5 }] });
  ws.addRow([`Tổng hợp báo cáo: ${input.taskTitle}`]).font = { bold: true, size: 13 };
  ws.addRow([`Địa bàn: ${input.unitName} — Kỳ báo cáo: ${input.period.label}`]);
  ws.addRow(['Hạn báo cáo:', input.deadlineText]);
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

function fmt(v: number | string | null): string {
  if (v === null) return '—';
  return typeof v === 'number' ? v.toLocaleString('vi-VN') : v;
}

/**
 * The report's subject, short: "Kết quả tuyên truyền dịp Tết Nguyên đán Tân Sửu 2021" from a task
 * title that may be a whole paragraph (first clause, leading "Báo cáo (nhanh)" dropped, ≤ 100 characters).
 */
export function reportSubject(title: string): string {
  let s = title.normalize('NFC').replace(/\s+/g, ' ').trim();
  s = s.replace(/^(báo cáo|tổng hợp)\s+(nhanh\s+|định kỳ\s+)?/iu, '');
  s = s.split(/[;:.(]|,\s(?=(?:gửi|trước|chậm nhất|hạn|định kỳ|hằng|hàng)\b)|\s(?=(?:gửi về|trước ngày|trước \d|chậm nhất)\b)/u)[0]?.trim() ?? s;
  if (s.length > 100) s = `${s.slice(0, 100).replace(/\s+\S*$/u, '')}…`;
  s = s.replace(/^kết quả\s+/iu, '');
  return `Kết quả ${s}`;
}

const names = (l: readonly { name: string }[]) => (l.length ? l.map((u) => u.name).join('; ') : 'không có');

/** The figures table of the report: one row per unit, the totals row last (bold). */
function figuresTable(input: ExportInput, after: number): BodyTable {
  const valueOf = (figures: { indicator: string; value: number | string | null }[], key: string) => fmt(figures.find((f) => f.indicator === key)?.value ?? null);
  const rows = input.period.rows.map((r, i) => [
    String(i + 1),
    r.unit.name,
    ...input.indicators.map((ind) => valueOf(r.figures, ind.key)),
    `${r.reported}/${r.expected}`,
    String(r.late),
  ]);
  const c = input.period.coverage;
  rows.push(['', TOTAL_LABEL, ...input.indicators.map((ind) => valueOf(input.period.totals, ind.key)), `${c.reported}/${c.expected}`, String(c.late)]);
  return {
    afterParagraph: after,
    columns: [4, 22, ...input.indicators.map(() => 11), 9, 8],
    header: ['STT', 'Đơn vị', ...input.indicators.map(withUnit), 'Đã báo cáo', 'Nộp muộn'],
    rows,
    boldRows: [rows.length - 1],
    align: ['center', 'left', ...input.indicators.map(() => 'right' as const), 'center', 'center'],
  };
}

/** The measured SMS per unit (only when the period has any): one row per unit, the totals row last. */
function smsTable(input: ExportInput, after: number): BodyTable | null {
  const cols = smsColumns(input.period);
  if (!cols.length) return null;
  const cells = (m: Measured) => cols.map((col) => fmt(col(m)));
  const rows = input.period.rows.map((r, i) => [String(i + 1), r.unit.name, ...cells(r.measured)]);
  const outside = input.period.measuredOutside;
  if (outside && (outside.smsSent > 0 || outside.smsDelivered > 0)) rows.push(['', OUTSIDE_LABEL, ...cells(outside)]);
  rows.push(['', TOTAL_LABEL, ...cells(areaMeasured(input.period))]);
  return {
    afterParagraph: after,
    columns: [4, 22, ...cols.map(() => 11)],
    header: ['STT', 'Đơn vị', 'Tin nhắn SMS đã gửi', 'Đã đến máy', 'Nhà mạng báo đã nhắn'].slice(0, 2 + cols.length),
    rows,
    boldRows: [rows.length - 1],
    align: ['center', 'left', ...cols.map(() => 'right' as const)],
  };
}

/** The SMS sentence of the report: what the system recorded, apart from what the units reported. */
export function smsSentence(p: ExportPeriod, unitName: string): string {
  const m = areaMeasured(p);
  const telco = m.telcoReported > 0 ? ` (trong đó nhà mạng báo đã nhắn ${fmt(m.telcoReported)} thuê bao)` : '';
  return `Tin nhắn SMS (hệ thống ghi nhận, không thuộc số liệu các đơn vị báo cáo) gửi đến thuê bao trên địa bàn ${unitName}: đã gửi ${fmt(m.smsSent)} tin${telco}, đã đến máy ${fmt(m.smsDelivered)} tin. Từng đơn vị như sau:`;
}

/** The upward report (báo cáo, Decree 30) as the directives renderer's input, with its figures table. */
export function reportDocument(input: ExportInput): { dispatch: DispatchToRender; tables: BodyTable[] } {
  const h = input.letterhead;
  const c = input.period.coverage;
  const totals = input.indicators.map((ind) => {
    const v = input.period.totals.find((t) => t.indicator === ind.key)?.value ?? null;
    return `${ind.label}: ${fmt(v)}${v !== null && ind.unit ? ` ${ind.unit}` : ''}`;
  });
  const sms = smsTable(input, 4);
  const basis = input.sourceRef ? `Thực hiện ${input.sourceRef}` : `Thực hiện yêu cầu của ${h.recipient} về ${input.taskTitle.charAt(0).toLowerCase()}${input.taskTitle.slice(1)}`;
  const body = [
    `${basis}, ${h.issuer} báo cáo kết quả ${h.periodName.toLowerCase()} (hạn ${input.deadlineText}) trên địa bàn ${input.unitName} như sau:`,
    '1. Kết quả thực hiện',
    `Tổng hợp trên địa bàn ${input.unitName}: ${totals.join('; ')}.`,
    `Số đơn vị đã báo cáo: ${c.reported}/${c.expected}; trong đó nộp muộn: ${c.late}. Số liệu từng đơn vị như sau:`,
    ...(sms ? [smsSentence(input.period, input.unitName)] : []),
    '2. Đơn vị nộp báo cáo muộn, chưa báo cáo',
    `Nộp muộn: ${names(input.lateUnits)}.`,
    `Chưa báo cáo: ${names(input.missingUnits)}.`,
    `Trên đây là báo cáo ${reportSubject(input.taskTitle).charAt(0).toLowerCase()}${reportSubject(input.taskTitle).slice(1)} ${h.periodName.toLowerCase()} của ${h.issuer}, kính báo cáo ${h.recipient}./.`,
  ];
  const dispatch: DispatchToRender = {
    issuerParent: h.issuerParent,
    issuer: h.issuer,
    number: null,
    symbol: `BC-${h.symbol}`,
    docType: 'BC',
    place: h.place,
    date: h.date,
    subject: `${reportSubject(input.taskTitle)} (${h.periodName.toLowerCase()})`,
    urgency: null,
    recipients: [h.recipient],
    body,
    signerAuthority: h.signerAuthority,
    signerPosition: h.signerPosition,
    signerTitle: null,
    signerName: h.signerName,
    cc: ['Như trên'],
    archive: 'VT',
  };
  return { dispatch, tables: sms ? [figuresTable(input, 3), sms] : [figuresTable(input, 3)] };
}

/** The upward report as a Word document. */
export async function toDocx(input: ExportInput): Promise<Buffer> {
  const { dispatch, tables } = reportDocument(input);
  return renderDirectiveDocx(dispatch, { tables });
}

/** The upward report as a PDF (fonts embedded). */
export async function toPdf(input: ExportInput): Promise<Buffer> {
  const { dispatch, tables } = reportDocument(input);
  return renderDirectivePdf(dispatch, { tables });
}
