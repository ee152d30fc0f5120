import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { TAM_DUONG, buildSignedInUser } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { buildPortal, publishPost } from '../../../../test/builders/publishing.ts';

interface Media {
  id: string;
  title: string;
  status: 'draft' | 'published';
  sectionId: string | null;
  url: string;
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

describeApi('portal media review', (kind) => {
  let t: TestContext;
  let p: Awaited<ReturnType<typeof buildPortal>>;
  let outsider: Session;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2021-02-03T03:00:00Z') });
    p = await buildPortal(t.c);
    outsider = (await buildSignedInUser(t.c, { unitId: TAM_DUONG, roles: ['approver'] })).session;
  });
  afterAll(() => t.close());

  const upload = async (headers: Record<string, string>, sectionId: string, title: string) => {
    const boundary = '----loa-media-review';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="sectionId"\r\n\r\n${sectionId}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="anh-${++seq}.png"\r\nContent-Type: image/png\r\n\r\n`),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({ method: 'POST', url: '/api/portal/media', headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  };
  const uploaded = async (headers: Record<string, string>, sectionId: string, title: string): Promise<Media> => {
    const res = await upload(headers, sectionId, title);
    expect(res.statusCode).toBe(201);
    return (res.json() as { media: Media }).media;
  };
  const step = (headers: Record<string, string>, id: string, action: 'publish' | 'unpublish') =>
    t.app.inject({ method: 'POST', url: `/api/portal/media/${id}/${action}`, headers, payload: {} });

  /** Every public address a file shows up at: its download, its page, the library, the sitemap, search. */
  const publicView = async (m: Media) => {
    const [file, page, library, sitemap, search] = await Promise.all([
      t.app.inject({ url: m.url }),
      t.app.inject({ url: `/tai-lieu/${m.id}` }),
      t.app.inject({ url: '/tai-lieu' }),
      t.app.inject({ url: '/sitemap.xml' }),
      t.app.inject({ url: `/tim-kiem?q=${encodeURIComponent(m.title)}` }),
    ]);
    // The search page repeats the query, so there only the file's id counts.
    const anywhere = library.body.includes(m.title) || [library.body, sitemap.body, search.body].some((b) => b.includes(m.id));
    return { file: file.statusCode, page: page.statusCode, listed: anywhere, bytes: file.rawPayload };
  };

  it('keeps an upload a draft, off every public address, until a publisher of the section publishes it (audited)', async () => {
    const m = await uploaded(p.healthDrafter.session.headers, p.info.id, 'Ảnh khuyến cáo chờ duyệt');
    expect(m).toMatchObject({ status: 'draft', sectionId: p.info.id });
    expect(await publicView(m)).toMatchObject({ file: 404, page: 404, listed: false });

    // The drafter may not publish, nor may an approver of a unit outside the section (who cannot even see it).
    expect((await step(p.healthDrafter.session.headers, m.id, 'publish')).statusCode).toBe(403);
    expect((await step(outsider.headers, m.id, 'publish')).statusCode).toBe(404);
    expect(await publicView(m)).toMatchObject({ file: 404, page: 404, listed: false });

    const published = await step(p.health.session.headers, m.id, 'publish');
    expect(published.statusCode).toBe(200);
    expect((published.json() as { media: Media }).media.status).toBe('published');
    const live = await publicView(m);
    expect(live).toMatchObject({ file: 200, page: 200, listed: true });
    expect(live.bytes.equals(PNG)).toBe(true);
    // Short-lived in caches, so taking it down reaches readers behind a CDN within minutes.
    const cached = await t.app.inject({ url: m.url });
    expect(cached.headers['cache-control']).toBe('public, max-age=300, must-revalidate');

    // Taken down: gone from every address again (the page cache is dropped).
    expect((await step(p.health.session.headers, m.id, 'unpublish')).statusCode).toBe(200);
    expect(await publicView(m)).toMatchObject({ file: 404, page: 404, listed: false });

    const events = (await auditEventsFor(t.c, m.id)).map((e) => ({ action: e.action, actor: e.actorId }));
    expect(events).toEqual([
      { action: 'media.upload', actor: p.healthDrafter.user.id },
      { action: 'media.publish', actor: p.health.user.id },
      { action: 'media.unpublish', actor: p.health.user.id },
    ]);
  });

  it('lets the section’s readers review a draft file and list it; outsiders and anonymous callers get nothing', async () => {
    const m = await uploaded(p.healthDrafter.session.headers, p.info.id, 'Ảnh nội bộ');
    const review = await t.app.inject({ url: `/api/portal/media/${m.id}/file`, headers: p.health.session.headers });
    expect(review.statusCode).toBe(200);
    expect(review.headers['cache-control']).toBe('private, no-store');
    expect(review.rawPayload.equals(PNG)).toBe(true);
    expect((await t.app.inject({ url: `/api/portal/media/${m.id}/file`, headers: outsider.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/portal/media/${m.id}/file` })).statusCode).toBe(401);

    const list = async (headers: Record<string, string>) =>
      ((await t.app.inject({ url: '/api/portal/media?status=draft', headers })).json() as { items: Media[] }).items.map((x) => x.id);
    expect(await list(p.health.session.headers)).toContain(m.id);
    expect(await list(outsider.headers)).not.toContain(m.id);
  });

  it('refuses an upload into a section the user does not edit', async () => {
    expect((await upload(p.healthDrafter.session.headers, p.news.id, 'Ảnh lạc chỗ')).statusCode).toBe(404);
    expect((await upload(outsider.headers, p.info.id, 'Ảnh lạc chỗ')).statusCode).toBe(404);
  });

  it('publishing a post publishes the draft files of its section that it shows, and no others', async () => {
    const featured = await uploaded(p.health.session.headers, p.info.id, 'Ảnh đại diện bài');
    const inline = await uploaded(p.health.session.headers, p.info.id, 'Ảnh trong bài');
    const foreign = await uploaded(p.editor.session.headers, p.news.id, 'Ảnh của chuyên mục khác');
    const post = await publishPost(t.app, p.health.session.headers, {
      sectionId: p.info.id,
      title: 'Bài có ảnh',
      featuredImageUrl: featured.url,
      body: `<p>Xem ảnh <img src="${inline.url}" alt="ảnh"> và <a href="${foreign.url}">tệp</a>.</p>`,
    });
    expect(post.status).toBe('published');
    expect((await publicView(featured)).file).toBe(200);
    expect((await publicView(inline)).file).toBe(200);
    expect(await publicView(foreign)).toMatchObject({ file: 404, page: 404, listed: false });
    const [event] = (await auditEventsFor(t.c, featured.id)).filter((e) => e.action === 'media.publish');
    expect(event?.after).toEqual({ status: 'published', postId: post.id });
  });
});
