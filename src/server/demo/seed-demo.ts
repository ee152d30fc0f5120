import { randomBytes } from 'node:crypto';
import type { Container } from '../container.ts';
import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import type { Role } from '../modules/access/index.ts';
import { unitIdFor } from '../modules/units/index.ts';
import { seedPortalDemo } from './seed-portal.ts';
import { seedDemoDispatches, seedPublicDemoDirective } from './seed-dispatches.ts';
import type { UnitKind } from '../modules/units/index.ts';

/** The provinces of the seed dispatches, by GSO code in the 2025 list. */
const PROVINCES = [
  { code: '12', short: 'Lai Châu' },
  { code: '38', short: 'Thanh Hóa' },
  { code: '20', short: 'Lạng Sơn' },
] as const;
const TAM_DUONG_CODE = '106';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  unit: string;
}

/** "Huyện Tam Đường" → "huyện Tam Đường", as written after an office's name. */
function lowerPrefix(name: string): string {
  return name.replace(/^(Huyện|Thành phố|Thị xã|Quận|Xã|Thị trấn|Phường)/u, (m) => m.toLowerCase());
}

function demoPassword(): string {
  return `Loa-${randomBytes(6).toString('base64url')}-${Math.floor(Math.random() * 90 + 10)}`;
}

/**
 * Demo data on an empty database: both GSO lists, the offices that issued the seeds, the bodies they
 * address, their recipient groups, and one account per role. Returns the accounts with their
 * one-time passwords (printed once by the caller).
 */
export async function seedDemo(c: Container, opts: { password?: string } = {}): Promise<DemoAccount[]> {
  const { units, groups, users, settings } = c.services;
  const actor = SYSTEM_ACTOR;
  await units.importEdition(SYSTEM_ACTOR, 'vn-2025');
  await units.importEdition(SYSTEM_ACTOR, 'vn-2026');

  const org = async (parentId: string, name: string, kind: UnitKind, contacts?: { emails?: string[]; phones?: string[] }) => {
    const u = await units.createOrganisation(actor, { parentId, name, kind });
    if (contacts) await units.updateContacts(actor, u.id, { emails: contacts.emails ?? [], phones: contacts.phones ?? [], address: null, website: null });
    return u;
  };

  const created: Record<string, string> = {};
  for (const p of PROVINCES) {
    const provinceId = unitIdFor('vn-2025', p.code);
    const slug = p.short.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').replace(/\s+/g, '').toLowerCase();
    const sttt = await org(provinceId, 'Sở Thông tin và Truyền thông', 'department', { emails: [`stttt@${slug}.gov.vn`] });
    created[`sttt-${p.code}`] = sttt.id;
    await org(provinceId, 'Ủy ban nhân dân tỉnh', 'peoples_committee');
    await org(provinceId, 'Sở Y tế', 'health', { emails: [`syt@${slug}.gov.vn`] });
    await org(provinceId, 'Công an tỉnh', 'police');
    await org(provinceId, 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'border_guard');
    await org(provinceId, 'Bộ Chỉ huy Quân sự tỉnh', 'army');
    await org(provinceId, 'Bưu điện tỉnh', 'post');
    await org(provinceId, `Viettel ${p.short}`, 'telco');
    await org(provinceId, `Viễn thông ${p.short} (VNPT)`, 'telco');
    await org(provinceId, `Báo ${p.short}`, 'press', { emails: [`toasoan@bao${slug}.vn`] });
    await org(provinceId, `Đài Phát thanh và Truyền hình ${p.short}`, 'radio_tv');
    await org(provinceId, 'Trung tâm Tin học - Công báo tỉnh', 'other');
    await org(provinceId, `Hiệp hội doanh nghiệp tỉnh ${p.short}`, 'business_association');
    const districts = await units.listChildren(actor, provinceId, '2021-01-01');
    for (const d of districts.filter((u) => u.kind === 'district')) {
      const office = await org(d.id, `Phòng Văn hóa và Thông tin ${lowerPrefix(d.name)}`, 'office');
      await org(d.id, `Trung tâm Văn hóa - Truyền thanh - Truyền hình ${lowerPrefix(d.name)}`, 'radio_tv');
      if (p.code === '12' && d.code === TAM_DUONG_CODE) created.pvhtt = office.id;
    }
    await groups.createGroup(actor, { ownerUnitId: sttt.id, name: 'Các cơ quan báo chí trên địa bàn tỉnh', rule: { type: 'kind_under', kind: 'press', underUnitId: provinceId } });
    await groups.createGroup(actor, { ownerUnitId: sttt.id, name: 'Phòng Văn hóa - Thông tin các huyện, thành phố', rule: { type: 'kind_under', kind: 'office', underUnitId: provinceId } });
    await groups.createGroup(actor, { ownerUnitId: sttt.id, name: 'UBND các huyện, thị xã, thành phố', rule: { type: 'kind_under', kind: 'district', underUnitId: provinceId } });
    await groups.createGroup(actor, { ownerUnitId: sttt.id, name: 'Các doanh nghiệp viễn thông trên địa bàn tỉnh', rule: { type: 'kind_under', kind: 'telco', underUnitId: provinceId } });
  }

  // Tam Đường (Lai Châu): the district of seeds 002 and 003.
  const tamDuong = unitIdFor('vn-2025', TAM_DUONG_CODE);
  const communes = (await units.listChildren(actor, tamDuong, '2021-02-01')).filter((u) => u.kind === 'commune');
  for (const commune of communes) await org(commune.id, `Đài truyền thanh ${lowerPrefix(commune.name)}`, 'commune_radio');
  const pvhtt = created.pvhtt ?? tamDuong;
  await groups.createGroup(actor, { ownerUnitId: pvhtt, name: 'UBND các xã, thị trấn', rule: { type: 'kind_under', kind: 'commune', underUnitId: tamDuong } });
  await groups.createGroup(actor, { ownerUnitId: pvhtt, name: 'Đài truyền thanh các xã, thị trấn', rule: { type: 'kind_under', kind: 'commune_radio', underUnitId: tamDuong } });

  await settings.updatePortalSettings(SYSTEM_ACTOR, {
    authorityName: 'Sở Thông tin và Truyền thông tỉnh Lai Châu',
    parentName: 'UBND tỉnh Lai Châu',
    hotline: '1900 9095',
    email: 'stttt@laichau.gov.vn',
    address: 'Lai Châu',
    logoUrl: null,
  });

  const firstCommune = communes[0]?.id ?? tamDuong;
  const plan: { username: string; displayName: string; role: Role; unitId: string; unit: string }[] = [
    { username: 'admin', displayName: 'Quản trị hệ thống', role: 'system_admin', unitId: SYSTEM_ACTOR.unitId, unit: 'Việt Nam' },
    { username: 'quantri.laichau', displayName: 'Quản trị Sở TT&TT Lai Châu', role: 'unit_admin', unitId: created['sttt-12'] ?? tamDuong, unit: 'Sở TT&TT Lai Châu' },
    { username: 'soanthao.tamduong', displayName: 'Chuyên viên Phòng VH-TT Tam Đường', role: 'drafter', unitId: pvhtt, unit: 'Phòng VH-TT Tam Đường' },
    { username: 'lanhdao.tamduong', displayName: 'Trưởng phòng VH-TT Tam Đường', role: 'approver', unitId: pvhtt, unit: 'Phòng VH-TT Tam Đường' },
    { username: 'vanthu.tamduong', displayName: 'Văn thư Phòng VH-TT Tam Đường', role: 'clerk', unitId: pvhtt, unit: 'Phòng VH-TT Tam Đường' },
    { username: 'baocao.xa', displayName: 'Cán bộ văn hóa xã', role: 'reporter', unitId: firstCommune, unit: communes[0]?.name ?? 'Tam Đường' },
    { username: 'xem.laichau', displayName: 'Người xem Sở TT&TT Lai Châu', role: 'viewer', unitId: created['sttt-12'] ?? tamDuong, unit: 'Sở TT&TT Lai Châu' },
  ];
  const accounts: DemoAccount[] = [];
  const userIds: Record<string, string> = {};
  for (const p of plan) {
    const password = opts.password ?? demoPassword();
    const user = await users.createUser(SYSTEM_ACTOR, { username: p.username, displayName: p.displayName, email: null, unitId: p.unitId, roles: [p.role], password });
    userIds[p.username] = user.id;
    accounts.push({ username: p.username, password, role: p.role, unit: p.unit });
  }
  // The five seed công văn in their issuers' registers (drafted by the administrator account).
  if (userIds.admin) await seedDemoDispatches(c, created, userIds.admin);
  // DEMO: one made-up public issued copy of seed 000, so the portal's /van-ban is not empty.
  if (userIds.admin) await seedPublicDemoDirective(c, created, userIds.admin);
  accounts.push(...(await seedPortalDemo(c, opts)));
  return accounts;
}
