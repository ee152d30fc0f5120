import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { buildSignedInUser } from '../../../../test/factories.ts';
import { buildPortal } from '../../../../test/builders/publishing.ts';

type Portal = Awaited<ReturnType<typeof buildPortal>>;
interface Caps {
  [k: string]: boolean;
}

/** The server says what each editor may do with each section and post; the admin UI only shows that. */
describeApi('portal capabilities', (kind) => {
  let t: TestContext;
  let p: Portal;
  let unitAdmin: Awaited<ReturnType<typeof buildSignedInUser>>;
  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2021-02-03T03:00:00Z') });
    p = await buildPortal(t.c);
    unitAdmin = await buildSignedInUser(t.c, { unitId: p.sttt.id, roles: ['unit_admin'] });
  });
  afterAll(() => t.close());

  const sectionCaps = async (headers: Record<string, string>) => {
    const res = await t.app.inject({ url: '/api/portal/sections', headers });
    expect(res.statusCode).toBe(200);
    return Object.fromEntries(res.json<{ items: { slug: string; capabilities: Caps }[] }>().items.map((s) => [s.slug, s.capabilities]));
  };
  const postCaps = async (headers: Record<string, string>, id: string) => {
    const res = await t.app.inject({ url: `/api/portal/posts/${id}`, headers });
    expect(res.statusCode).toBe(200);
    return res.json<{ post: { capabilities: Caps } }>().post.capabilities;
  };
  const NOTHING = { manage: false, write: false, publish: false, situation: false, answer: false };

  it('sections: a drafter writes in the section delegated to their unit, an approver also publishes, a unit admin manages its own', async () => {
    expect(await sectionCaps(p.healthDrafter.session.headers)).toEqual({
      'tin-tuc': NOTHING,
      'thong-tin-can-biet': { manage: false, write: true, publish: false, situation: true, answer: true },
    });
    expect(await sectionCaps(p.health.session.headers)).toEqual({
      'tin-tuc': NOTHING,
      'thong-tin-can-biet': { manage: false, write: true, publish: true, situation: true, answer: true },
    });
    expect(await sectionCaps(unitAdmin.session.headers)).toEqual({
      'tin-tuc': { ...NOTHING, manage: true },
      'thong-tin-can-biet': { ...NOTHING, manage: true },
    });
  });

  it('posts: the steps follow the role and the status (a draft, then in review)', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/portal/posts',
      headers: p.healthDrafter.session.headers,
      payload: { sectionId: p.info.id, title: 'Lịch tiêm chủng tuần này' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const post = created.json<{ post: { id: string; capabilities: Caps } }>().post;
    const none = { edit: false, submit: false, publish: false, schedule: false, return: false, unpublish: false };
    expect(post.capabilities).toEqual({ ...none, edit: true, submit: true });
    expect(await postCaps(p.health.session.headers, post.id)).toEqual({ ...none, edit: true, submit: true, publish: true, schedule: true });

    const submitted = await t.app.inject({ method: 'POST', url: `/api/portal/posts/${post.id}/submit`, headers: p.healthDrafter.session.headers });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<{ post: { capabilities: Caps } }>().post.capabilities).toEqual({ ...none, edit: true });
    expect(await postCaps(p.health.session.headers, post.id)).toEqual({ ...none, edit: true, publish: true, schedule: true, return: true });

    const published = await t.app.inject({ method: 'POST', url: `/api/portal/posts/${post.id}/publish`, headers: p.health.session.headers, payload: {} });
    expect(published.json<{ post: { capabilities: Caps } }>().post.capabilities).toEqual({ ...none, edit: true, unpublish: true });
    // A live post is corrected only by a publisher.
    const listed = await t.app.inject({ url: `/api/portal/posts?sectionId=${p.info.id}`, headers: p.healthDrafter.session.headers });
    expect(listed.json<{ items: { id: string; capabilities: Caps }[] }>().items.find((x) => x.id === post.id)?.capabilities).toEqual(none);
  });
});
