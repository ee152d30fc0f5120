import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi, memoryMailer } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { buildPortal, publishPost } from '../../../../test/builders/publishing.ts';

type Portal = Awaited<ReturnType<typeof buildPortal>>;
const NOW = new Date('2021-02-03T03:00:00Z');

describeApi('public portal', (kind) => {
  let t: TestContext;
  let p: Portal;
  const mailer = memoryMailer();
  beforeAll(async () => {
    t = await createTestContext(kind, { mailer, now: NOW });
    p = await buildPortal(t.c);
  });
  afterAll(() => t.close());

  /** Loads the question form from an address and returns its signed time field. */
  async function formToken(ip: string): Promise<string> {
    const res = await t.app.inject({ url: '/hoi-dap/gui-cau-hoi', remoteAddress: ip });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const m = /name="t" value="([^"]+)"/.exec(res.body);
    if (!m?.[1]) throw new Error('no token in the form');
    return m[1];
  }

  function ask(ip: string, fields: Record<string, string>) {
    return t.app.inject({
      method: 'POST',
      url: '/hoi-dap/gui-cau-hoi',
      remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  }

  async function pendingQuestions(): Promise<{ id: string; question: string }[]> {
    return (await t.app.inject({ url: '/api/portal/questions?status=pending', headers: p.health.session.headers })).json<{ items: { id: string; question: string }[] }>().items;
  }

  it('is accessible HTML in Vietnamese that works without JavaScript', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<html lang="vi">');
    expect(res.body).toContain('<a class="skip" href="#noi-dung">');
    expect(res.body).toMatch(/<main id="noi-dung"/);
    expect(res.body).toMatch(/<nav [^>]*aria-label="Chuyên mục"/);
    expect(res.body).toContain('property="og:title"');
    expect(res.body).not.toMatch(/<script/i);
  });

  it('answers 304 to a matching ETag, and a publish invalidates the cached page', async () => {
    const first = await t.app.inject({ url: '/' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['last-modified']).toBeTruthy();
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300, stale-if-error=86400');

    const again = await t.app.inject({ url: '/', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const since = await t.app.inject({ url: '/', headers: { 'if-modified-since': first.headers['last-modified'] as string } });
    expect(since.statusCode).toBe(304);

    await publishPost(t.app, p.editor.session.headers, { sectionId: p.news.id, title: 'Tin mới sau khi lưu bộ nhớ đệm' });
    const after = await t.app.inject({ url: '/', headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body).toContain('Tin mới sau khi lưu bộ nhớ đệm');
  });

  it('finds "phòng chống dịch" when searching "phong chong dich", with the matches highlighted', async () => {
    const post = await publishPost(t.app, p.editor.session.headers, {
      sectionId: p.news.id,
      title: 'Tăng cường phòng, chống dịch bệnh Covid-19',
      body: '<p>Các cơ quan, đơn vị tuyên truyền công tác phòng chống dịch trên địa bàn tỉnh.</p>',
    });
    await t.app.inject({
      method: 'PUT',
      url: `/api/portal/sections/${p.info.id}/situation/2021-02-02`,
      headers: p.health.session.headers,
      payload: { figures: { cases: 2 }, note: 'Tiếp tục giám sát, phòng chống dịch tại cửa khẩu.' },
    });
    const res = await t.app.inject({ url: `/tim-kiem?q=${encodeURIComponent('phong chong dich')}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`/bai-viet/${post.slug}`);
    expect(res.body).toContain('<mark>phòng</mark>, <mark>chống</mark> <mark>dịch</mark>');
    expect(res.body).toContain('<mark>phòng</mark> <mark>chống</mark> <mark>dịch</mark> tại cửa khẩu');
    const upper = await t.app.inject({ url: `/tim-kiem?q=${encodeURIComponent('PHÒNG CHỐNG DỊCH')}` });
    expect(upper.body).toContain(`/bai-viet/${post.slug}`);
    const none = await t.app.inject({ url: `/tim-kiem?q=${encodeURIComponent('<b>không có</b>')}` });
    expect(none.body).toContain('Không tìm thấy kết quả cho “&lt;b&gt;không có&lt;/b&gt;”');
  });

  it('takes a citizen question without JavaScript, and a staff answer publishes it as FAQ with the script neutralised', async () => {
    const ip = '10.0.0.1';
    const token = await formToken(ip);
    t.clock.set(new Date(NOW.getTime() + 10_000));
    try {
      const res = await ask(ip, {
        sectionId: p.info.id,
        name: 'Nguyễn Văn A',
        email: 'nva@example.com',
        question: 'Tôi có cần cách ly không? <script>alert(1)</script>',
        website: '',
        t: token,
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/hoi-dap/da-gui');
    } finally {
      t.clock.set(NOW);
    }
    const q = (await pendingQuestions()).find((x) => x.question.startsWith('Tôi có cần cách ly'));
    expect(q).toBeDefined();
    mailer.sent.length = 0;
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/portal/questions/${q!.id}/answer`,
      headers: p.health.session.headers,
      payload: { answer: 'Có, nếu bạn đi từ vùng dịch về. <img src=x onerror=alert(2)>' },
    });
    expect(answered.statusCode).toBe(200);
    const faq = await t.app.inject({ url: '/hoi-dap' });
    expect(faq.body).toContain('Tôi có cần cách ly không? &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(faq.body).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(faq.body).not.toMatch(/<script|<img src=x/);
    // The asker is told by e-mail (a job).
    await t.c.jobs.drain();
    expect(mailer.sent.map((m) => m.to)).toEqual(['nva@example.com']);
    expect(mailer.sent[0]?.text).toContain('Có, nếu bạn đi từ vùng dịch về.');
  });

  it('refuses a honeypot-filled submission, one sent too fast, and one with a forged time', async () => {
    const ip = '10.0.0.2';
    const token = await formToken(ip);
    const before = (await pendingQuestions()).length;
    const base = { sectionId: p.info.id, name: 'Bot', question: 'Mua thuốc giá rẻ tại đây' };

    const tooFast = await ask(ip, { ...base, t: token });
    expect(tooFast.statusCode).toBe(400);
    t.clock.set(new Date(NOW.getTime() + 10_000));
    try {
      const honeypot = await ask(ip, { ...base, website: 'http://spam.example', t: token });
      expect(honeypot.statusCode).toBe(400);
      expect(honeypot.body).toContain('Không gửi được câu hỏi');
      const forged = await ask(ip, { ...base, t: `${NOW.getTime() - 60_000}.${'A'.repeat(43)}` });
      expect(forged.statusCode).toBe(400);
      const missing = await ask(ip, base);
      expect(missing.statusCode).toBe(400);
    } finally {
      t.clock.set(NOW);
    }
    expect((await pendingQuestions()).length).toBe(before);
  });

  it('refuses a flood of questions from one address (429) but not from another', async () => {
    const ip = '10.0.0.3';
    const token = await formToken(ip);
    t.clock.set(new Date(NOW.getTime() + 10_000));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await ask(ip, { sectionId: p.info.id, name: 'Người hỏi', question: `Câu hỏi số ${i}`, t: token })).statusCode);
      expect(statuses.slice(0, 5)).toEqual([303, 303, 303, 303, 303]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const limited = await ask(ip, { sectionId: p.info.id, name: 'Người hỏi', question: 'Lại nữa', t: token });
      expect(limited.headers['content-type']).toContain('text/html');
      expect(limited.body).toContain('Quá nhiều yêu cầu');
      const other = await ask('10.0.0.4', { sectionId: p.info.id, name: 'Người khác', question: 'Câu hỏi khác', t: token });
      expect(other.statusCode).toBe(303);
    } finally {
      t.clock.set(NOW);
    }
  });

  it('serves the sitemap, a section page, a 404 page and a section feed', async () => {
    const map = await t.app.inject({ url: '/sitemap.xml' });
    expect(map.body).toContain('<loc>http://loa.test/chuyen-muc/thong-tin-can-biet</loc>');
    const section = await t.app.inject({ url: '/chuyen-muc/thong-tin-can-biet' });
    expect(section.statusCode).toBe(200);
    expect(section.body).toContain('Chuyên mục do Sở Y tế cập nhật');
    const missing = await t.app.inject({ url: '/bai-viet/khong-co-bai-nay' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
    const evil = await t.app.inject({ url: '/chuyen-muc/%3Cscript%3E' });
    expect(evil.statusCode).toBe(404);
    expect(evil.body).not.toContain('<script>');
  });
});
