import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { importLaiChau } from '../../../../test/factories.ts';
import { buildActors, client, draftBody, signedDirective } from '../../../../test/builders/directives.ts';
import type { Actors } from '../../../../test/builders/directives.ts';

const NOW = new Date('2021-02-05T03:00:00Z');

describeApi('public portal: directives (/van-ban)', (kind) => {
  let t: TestContext;
  let x: Actors;
  let publicId = '';
  let hiddenId = '';
  let draftId = '';
  beforeAll(async () => {
    t = await createTestContext(kind, { now: NOW });
    await importLaiChau(t.c);
    x = await buildActors(t.c);
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ url });

  it('lists a public issued directive (cache cleared on issue), with its number, date, subject and issuer, escaped', async () => {
    const call = client(t.app);
    const before = await get('/van-ban');
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('Chưa có văn bản nào được công khai.');
    expect(before.body).toContain('<a href="/van-ban" aria-current="page">Văn bản</a>');

    publicId = await signedDirective(t.app, x, { public: true, subject: 'Tăng cường phòng chống dịch Covid-19 <script>alert(1)</script>' });
    hiddenId = await signedDirective(t.app, x, { subject: 'Tăng cường phòng chống dịch nội bộ không công khai' });
    for (const id of [publicId, hiddenId]) expect((await call(x.clerk, 'POST', `/api/directives/${id}/issue`, {})).status).toBe(200);
    const created = await call(x.drafter, 'POST', '/api/directives', draftBody(x, { public: true, subject: 'Tăng cường phòng chống dịch dự thảo công khai' }));
    expect(created.status).toBe(201);
    draftId = String(created.body.directive.id);
    expect(created.body.directive.public).toBe(true);
    expect((await call(x.clerk, 'GET', `/api/directives/${publicId}`)).body.directive.public).toBe(true);
    expect((await call(x.clerk, 'GET', `/api/directives/${hiddenId}`)).body.directive.public).toBe(false);

    const list = await get('/van-ban');
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toContain('public, max-age=60');
    expect(list.body).toContain(`href="/van-ban/${publicId}"`);
    expect(list.body).toContain('01/VHTT-TT&amp;TT');
    expect(list.body).toContain('ngày 05 tháng 02 năm 2021');
    expect(list.body).toContain('PHÒNG VĂN HÓA VÀ THÔNG TIN');
    expect(list.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(list.body).not.toMatch(/<script/i);
    expect(list.body).not.toContain(hiddenId);
    expect(list.body).not.toContain(draftId);
  });

  it('finds it in /tim-kiem without diacritics, and not the hidden or draft ones', async () => {
    const res = await get(`/tim-kiem?q=${encodeURIComponent('tang cuong phong chong dich')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="/van-ban/${publicId}"`);
    expect(res.body).toContain('<mark>');
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).not.toContain(hiddenId);
    expect(res.body).not.toContain(draftId);
  });

  it('shows its page and serves its PDF; the hidden and draft ones answer 404', async () => {
    const page = await get(`/van-ban/${publicId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/van-ban/${publicId}.pdf"`);
    expect(page.body).not.toMatch(/<script/i);
    const pdf = await get(`/van-ban/${publicId}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const again = await t.app.inject({ url: `/van-ban/${publicId}.pdf`, headers: { 'if-none-match': pdf.headers.etag as string } });
    expect(again.statusCode).toBe(304);

    for (const id of [hiddenId, draftId, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect((await get(`/van-ban/${id}`)).statusCode).toBe(404);
      expect((await get(`/van-ban/${id}.pdf`)).statusCode).toBe(404);
    }
  });

  it('keeps a revoked one listed as "Đã thu hồi", without its PDF', async () => {
    const revoked = await client(t.app)(x.clerk, 'POST', `/api/directives/${publicId}/revoke`, { reason: 'Thay thế' });
    expect(revoked.status).toBe(200);
    const list = await get('/van-ban');
    expect(list.body).toContain(`href="/van-ban/${publicId}"`);
    expect(list.body).toContain('Đã thu hồi');
    const page = await get(`/van-ban/${publicId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Đã thu hồi');
    expect(page.body).not.toContain('.pdf"');
    expect((await get(`/van-ban/${publicId}.pdf`)).statusCode).toBe(404);
  });
});
