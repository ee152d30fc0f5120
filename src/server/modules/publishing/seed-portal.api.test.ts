import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { buildUser, signIn } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { seedPortalDemo } from '../../demo/seed-portal.ts';
import { seedTodayWorld } from '../../demo/seed-world.ts';

describeApi('portal demo content', (kind) => {
  let t: TestContext;
  let healthId = '';
  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2026-12-01T09:00:00Z') });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    // What seedDemo creates in Lai Châu (2026 tree) before it calls seedPortalDemo.
    const world = (await seedTodayWorld(t.c, '2026-12-01', ['12'])).get('12')!;
    healthId = world.health.id;
    await seedPortalDemo(t.c, world);
  });
  afterAll(() => t.close());

  it("fills Lai Châu's portal with its own services and hotlines: figures up to today, posts, the SMS, an FAQ", async () => {
    const home = await t.app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('ngày 01 tháng 12 năm 2026');
    expect(home.body).toContain('Khuyến cáo phòng, chống dịch bệnh');
    expect(home.body).toContain('https://dichvucong.gov.vn');
    expect(home.body).toContain('https://dichvucong.laichau.gov.vn');
    expect(home.body).toContain('0213 3876 326');
    // Never another province's services or hotlines (seed 001 is Thanh Hóa's).
    expect(home.body).not.toContain('Thanh Hóa');
    expect(home.body).not.toContain('thanhhoa');
    expect(home.body).not.toContain('0832 293 293');
    expect(home.body).toContain('Do Sở Y tế tỉnh Lai Châu cập nhật');
    const tinhHinh = await t.app.inject({ url: '/tinh-hinh' });
    expect(tinhHinh.body.match(/<tr id="ngay-/g)).toHaveLength(14);
    // The figures are credited to the health department by name, not to the section.
    expect(tinhHinh.body).toContain('Số liệu do Sở Y tế tỉnh Lai Châu cập nhật');
    const sms = await t.app.inject({ url: '/tim-kiem?q=buu%20chinh%20cong%20ich' });
    expect(sms.body).toContain('<mark>bưu</mark> <mark>chính</mark> <mark>công</mark>');
    expect((await t.app.inject({ url: '/hoi-dap' })).body).toContain('cần khai báo ở đâu?');
  });

  it("lets the health department's editor post in its delegated section only, and answer the waiting question", async () => {
    await buildUser(t.c, { unitId: healthId, roles: ['approver'], username: 'bientap.syt' });
    const s = await signIn(t.c, 'bientap.syt');
    const sections = (await t.app.inject({ url: '/api/portal/sections', headers: s.headers })).json<{ items: { id: string; slug: string }[] }>().items;
    const info = sections.find((x) => x.slug === 'thong-tin-can-biet')!;
    const news = sections.find((x) => x.slug === 'tin-tuc')!;
    expect((await t.app.inject({ method: 'POST', url: '/api/portal/posts', headers: s.headers, payload: { sectionId: info.id, title: 'Thông báo' } })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/api/portal/posts', headers: s.headers, payload: { sectionId: news.id, title: 'Thông báo' } })).statusCode).toBe(403);
    const pending = (await t.app.inject({ url: '/api/portal/questions?status=pending', headers: s.headers })).json<{ items: { id: string; question: string }[] }>().items;
    expect(pending).toHaveLength(1);
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/portal/questions/${pending[0]!.id}/answer`,
      headers: s.headers,
      payload: { answer: 'Có. Phụ huynh mang theo sổ tiêm chủng của trẻ.' },
    });
    expect(answer.statusCode).toBe(200);
  });
});
