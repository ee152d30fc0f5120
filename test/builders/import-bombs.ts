/**
 * Hostile files built in the tests (nothing shipped): DOCX zip bombs (honest and lying headers),
 * a many-page PDF and a large text, as reported against the import endpoint.
 */
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A minimal Word document whose body repeats one paragraph until document.xml is about `xmlBytes` long. */
export async function docx(xmlBytes: number, paragraph = 'Kính gửi: UBND các xã, thị trấn.'): Promise<Buffer> {
  const p = `<w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p>`;
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const tail = '</w:body></w:document>';
  const count = Math.max(1, Math.ceil((xmlBytes - head.length - tail.length) / Buffer.byteLength(p)));
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', head + p.repeat(count) + tail);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/**
 * The same zip with every uncompressed size in its local headers and central directory rewritten
 * to `claimed` bytes: a reader that trusts the headers would inflate it in full.
 */
export function lieAboutSizes(zip: Buffer, claimed: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && i + 30 <= out.length) out.writeUInt32LE(claimed, i + 22);
    else if (sig === 0x02014b50 && i + 46 <= out.length) out.writeUInt32LE(claimed, i + 24);
  }
  return out;
}

/** A PDF of `pages` pages, each with one line of text. */
export function manyPagePdf(pages: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, autoFirstPage: false, compress: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('error', reject);
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (let i = 1; i <= pages; i++) doc.addPage().text(`Trang ${i}`);
    doc.end();
  });
}

/** A plain-text dispatch padded with recipients lines to about `bytes` bytes (UTF-8). */
export function largeText(bytes: number): Buffer {
  const head = 'UBND HUYỆN TAM ĐƯỜNG\nPHÒNG VĂN HÓA VÀ THÔNG TIN\nSố: 12/VHTT\nKính gửi:\n';
  const line = '- UBND xã Bản Giang, Ủy ban nhân dân xã Nà Tăm, Đài Truyền thanh - Truyền hình huyện;\n';
  return Buffer.from(head + line.repeat(Math.max(1, Math.ceil((bytes - Buffer.byteLength(head)) / Buffer.byteLength(line)))));
}
