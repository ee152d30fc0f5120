import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { ATTACHMENT_MAX_BYTES, attachmentFileName, sniffAttachmentType } from './attachments.files.ts';
import { buildActors, client, draftBody } from '../../../../test/builders/directives.ts';
import type { Actors } from '../../../../test/builders/directives.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const BOUNDARY = '----loa-attachment-test';

function multipart(file: { name: string; content: Buffer; type?: string }, fields: Record<string, string> = {}): Buffer {
  return Buffer.concat([
    ...Object.entries(fields).map(([k, v]) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`),
    file.content,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

describe('attachment type sniffing', () => {
  it('recognises documents from their content, not their name', () => {
    expect(sniffAttachmentType(PDF)).toBe('pdf');
    const zip = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), ...names.map((n) => Buffer.from(`\0\0${n}\0`))]);
    expect(sniffAttachmentType(zip('[Content_Types].xml', '_rels/.rels', 'word/document.xml'))).toBe('docx');
    expect(sniffAttachmentType(zip('[Content_Types].xml', 'xl/workbook.xml'))).toBe('xlsx');
    expect(sniffAttachmentType(zip('virus.exe'))).toBeNull();
    expect(sniffAttachmentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffAttachmentType(Buffer.from('ID3\x03\x00'))).toBe('mp3');
    expect(sniffAttachmentType(Buffer.from('Đây là văn bản thường, không phải PDF.'))).toBeNull();
    expect(attachmentFileName('../../Tờ rơi <phòng dịch>.PDF', 'pdf')).toBe('Tờ rơi phòng dịch.pdf');
    expect(attachmentFileName('???', 'docx')).toBe('tep-dinh-kem.docx');
  });
});

describeApi('directives: attached files', (kind) => {
  let t: TestContext;
  let x: Actors;
  let call: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    x = await buildActors(t.c);
    call = client(t.app);
  });
  afterAll(() => t.close());

  const upload = (s: Session, id: string, file: { name: string; content: Buffer; type?: string }, fields: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/directives/${id}/attachments`,
      headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart(file, fields),
    });
  const download = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
  const remove = (s: Session, url: string) => t.app.inject({ method: 'DELETE', url, headers: s.headers });

  it('the drafter attaches files to the draft; recipients download them after issue, nobody else can', async () => {
    const created = await call(x.drafter, 'POST', '/api/directives', draftBody(x));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.directive.id as string;
    expect(created.body.directive.files).toEqual([]);

    const up = await upload(x.drafter, id, { name: 'Tờ rơi phòng chống dịch.pdf', content: PDF }, { kind: 'propaganda_material' });
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json<{ file: Record<string, unknown> }>().file;
    expect(file).toMatchObject({
      kind: 'propaganda_material',
      kindLabel: 'Tài liệu tuyên truyền kèm theo',
      name: 'Tờ rơi phòng chống dịch.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      url: `/api/directives/${id}/attachments/${String(file.id)}`,
    });
    const url = String(file.url);

    // A second file (default kind), removed again while still a draft.
    const extra = await upload(x.drafter, id, { name: 'phu-luc.pdf', content: PDF });
    expect(extra.statusCode, extra.body).toBe(201);
    const extraFile = extra.json<{ file: { url: string; kind: string } }>().file;
    expect(extraFile.kind).toBe('attachment');
    expect((await remove(x.drafter, extraFile.url)).statusCode).toBe(204);
    expect((await download(x.drafter, extraFile.url)).statusCode).toBe(404);

    const detail = await call(x.drafter, 'GET', `/api/directives/${id}`);
    expect(detail.body.directive.files).toHaveLength(1);
    expect(detail.body.directive.files[0]).toMatchObject({ name: 'Tờ rơi phòng chống dịch.pdf', sizeBytes: PDF.length, kind: 'propaganda_material', url });

    // Before issue the commune may not read the directive, so not its files either.
    expect((await download(x.communeClerk, url)).statusCode).toBe(404);
    // A drafter of another district cannot attach to it (the directive is invisible: 404).
    expect((await upload(x.outsiderClerk, id, { name: 'x.pdf', content: PDF })).statusCode).toBe(404);

    for (const [s, step] of [
      [x.drafter, 'submit'],
      [x.approver, 'approve'],
      [x.approver, 'sign'],
    ] as const) {
      const r = await call(s, 'POST', `/api/directives/${id}/${step}`);
      expect(r.status, `${step}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    const issued = await call(x.clerk, 'POST', `/api/directives/${id}/issue`, {});
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.directive.files).toHaveLength(1);

    const got = await download(x.communeClerk, url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Tờ rơi phòng chống dịch.pdf')}`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect((await download(x.otherCommuneClerk, url)).statusCode).toBe(200);

    // Mường Tè is not a recipient: 404, as if the directive did not exist.
    const outsider = await download(x.outsiderClerk, url);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');

    // Issued: files can be neither removed nor added.
    const late = await remove(x.drafter, url);
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json<{ error: { code: string } }>().error.code).toBe('DIRECTIVE_INVALID_STATE');
    expect((await upload(x.drafter, id, { name: 'x.pdf', content: PDF })).statusCode).toBe(409);
    expect((await download(x.communeClerk, url)).statusCode).toBe(200);

    const events = (await auditEventsFor(t.c, id)).filter((e) => e.action.startsWith('directive.attachment.'));
    expect(events.map((e) => e.action)).toEqual(['directive.attachment.add', 'directive.attachment.add', 'directive.attachment.delete']);
    expect(events[0]?.after).toMatchObject({ attachmentId: file.id, kind: 'propaganda_material', name: 'Tờ rơi phòng chống dịch.pdf', size: PDF.length });
    expect(events[2]?.before).toMatchObject({ name: 'phu-luc.pdf', kind: 'attachment' });
  });

  it('checks the type from the content (415) and the size (413), and validates the kind', async () => {
    const created = await call(x.drafter, 'POST', '/api/directives', draftBody(x));
    const id = created.body.directive.id as string;

    const text = await upload(x.drafter, id, { name: 'cong-van.pdf', content: Buffer.from('Đây là một tệp văn bản thường, đặt tên .pdf.\n') });
    expect(text.statusCode, text.body).toBe(415);
    const err = text.json<{ error: { code: string; message: string } }>().error;
    expect(err.code).toBe('ATTACHMENT_UNSUPPORTED_FILE');
    expect(err.message).toContain('Tệp đính kèm chỉ nhận PDF');

    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x20);
    PDF.copy(big);
    const tooBig = await upload(x.drafter, id, { name: 'lon.pdf', content: big });
    expect(tooBig.statusCode, tooBig.body).toBe(413);
    expect(tooBig.json<{ error: { code: string } }>().error.code).toBe('PAYLOAD_TOO_LARGE');

    const badKind = await upload(x.drafter, id, { name: 'a.pdf', content: PDF }, { kind: 'poster' });
    expect(badKind.statusCode).toBe(400);
    const notMultipart = await call(x.drafter, 'POST', `/api/directives/${id}/attachments`, { file: 'x' });
    expect(notMultipart.status).toBe(400);

    const detail = await call(x.drafter, 'GET', `/api/directives/${id}`);
    expect(detail.body.directive.files).toEqual([]);
    expect((await auditEventsFor(t.c, id)).filter((e) => e.action.startsWith('directive.attachment.'))).toEqual([]);

    // An unknown attachment id answers 404 to download and delete alike.
    const missing = `/api/directives/${id}/attachments/00000000-0000-4000-8000-000000000000`;
    expect((await download(x.drafter, missing)).statusCode).toBe(404);
    expect((await remove(x.drafter, missing)).statusCode).toBe(404);
  });

  it('an amendment starts with the original files; removing one from the amendment keeps the original', async () => {
    const created = await call(x.drafter, 'POST', '/api/directives', draftBody(x));
    const id = created.body.directive.id as string;
    const up = await upload(x.drafter, id, { name: 'ke-hoach.pdf', content: PDF });
    expect(up.statusCode).toBe(201);
    const original = up.json<{ file: { url: string } }>().file.url;
    for (const [s, step] of [
      [x.drafter, 'submit'],
      [x.approver, 'approve'],
      [x.approver, 'sign'],
      [x.clerk, 'issue'],
    ] as const)
      expect((await call(s, 'POST', `/api/directives/${id}/${step}`, step === 'issue' ? {} : undefined)).status).toBe(200);
    const amended = await call(x.drafter, 'POST', `/api/directives/${id}/amend`);
    expect(amended.status, JSON.stringify(amended.body)).toBe(201);
    const copy = amended.body.directive.files[0] as { url: string; name: string };
    expect(copy.name).toBe('ke-hoach.pdf');
    expect(copy.url).not.toBe(original);
    expect((await remove(x.drafter, copy.url)).statusCode).toBe(204);
    const still = await download(x.communeClerk, original);
    expect(still.statusCode).toBe(200);
    expect(still.rawPayload.equals(PDF)).toBe(true);
  });
});
