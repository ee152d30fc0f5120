import type { Container } from '../container.ts';
import type { Actor } from '../modules/access/index.ts';
import type { UnitView } from '../modules/units/index.ts';
import { DEMO_SOCIAL } from './social-fakes.ts';

/**
 * The demo's social pages (issue #14): the Sở VHTTDL's unit admin connects the simulated Facebook page and Zalo OA
 * (social-fakes.ts, started by the demo server), its leader cross-posts the portal's newest post to both — the job
 * worker sends it to the fakes as soon as the server runs it. The citizens' messages arrive later, through signed
 * webhooks (main.ts, once the server listens).
 */
export async function seedSocialDemo(c: Container, o: { office: UnitView; admin: Actor; approver: Actor }): Promise<{ accounts: number; publications: number }> {
  const { socialAccounts, socialPublishing, publishing } = c.services;
  const fb = await socialAccounts.connectAccount(o.admin, o.office.id, { platform: 'facebook', ...DEMO_SOCIAL.facebook });
  const zalo = await socialAccounts.connectAccount(o.admin, o.office.id, { platform: 'zalo', ...DEMO_SOCIAL.zalo });
  const [post] = await publishing.listPosts(o.approver, { status: 'published', limit: 1 });
  if (!post) return { accounts: 2, publications: 0 };
  const r = await socialPublishing.publish(o.approver, o.office.id, { source: { kind: 'post', postId: post.id }, accountIds: [fb.id, zalo.id] });
  return { accounts: 2, publications: r.publications.length };
}
