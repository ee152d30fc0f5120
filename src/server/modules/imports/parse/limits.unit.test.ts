import { describe, expect, it } from 'vitest';
import { docx, lieAboutSizes, manyPagePdf } from '../../../../../test/builders/import-bombs.ts';
import { extractBytes } from './extract.ts';
import { ANALYSIS_LIMITS, ExtractError, checkZip, formatBytes } from './limits.ts';

const small = { ...ANALYSIS_LIMITS, zipEntryBytes: 64 * 1024, zipTotalBytes: 128 * 1024, pdfPages: 5, textBytes: 32 * 1024 };

async function refusal(p: Promise<unknown> | (() => void)): Promise<ExtractError> {
  try {
    if (typeof p === 'function') p();
    else await p;
  } catch (err) {
    if (err instanceof ExtractError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('analysis limits: checked before the costly step', () => {
  it('reads a DOCX within the limits', async () => {
    const text = await extractBytes(await docx(8 * 1024), 'docx', small);
    expect(text).toContain('Kính gửi: UBND các xã, thị trấn.');
  });

  it('refuses a DOCX entry whose declared unpacked size is over the limit, before inflating it', async () => {
    const bomb = await docx(200 * 1024);
    expect(bomb.byteLength).toBeLessThan(4 * 1024);
    const err = await refusal(() => checkZip(bomb, small));
    expect(err.code).toBe('unpacked_too_large');
    expect(err.message).toMatch(/^Tệp giải nén vượt quá giới hạn cho phép: phần "word\/document\.xml".*64 KB/u);
  });

  it('stops an entry whose header understates its size at the limit while inflating', async () => {
    const liar = lieAboutSizes(await docx(200 * 1024), 1000);
    const err = await refusal(() => checkZip(liar, small));
    expect(err.code).toBe('unpacked_too_large');
    // …and extraction refuses it too, so mammoth never inflates it.
    expect((await refusal(extractBytes(liar, 'docx', small))).code).toBe('unpacked_too_large');
  });

  it('refuses entries that are each under the limit but together over it', async () => {
    const limits = { ...small, zipEntryBytes: 200 * 1024, zipTotalBytes: 100 * 1024 };
    const liar = lieAboutSizes(await docx(150 * 1024), 10);
    const err = await refusal(() => checkZip(liar, limits));
    expect(err.code).toBe('unpacked_too_large');
    expect(err.message).toContain('toàn bộ tệp DOCX lớn hơn 100 KB');
  });

  it('refuses a damaged zip as unreadable', async () => {
    const good = await docx(4 * 1024);
    const err = await refusal(() => checkZip(good.subarray(0, good.length - 30), small));
    expect(err.code).toBe('unreadable');
  });

  it('refuses a PDF over the page limit from its page count', async () => {
    const err = await refusal(extractBytes(await manyPagePdf(12), 'pdf', small));
    expect(err).toMatchObject({ code: 'too_many_pages', params: { pages: 12, limit: 5 } });
    expect(err.message).toMatch(/^Văn bản quá nhiều trang \(12 trang; tối đa 5 trang\)/u);
    expect(await extractBytes(await manyPagePdf(3), 'pdf', small)).toContain('Trang 3');
  });

  it('refuses a plain text over the size limit, and an extracted text over it', async () => {
    const err = await refusal(extractBytes(Buffer.from('a'.repeat(40 * 1024)), 'txt', small));
    expect(err).toMatchObject({ code: 'text_too_large', params: { size: '40 KB', limit: '32 KB' } });
    const wide = await docx(60 * 1024, 'x'.repeat(1000));
    expect((await refusal(extractBytes(wide, 'docx', small))).code).toBe('text_too_large');
  });

  it('writes sizes as a Vietnamese reader does', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(formatBytes(800 * 1024)).toBe('800 KB');
  });
});
