import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TT_MUONG_TE, TT_TAM_DUONG, buildSignedInUser, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { directiveFieldsFromParsed, parseDispatch } from '../imports/index.ts';
import { buildActors, client, draftBody, signedDirective } from '../../../../test/builders/directives.ts';
import type { Actors } from '../../../../test/builders/directives.ts';
import { find, pdfLines } from './render/test-pdf.ts';

const SEEDS = path.resolve(import.meta.dirname, '../../../../assets/seeds');

/** The printed document of a directive, as issuer and recipients download it. */
describeApi('directives: the printed document (PDF/DOCX)', (kind) => {
  let t: TestContext;
  let x: Actors;
  let communeReporter: Session;
  let outsiderReporter: Session;
  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    x = await buildActors(t.c);
    communeReporter = (await buildSignedInUser(t.c, { unitId: TT_TAM_DUONG, roles: ['reporter'] })).session;
    outsiderReporter = (await buildSignedInUser(t.c, { unitId: TT_MUONG_TE, roles: ['reporter'] })).session;
  });
  afterAll(() => t.close());

  const get = (s: Session, id: string, format: 'pdf' | 'docx') => t.app.inject({ url: `/api/directives/${id}/${format}`, headers: s.headers });
  const docxParagraphs = async (docx: Buffer) =>
    (await mammoth.extractRawText({ buffer: docx })).value
      .split(/\n+/)
      .map((p) => p.replace(/\u00a0/g, ' ').trim())
      .filter(Boolean);

  it('starts the text of a numbered item with its number ("1. …"), never a number alone on its line', async () => {
    const id = await signedDirective(t.app, x, {
      body: {
        opening: [{ kind: 'paragraph', runs: [{ text: 'Thực hiện chỉ đạo của UBND huyện, Phòng Văn hóa và Thông tin đề nghị:' }] }],
        sections: [
          {
            number: '1',
            heading: null,
            addressees: [],
            blocks: [{ kind: 'paragraph', runs: [{ text: 'Các cơ quan, đơn vị tăng cường tuyên truyền phòng, chống dịch trên hệ thống truyền thanh cơ sở.' }] }],
          },
          { number: '2', heading: null, addressees: [], blocks: [{ kind: 'paragraph', runs: [{ text: 'UBND các xã, thị trấn báo cáo kết quả trước ngày 15 hằng tháng.' }] }] },
        ],
        closing: [],
      },
    });
    const { lines } = await pdfLines((await get(x.drafter, id, 'pdf')).rawPayload);
    const first = find(lines, /^1\. Các cơ quan, đơn vị tăng cường/);
    const second = find(lines, /^2\. UBND các xã, thị trấn báo cáo/, first);
    expect(second.y).toBeGreaterThan(first.y);
    expect(lines.filter((l) => /^\d+\.$/.test(l.text))).toEqual([]);

    const paragraphs = await docxParagraphs((await get(x.drafter, id, 'docx')).rawPayload);
    expect(paragraphs).toContain('1. Các cơ quan, đơn vị tăng cường tuyên truyền phòng, chống dịch trên hệ thống truyền thanh cơ sở.');
    expect(paragraphs.filter((p) => /^\d+\.$/.test(p))).toEqual([]);
  });

  it('prints seed 000\'s signer block whole: "KT. GIÁM ĐỐC", then "PHÓ GIÁM ĐỐC", then the name', async () => {
    const fields = directiveFieldsFromParsed(parseDispatch(await readFile(path.join(SEEDS, '000.txt'), 'utf8')));
    expect(fields.signer).toMatchObject({ authority: 'KT.', position: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' });
    const created = await client(t.app)(x.drafter, 'POST', '/api/directives', {
      ...draftBody(x),
      ...fields,
      issuerUnitId: x.office.id,
      recipients: { units: [], groups: [x.group.id] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = String((created.body.directive as { id: string }).id);
    const { lines } = await pdfLines((await get(x.drafter, id, 'pdf')).rawPayload);
    const authority = find(lines, /^KT\. GIÁM ĐỐC$/);
    const title = find(lines, /^PHÓ GIÁM ĐỐC$/, authority);
    const name = find(lines, 'Nguyễn Minh Hiệu', title);
    expect(Math.abs(title.x + title.right - (authority.x + authority.right))).toBeLessThan(2); // both centred in the signer column
    expect(name.y).toBeGreaterThan(title.y);
    const paragraphs = await docxParagraphs((await get(x.drafter, id, 'docx')).rawPayload);
    expect(paragraphs.slice(paragraphs.indexOf('KT. GIÁM ĐỐC'), paragraphs.indexOf('KT. GIÁM ĐỐC') + 2)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
  });

  it('lets every user of a recipient unit download the issued PDF and DOCX; others get 404', async () => {
    const id = await signedDirective(t.app, x);
    expect((await get(communeReporter, id, 'pdf')).statusCode).toBe(404); // not issued yet: not received
    expect((await client(t.app)(x.clerk, 'POST', `/api/directives/${id}/issue`, {})).status).toBe(200);
    for (const s of [communeReporter, x.communeClerk]) {
      const pdf = await get(s, id, 'pdf');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
      const docx = await get(s, id, 'docx');
      expect(docx.statusCode).toBe(200);
      expect(Object.keys((await JSZip.loadAsync(docx.rawPayload)).files)).toContain('word/document.xml');
    }
    for (const s of [outsiderReporter, x.outsiderClerk]) {
      expect((await get(s, id, 'pdf')).statusCode).toBe(404);
      expect((await get(s, id, 'docx')).statusCode).toBe(404);
    }
  });
});
