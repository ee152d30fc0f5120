import path from 'node:path';
import type { Container } from '../container.ts';
import type { Actor, Role } from '../modules/access/index.ts';
import type { CrosswalkReport, UnitView } from '../modules/units/index.ts';
import { vnDateKey } from '../platform/text.ts';
import { demoPassword, formatDemoAccounts, writeDemoAccountsFile } from './accounts.ts';
import type { SeededAccount } from './accounts.ts';
import { DEMO_ACTOR } from './demo-actor.ts';
import { seedDemoDispatches, seedPublicDemoDirective } from './seed-dispatches.ts';
import { seedHistoryWorld } from './seed-history.ts';
import { seedLiveActivity } from './seed-live.ts';
import type { LiveDemo } from './seed-live.ts';
import { seedPortalDemo } from './seed-portal.ts';
import type { PortalDemo } from './seed-portal.ts';
import { seedBroadcastDemo } from './seed-broadcasts.ts';
import { seedDeviceDemo } from './seed-devices.ts';
import { seedBulletinDemo } from './seed-bulletins.ts';
import { seedAlertDemo } from './seed-alerts.ts';
import { seedRumorDemo } from './seed-rumors.ts';
import type { RumorDemo } from './seed-rumors.ts';
import { seedSocialDemo } from './seed-social.ts';
import { seedSubscriberDemo } from './seed-subscribers.ts';
import type { SubscriberDemo } from './seed-subscribers.ts';
import { seedTodayWorld, slugOf } from './seed-world.ts';
import type { ProvinceWorld } from './seed-world.ts';

export type { DemoAccount, SeededAccount } from './accounts.ts';

/** The two communes of Lai Châu with demo accounts (2026 GSO codes), and fallbacks by position. */
const DEMO_COMMUNE_CODES = ['03390', '03408'] as const; // Xã Bình Lư (formed from Thị trấn Tam Đường), Phường Tân Phong

export interface DemoSeed {
  accounts: SeededAccount[];
  /** DATA_DIR/demo-accounts.json, or null when there is no data directory. */
  accountsFile: string | null;
  world: ProvinceWorld;
  /** The 2025 → 2026 crosswalk import: what matched and what did not. */
  crosswalk: CrosswalkReport & { stored: number };
  live: LiveDemo;
  portal: PortalDemo;
  /** SMS subscriber lists of the demo communes (fictitious numbers). */
  subscribers: SubscriberDemo;
  /** The demo SMS campaign (khẩn cấp, emergency-approved; sent when the worker starts). */
  sms: { broadcastId: string } | null;
  /** Devices registered in the demo communes (seed-devices.ts). */
  devices: { devices: number };
  /** Programmes of the demo communes and the bulletins published into them (seed-bulletins.ts). */
  bulletins: { programmes: number; bulletins: number };
  /** The Sở's published Exercise CAP alert for the demo communes (seed-alerts.ts), listed in /cap/atom.xml. */
  alerts: { alerts: number; identifier: string | null };
  rumors: RumorDemo;
}

interface Plan {
  username: string;
  displayName: string;
  role: Role;
  unit: UnitView;
  tryFirst: string;
}

/** "vn-2026:03390" for a GSO unit (as `loa users create --unit-code` takes it), an office's demo code ("SVHTTDL-12"), "VN". */
function codeOf(code: string | null, edition: string | null): string {
  if (!code) return '';
  return edition ? `${edition}:${code}` : code;
}

/**
 * Demo data on an empty database, in today's world (the 2026 tree, whatever the date): the GSO
 * lists, Lai Châu, Lạng Sơn and Thanh Hóa with their provincial bodies, every commune's radio
 * station and today's recipient groups; the seeds' 2020–2021 world as history in the 2025 tree;
 * live activity relative to the clock; the portal; one account per step. Writes
 * DATA_DIR/demo-accounts.json (mode 0600) and returns the accounts with their one-time passwords.
 */
export async function seedDemo(c: Container, opts: { password?: string; dataDir?: string | null } = {}): Promise<DemoSeed> {
  const { units, users, settings } = c.services;
  const today = vnDateKey(c.clock.now());
  await units.importEdition(DEMO_ACTOR, 'vn-2025');
  await units.importEdition(DEMO_ACTOR, 'vn-2026');
  const crosswalk = await units.importHistory(DEMO_ACTOR);

  const worlds = await seedTodayWorld(c, today);
  const laiChau = worlds.get('12');
  if (!laiChau) throw new Error('demo: Lai Châu is missing from the 2026 list');
  const historyOffices = await seedHistoryWorld(c);

  await settings.updatePortalSettings(DEMO_ACTOR, {
    authorityName: laiChau.culture.name,
    parentName: laiChau.peoplesCommittee.name,
    hotline: null,
    email: 'svhttdl@laichau.gov.vn',
    address: 'Thành phố Lai Châu, tỉnh Lai Châu',
    logoUrl: null,
  });

  const communes = DEMO_COMMUNE_CODES.map((code, i) => laiChau.communes.find((u) => u.code === code) ?? laiChau.communes[i]).filter((u): u is UnitView => Boolean(u));
  const nation = await units.getUnit(DEMO_ACTOR, DEMO_ACTOR.unitId);
  const office = laiChau.culture;
  const short = (u: UnitView) => slugOf(u.name.replace(/^(Xã|Phường|Đặc khu) /u, ''));
  const plan: Plan[] = [
    {
      username: 'soanthao.vhttdl',
      displayName: 'Chuyên viên Phòng Thông tin, Báo chí',
      role: 'drafter',
      unit: office,
      tryFirst: 'Soạn công văn mới gửi "UBND các xã, phường" và trình lãnh đạo',
    },
    {
      username: 'lanhdao.vhttdl',
      displayName: 'Phó Giám đốc Sở',
      role: 'approver',
      unit: office,
      tryFirst: 'Duyệt và ký công văn chuyên viên trình; phát một "Thông báo khẩn cấp" tới mọi kênh (SMS, loa, cổng, mạng xã hội, CAP)',
    },
    { username: 'vanthu.vhttdl', displayName: 'Văn thư Sở', role: 'clerk', unit: office, tryFirst: 'Cấp số, ban hành công văn đã ký; nhập công văn đến (seed 002)' },
    {
      username: 'quantri.vhttdl',
      displayName: 'Quản trị Sở',
      role: 'unit_admin',
      unit: office,
      tryFirst: 'Xem tổng hợp báo cáo tuần, cây đơn vị và nhóm nơi nhận; trả lời tin nhắn của người dân trong "Hộp thư mạng xã hội"',
    },
    { username: 'xem.vhttdl', displayName: 'Người xem của Sở', role: 'viewer', unit: office, tryFirst: 'Theo dõi ai đã nhận công văn hôm qua' },
    {
      username: 'xulytin.vhttdl',
      displayName: 'Trưởng nhóm xử lý tin sai sự thật',
      role: 'desk_lead',
      unit: office,
      tryFirst: 'Mở "Tin sai sự thật": xác minh vụ "Hàng dài người từ Trung Quốc xếp hàng tại cửa khẩu", xem người phản ánh (phải nêu lý do)',
    },
    ...communes.flatMap((u): Plan[] => [
      { username: `vanthu.${short(u)}`, displayName: `Văn thư UBND ${u.name}`, role: 'clerk', unit: u, tryFirst: 'Mở văn bản đến của Sở hôm qua, bấm "Đã nhận"' },
      {
        username: `baocao.${short(u)}`,
        displayName: `Cán bộ văn hóa - xã hội ${u.name}`,
        role: 'reporter',
        unit: u,
        tryFirst: 'Gửi báo cáo tuyên truyền tuần này trên điện thoại',
      },
    ]),
    ...communes.slice(0, 1).map((u): Plan => ({
      username: `lanhdao.${short(u)}`,
      displayName: `Chủ tịch UBND ${u.name}`,
      role: 'approver',
      unit: u,
      tryFirst: 'Soạn, duyệt và gửi tin nhắn SMS cho bà con; xem chiến dịch mẫu đã gửi xong',
    })),
    { username: 'bientap.syt', displayName: 'Biên tập viên Sở Y tế', role: 'approver', unit: laiChau.health, tryFirst: 'Nhập số liệu tình hình hôm nay; trả lời câu hỏi đang chờ' },
    { username: 'admin', displayName: 'Quản trị hệ thống', role: 'system_admin', unit: nation.unit, tryFirst: 'Danh mục đơn vị (cây 2026 và 2025), tài khoản, nhật ký' },
  ];

  const accounts: SeededAccount[] = [];
  for (const p of plan) {
    const password = opts.password ?? demoPassword();
    const user = await users.createUser(DEMO_ACTOR, { username: p.username, displayName: p.displayName, email: null, unitId: p.unit.id, roles: [p.role], password });
    const row = await c.services.units.lookup.byId(p.unit.id);
    const actor: Actor = { userId: user.id, username: p.username, displayName: p.displayName, unitId: p.unit.id, unitPath: row?.path ?? p.unit.id, roles: [p.role], ip: null };
    accounts.push({ username: p.username, password, role: p.role, unitName: p.unit.name, unitCode: codeOf(p.unit.code, row?.edition ?? null), tryFirst: p.tryFirst, actor });
  }
  const actorOf = (username: string): Actor => {
    const a = accounts.find((x) => x.username === username);
    if (!a) throw new Error(`demo account ${username} is missing`);
    return a.actor;
  };
  const admin = actorOf('admin');

  // History: the five seed công văn in their 2020–2021 issuers' registers, and one public copy.
  await seedDemoDispatches(c, historyOffices, admin.userId);
  await seedPublicDemoDirective(c, historyOffices, admin.userId);

  const live = await seedLiveActivity(
    c,
    laiChau,
    {
      drafter: actorOf('soanthao.vhttdl'),
      approver: actorOf('lanhdao.vhttdl'),
      clerk: actorOf('vanthu.vhttdl'),
      communeActor: (commune, role) => ({
        userId: admin.userId,
        username: DEMO_ACTOR.username,
        displayName: 'Dữ liệu mẫu',
        unitId: commune.id,
        unitPath: commune.path,
        roles: [role],
        ip: null,
      }),
    },
    { keepOpen: communes.map((u) => u.id) },
  );
  const portal = await seedPortalDemo(c, laiChau);
  const subscribers = await seedSubscriberDemo(c, communes, (commune) => actorOf(`vanthu.${short(commune)}`));
  const sms = communes[0] ? await seedBroadcastDemo(c, communes[0], actorOf(`lanhdao.${short(communes[0])}`)) : null;
  const devices = await seedDeviceDemo(c, communes);
  const communePaths = new Map((await c.services.units.lookup.byIds(communes.map((u) => u.id))).map((u) => [u.id, u.path]));
  const bulletins = await seedBulletinDemo(c, communes, {
    so: { drafter: actorOf('soanthao.vhttdl'), approver: actorOf('lanhdao.vhttdl') },
    // The commune's leader where the demo has one, else the seed acting as an approver of the commune.
    commune: (u) =>
      accounts.some((a) => a.username === `lanhdao.${short(u)}`)
        ? actorOf(`lanhdao.${short(u)}`)
        : { userId: admin.userId, username: DEMO_ACTOR.username, displayName: 'Dữ liệu mẫu', unitId: u.id, unitPath: communePaths.get(u.id) ?? '', roles: ['approver'], ip: null },
  });

  const alerts = await seedAlertDemo(c, { issuer: office, communes, drafter: actorOf('soanthao.vhttdl'), approver: actorOf('lanhdao.vhttdl') });
  // The Sở's Facebook page and Zalo OA (the local simulators), with the newest portal post cross-posted.
  await seedSocialDemo(c, { office, admin: actorOf('quantri.vhttdl'), approver: actorOf('lanhdao.vhttdl') });
  // The misinformation desk: seed 004's unverified video, a case being verified, one concluded with a published correction.
  const rumors = await seedRumorDemo(c, {
    office,
    health: laiChau.health,
    provinceId: laiChau.provinceId,
    pressGroupId: laiChau.groups.press,
    drafter: actorOf('soanthao.vhttdl'),
    approver: actorOf('lanhdao.vhttdl'),
    lead: actorOf('xulytin.vhttdl'),
  });

  const dataDir = opts.dataDir === undefined ? (c.env.DATA_DIR ?? null) : opts.dataDir;
  const accountsFile = dataDir ? await writeDemoAccountsFile(path.resolve(dataDir), accounts) : null;
  return { accounts, accountsFile, world: laiChau, crosswalk, live, portal, subscribers, sms, devices, bulletins, alerts, rumors };
}

/** Prints the demo accounts once (role, username, password, unit, what to try first). */
export function printDemoAccounts(seed: DemoSeed, out: NodeJS.WritableStream = process.stdout): void {
  out.write(formatDemoAccounts(seed.accounts, seed.accountsFile));
}
