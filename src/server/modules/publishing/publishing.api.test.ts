import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi, memoryMailer } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { buildSignedInUser, signIn } from '../../../../test/factories.ts';
import { buildPortal, publishPost } from '../../../../test/builders/publishing.ts';

type Portal = Awaited<ReturnType<typeof buildPortal>>;

describeApi('publishing API', (kind) => {
  let t: TestContext;
  let p: Portal;
  const mailer = memoryMailer();
  beforeAll(async () => {
    // 2021-02-03 10:00 in Viet Nam.
    t = await createTestContext(kind, { mailer, now: new Date('2021-02-03T03:00:00Z') });
    p = await buildPortal(t.c);
  });
  afterAll(() => t.close());

  it('refuses an anonymous caller', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/portal/posts', payload: { sectionId: p.news.id, title: 'x' } });
    expect(res.statusCode).toBe(401);
  });

  it('lets the health editor publish the daily update in the delegated section, and shows it on the home page and in RSS', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/portal/sections/${p.info.id}/situation/2021-02-03`,
      headers: p.health.session.headers,
      payload: { figures: { cases: 12, underTreatment: 9, recovered: 3, deaths: 0, quarantined: 148, tested: 1234 }, note: 'Số liệu đến 15 giờ ngày 03/02/2021.' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().update).toMatchObject({ date: '2021-02-03', unitId: p.syt.id, figures: { cases: 12, tested: 1234 } });

    const home = await t.app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Tình hình dịch bệnh');
    expect(home.body).toContain('ngày 03 tháng 02 năm 2021');
    expect(home.body).toContain('1.234');
    expect(home.body).toMatch(/<svg[^>]+role="img"/);

    const feed = await t.app.inject({ url: '/rss.xml' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/rss+xml');
    expect(feed.body).toContain('Cập nhật tình hình dịch bệnh ngày 03 tháng 02 năm 2021');
    const sectionFeed = await t.app.inject({ url: '/chuyen-muc/thong-tin-can-biet/rss.xml' });
    expect(sectionFeed.body).toContain('Cập nhật tình hình dịch bệnh ngày 03 tháng 02 năm 2021');
  });

  it('lets the health editor publish a post in their section, and refuses them (403) in another section', async () => {
    const post = await publishPost(t.app, p.health.session.headers, {
      sectionId: p.info.id,
      title: 'Khuyến cáo phòng bệnh của Sở Y tế',
      summary: 'Đeo khẩu trang, rửa tay thường xuyên.',
      body: '<p>Người dân <strong>không hoang mang</strong>.</p>',
    });
    expect(post.status).toBe('published');
    const home = await t.app.inject({ url: '/' });
    expect(home.body).toContain('Khuyến cáo phòng bệnh của Sở Y tế');

    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/portal/posts',
      headers: p.health.session.headers,
      payload: { sectionId: p.news.id, title: 'Tin ngoài phạm vi' },
    });
    expect(elsewhere.statusCode).toBe(403);
    const figures = await t.app.inject({
      method: 'PUT',
      url: `/api/portal/sections/${p.news.id}/situation/2021-02-03`,
      headers: p.health.session.headers,
      payload: { figures: { cases: 1 } },
    });
    expect(figures.statusCode).toBe(403);
    // Nor may they edit the section's delegation.
    const grab = await t.app.inject({ method: 'PATCH', url: `/api/portal/sections/${p.news.id}`, headers: p.health.session.headers, payload: { delegateUnitId: p.syt.id } });
    expect(grab.statusCode).toBe(403);
  });

  it('keeps drafts private: an editor of another unit gets 404, a drafter cannot publish', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/portal/posts',
      headers: p.healthDrafter.session.headers,
      payload: { sectionId: p.info.id, title: 'Bản nháp' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().post.id as string;
    const outsider = await buildSignedInUser(t.c, { roles: ['approver'] });
    expect((await t.app.inject({ url: `/api/portal/posts/${id}`, headers: outsider.session.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/portal/posts/${id}/publish`, headers: p.healthDrafter.session.headers, payload: {} })).statusCode).toBe(403);
    const submitted = await t.app.inject({ method: 'POST', url: `/api/portal/posts/${id}/submit`, headers: p.healthDrafter.session.headers });
    expect(submitted.json().post.status).toBe('review');
    // The Sở TT&TT still holds its section: its approver may publish there.
    const published = await t.app.inject({ method: 'POST', url: `/api/portal/posts/${id}/publish`, headers: p.editor.session.headers, payload: {} });
    expect(published.json().post.status).toBe('published');
  });

  it('refuses figures that the section does not configure', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/portal/sections/${p.info.id}/situation/2021-02-02`,
      headers: p.health.session.headers,
      payload: { figures: { hospitalBeds: 4 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UNKNOWN_SITUATION_FIELD');
  });

  it('neutralises script in a post body and escapes it in the title', async () => {
    const post = await publishPost(t.app, p.editor.session.headers, {
      sectionId: p.news.id,
      title: 'Tiêu đề <script>alert("t")</script>',
      body: '<p>Nội dung</p><script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">bấm</a><iframe src="https://evil.example"></iframe><p style="x" onclick="alert(4)">đoạn</p>',
    });
    const page = await t.app.inject({ url: `/bai-viet/${post.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nội dung');
    expect(page.body).not.toMatch(/<script/i);
    expect(page.body).not.toMatch(/onerror|onclick|javascript:|<iframe/i);
    expect(page.body).toContain('Tiêu đề &lt;script&gt;');
    expect(page.headers['content-security-policy']).toContain("script-src 'none'");
  });

  it('publishes a scheduled post when its time comes (job)', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/portal/posts',
      headers: p.editor.session.headers,
      payload: { sectionId: p.news.id, title: 'Bài hẹn giờ đăng' },
    });
    const id = created.json().post.id as string;
    const scheduled = await t.app.inject({
      method: 'POST',
      url: `/api/portal/posts/${id}/publish`,
      headers: p.editor.session.headers,
      payload: { publishAt: '2021-02-03T05:00:00Z' },
    });
    expect(scheduled.json().post.status).toBe('scheduled');
    expect((await t.app.inject({ url: '/' })).body).not.toContain('Bài hẹn giờ đăng');
    await t.c.jobs.drain();
    expect((await t.app.inject({ url: `/api/portal/posts/${id}`, headers: p.editor.session.headers })).json().post.status).toBe('scheduled');
    t.clock.set(new Date('2021-02-03T05:00:01Z'));
    try {
      await t.c.jobs.drain();
      expect((await t.app.inject({ url: `/api/portal/posts/${id}`, headers: p.editor.session.headers })).json().post.status).toBe('published');
      expect((await t.app.inject({ url: '/' })).body).toContain('Bài hẹn giờ đăng');
    } finally {
      t.clock.set(new Date('2021-02-03T03:00:00Z'));
    }
  });

  it('records corrections as revision notes under the article', async () => {
    const post = await publishPost(t.app, p.editor.session.headers, { sectionId: p.news.id, title: 'Thông tin có sai sót', body: '<p>Số ca: 13</p>' });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/portal/posts/${post.id}`,
      headers: p.editor.session.headers,
      payload: { body: '<p>Số ca: 12</p>', revisionNote: 'Sửa số ca mắc từ 13 thành 12.' },
    });
    expect(res.statusCode).toBe(200);
    const page = await t.app.inject({ url: `/bai-viet/${post.slug}` });
    expect(page.body).toContain('Sửa số ca mắc từ 13 thành 12.');
    expect(page.body).toContain('Số ca: 12');
  });

  it('reminds the health unit at 15:00 when today’s figures are missing, and only then', async () => {
    mailer.sent.length = 0;
    // 15:00 on 4 February in Viet Nam: no figures for that day yet.
    t.clock.set(new Date('2021-02-04T08:00:00Z'));
    try {
      expect(await t.c.jobs.enqueueDueSchedules()).toBeGreaterThan(0);
      await t.c.jobs.drain();
      const reminders = mailer.sent.filter((m) => m.subject.startsWith('Nhắc cập nhật'));
      expect(reminders.map((m) => m.to)).toEqual(['syt@laichau.gov.vn']);
      expect(reminders[0]?.subject).toContain('ngày 04 tháng 02 năm 2021');
      // The same slot again (another instance): no second e-mail.
      await t.c.jobs.enqueueDueSchedules();
      await t.c.jobs.drain();
      expect(mailer.sent.filter((m) => m.subject.startsWith('Nhắc cập nhật'))).toHaveLength(1);
      // Next day, figures entered before 15:00: nobody is reminded.
      t.clock.set(new Date('2021-02-05T07:00:00Z'));
      const session = await signIn(t.c, p.health.user.username); // the earlier session has expired by now
      const saved = await t.app.inject({
        method: 'PUT',
        url: `/api/portal/sections/${p.info.id}/situation/2021-02-05`,
        headers: session.headers,
        payload: { figures: { cases: 13 } },
      });
      expect(saved.statusCode).toBe(200);
      t.clock.set(new Date('2021-02-05T08:00:00Z'));
      await t.c.jobs.enqueueDueSchedules();
      await t.c.jobs.drain();
      expect(mailer.sent.filter((m) => m.subject.startsWith('Nhắc cập nhật'))).toHaveLength(1);
    } finally {
      t.clock.set(new Date('2021-02-03T03:00:00Z'));
    }
  });

  it('accepts a real PNG in the media library and refuses a renamed text file', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const upload = (content: Buffer, name: string) => {
      const boundary = '----loa-test-boundary';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nẢnh khuyến cáo\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="sectionId"\r\n\r\n${p.news.id}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: '/api/portal/media',
        headers: { ...p.editor.session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
    };
    const ok = await upload(png, 'khuyen cao.png');
    expect(ok.statusCode).toBe(201);
    const media = ok.json().media;
    expect(media).toMatchObject({ mime: 'image/png', size: png.length, fileName: 'khuyen-cao.png' });
    expect(media.status).toBe('draft');
    expect((await t.app.inject({ method: 'POST', url: `/api/portal/media/${media.id}/publish`, headers: p.editor.session.headers, payload: {} })).statusCode).toBe(200);
    const file = await t.app.inject({ url: media.url });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(png)).toBe(true);
    expect((await t.app.inject({ url: `/tai-lieu/${media.id}` })).body).toContain('Ảnh khuyến cáo');

    const fake = await upload(Buffer.from('<script>alert(1)</script>'), 'anh.png');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');
  });
});
