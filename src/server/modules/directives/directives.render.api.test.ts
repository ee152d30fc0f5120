import { afterAll, beforeAll, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { importLaiChau } from '../../../../test/factories.ts';
import { buildActors, client, signedDirective } from '../../../../test/builders/directives.ts';
import type { Actors } from '../../../../test/builders/directives.ts';

describeApi('directives: Decree 30 PDF and DOCX over the API', (kind) => {
  let t: TestContext;
  let x: Actors;
  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    x = await buildActors(t.c);
  });
  afterAll(() => t.close());

  it('renders an issued directive with its number, and a signed one as a draft with the number blank', async () => {
    const id = await signedDirective(t.app, x);
    const draft = await t.app.inject({ url: `/api/directives/${id}/pdf`, headers: x.drafter.headers });
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['content-type']).toBe('application/pdf');
    const draftText = (await extractText(await getDocumentProxy(new Uint8Array(draft.rawPayload)), { mergePages: true })).text;
    expect(draftText).toContain('DỰ THẢO');
    expect(draftText).toMatch(/Số:\s+\/VHTT-TT&TT/);

    const issued = await client(t.app)(x.clerk, 'POST', `/api/directives/${id}/issue`, {});
    expect(issued.status).toBe(200);
    const pdf = await t.app.inject({ url: `/api/directives/${id}/pdf`, headers: x.clerk.headers });
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true })).text;
    expect(text).toContain('Số: 01/VHTT-TT&TT');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).not.toContain('DỰ THẢO');

    const docx = await t.app.inject({ url: `/api/directives/${id}/docx`, headers: x.communeClerk.headers });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.headers['content-disposition']).toMatch(/attachment; filename\*=UTF-8''.+\.docx/);
  });

  it('answers 404 to a unit that neither issued nor received it, and 401 to an anonymous caller', async () => {
    const id = await signedDirective(t.app, x);
    expect((await t.app.inject({ url: `/api/directives/${id}/pdf`, headers: x.outsiderClerk.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/directives/${id}/docx` })).statusCode).toBe(401);
  });
});
