/** Test builder of the portal (used by the portal's and the site's tests; never by production code). */
import type { Container } from '../../src/server/container.ts';
import { SYSTEM_ACTOR } from '../../src/server/modules/access/index.ts';
import { DEFAULT_SITUATION_FIELDS } from '../../src/server/modules/publishing/index.ts';
import type { Api } from '../../src/server/http/types.ts';
import { LAI_CHAU, buildSignedInUser, buildUnit, importLaiChau } from '../factories.ts';

/**
 * The portal of issue 6 in miniature: Lai Châu with its Sở TT&TT (runs the portal) and Sở Y tế (the
 * health unit), a news section of the Sở TT&TT and "Thông tin cần biết" handed to the Sở Y tế.
 */
export async function buildPortal(c: Container) {
  await importLaiChau(c);
  const sttt = await buildUnit(c, { parentId: LAI_CHAU, name: 'Sở Thông tin và Truyền thông', kind: 'department' });
  const syt = await buildUnit(c, { parentId: LAI_CHAU, name: 'Sở Y tế', kind: 'health' });
  await c.services.units.updateContacts(SYSTEM_ACTOR, syt.id, { emails: ['syt@laichau.gov.vn'], phones: [], address: null, website: null });
  const news = await c.services.publishing.createSection(SYSTEM_ACTOR, { slug: 'tin-tuc', name: 'Tin tức', ownerUnitId: sttt.id, position: 1 });
  const info = await c.services.publishing.createSection(SYSTEM_ACTOR, {
    slug: 'thong-tin-can-biet',
    name: 'Thông tin cần biết',
    ownerUnitId: sttt.id,
    delegateUnitId: syt.id,
    situationFields: [...DEFAULT_SITUATION_FIELDS],
    position: 2,
  });
  const health = await buildSignedInUser(c, { unitId: syt.id, roles: ['approver'] });
  const healthDrafter = await buildSignedInUser(c, { unitId: syt.id, roles: ['drafter'] });
  const editor = await buildSignedInUser(c, { unitId: sttt.id, roles: ['approver'] });
  return { sttt, syt, news, info, health, healthDrafter, editor };
}

/** Creates and publishes a post through the API; returns it. */
export async function publishPost(app: Api, headers: Record<string, string>, body: Record<string, unknown>) {
  const created = await app.inject({ method: 'POST', url: '/api/portal/posts', headers, payload: body });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const post = created.json<{ post: { id: string; slug: string } }>().post;
  const published = await app.inject({ method: 'POST', url: `/api/portal/posts/${post.id}/publish`, headers, payload: {} });
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.statusCode} ${published.body}`);
  return published.json<{ post: { id: string; slug: string; status: string } }>().post;
}
