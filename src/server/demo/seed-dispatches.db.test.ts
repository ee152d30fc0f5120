import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { TAM_DUONG, TT_TAM_DUONG, buildSignedInUser, buildUnit, buildUser } from '../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import { unitIdFor } from '../modules/units/index.ts';
import { seedDemoDispatches, seedPublicDemoDirective } from './seed-dispatches.ts';

const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/seeds');

describeEachDb('demo: the five seed công văn', (kind) => {
  let t: TestContext;
  const offices: Record<string, string> = {};
  let adminId = '';
  beforeAll(async () => {
    t = await createTestContext(kind);
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12', '38', '20'] });
    // What seedDemo creates before it seeds the dispatches (the offices and their groups).
    for (const code of ['12', '38', '20']) {
      const province = unitIdFor('vn-2025', code);
      const sttt = await buildUnit(t.c, { parentId: province, name: 'Sở Thông tin và Truyền thông', kind: 'department' });
      offices[`sttt-${code}`] = sttt.id;
      await t.c.services.groups.createGroup(SYSTEM_ACTOR, {
        ownerUnitId: sttt.id,
        name: 'Các cơ quan báo chí trên địa bàn tỉnh',
        rule: { type: 'kind_under', kind: 'press', underUnitId: province },
      });
      await t.c.services.groups.createGroup(SYSTEM_ACTOR, {
        ownerUnitId: sttt.id,
        name: 'UBND các huyện, thị xã, thành phố',
        rule: { type: 'kind_under', kind: 'district', underUnitId: province },
      });
    }
    const pvhtt = await buildUnit(t.c, { parentId: TAM_DUONG, name: 'Phòng Văn hóa và Thông tin huyện Tam Đường', kind: 'office' });
    offices.pvhtt = pvhtt.id;
    await t.c.services.groups.createGroup(SYSTEM_ACTOR, {
      ownerUnitId: pvhtt.id,
      name: 'UBND các xã, thị trấn',
      rule: { type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG },
    });
    adminId = (await buildUser(t.c, { unitId: SYSTEM_ACTOR.unitId, roles: ['system_admin'] })).id;
  });
  afterAll(() => t.close());

  it('drafts the five (numbers blank) in their issuers registers, quickly, addressed to the matched groups', async () => {
    const started = performance.now();
    const r = await seedDemoDispatches(t.c, offices, adminId);
    const ms = performance.now() - started;
    expect(r).toEqual({ drafts: 5, issued: 0 });
    expect(ms).toBeLessThan(5000);
    const all = await t.c.services.directives.searchDirectives(SYSTEM_ACTOR, { limit: 50, offset: 0 });
    expect(
      all.items
        .map(
          (d) =>
            `${d.issuerUnitId === offices.pvhtt ? 'pvhtt' : d.issuerUnitId === offices['sttt-12'] ? 'lc' : d.issuerUnitId === offices['sttt-38'] ? 'th' : 'ls'} ${d.fullSymbol} ${d.status}`,
        )
        .sort(),
    ).toEqual(['lc /STTTT-TTBCXB draft', 'ls /STTTT-TTBCXB draft', 'pvhtt /VHTT draft', 'pvhtt /VHTT-TT&TT draft', 'th /STTTT-BCXB draft']);
    const tet = all.items.find((d) => d.fullSymbol === '/VHTT');
    const detail = await t.c.services.directives.getDirective(SYSTEM_ACTOR, tet!.id);
    expect(detail.recipients.groups).toHaveLength(1);
    expect(detail.subject).toContain('Tân Sửu 2021');
  });

  it('issues a seed with its printed number and date, so it reaches the recipients inboxes', async () => {
    const text002 = (await readFile(path.join(seedsDir, '002.txt'), 'utf8')).replace('Số: /VHTT', 'Số: 35/VHTT').replace('ngày tháng 02 năm 2021', 'ngày 03 tháng 02 năm 2021');
    const only002 = { pvhtt: offices.pvhtt! };
    const r = await seedDemoDispatches(t.c, only002, adminId, async (seed) => (seed === '002' ? text002 : readFile(path.join(seedsDir, `${seed}.txt`), 'utf8')));
    expect(r.issued).toBe(1);
    const commune = (await buildSignedInUser(t.c, { unitId: TT_TAM_DUONG, roles: ['clerk'] })).session;
    const inbox = await t.app.inject({ url: '/api/inbox', headers: commune.headers });
    expect(inbox.json().items[0].directive).toMatchObject({ fullSymbol: '35/VHTT', date: '2021-02-03', status: 'issued' });
  });

  it('issues one made-up public copy of seed 000 (Sở TT&TT Lai Châu), listed on /van-ban', async () => {
    // seedDemo creates the provincial newspaper: the press group of seed 000 then has a member.
    await buildUnit(t.c, { parentId: unitIdFor('vn-2025', '12'), name: 'Báo Lai Châu', kind: 'press' });
    expect(await seedPublicDemoDirective(t.c, offices, adminId)).toEqual({ drafts: 0, issued: 1 });
    const list = await t.app.inject({ url: '/van-ban' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('15/STTTT-TTBCXB');
    expect(list.body).toContain('ngày 07 tháng 02 năm 2020');
  });
});
