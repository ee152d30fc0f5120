import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { DispatchToRender, RenderOptions } from './index.ts';
import { renderDirectiveDocx, renderDirectivePdf } from './index.ts';
import { COLUMN, MARGIN, PAGE, PAGE_NUMBER_TOP, SPACE } from './layout.ts';
import { find, pdfLines } from './test-pdf.ts';
import type { PdfLine } from './test-pdf.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = path.resolve(HERE, '../../../../../assets/seeds');
const fixture = (name: string) => JSON.parse(readFileSync(path.join(HERE, 'fixtures', `${name}.json`), 'utf8')) as DispatchToRender;

const LEFT_END = MARGIN.left + COLUMN.left;
const inLeftColumn = (l: PdfLine) => l.x >= MARGIN.left - 0.5 && l.right <= LEFT_END + 0.5;
const inRightColumn = (l: PdfLine) => l.x >= LEFT_END - 0.5 && l.right <= PAGE.width - MARGIN.right + 0.5;
const below = (a: PdfLine, b: PdfLine) => a.page > b.page || (a.page === b.page && a.y > b.y);

async function docxParts(docx: Buffer): Promise<{ text: string; document: string; styles: string; headers: string[] }> {
  const zip = await JSZip.loadAsync(docx);
  const read = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
  const headerNames = Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n));
  return {
    text: (await mammoth.extractRawText({ buffer: docx })).value.replace(/\u00a0/g, ' '),
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    headers: await Promise.all(headerNames.map(read)),
  };
}

/** Every string of `parts` occurs in `text`, in this order. */
function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after offset ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

describe('renderDirectivePdf (seed 001, công văn of a Sở)', async () => {
  const d = fixture('001');
  const pdf = await renderDirectivePdf(d);
  const { pages, lines } = await pdfLines(pdf);

  it('lays out the header in two columns: issuing body left, Quốc hiệu and Tiêu ngữ right', () => {
    const parent = find(lines, 'UBND TỈNH THANH HÓA');
    const issuer = find(lines, 'SỞ THÔNG TIN VÀ', parent);
    const nation = find(lines, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const motto = find(lines, 'Độc lập - Tự do - Hạnh phúc', nation);
    expect(parent.page).toBe(1);
    expect(Math.abs(parent.y - nation.y)).toBeLessThan(1.5);
    for (const l of [parent, issuer]) expect(inLeftColumn(l), l.text).toBe(true);
    for (const l of [nation, motto]) expect(inRightColumn(l), l.text).toBe(true);
    expect(below(issuer, parent) && below(motto, nation)).toBe(true);
  });

  it('puts Số left and the italic place and date right on one line, V/v under Số', () => {
    const number = find(lines, /^Số: +\/STTTT-BCXB$/);
    const date = find(lines, /^Thanh Hoá, ngày +tháng 3 năm 2020$/);
    expect(number.y).toBeCloseTo(date.y, 1);
    expect(inLeftColumn(number)).toBe(true);
    expect(inRightColumn(date)).toBe(true);
    const subject = find(lines, /^V\/v tiếp tục đẩy mạnh/, number);
    expect(inLeftColumn(subject)).toBe(true);
    expect(subject.y - number.y).toBeGreaterThan(SPACE.subjectLine);
    expect(find(lines, 'Covid-19', subject).right).toBeLessThanOrEqual(LEFT_END + 0.5);
  });

  it('lists the recipients under Kính gửi, dashes aligned, then the body in order', () => {
    const label = find(lines, /^Kính gửi:$/);
    let prev = label;
    const dashes: number[] = [];
    for (const r of d.recipients) {
      prev = find(lines, `- ${r}`, prev);
      dashes.push(prev.x);
    }
    expect(prev.text.endsWith('.')).toBe(true);
    expect(new Set(dashes.map((x) => x.toFixed(1))).size).toBe(1);
    expect(dashes[0]!).toBeGreaterThan(label.x);
    for (const paragraph of d.body) {
      const start = paragraph.replace(/\*/g, '').split(' ').slice(0, 4).join(' ');
      prev = find(lines, start, prev);
    }
    const firstBody = find(lines, 'Thực hiện Công điện số 04/CD-UBND');
    expect(firstBody.x).toBeGreaterThan(MARGIN.left + 30); // first-line indent
  });

  it('closes with the signer right and Nơi nhận left, on one level, after the body', () => {
    const lastBody = find(lines, 'Nhằm tăng cường các biện pháp phòng');
    const position = find(lines, /^GIÁM ĐỐC$/, lastBody);
    const name = find(lines, 'Đỗ Hữu Quyết', position);
    const cc = find(lines, /^Nơi nhận:$/, lastBody);
    expect(inRightColumn(position) && inRightColumn(name)).toBe(true);
    expect(name.y - position.y).toBeGreaterThan(SPACE.signature);
    expect(inLeftColumn(cc)).toBe(true);
    expect(cc.page).toBe(position.page);
    expect(Math.abs(cc.y - position.y)).toBeLessThan(3);
    let prev = cc;
    for (const c of d.cc) prev = find(lines, `- ${c};`, prev);
    const archive = find(lines, '- Lưu: VT, BCXB.', prev);
    expect(inLeftColumn(archive)).toBe(true);
  });

  it('embeds the Tinos faces and names no standard font', () => {
    const bytes = pdf.toString('latin1');
    const fonts = [...bytes.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)].map((m) => `${m[1] ? 'subset ' : ''}${m[2]}`);
    expect([...new Set(fonts)].sort()).toEqual(['subset Tinos', 'subset Tinos-Bold', 'subset Tinos-BoldItalic', 'subset Tinos-Italic']);
    expect(bytes.split('/FontFile2').length - 1).toBe(4);
    expect(bytes.includes('Helvetica')).toBe(false);
  });

  it('numbers pages from the second, at the top centre', () => {
    expect(pages).toBeGreaterThanOrEqual(2);
    const numbers = lines.filter((l) => /^\d+$/.test(l.text) && l.y < MARGIN.top);
    expect(numbers.map((l) => [l.page, l.text])).toEqual(Array.from({ length: pages - 1 }, (_, i) => [i + 2, String(i + 2)]));
    for (const n of numbers) {
      expect(n.y).toBeGreaterThan(PAGE_NUMBER_TOP);
      expect((n.x + n.right) / 2).toBeCloseTo(MARGIN.left + (PAGE.width - MARGIN.left - MARGIN.right) / 2, 0);
    }
  });

  it('gives the same bytes for the same input', async () => {
    expect((await renderDirectivePdf(d)).equals(pdf)).toBe(true);
  });
});

describe('renderDirectivePdf variants', () => {
  const base = fixture('002');

  it('prints number, full date, urgency, KT. signer and the draft mark', async () => {
    const d: DispatchToRender = {
      ...base,
      number: '7',
      date: '2021-02-05',
      urgency: 'Thượng khẩn',
      signerAuthority: 'KT.',
      signerPosition: 'Trưởng phòng',
      signerTitle: 'Phó Trưởng phòng',
      recipients: ['UBND các xã, thị trấn;'],
      archive: 'Lưu: VT, VHTT.',
    };
    const opts: RenderOptions = { draft: true };
    const { lines } = await pdfLines(await renderDirectivePdf(d, opts));
    const draft = find(lines, /^DỰ THẢO$/);
    expect(draft.page === 1 && draft.y < MARGIN.top && draft.x > PAGE.width / 2).toBe(true);
    const number = find(lines, /^Số: 07\/VHTT$/);
    const date = find(lines, /^Tam Đường, ngày 05 tháng 02 năm 2021$/);
    expect(number.y).toBeCloseTo(date.y, 1);
    const subject = find(lines, /^V\/v/, number);
    const urgency = find(lines, /^THƯỢNG KHẨN$/, subject);
    expect(inLeftColumn(urgency)).toBe(true);
    find(lines, /^Kính gửi: UBND các xã, thị trấn$/, urgency);
    const authority = find(lines, /^KT\. TRƯỞNG PHÒNG$/);
    const title = find(lines, /^PHÓ TRƯỞNG PHÒNG$/, authority);
    find(lines, /^Đỗ Trọng Thi$/, title);
    find(lines, /^- Lưu: VT, VHTT\.$/);
  });

  it('prints a document type other than công văn as a centred title with its subject, without V/v', async () => {
    const d: DispatchToRender = { ...base, docType: 'KH', number: '15', date: '2021-12-31' };
    const { lines } = await pdfLines(await renderDirectivePdf(d));
    const number = find(lines, /^Số: 15\/VHTT$/);
    find(lines, /ngày 31 tháng 12 năm 2021$/);
    const title = find(lines, /^KẾ HOẠCH$/, number);
    const centre = MARGIN.left + (PAGE.width - MARGIN.left - MARGIN.right) / 2;
    expect((title.x + title.right) / 2).toBeCloseTo(centre, 0);
    find(lines, /^Tăng cường công tác tuyên truyền/, title);
    expect(lines.some((l) => l.text.startsWith('V/v'))).toBe(false);
  });

  it('leaves every part of a missing date blank', async () => {
    const { lines } = await pdfLines(await renderDirectivePdf({ ...base, date: null }));
    find(lines, /^Tam Đường, ngày +tháng +năm$/);
  });

  it('breaks a long body over pages, numbering all but the first', async () => {
    const body = Array.from(
      { length: 60 },
      (_, i) =>
        `${i % 10 === 0 ? `${i / 10 + 1}. Nhiệm vụ thứ ${i / 10 + 1}:` : `- Nội dung ${i}: triển khai thực hiện nghiêm túc, kịp thời, hiệu quả các nhiệm vụ được giao; báo cáo kết quả về Phòng Văn hóa và Thông tin huyện.`}`,
    );
    const { pages, lines } = await pdfLines(await renderDirectivePdf({ ...base, body }));
    expect(pages).toBeGreaterThanOrEqual(4);
    const numbers = lines.filter((l) => /^\d+$/.test(l.text) && l.y < MARGIN.top).map((l) => l.page);
    expect(numbers).toEqual(Array.from({ length: pages - 1 }, (_, i) => i + 2));
    for (const l of lines) expect(l.y, l.text).toBeLessThan(PAGE.height - MARGIN.bottom);
    // a heading is never the last line of its page
    for (const h of lines.filter((l) => /^\d+\. Nhiệm vụ/.test(l.text))) {
      const next = lines[lines.indexOf(h) + 1]!;
      expect(next.page, h.text).toBe(h.page);
    }
  });
});

describe('renderDirectiveDocx (seed 002)', async () => {
  const d = fixture('002');
  const { text, document, styles, headers } = await docxParts(await renderDirectiveDocx(d));

  it('holds every element in reading order', () => {
    expectInOrder(text, [
      'UBND HUYỆN TAM ĐƯỜNG',
      'PHÒNG VĂN HÓA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số:',
      '/VHTT',
      'Tam Đường, ngày',
      'tháng 02 năm 2021',
      'V/v tăng cường công tác',
      'Kính gửi:',
      '- Các cơ quan, ban, ngành, đoàn thể huyện;',
      '- UBND các xã, thị trấn.',
      'Căn cứ Thông báo số 62/TB-UBND',
      'Trên đây là Công văn',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT.',
      'TRƯỞNG PHÒNG',
      'Đỗ Trọng Thi',
    ]);
    expect(text).not.toContain('**');
  });

  it('sets A4, the Decree 30 margins, Times New Roman and page numbers from page 2', () => {
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar [^>]*w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    expect(document).toContain('<w:titlePg/>');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);
  });

  it('justifies body paragraphs at 14 pt with a first-line indent, bold where marked', () => {
    const bodyParagraph = /<w:p>(?:(?!<\/w:p>).)*Căn cứ Thông báo số 62(?:(?!<\/w:p>).)*<\/w:p>/.exec(document)?.[0] ?? '';
    expect(bodyParagraph).toContain('<w:jc w:val="both"/>');
    expect(bodyParagraph).toContain('w:firstLine="720"');
    expect(bodyParagraph).toContain('<w:sz w:val="28"/>');
    expect(/<w:b\/>(?:(?!<\/w:r>).)*16h 00&apos;/.test(document)).toBe(true);
  });
});

const golds = existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith('.gold.json')) : [];

describe.runIf(golds.length > 0)('the seed gold annotations', () => {
  it.each(golds)('%s renders to PDF and DOCX', async (file) => {
    const d = JSON.parse(readFileSync(path.join(SEEDS, file), 'utf8')) as DispatchToRender;
    const [pdf, docx] = await Promise.all([renderDirectivePdf(d), renderDirectiveDocx(d)]);
    const { lines } = await pdfLines(pdf);
    const number = find(lines, /^Số:/);
    const date = find(lines, /ngày .* năm \d{4}$/);
    expect(number.y).toBeCloseTo(date.y, 1);
    const cc = find(lines, /^Nơi nhận:$/);
    find(lines, d.signerName ?? '', cc.page > 1 ? undefined : number);
    const { text } = await docxParts(docx);
    expectInOrder(text, ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Kính gửi:', 'Nơi nhận:', `- Lưu: ${d.archive ?? 'VT'}.`, d.signerName ?? '']);
  });
});
