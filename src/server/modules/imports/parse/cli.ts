/**
 * `loa parse FILE... [--json]` and `loa parse-eval DIR` (wired into the loa CLI by the lead).
 * JSON goes to stdout; the readable summary and errors are in Vietnamese.
 */
import { analysisFailure, withAnalysis } from '../analysis.ts';
import type { ParsedDispatch, Schedule } from '../../../../shared/dispatch.ts';
import { EVAL_FIELDS, evaluateFolder } from './eval.ts';
import { readDispatchFile } from './extract.ts';
import { ANALYSIS_LIMITS } from './limits.ts';
import type { AnalysisLimits } from './limits.ts';

const WEEKDAY_NAMES = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];

function describeSchedule(s: Schedule | null): string {
  if (!s) return 'không xác định';
  const period = (from?: string | null, until?: string | null) => (from || until ? ` (từ ${from ?? '?'} đến ${until ?? '?'})` : '');
  switch (s.kind) {
    case 'once':
      return `một lần, lúc ${s.at}`;
    case 'daily':
      return `hằng ngày lúc ${s.time}${period(s.from, s.until)}`;
    case 'weekly':
      return `hằng tuần vào ${WEEKDAY_NAMES[s.weekday] ?? '?'} lúc ${s.time}${period(s.from, s.until)}`;
    case 'monthly':
      return `hằng tháng ngày ${s.day} lúc ${s.time}${period(s.from, s.until)}`;
    case 'relative':
      return `trong ${s.days} ngày${s.from ? ` kể từ ${s.from}` : ''}`;
  }
}

/** Readable Vietnamese summary of one parsed dispatch. */
export function summarize(file: string, d: ParsedDispatch): string {
  const v = (x: string | null) => x ?? '—';
  const list = (items: string[]) => (items.length ? items.map((i) => `\n    - ${i}`).join('') : ' —');
  const lines = [
    `Tệp: ${file}`,
    `  Cơ quan chủ quản: ${v(d.issuerParent)}`,
    `  Cơ quan ban hành: ${v(d.issuer)}`,
    `  Số, ký hiệu: ${d.number ?? '…'}/${v(d.symbol)} (loại: ${d.docType})`,
    `  Địa danh, ngày: ${v(d.place)}, ${v(d.date)}`,
    `  Trích yếu: ${v(d.subject)}`,
    ...(d.urgency ? [`  Độ khẩn: ${d.urgency}`] : []),
    `  Kính gửi:${list(d.recipients)}`,
    `  Nơi nhận:${list(d.cc)}`,
    `  Lưu: ${v(d.archive)}`,
    `  Người ký: ${[d.signerAuthority, d.signerPosition].filter(Boolean).join(' ') || '—'}${d.signerTitle ? ` / ${d.signerTitle}` : ''} — ${v(d.signerName)}`,
    `  Văn bản được dẫn:${list(d.citations.map((c) => `${c.type ?? 'Văn bản'} số ${c.number}/${c.symbol}${c.date ? ` ngày ${c.date}` : ''}`))}`,
    `  Thời hạn:${list(d.deadlines.map((x) => `${x.text} → ${describeSchedule(x.schedule)}`))}`,
    `  Thư điện tử: ${d.emails.join(', ') || '—'}; Điện thoại: ${d.phones.join(', ') || '—'}; Địa chỉ web: ${d.urls.join(', ') || '—'}`,
    `  Các phần:${list(d.sections.map((s) => `${s.number}. ${s.heading ?? '(không tiêu đề)'}${s.addressees.length ? ` → ${s.addressees.join('; ')}` : ''} (${s.items.length} ý)`))}`,
    `  Số đoạn nội dung: ${d.body.length}`,
  ];
  if (d.reportForm) {
    lines.push(
      `  Yêu cầu báo cáo: ${d.reportForm.indicators.join('; ') || '—'}; gửi ${v(d.reportForm.recipient)} qua ${v(d.reportForm.channel)}; ${describeSchedule(d.reportForm.schedule)}`,
    );
  }
  for (const w of d.warnings ?? []) lines.push(`  Cảnh báo: ${w}`);
  return lines.join('\n');
}

/** Reads and parses one file in the analysis sandbox, with the limits of an upload. */
async function parseFile(file: string, limits: AnalysisLimits): Promise<ParsedDispatch> {
  const { bytes, format } = await readDispatchFile(file, limits);
  return withAnalysis(limits, async (call) => (await call('read', { bytes, format, limits }, [bytes.buffer])).parsed);
}

/** Parses each file; prints JSON (one object, or an array for several files) or a summary. */
export async function runParseCommand(files: string[], opts: { json: boolean; limits?: AnalysisLimits }): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('Cần ít nhất một tệp: loa parse TỆP... [--json]\n');
    return 2;
  }
  const limits = opts.limits ?? ANALYSIS_LIMITS;
  const results: ParsedDispatch[] = [];
  let failed = false;
  for (const file of files) {
    try {
      const parsed = await parseFile(file, limits);
      results.push(parsed);
      if (!opts.json) process.stdout.write(`${summarize(file, parsed)}\n\n`);
    } catch (err) {
      failed = true;
      const message = analysisFailure(err, limits)?.message ?? `Không phân tích được ${file}: ${String(err)}`;
      process.stderr.write(`Lỗi (${file}): ${message}\n`);
    }
  }
  if (opts.json && results.length > 0) {
    process.stdout.write(`${JSON.stringify(files.length === 1 ? results[0] : results, null, 2)}\n`);
  }
  return failed ? 1 : 0;
}

/** Evaluates the parser on a folder of documents with gold files; prints per-field accuracy. */
export async function runEvalCommand(dir: string): Promise<number> {
  let report;
  try {
    report = await evaluateFolder(dir);
  } catch (err) {
    process.stderr.write(`Lỗi: không đánh giá được thư mục ${dir}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  if (report.documents === 0) {
    process.stderr.write(`Không có văn bản nào kèm tệp .gold.json trong ${dir}\n`);
    return 1;
  }
  process.stdout.write(`Đánh giá ${report.documents} văn bản trong ${dir}\n`);
  for (const f of EVAL_FIELDS) process.stdout.write(`  ${f.padEnd(16)} ${(report.fields[f] * 100).toFixed(1)}%\n`);
  process.stdout.write(`  ${'(trung bình)'.padEnd(16)} ${(report.overall * 100).toFixed(1)}%\n`);
  for (const f of report.failures) process.stdout.write(`  Sai: ${f}\n`);
  return 0;
}
