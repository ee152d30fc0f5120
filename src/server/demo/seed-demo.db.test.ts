import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { signIn } from '../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import { localDateKey, periodFor } from '../modules/tasks/index.ts';
import type { DueRule } from '../modules/tasks/index.ts';
import { DEMO_ACCOUNTS_FILE } from './accounts.ts';
import { seedDemo } from './seed-demo.ts';
import type { DemoSeed } from './seed-demo.ts';
import { PAST_WEEKS, shiftDay } from './seed-live.ts';
import { SITUATION_DAYS } from './seed-portal.ts';
import { GROUP_NAMES } from './seed-world.ts';

const PASSWORD = 'mat-khau-Thu-nghiem-2026';

/** The demo is relative to the clock at seed time: the same assertions hold on any date. */
for (const now of ['2026-12-01T02:30:00Z', '2027-03-15T10:00:00Z']) {
  describeEachDb(`demo seed on ${now.slice(0, 10)}`, (kind) => {
    let t: TestContext;
    let seed: DemoSeed;
    let dataDir = '';
    const at = new Date(now);
    const today = localDateKey(at);
    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'loa-demo-'));
      t = await createTestContext(kind, { now: at });
      seed = await seedDemo(t.c, { password: PASSWORD, dataDir });
    }, 180_000);
    afterAll(async () => {
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('puts the demo office and groups in the tree in force today, reaching every commune', async () => {
      const { world } = seed;
      const clerk = await signIn(t.c, 'vanthu.vhttdl', PASSWORD);
      const groups = (await t.app.inject({ url: `/api/groups?ownerUnitId=${world.culture.id}`, headers: clerk.headers })).json<{ items: { id: string; name: string }[] }>().items;
      expect(groups.map((g) => g.name).sort()).toEqual(Object.values(GROUP_NAMES).sort());
      const members = async (name: string) => {
        const g = groups.find((x) => x.name === name)!;
        return (await t.app.inject({ url: `/api/groups/${g.id}/members`, headers: clerk.headers })).json<{ items: { kind: string; validTo: string | null }[] }>().items;
      };
      const communes = await members(GROUP_NAMES.communes);
      expect(communes.length).toBe(38); // Lai Châu's communes and wards since 2025-07-01
      expect(communes.every((u) => u.kind === 'commune' && u.validTo === null)).toBe(true);
      expect((await members(GROUP_NAMES.communeRadios)).length).toBe(38);
      expect((await members(GROUP_NAMES.press)).length).toBeGreaterThan(0);
      expect((await members(GROUP_NAMES.telcos)).length).toBe(4);
      // The unit admin's tree is today's province, and it opens.
      const admin = await signIn(t.c, 'quantri.vhttdl', PASSWORD);
      const roots = (await t.app.inject({ url: '/api/units/roots', headers: admin.headers })).json<{ items: { id: string; validTo: string | null; childCount: number }[] }>().items;
      expect(roots).toEqual([expect.objectContaining({ id: world.provinceId, validTo: null })]);
      expect(roots[0]!.childCount).toBeGreaterThan(38);
    });

    it("pickers reach the demo units: today's by default, the seeds' 2025 offices when asked, labelled", async () => {
      const admin = await signIn(t.c, 'quantri.vhttdl', PASSWORD);
      type Hit = { id: string; name: string; inForce: boolean; editionLabel: string | null; nowPartOf: { name: string }[]; formedFromMatch: { name: string } | null };
      const search = async (q: string, editions = 'current') =>
        (await t.app.inject({ url: `/api/units/search?q=${encodeURIComponent(q)}&editions=${editions}`, headers: admin.headers })).json<{ items: Hit[] }>().items;
      expect((await search('so van hoa the thao lai chau')).map((h) => h.id)).toContain(seed.world.culture.id);
      const now = await search('tam duong');
      expect(now.every((h) => h.inForce)).toBe(true);
      expect(now.find((h) => h.name === 'Xã Bình Lư')?.formedFromMatch?.name).toBe('Thị trấn Tam Đường');
      const both = await search('tam duong', 'all');
      expect(both.find((h) => h.name === 'Huyện Tam Đường')).toMatchObject({ inForce: false, editionLabel: 'Danh mục 2025 (trước sắp xếp)' });
      const office = (await search('phong van hoa va thong tin huyen tam duong', 'all')).find((h) => h.name === 'Phòng Văn hóa và Thông tin huyện Tam Đường');
      expect(office).toMatchObject({ inForce: false, editionLabel: 'Danh mục 2025 (trước sắp xếp)' });
    });

    it('runs a weekly report now: this week open until Thursday 16:00, earlier weeks reported', async () => {
      const viewer = await signIn(t.c, 'xem.vhttdl', PASSWORD);
      const task = (await t.app.inject({ url: `/api/tasks/${seed.live.weeklyTaskId}`, headers: viewer.headers })).json<{ task: { dueRule: DueRule } }>().task;
      const current = periodFor(task.dueRule, at);
      expect(current).not.toBeNull();
      expect(current!.deadline.getTime()).toBeGreaterThan(at.getTime());
      expect(current!.deadline.getTime() - at.getTime()).toBeLessThanOrEqual(7 * 86_400_000);
      expect(new Date(`${localDateKey(current!.deadline)}T00:00:00Z`).getUTCDay()).toBe(4); // Thursday
      expect(current!.deadline.toLocaleTimeString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' })).toBe('16:00');
      const rollup = (await t.app.inject({ url: `/api/tasks/${seed.live.weeklyTaskId}/rollup`, headers: viewer.headers })).json<{
        periods: { key: string; coverage: { expected: number; reported: number; late: number }; totals: { indicator: string; value: number | null }[] }[];
      }>();
      const closed = rollup.periods.filter((p) => p.key < current!.key);
      expect(closed.length).toBeGreaterThanOrEqual(PAST_WEEKS);
      for (const p of closed.slice(-PAST_WEEKS)) {
        expect(p.coverage.reported).toBeGreaterThan(p.coverage.expected / 2);
        expect(p.coverage.reported).toBeLessThan(p.coverage.expected);
        expect(p.totals.find((x) => x.indicator === 'so_tin_bai')?.value).toBeGreaterThan(0);
      }
      expect(closed.slice(-PAST_WEEKS).some((p) => p.coverage.late > 0)).toBe(true);
      // The demo communes' reporters still have this week to send.
      const open = rollup.periods.find((p) => p.key === current!.key);
      expect(open?.coverage.reported ?? 0).toBeLessThan(38);
      for (const u of seed.accounts.filter((a) => a.role === 'reporter')) {
        const r = await t.app.inject({ url: `/api/tasks/${seed.live.weeklyTaskId}/submissions/${u.actor.unitId}/${current!.key}`, headers: viewer.headers });
        expect(r.statusCode).toBe(404);
      }
    });

    it('issued a directive yesterday to every commune, acknowledged by some but not by the demo communes', async () => {
      const clerk = await signIn(t.c, 'vanthu.vhttdl', PASSWORD);
      const d = (await t.app.inject({ url: `/api/directives/${seed.live.directiveId}`, headers: clerk.headers })).json<{ directive: { status: string; date: string } }>().directive;
      expect(d).toMatchObject({ status: 'issued', date: shiftDay(today, 1) });
      const track = (await t.app.inject({ url: `/api/directives/${seed.live.directiveId}/tracking`, headers: clerk.headers })).json<{
        items: { unitId: string; acknowledgedAt: string | null }[];
      }>();
      expect(track.items).toHaveLength(38);
      const acked = track.items.filter((i) => i.acknowledgedAt);
      expect(acked.length).toBeGreaterThan(0);
      expect(acked.length).toBeLessThan(38);
      const communeClerks = seed.accounts.filter((a) => a.role === 'clerk' && a.unitCode.startsWith('vn-2026:'));
      expect(communeClerks).toHaveLength(2);
      for (const a of communeClerks) {
        const s = await signIn(t.c, a.username, PASSWORD);
        const inbox = (await t.app.inject({ url: '/api/inbox?filter=unacknowledged', headers: s.headers })).json<{ items: { itemId: string; directive: { id: string } }[] }>()
          .items;
        const item = inbox.find((i) => i.directive.id === seed.live.directiveId);
        expect(item).toBeDefined();
        const ack = await t.app.inject({ method: 'POST', url: `/api/inbox/${item!.itemId}/acknowledge`, headers: s.headers, payload: {} });
        expect(ack.statusCode).toBe(200);
      }
    });

    it('registers devices in the demo communes that the commune sees and another commune does not', async () => {
      const binhLu = seed.accounts.find((x) => x.username === 'vanthu.binhlu')!;
      const other = seed.accounts.find((x) => x.username.startsWith('vanthu.') && x.username !== 'vanthu.binhlu' && x.username !== 'vanthu.vhttdl')!;
      const own = await signIn(t.c, binhLu.username, PASSWORD);
      const list = (await t.app.inject({ url: `/api/units/${binhLu.actor.unitId}/devices`, headers: own.headers })).json<{ items: { kind: string; status: string }[] }>().items;
      expect(list.filter((d) => d.kind === 'loudspeaker_cluster')).toHaveLength(12);
      expect(list.filter((d) => d.kind === 'led_board')).toHaveLength(1);
      expect(seed.devices.devices).toBeGreaterThanOrEqual(5);
      const stranger = await signIn(t.c, other.username, PASSWORD);
      expect((await t.app.inject({ url: `/api/units/${binhLu.actor.unitId}/devices`, headers: stranger.headers })).statusCode).toBe(404);
    });

    it('gives each demo commune a morning and an evening programme, its own bulletin in the morning one, and the Sở’s bulletin waiting in its queue', async () => {
      const binhLu = seed.accounts.find((x) => x.username === 'lanhdao.binhlu')!;
      const own = await signIn(t.c, binhLu.username, PASSWORD);
      const programmes = (await t.app.inject({ url: `/api/units/${binhLu.actor.unitId}/programmes`, headers: own.headers })).json<{
        items: { name: string; playlist: unknown[] }[];
      }>().items;
      expect(programmes.map((p) => [p.name, p.playlist.length])).toEqual([
        ['Bản tin sáng', 1],
        ['Bản tin chiều', 0],
      ]);
      const queue = (await t.app.inject({ url: `/api/units/${binhLu.actor.unitId}/bulletin-queue`, headers: own.headers })).json<{ items: { title: string; status: string }[] }>()
        .items;
      expect(queue.find((i) => i.status === 'waiting')).toMatchObject({ title: 'Phòng, chống rét đậm, rét hại cho người và gia súc' });
      expect(seed.bulletins.bulletins).toBe(seed.bulletins.programmes / 2 + 1);
    });

    it('has situation figures up to today and a question waiting for an answer', async () => {
      const editor = await signIn(t.c, 'bientap.syt', PASSWORD);
      const sit = await t.c.services.publishing.listSituation(SYSTEM_ACTOR, seed.portal.infoSectionId, 60);
      expect(sit).toHaveLength(SITUATION_DAYS);
      expect(
        sit
          .map((s) => s.date)
          .sort()
          .at(-1),
      ).toBe(today);
      const pending = (await t.app.inject({ url: '/api/portal/questions?status=pending', headers: editor.headers })).json<{ items: { id: string }[] }>().items;
      expect(pending.map((q) => q.id)).toContain(seed.portal.pendingQuestionId);
      const page = await t.app.inject({ url: '/tinh-hinh' });
      expect(page.body).toContain('Sở Y tế tỉnh Lai Châu');
    });

    it('publishes one Exercise CAP alert for the demo communes, listed in /cap/atom.xml', async () => {
      expect(seed.alerts.alerts).toBe(1);
      const feed = await t.app.inject({ url: '/cap/atom.xml' });
      expect(feed.body).toContain(`/cap/${seed.alerts.identifier!}.xml`);
      const doc = await t.app.inject({ url: `/cap/${seed.alerts.identifier!}.xml` });
      expect(doc.body).toContain('<status>Exercise</status>');
    });

    it('gives the misinformation desk three cases, one corrected in public with ClaimReview JSON-LD', async () => {
      expect(seed.rumors.cases).toBe(3);
      expect(seed.rumors.correctionUrl).toBeTruthy();
      const page = await t.app.inject({ url: new URL(seed.rumors.correctionUrl!).pathname });
      expect(page.statusCode).toBe(200);
      const ld = [...page.body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as { '@type'?: string });
      expect(ld.some((x) => x['@type'] === 'ClaimReview')).toBe(true);
    });

    it('prints one account per step, each signs in with its role in its unit, and writes demo-accounts.json (0600)', async () => {
      const roles = seed.accounts.map((a) => `${a.role}@${a.unitName}`);
      const office = 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu';
      for (const r of ['drafter', 'approver', 'clerk', 'unit_admin', 'viewer', 'desk_lead']) expect(roles).toContain(`${r}@${office}`);
      for (const r of ['clerk', 'reporter']) expect(seed.accounts.filter((a) => a.role === r && a.unitCode.startsWith('vn-2026:')).length).toBeGreaterThanOrEqual(2);
      expect(roles).toContain('approver@Sở Y tế tỉnh Lai Châu');
      expect(roles).toContain('system_admin@Việt Nam');
      for (const a of seed.accounts) {
        const s = await signIn(t.c, a.username, a.password);
        const me = (await t.app.inject({ url: '/api/auth/me', headers: s.headers })).json<{ user: { roles: string[]; unitId: string; unitName: string } }>().user;
        expect(me.roles).toEqual([a.role]);
        expect(me.unitName).toBe(a.unitName);
        expect(a.tryFirst.length).toBeGreaterThan(0);
      }
      const file = path.join(dataDir, DEMO_ACCOUNTS_FILE);
      expect(seed.accountsFile).toBe(file);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const rows = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>[];
      expect(rows).toHaveLength(seed.accounts.length);
      for (const r of rows) {
        expect(Object.keys(r).sort()).toEqual(['password', 'role', 'unitCode', 'unitName', 'username']);
        for (const v of Object.values(r)) expect(typeof v).toBe('string');
      }
      expect(rows.find((r) => r.username === 'baocao.binhlu')).toMatchObject({ role: 'reporter', unitName: 'Xã Bình Lư', unitCode: 'vn-2026:03390' });
    });

    it('keeps the seeds world as history in the 2025 tree: the five dispatches are in the archive and searchable', async () => {
      const admin = await signIn(t.c, 'admin', PASSWORD);
      const found = (await t.app.inject({ url: `/api/directives?q=${encodeURIComponent('tan suu')}`, headers: admin.headers })).json<{ items: { subject: string }[] }>().items;
      expect(found.some((d) => d.subject.includes('Tân Sửu 2021'))).toBe(true);
      const all = (await t.app.inject({ url: '/api/directives?limit=200', headers: admin.headers })).json<{ items: { fullSymbol: string; status: string }[] }>().items;
      expect(
        all
          .filter((d) => d.status === 'draft')
          .map((d) => d.fullSymbol)
          .sort(),
        // The five seeds (history), and today's desk: the police hand-off and the press request of the corrected case.
      ).toEqual(['/STTTT-BCXB', '/STTTT-TTBCXB', '/STTTT-TTBCXB', '/SVHTTDL', '/SVHTTDL', '/VHTT', '/VHTT-TT&TT']);
      const search = (await t.app.inject({ url: `/api/units/search?q=${encodeURIComponent('tam duong')}&at=2021-02-01`, headers: admin.headers })).json<{
        items: { name: string }[];
      }>().items;
      expect(search.map((u) => u.name)).toContain('Huyện Tam Đường');
      // The crosswalk ties the seeds' world to today's: Thị trấn Tam Đường is now part of Xã Bình Lư.
      expect(seed.crosswalk.communes.matched).toBe(3320);
      const binhLu = seed.accounts.find((x) => x.username === 'baocao.binhlu')!.actor.unitId;
      const unit = (await t.app.inject({ url: `/api/units/${binhLu}`, headers: admin.headers })).json<{ history: { formedFrom: { name: string }[] } }>();
      expect(unit.history.formedFrom.map((u) => u.name)).toContain('Thị trấn Tam Đường');
    });
  });
}
