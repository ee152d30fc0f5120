import type { Container } from '../container.ts';
import { DEMO_ACTOR } from './demo-actor.ts';
import { unitIdFor } from '../modules/units/index.ts';
import { DEMO_PROVINCES, createOrg, lowerPrefix, slugOf } from './seed-world.ts';

/** Tam Đường (Lai Châu, 2025 list): the district of seeds 002 and 003. */
export const TAM_DUONG_CODE = '106';
/** A date when the 2025 three-level tree was in force (the seeds' world, 2020–2021). */
const HISTORY_DATE = '2021-02-01';

/**
 * The seeds' world, kept as history in the 2025 tree (in force until 2025-06-30): the Sở TT&TT of
 * each demo province, the provincial press and telcos, every district's Phòng VH-TT and radio-TV
 * centre, Tam Đường's commune radio stations, and the groups the five seed dispatches address.
 * Returns the issuing offices keyed as `SEED_ISSUERS` expects.
 */
export async function seedHistoryWorld(c: Container): Promise<Record<string, string>> {
  const { units, groups } = c.services;
  const offices: Record<string, string> = {};
  for (const p of DEMO_PROVINCES) {
    const provinceId = unitIdFor('vn-2025', p.code);
    const slug = slugOf(p.short);
    const org = (name: string, kind: Parameters<typeof createOrg>[3], emails?: string[]) => createOrg(c, provinceId, name, kind, emails ? { emails } : {});
    const sttt = await org('Sở Thông tin và Truyền thông', 'department', [`stttt@${slug}.gov.vn`]);
    offices[`sttt-${p.code}`] = sttt.id;
    await org(`Báo ${p.short}`, 'press');
    await org(`Đài Phát thanh và Truyền hình ${p.short}`, 'radio_tv');
    await org(`Viettel ${p.short}`, 'telco');
    await org(`Viễn thông ${p.short} (VNPT)`, 'telco');
    const districts = (await units.listChildren(DEMO_ACTOR, provinceId, HISTORY_DATE)).filter((u) => u.kind === 'district');
    for (const d of districts) {
      const office = await createOrg(c, d.id, `Phòng Văn hóa và Thông tin ${lowerPrefix(d.name)}`, 'office');
      await createOrg(c, d.id, `Trung tâm Văn hóa - Truyền thanh - Truyền hình ${lowerPrefix(d.name)}`, 'radio_tv');
      if (p.code === '12' && d.code === TAM_DUONG_CODE) offices.pvhtt = office.id;
    }
    const group = (name: string, kind: 'press' | 'office' | 'district' | 'telco') =>
      groups.createGroup(DEMO_ACTOR, { ownerUnitId: sttt.id, name, rule: { type: 'kind_under', kind, underUnitId: provinceId } });
    await group('Các cơ quan báo chí trên địa bàn tỉnh', 'press');
    await group('Phòng Văn hóa - Thông tin các huyện, thành phố', 'office');
    await group('UBND các huyện, thị xã, thành phố', 'district');
    await group('Các doanh nghiệp viễn thông trên địa bàn tỉnh', 'telco');
  }

  const tamDuong = unitIdFor('vn-2025', TAM_DUONG_CODE);
  const communes = (await units.listChildren(DEMO_ACTOR, tamDuong, HISTORY_DATE)).filter((u) => u.kind === 'commune');
  for (const commune of communes) await createOrg(c, commune.id, `Đài truyền thanh ${lowerPrefix(commune.name)}`, 'commune_radio');
  const pvhtt = offices.pvhtt ?? tamDuong;
  await groups.createGroup(DEMO_ACTOR, { ownerUnitId: pvhtt, name: 'UBND các xã, thị trấn', rule: { type: 'kind_under', kind: 'commune', underUnitId: tamDuong } });
  await groups.createGroup(DEMO_ACTOR, {
    ownerUnitId: pvhtt,
    name: 'Đài truyền thanh các xã, thị trấn',
    rule: { type: 'kind_under', kind: 'commune_radio', underUnitId: tamDuong },
  });
  return offices;
}
