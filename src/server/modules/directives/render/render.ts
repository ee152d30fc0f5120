import { composeDispatch } from './compose.ts';
import type { DispatchToRender, RenderOptions } from './compose.ts';
import { renderLayoutDocx } from './render-docx.ts';
import { renderLayoutPdf } from './render-pdf.ts';
import { issueDate } from './vn-date.ts';

/** The PDF, its fonts embedded; the creation date is the date of issue, so equal input gives equal bytes. */
export async function renderDirectivePdf(d: DispatchToRender, opts: RenderOptions = {}): Promise<Buffer> {
  return renderLayoutPdf(composeDispatch(d, opts), issueDate(d.date) ?? new Date(0));
}

/** The Word document (Times New Roman, A4, Decree 30 margins). */
export async function renderDirectiveDocx(d: DispatchToRender, opts: RenderOptions = {}): Promise<Buffer> {
  return renderLayoutDocx(composeDispatch(d, opts));
}
