import { afterAll, beforeAll, expect, it } from 'vitest';
import { actorIn } from '../../../test/builders/broadcasts.ts';
import { createTestContext, describeApi } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import { vnDateKey } from '../platform/text.ts';
import { seedRumorDemo } from './seed-rumors.ts';
import type { RumorDemo } from './seed-rumors.ts';
import { seedTodayWorld } from './seed-world.ts';

const NOW = new Date('2026-12-01T02:30:00Z');

/** The desk's demo: three cases in their states, seed 004's example among them, one published correction with valid ClaimReview. */
describeApi('misinformation desk demo', () => {
  let t: TestContext;
  let demo: RumorDemo;
  let officeId = '';
  beforeAll(async () => {
    t = await createTestContext('pglite', { now: NOW });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    const world = (await seedTodayWorld(t.c, vnDateKey(NOW), ['12'])).get('12')!;
    officeId = world.culture.id;
    demo = await seedRumorDemo(t.c, {
      office: world.culture,
      health: world.health,
      provinceId: world.provinceId,
      pressGroupId: world.groups.press,
      drafter: await actorIn(t.c, world.culture.id, 'drafter'),
      approver: await actorIn(t.c, world.culture.id, 'approver'),
      lead: await actorIn(t.c, world.culture.id, 'desk_lead'),
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('seeds the three cases and a correction page whose ClaimReview carries every field', async () => {
    expect(demo.cases).toBe(3);
    const viewer = await actorIn(t.c, officeId, 'viewer');
    const { cases } = await t.c.services.rumorCases.listCases(viewer, { limit: 50, offset: 0 });
    const byTitle = (s: string) => cases.find((x) => x.title.includes(s));
    expect(byTitle('Hàng dài người từ Trung Quốc')).toMatchObject({ status: 'unverified', reportCount: 2 });
    expect(byTitle('nước máy')).toMatchObject({ status: 'verifying', severity: 'high' });
    expect(byTitle('phong tỏa')).toMatchObject({ status: 'concluded', verdict: 'false', conclusionState: 'approved' });
    const concluded = await t.c.services.rumorCases.getCase(viewer, byTitle('phong tỏa')!.id);
    expect(concluded.actions.map((a) => a.kind).sort()).toEqual(['police', 'press']);
    const water = await t.c.services.rumorCases.getCase(viewer, byTitle('nước máy')!.id);
    expect(water.actions).toEqual([expect.objectContaining({ kind: 'confirmation', targetUnit: expect.objectContaining({ name: 'Sở Y tế tỉnh Lai Châu' }) })]);

    expect(demo.correctionUrl).toMatch(/^http:\/\/loa\.test\/bai-viet\/dinh-chinh-vv-2026-\d{4}$/);
    const page = await t.app.inject({ method: 'GET', url: new URL(demo.correctionUrl!).pathname });
    expect(page.statusCode).toBe(200);
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.body)![1]!;
    const ld = JSON.parse(json) as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: demo.correctionUrl,
      datePublished: NOW.toISOString(),
      claimReviewed: 'Tin "Lai Châu phong tỏa toàn tỉnh từ 0 giờ ngày mai"',
      itemReviewed: {
        '@type': 'Claim',
        appearance: [{ '@type': 'CreativeWork', url: 'https://www.facebook.com/demo.tin.nong/posts/2000000000000001' }],
        firstAppearance: {
          '@type': 'CreativeWork',
          url: 'https://www.facebook.com/demo.tin.nong/posts/2000000000000001',
          datePublished: new Date(NOW.getTime() - 30 * 3_600_000).toISOString(),
        },
      },
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'Sai sự thật' },
      author: { '@type': 'GovernmentOrganization', name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu', url: 'http://loa.test' },
    });
  });
});
