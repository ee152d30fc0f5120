// What the table imports (subscribers, devices) share: the upload body, the file types read, the row
// messages and the fields every import report has. Each module's contract extends the report with
// its own counts and sample.
import { z } from 'zod';
import { labelledText } from './text.ts';

/** A file sent as JSON: its name and its bytes in base64, at most `fileBytes` of them. */
export const fileUploadFields = (fileBytes: number, fileNameMax = 255) => ({
  fileName: labelledText(fileNameMax, 'tên tệp'),
  contentBase64: z
    .string({ error: 'nội dung tệp (base64) phải là chuỗi ký tự' })
    .min(1, 'tệp rỗng')
    .max(Math.ceil(fileBytes / 3) * 4 + 4, 'tệp quá lớn')
    .regex(/^[A-Za-z0-9+/=\s]+$/, 'nội dung tệp phải mã hóa base64'),
});

/** The body of a table import: the file, and whether only to preview it. */
export const sheetImportBody = (fileBytes: number) =>
  z.object({
    ...fileUploadFields(fileBytes),
    /** true: only the preview, nothing is written. */
    dryRun: z.boolean().default(true),
  });

/** File types a table import reads: the upload picker's accept list. */
export const SHEET_IMPORT_ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A message about one line of the file ("Dòng 7: …"). */
export const RowMessage = z.object({ line: z.number().int(), message: z.string() });
export type RowMessage = z.infer<typeof RowMessage>;

/** The fields of every import report. */
export const SheetImportReportBase = z.object({
  dryRun: z.boolean(),
  /** true when the rows were written (not a dry run, no errors). */
  imported: z.boolean(),
  /** Data rows read (blank rows not counted). */
  rows: z.number().int(),
  added: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(RowMessage),
});
