import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { LAI_CHAU, buildUnit, importLaiChau, signIn } from '../../../../test/factories.ts';
import { seedPortalDemo } from '../../demo/seed-portal.ts';

describeEachDb('portal demo content', (kind) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2021-02-05T09:00:00Z') });
    await importLaiChau(t.c);
    // What seedDemo creates in Lai Châu before it calls seedPortalDemo.
    await buildUnit(t.c, { parentId: LAI_CHAU, name: 'Sở Thông tin và Truyền thông', kind: 'department' });
    await buildUnit(t.c, { parentId: LAI_CHAU, name: 'Sở Y tế', kind: 'health' });
  });
  afterAll(() => t.close());

  it('fills the portal: a week of figures, posts from the seeds, the SMS text, hotlines, services and an FAQ', async () => {
    const accounts = await seedPortalDemo(t.c, { password: 'mat-khau-Thu-nghiem-2021' });
    expect(accounts.map((a) => a.username)).toEqual(['bientap.syt', 'bientap.sttt']);
    const home = await t.app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('ngày 05 tháng 02 năm 2021');
    expect(home.body).toContain('Khuyến cáo phòng, chống dịch bệnh');
    expect(home.body).toContain('0832 293 293');
    expect(home.body).toContain('https://dichvucong.gov.vn');
    expect(home.body).toContain('Do Sở Y tế cập nhật');
    const tinhHinh = await t.app.inject({ url: '/tinh-hinh' });
    expect(tinhHinh.body.match(/<tr id="ngay-/g)).toHaveLength(7);
    const sms = await t.app.inject({ url: '/tim-kiem?q=buu%20chinh%20cong%20ich' });
    expect(sms.body).toContain('<mark>bưu</mark> <mark>chính</mark> <mark>công</mark>');
    expect((await t.app.inject({ url: '/hoi-dap' })).body).toContain('cần khai báo ở đâu?');
    // The health department's editor can post in "Thông tin cần biết" only.
    const s = await signIn(t.c, 'bientap.syt', 'mat-khau-Thu-nghiem-2021');
    const sections = (await t.app.inject({ url: '/api/portal/sections', headers: s.headers })).json<{ items: { id: string; slug: string }[] }>().items;
    const info = sections.find((x) => x.slug === 'thong-tin-can-biet')!;
    const news = sections.find((x) => x.slug === 'tin-tuc')!;
    expect((await t.app.inject({ method: 'POST', url: '/api/portal/posts', headers: s.headers, payload: { sectionId: info.id, title: 'Thông báo' } })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/api/portal/posts', headers: s.headers, payload: { sectionId: news.id, title: 'Thông báo' } })).statusCode).toBe(403);
  });
});
