/** Test support: a rendered PDF read back as positioned lines (pdf.js through unpdf). */
import { getDocumentProxy } from 'unpdf';
import { PAGE } from './layout.ts';

/** A line of text as drawn: page (1-based), x of its left end and top-down baseline y, in points. */
export interface PdfLine {
  page: number;
  x: number;
  right: number;
  y: number;
  text: string;
}

/** Text items grouped into lines (same page and baseline), left to right. */
export async function pdfLines(pdf: Buffer): Promise<{ pages: number; lines: PdfLine[] }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const lines: PdfLine[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const items = (await page.getTextContent()).items
      .filter((i) => 'str' in i && i.str.trim())
      .map((i) => {
        const t = i as { str: string; transform: number[]; width: number };
        return { str: t.str, x: t.transform[4]!, y: PAGE.height - t.transform[5]!, width: t.width };
      })
      .sort((a, b) => a.y - b.y || a.x - b.x);
    for (const item of items) {
      // same baseline and close: one line; a wide gap separates the columns
      const line = lines.find((l) => l.page === p && Math.abs(l.y - item.y) < 0.5 && item.x - l.right < 50);
      if (!line) lines.push({ page: p, x: item.x, right: item.x + item.width, y: item.y, text: item.str });
      else {
        line.text += item.x - line.right > 1 ? ` ${item.str}` : item.str;
        line.right = item.x + item.width;
      }
    }
  }
  for (const l of lines) l.text = l.text.replace(/\s+/g, ' ').trim();
  lines.sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
  return { pages: doc.numPages, lines };
}

export function find(lines: PdfLine[], pattern: RegExp | string, after?: PdfLine): PdfLine {
  const test = (l: PdfLine) => (typeof pattern === 'string' ? l.text.includes(pattern) : pattern.test(l.text));
  const start = after ? lines.indexOf(after) + 1 : 0;
  const found = lines.slice(start).find(test);
  if (!found) throw new Error(`no line ${String(pattern)} after ${after?.text ?? 'start'}:\n${lines.map((l) => `${l.page} ${l.y.toFixed(1)} ${l.text}`).join('\n')}`);
  return found;
}
