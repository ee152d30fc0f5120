/* eslint-disable @typescript-eslint/no-unsafe-call -- API responses are untyped JSON here; the assertions check their shape. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { buildSignedInUser } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { DEMO_ACTOR } from '../../demo/demo-actor.ts';
import { seedHistoryWorld } from '../../demo/seed-history.ts';
import { seedTodayWorld } from '../../demo/seed-world.ts';
import type { ProvinceWorld } from '../../demo/seed-world.ts';
import { unitIdFor } from '../units/index.ts';
import { client } from '../../../../test/builders/directives.ts';
import { ELSEWHERE_CAP } from './parse/match.ts';

const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../assets/seeds');
const seed = (n: string) => readFileSync(path.join(seedsDir, `${n}.txt`));
const upload = (fileName: string, bytes: Uint8Array) => ({ fileName, contentBase64: Buffer.from(bytes).toString('base64') });

type Match = {
  text: string;
  target: { type: string; id: string; name: string } | null;
  confidence: number;
  flagged: boolean;
  section?: string;
  note?: string;
  successors?: { id: string; name: string }[];
};
type TaskOut = {
  section: string | null;
  title: string;
  description: string | null;
  assignees: { unitIds: string[]; groupIds: string[] };
  flagged: boolean;
  suggestedAssignees: { id: string; name: string; note: string }[];
};
type ProposalOut = { issuer: { id: string }; addressees: Match[]; recipients: Match[]; cc: Match[]; tasks: TaskOut[]; flagged: string[] };

/**
 * Seed 002 (Phòng VH-TT Tam Đường, 02/2021) imported by the clerk of today's Sở VHTTDL Lai Châu,
 * in a directory with the demo offices of three provinces: Tam Đường's and Như Xuân's (Thanh Hóa)
 * radio-TV centres are named alike, and the directory holds a "Ủy ban nhân dân tỉnh".
 */
describeApi('imports: matching a clerk can trust (seed 002 in the demo world)', (kind) => {
  let t: TestContext;
  let call: ReturnType<typeof client>;
  let world: ProvinceWorld;
  let offices: Record<string, string>;
  let clerk: Session;
  let thanhHoa: string;
  let centre: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2026-12-01T02:30:00Z') });
    await t.c.services.units.importEdition(DEMO_ACTOR, 'vn-2025', { provinceCodes: ['12', '20', '38'] });
    await t.c.services.units.importEdition(DEMO_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    const worlds = await seedTodayWorld(t.c, '2026-12-01', ['12']);
    world = worlds.get('12')!;
    offices = await seedHistoryWorld(t.c);
    // The 2025 → 2026 predecessor/successor links (Thị trấn Tam Đường → Xã Bình Lư …).
    await t.c.services.units.importHistory(DEMO_ACTOR);
    clerk = (await buildSignedInUser(t.c, { unitId: world.culture.id, roles: ['clerk'] })).session;
    thanhHoa = unitIdFor('vn-2025', '38');
    const tamDuong = unitIdFor('vn-2025', '106');
    const children = await t.c.services.units.listChildren(DEMO_ACTOR, tamDuong, '2021-02-01');
    const found = children.find((u) => u.kind === 'radio_tv');
    if (!found) throw new Error('demo: no radio-TV centre in Tam Đường');
    centre = found;
    call = client(t.app);
  }, 180_000);
  afterAll(() => t.close());

  let imported: { id: string; proposal: ProposalOut };

  it('proposes the issuer of the printed place, the district radio-TV centre of the issuer’s district, and never a unit of another province above 50%', async () => {
    const res = await call(clerk, 'POST', '/api/imports', upload('002.txt', seed('002')));
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(201);
    imported = res.body.import;
    const p = imported.proposal;
    expect(p.issuer).toMatchObject({ id: offices.pvhtt });

    // "Đài Truyền thanh - Truyền hình huyện" in sections 2 and 3: Tam Đường's centre, confident (not Như Xuân's).
    for (const section of ['2', '3']) {
      const m = p.addressees.find((a) => a.section === section && a.text.startsWith('Đài'));
      expect(m?.target, `section ${section}`).toMatchObject({ type: 'unit', id: centre.id });
      expect(m?.flagged).toBe(false);
    }
    // "Chủ tịch, các PCT.UBND huyện": the People's Committee of the issuer's district, never "Ủy ban nhân dân tỉnh".
    const leaders = p.cc.find((c) => c.text.startsWith('Chủ tịch'));
    expect(leaders?.target).toMatchObject({ id: unitIdFor('vn-2025', '106') });
    expect(leaders?.target?.name).not.toMatch(/tỉnh/u);

    // Nothing of Thanh Hóa (or any other province) above 50%.
    const all = [...p.recipients, ...p.cc, ...p.addressees].filter((m) => m.target?.type === 'unit');
    const rows = await t.c.services.units.getUnit(DEMO_ACTOR, thanhHoa);
    expect(rows.unit.id).toBe(thanhHoa);
    for (const m of all) {
      const detail = await t.c.services.units.getUnit(DEMO_ACTOR, m.target!.id);
      const elsewhere = detail.path.some((x) => x.id === thanhHoa || x.id === unitIdFor('vn-2025', '20'));
      if (elsewhere) expect(m.confidence, m.text).toBeLessThanOrEqual(ELSEWHERE_CAP);
    }
  });

  it('gives every addressee of a section its task, with a short title and the paragraph as description', async () => {
    const tasks = imported.proposal.tasks;
    const s3 = tasks.find((x) => x.section === '3')!;
    expect(s3.assignees.unitIds).toContain(centre.id);
    const s2 = tasks.find((x) => x.section === '2')!;
    expect(s2.assignees.unitIds).toContain(centre.id);
    for (const task of tasks) {
      expect(task.title.length, task.title).toBeLessThanOrEqual(120);
      expect(task.title).not.toMatch(/[,;:]$/u);
    }
    expect(s3.title).toBe('Báo cáo nhanh, tóm tắt kết quả tuyên truyền');
    expect(s3.description).toMatch(/^Đài Truyền thanh - Truyền hình huyện, UBND các xã, thị trấn báo cáo nhanh, tóm tắt kết quả tuyên truyền \(Trong đó nêu rõ/u);
    expect(s2.title).toMatch(/^Xây dựng các tin, bài, phóng sự/u);
    expect(s2.description).toContain('trong đó chú trọng về phòng chống dịch bệnh Covid-19');
  });

  it('gives section 1 a task for the communes named in its second sentence ("UBND các xã, thị trấn triển khai …"), never one commune for them', () => {
    const communes = imported.proposal.addressees.find((a) => a.section === '1' && a.text === 'UBND các xã, thị trấn');
    // The clerk's group "UBND các xã, phường", not a single commune whose name looks alike ("Xã Thu Lũm").
    expect(communes?.target).toMatchObject({ type: 'group', id: world.groups.communes });
    expect(communes?.flagged).toBe(false);
    const s1 = imported.proposal.tasks.find((x) => x.section === '1')!;
    expect(s1.assignees.groupIds).toContain(world.groups.communes);
  });

  it('proposes today’s successor of an old unit a 2021 dispatch addresses, flagged, and never assigns either without the officer', async () => {
    const text = seed('002')
      .toString('utf8')
      .replace('ngày tháng 02 năm 2021', 'ngày 05 tháng 02 năm 2021')
      .replace('2. Đề nghị Đài Truyền thanh - Truyền hình huyện, UBND các xã, thị trấn xây dựng', '2. Đề nghị UBND thị trấn Tam Đường xây dựng');
    const res = await call(clerk, 'POST', '/api/imports', upload('002-thi-tran.txt', Buffer.from(text)));
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(201);
    const p = res.body.import.proposal as ProposalOut;
    const old = p.addressees.find((a) => a.section === '2');
    // The old unit stays the match; today's Xã Bình Lư (formed from Thị trấn Tam Đường) is proposed, flagged.
    expect(old?.target?.name).toBe('Thị trấn Tam Đường');
    const binhLu = old?.successors?.find((u) => u.name === 'Xã Bình Lư');
    expect(binhLu, JSON.stringify(old)).toBeTruthy();
    const detail = await t.c.services.units.getUnit(DEMO_ACTOR, binhLu!.id);
    expect(detail.unit.validTo).toBeNull();
    expect(old?.flagged).toBe(true);
    expect(old?.note).toBe('Đơn vị cũ (trước sắp xếp 2025) — đề xuất đơn vị hiện nay: Xã Bình Lư');
    expect(p.flagged).toContain(`addressees[${p.addressees.indexOf(old!)}]`);
    const task = p.tasks.find((x) => x.section === '2')!;
    expect(task.assignees.unitIds).not.toContain(old!.target!.id);
    expect(task.assignees.unitIds).not.toContain(binhLu!.id);
    expect(task.suggestedAssignees).toEqual([{ id: binhLu!.id, name: 'Xã Bình Lư', note: old!.note }]);
    expect(task.flagged).toBe(true);
  });

  it('lets the clerk who registers the dispatch create its tasks', async () => {
    const confirmed = await call(clerk, 'POST', `/api/imports/${imported.id}/confirm`, {});
    expect(confirmed.status, JSON.stringify(confirmed.body).slice(0, 400)).toBe(200);
    const created = confirmed.body.tasks as { id: string; title: string; assignees: number }[];
    expect(created.map((x) => x.title)).toEqual(expect.arrayContaining(['Báo cáo nhanh, tóm tắt kết quả tuyên truyền']));
    expect(confirmed.body.skippedTasks.filter((x: { reason: string }) => /quyền/u.test(x.reason))).toEqual([]);
    const task = await call(clerk, 'GET', `/api/tasks/${created.find((x) => x.title.startsWith('Báo cáo'))!.id}`);
    expect(task.status).toBe(200);
    expect(task.body.assignees.map((a: { id: string }) => a.id)).toContain(centre.id);
  });
});
