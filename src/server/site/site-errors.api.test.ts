import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';

/** Portal errors are pages with the one catalogue's status: a refusal keeps its 403 or 415, never a 400. */
describe('portal error pages keep the catalogue status', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext('pglite', { now: new Date('2021-02-03T03:00:00Z') });
  });
  afterAll(() => t?.close());

  it('a cross-site question form is refused 403 (ORIGIN_MISMATCH) as a page', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/hoi-dap/gui-cau-hoi',
      headers: { origin: 'https://ke-xau.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=A&question=B',
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('trang web khác');
  });

  it('a question form sent as an unsupported content type is refused 415 as a page', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/hoi-dap/gui-cau-hoi', headers: { 'content-type': 'application/xml' }, payload: '<q/>' });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Kiểu dữ liệu gửi lên không được hỗ trợ');
  });

  it('an unknown page is still a 404 page', async () => {
    const res = await t.app.inject({ url: '/tai-lieu/00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Không tìm thấy trang');
  });
});
