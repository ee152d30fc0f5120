import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractError, extractText } from './extract.ts';
import { parseDispatch } from './parse.ts';

const fontsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../assets/fonts');
const ttf = existsSync(fontsDir) ? readdirSync(fontsDir).find((f) => f.endsWith('.ttf')) : undefined;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'loa-parse-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function pdf(file: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('error', reject);
    doc.on('end', () => {
      writeFile(file, Buffer.concat(chunks)).then(resolve, reject);
    });
    draw(doc);
    doc.end();
  });
}

describe('file extraction', () => {
  it('reads a .docx (header as paragraphs) and parses it', async () => {
    const file = path.join(dir, 'cv.docx');
    const lines = [
      'UBND TỈNH LAI CHÂU',
      'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      'Số: 45/STTTT-BCXB',
      'V/v tuyên truyền phòng, chống dịch',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Lai Châu, ngày 12 tháng 3 năm 2021',
      'Kính gửi: UBND các huyện, thành phố.',
      'Sở Thông tin và Truyền thông đề nghị các đơn vị báo cáo trước 16h00 ngày 20/3/2021./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT.',
      'GIÁM ĐỐC',
      'Nguyễn Văn A',
    ];
    const doc = new Document({ sections: [{ children: lines.map((t) => new Paragraph(t)) }] });
    await writeFile(file, await Packer.toBuffer(doc));
    const d = parseDispatch(await extractText(file));
    expect(d).toMatchObject({
      issuerParent: 'UBND TỈNH LAI CHÂU',
      issuer: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      number: '45',
      symbol: 'STTTT-BCXB',
      place: 'Lai Châu',
      date: '2021-03-12',
      subject: 'tuyên truyền phòng, chống dịch',
      recipients: ['UBND các huyện, thành phố'],
      archive: 'VT',
      signerPosition: 'GIÁM ĐỐC',
      signerName: 'Nguyễn Văn A',
    });
    expect(d.deadlines[0]?.schedule).toEqual({ kind: 'once', at: '2021-03-20T16:00:00+07:00' });
  });

  it('reads a text-layer .pdf, keeping the two header columns apart', async () => {
    const file = path.join(dir, 'cv.pdf');
    const vietnamese = ttf !== undefined;
    await pdf(file, (doc) => {
      if (ttf) doc.font(path.join(fontsDir, ttf));
      doc.fontSize(11);
      const row = (y: number, left: string, right: string) => {
        doc.text(left, 50, y, { lineBreak: false });
        doc.text(right, 300, y, { lineBreak: false });
      };
      if (vietnamese) {
        row(60, 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        row(80, 'Số: 45/STTTT-BCXB', 'Lai Châu, ngày 12 tháng 3 năm 2021');
        doc.text('Kính gửi: UBND các huyện.', 50, 120);
        doc.text('Nội dung./.', 50, 140);
      } else {
        row(60, 'Số: 45/STTTT-BCXB'.replace('ố', 'o'), 'Lai Chau, ngay 12 thang 3 nam 2021');
        doc.text('Kinh gui: UBND cac huyen.', 50, 120);
        doc.text('Noi dung./.', 50, 140);
      }
    });
    const text = await extractText(file);
    expect(text).toMatch(/45\/STTTT-BCXB {2,}/);
    if (vietnamese) {
      expect(parseDispatch(text)).toMatchObject({ number: '45', symbol: 'STTTT-BCXB', place: 'Lai Châu', date: '2021-03-12' });
    }
  });

  it('rejects a PDF without a text layer with a message asking for OCR', async () => {
    const file = path.join(dir, 'scan.pdf');
    await pdf(file, (doc) => {
      doc.rect(50, 50, 200, 100).fill('#333333');
    });
    await expect(extractText(file)).rejects.toThrow(ExtractError);
    await expect(extractText(file)).rejects.toThrow(/OCR/);
  });

  it('reads .txt and .md as text and refuses other formats', async () => {
    const txt = path.join(dir, 'a.md');
    await writeFile(txt, '**Kính gửi:** Sở Y tế.');
    expect(await extractText(txt)).toBe('**Kính gửi:** Sở Y tế.');
    await expect(extractText(path.join(dir, 'a.odt'))).rejects.toThrow(/chưa được hỗ trợ/);
  });
});
