import type { Container } from '../container.ts';
import { DEMO_ACTOR } from './demo-actor.ts';
import { unitIdFor } from '../modules/units/index.ts';
import type { UnitKind, UnitView } from '../modules/units/index.ts';
import { foldDiacritics } from '../platform/text.ts';

/** The demo provinces in the 2026 two-level list (GSO codes are the same as in 2025). */
export const DEMO_PROVINCES = [
  { code: '12', short: 'Lai Châu' },
  { code: '20', short: 'Lạng Sơn' },
  { code: '38', short: 'Thanh Hóa' },
] as const;
export type DemoProvinceCode = (typeof DEMO_PROVINCES)[number]['code'];

/** The names of today's recipient groups (owned by each province's Sở VHTTDL). */
export const GROUP_NAMES = {
  communes: 'UBND các xã, phường',
  communeRadios: 'Đài truyền thanh các xã, phường',
  press: 'Các cơ quan báo chí trên địa bàn tỉnh',
  telcos: 'Các doanh nghiệp viễn thông',
} as const;
export type GroupKey = keyof typeof GROUP_NAMES;

/** One province of today's demo world: its bodies, its communes and their radio stations, its groups. */
export interface ProvinceWorld {
  code: DemoProvinceCode;
  short: string;
  provinceId: string;
  /** Sở Văn hóa, Thể thao và Du lịch: press and grassroots information since 2025, the issuing office. */
  culture: UnitView;
  peoplesCommittee: UnitView;
  health: UnitView;
  /** Communes and wards in force today. A commune unit is its People's Committee (UBND xã). */
  communes: UnitView[];
  /** commune id → its radio station (đài truyền thanh cấp xã). */
  communeRadios: Map<string, UnitView>;
  groups: Record<GroupKey, string>;
}

/** "Lai Châu" → "laichau": the demo mail domains. */
export function slugOf(short: string): string {
  return foldDiacritics(short).replace(/\s+/g, '');
}

/** "Xã Bản Bo" → "xã Bản Bo", as written after an office's name. */
export function lowerPrefix(name: string): string {
  return name.replace(/^(Huyện|Thành phố|Thị xã|Quận|Xã|Thị trấn|Phường|Đặc khu)/u, (m) => m.toLowerCase());
}

/** Contacts and, for the offices with demo accounts, a short demo code (e.g. "SVHTTDL-12"). */
type OrgExtras = { emails?: string[]; phones?: string[]; code?: string };

export async function createOrg(c: Container, parentId: string, name: string, kind: UnitKind, extras: OrgExtras = {}): Promise<UnitView> {
  const { units } = c.services;
  const u = await units.createOrganisation(DEMO_ACTOR, { parentId, name, kind, ...(extras.code ? { code: extras.code } : {}) });
  if (extras.emails || extras.phones) await units.updateContacts(DEMO_ACTOR, u.id, { emails: extras.emails ?? [], phones: extras.phones ?? [], address: null, website: null });
  return u;
}

/**
 * Today's world (2026 tree, in force since 2025-07-01): for each demo province its provincial
 * bodies as organisations under the province, a radio station under every commune and ward, and
 * the recipient groups the Sở VHTTDL addresses. Provinces direct communes directly (no districts).
 */
export async function seedTodayWorld(c: Container, today: string, only?: readonly DemoProvinceCode[]): Promise<Map<DemoProvinceCode, ProvinceWorld>> {
  const { units, groups } = c.services;
  const out = new Map<DemoProvinceCode, ProvinceWorld>();
  for (const p of DEMO_PROVINCES.filter((x) => !only || only.includes(x.code))) {
    const provinceId = unitIdFor('vn-2026', p.code);
    const slug = slugOf(p.short);
    const org = (name: string, kind: UnitKind, extras?: OrgExtras) => createOrg(c, provinceId, name, kind, extras);
    const peoplesCommittee = await org(`Ủy ban nhân dân tỉnh ${p.short}`, 'peoples_committee', { emails: [`ubnd@${slug}.gov.vn`] });
    const culture = await org(`Sở Văn hóa, Thể thao và Du lịch tỉnh ${p.short}`, 'department', { emails: [`svhttdl@${slug}.gov.vn`], code: `SVHTTDL-${p.code}` });
    const health = await org(`Sở Y tế tỉnh ${p.short}`, 'health', { emails: [`syt@${slug}.gov.vn`], code: `SYT-${p.code}` });
    await org(`Sở Khoa học và Công nghệ tỉnh ${p.short}`, 'department', { emails: [`skhcn@${slug}.gov.vn`] });
    await org(`Công an tỉnh ${p.short}`, 'police');
    await org(`Bộ Chỉ huy Bộ đội Biên phòng tỉnh ${p.short}`, 'border_guard');
    await org(`Bộ Chỉ huy Quân sự tỉnh ${p.short}`, 'army');
    // Since 2025 the provincial newspaper and radio-TV station are one press agency.
    await org(`Báo và Phát thanh, Truyền hình ${p.short}`, 'press', { emails: [`toasoan@bao${slug}.vn`] });
    await org(`Bưu điện tỉnh ${p.short}`, 'post');
    for (const telco of [`Viettel ${p.short}`, `VNPT ${p.short}`, `MobiFone ${p.short}`, `Vietnamobile ${p.short}`]) await org(telco, 'telco');

    const communes = (await units.listChildren(DEMO_ACTOR, provinceId, today)).filter((u) => u.kind === 'commune');
    const communeRadios = new Map<string, UnitView>();
    for (const commune of communes) communeRadios.set(commune.id, await createOrg(c, commune.id, `Đài truyền thanh ${lowerPrefix(commune.name)}`, 'commune_radio'));

    const group = async (name: string, kind: UnitKind) =>
      (await groups.createGroup(DEMO_ACTOR, { ownerUnitId: culture.id, name, rule: { type: 'kind_under', kind, underUnitId: provinceId } })).id;
    const groupIds: Record<GroupKey, string> = {
      communes: await group(GROUP_NAMES.communes, 'commune'),
      communeRadios: await group(GROUP_NAMES.communeRadios, 'commune_radio'),
      press: await group(GROUP_NAMES.press, 'press'),
      telcos: await group(GROUP_NAMES.telcos, 'telco'),
    };
    out.set(p.code, { code: p.code, short: p.short, provinceId, culture, peoplesCommittee, health, communes, communeRadios, groups: groupIds });
  }
  return out;
}
