/** `loa render DIRECTIVE.json --pdf OUT.pdf --docx OUT.docx`: renders a `loa parse --json` result. */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { DispatchToRender } from './compose.ts';
import { renderDirectiveDocx, renderDirectivePdf } from './render.ts';

const text = z.string().nullable().default(null);
const list = z.array(z.string()).default([]);

/** The fields the renderer prints; other ParsedDispatch fields are allowed and ignored. */
const RenderInput = z.object({
  issuerParent: text,
  issuer: text,
  number: z
    .union([z.string(), z.number().int().nonnegative().transform(String)])
    .nullable()
    .default(null),
  symbol: text,
  docType: z.string().default('CV'),
  place: text,
  date: z
    .string()
    .regex(/^\d{4}-\d{1,2}(-\d{1,2})?$/, 'ngày phải có dạng YYYY-MM-DD hoặc YYYY-MM')
    .nullable()
    .default(null),
  subject: text,
  urgency: text,
  recipients: list,
  body: list,
  signerAuthority: text,
  signerPosition: text,
  signerTitle: text,
  signerName: text,
  cc: list,
  archive: text,
}) satisfies z.ZodType<DispatchToRender, unknown>;

function describe(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ');
}

/** Returns the process exit code: 0 done, 1 unreadable or invalid input, 2 nothing asked for. */
export async function runRenderCommand(jsonFile: string, opts: { pdf?: string; docx?: string }): Promise<number> {
  if (!opts.pdf && !opts.docx) {
    process.stderr.write('Cần ít nhất một tệp kết quả: loa render VĂN_BẢN.json --pdf TỆP.pdf --docx TỆP.docx\n');
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(await readFile(jsonFile, 'utf8'));
  } catch (err) {
    process.stderr.write(`Lỗi: không đọc được ${jsonFile} (${err instanceof Error ? err.message : String(err)})\n`);
    return 1;
  }
  const parsed = RenderInput.safeParse(input);
  if (!parsed.success) {
    process.stderr.write(`Lỗi: ${jsonFile} không phải văn bản hợp lệ: ${describe(parsed.error)}\n`);
    return 1;
  }
  const outputs: [string, (d: DispatchToRender) => Promise<Buffer>][] = [];
  if (opts.pdf) outputs.push([opts.pdf, renderDirectivePdf]);
  if (opts.docx) outputs.push([opts.docx, renderDirectiveDocx]);
  for (const [file, render] of outputs) {
    try {
      const bytes = await render(parsed.data);
      await writeFile(file, bytes);
      process.stdout.write(`Đã ghi ${file} (${bytes.length} byte)\n`);
    } catch (err) {
      process.stderr.write(`Lỗi: không ghi được ${file} (${err instanceof Error ? err.message : String(err)})\n`);
      return 1;
    }
  }
  return 0;
}
