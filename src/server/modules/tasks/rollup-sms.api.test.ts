import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TAM_DUONG, TT_MUONG_TE, TT_TAM_DUONG, buildUnit, buildUser, importLaiChau, signIn } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { actorIn, buildList, sendCampaign, smsPeer } from '../../../../test/builders/broadcasts.ts';
import { RollupOut } from '../../../shared/contracts/tasks.ts';
import type { Actor } from '../access/index.ts';
import { unitIdFor } from '../units/index.ts';

const A = TT_TAM_DUONG;
/** Xã Sơn Bình and Xã Nà Tăm, communes of Tam Đường like A; C is not an assignee of the task. */
const B = unitIdFor('vn-2025', '03413');
const C = unitIdFor('vn-2025', '03427');
const HOUR = 3_600_000;

/**
 * Issue #12 point 10: real campaigns through the SMSC simulator to the subscribers of two communes in
 * two periods; the roll-up shows them per row and in the total as the measured channel, the exports
 * carry them, and a commune's reader sees only its own.
 */
describeApi('roll-up: the measured SMS channel', (kind) => {
  let t: TestContext;
  let peer: Awaited<ReturnType<typeof smsPeer>>;
  /** The simulator's draw per submit, in order: < 0.25 refused (ESME_RSUBMITFAIL), < 0.5 accepted then UNDELIV, else delivered. */
  const draws: number[] = [];
  const actors = new Map<string, { drafter: Actor; approver: Actor }>();
  let taskId: string;
  let lists: Record<'a' | 'aOffice' | 'b' | 'c' | 'far', string>;
  let P1: { key: string; deadline: string };
  let P2: { key: string; deadline: string };
  let officeUser: string;
  let communeUser: string;
  const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers });

  /** A campaign of the district to some lists, approved at `at` with the simulator's draws, sent and settled. */
  async function campaign(at: Date, listIds: string[], outcomes: number[], unitId = TAM_DUONG): Promise<void> {
    t.clock.set(at);
    await sendCampaign(t.c, { unitId, ...actors.get(unitId)!, listIds, draws, outcomes });
    expect(draws).toEqual([]);
  }

  beforeAll(async () => {
    peer = await smsPeer({ failRate: 0.5, random: () => draws.shift() ?? 0.9 });
    t = await createTestContext(kind, { sms: peer.sms });
    t.c.services.smsSending.listen();
    await importLaiChau(t.c);
    for (const unitId of [TAM_DUONG, TT_MUONG_TE]) actors.set(unitId, { drafter: await actorIn(t.c, unitId, 'drafter'), approver: await actorIn(t.c, unitId, 'approver') });
    // A's health station: its subscribers count in A's row.
    const station = await buildUnit(t.c, { parentId: A, name: 'Trạm Y tế thị trấn Tam Đường', kind: 'office' });
    lists = {
      a: await buildList(t.c, A, 3, 0),
      aOffice: await buildList(t.c, station.id, 1, 100),
      b: await buildList(t.c, B, 2, 200),
      c: await buildList(t.c, C, 1, 300),
      far: await buildList(t.c, TT_MUONG_TE, 2, 400),
    };
    officeUser = (await buildUser(t.c, { unitId: TAM_DUONG, roles: ['drafter'] })).username;
    communeUser = (await buildUser(t.c, { unitId: A, roles: ['reporter'] })).username;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: (await signIn(t.c, officeUser)).headers,
      payload: {
        issuerUnitId: TAM_DUONG,
        title: 'Báo cáo kết quả tuyên truyền phòng, chống dịch',
        dueRule: { kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' },
        assignees: { unitIds: [A, B] },
        reportForm: { template: 'tuyen-truyen' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    taskId = res.json<{ task: { id: string } }>().task.id;
    const periods = RollupOut.parse((await get(await signIn(t.c, officeUser), `/api/tasks/${taskId}/rollup?from=2021-02-01&to=2021-02-28`)).json()).periods;
    [P1, P2] = [periods[0]!, periods[1]!];
    const d1 = new Date(P1.deadline).getTime();
    const d2 = new Date(P2.deadline).getTime();
    // Period 1: A (3 + the station's 1) all delivered; B one delivered, one accepted then undelivered.
    await campaign(new Date(d1 - 6 * HOUR), [lists.a, lists.aOffice], [0.9, 0.9, 0.9, 0.9]);
    await campaign(new Date(d1 - 5 * HOUR), [lists.b], [0.9, 0.3]);
    // Period 2 opens at period 1's deadline: A one delivered and two refused by the SMSC (not sent).
    await campaign(new Date(d1), [lists.a], [0.9, 0.1, 0.1]);
    await campaign(new Date(d2 - 30 * HOUR), [lists.b, lists.c], [0.9, 0.9, 0.9]);
    await campaign(new Date(d2 - 29 * HOUR), [lists.far], [0.9, 0.9], TT_MUONG_TE);
    // After period 2's deadline: counted in neither.
    await campaign(new Date(d2 + HOUR), [lists.a, lists.b], []);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await peer.close();
  });

  const sms = (m: { smsSent: number; smsDelivered: number }) => [m.smsSent, m.smsDelivered];

  it('shows SMS sent and delivered per commune and period, and their total over the rows, apart from the reported figures', async () => {
    const office = await signIn(t.c, officeUser);
    const res = await get(office, `/api/tasks/${taskId}/rollup?unitId=${TAM_DUONG}&from=${P1.key}&to=${P2.key}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = RollupOut.parse(res.json());
    expect(view.periods.map((p) => p.key)).toEqual([P1.key, P2.key]);
    const [p1, p2] = view.periods as [(typeof view.periods)[number], (typeof view.periods)[number]];
    const row = (p: typeof p1, id: string) => p.rows.find((r) => r.unit.id === id)!;
    expect(p1.rows.map((r) => r.unit.id).sort()).toEqual([A, B].sort());
    expect(sms(row(p1, A).measured)).toEqual([4, 4]);
    expect(sms(row(p1, B).measured)).toEqual([2, 1]);
    expect(sms(p1.measured)).toEqual([6, 5]);
    expect(sms(row(p2, A).measured)).toEqual([1, 1]);
    expect(sms(row(p2, B).measured)).toEqual([2, 2]);
    // C (no assignee) and Mường Tè (another district) are no rows: the total is the rows'.
    expect(sms(p2.measured)).toEqual([3, 3]);
    expect(p2.measured.telcoReported).toBe(0);
    // C's message is shown apart, as sent by another unit of the area; Mường Tè's lies outside the area.
    expect(sms(p2.measuredOutside)).toEqual([1, 1]);
    expect(sms(p1.measuredOutside)).toEqual([0, 0]);
    // Nobody reported: the reported figures stay empty, the channel does not fill them.
    expect(p1.totals.every((f) => f.value === null)).toBe(true);
  });

  it('puts the SMS columns in the CSV and XLSX, and the SMS sentence and table in the upward report', async () => {
    const office = await signIn(t.c, officeUser);
    const csv = await get(office, `/api/tasks/${taskId}/rollup.csv?unitId=${TAM_DUONG}&period=${P1.key}`);
    expect(csv.statusCode, csv.body).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/,Số đơn vị nộp muộn,Tin nhắn SMS đã gửi \(hệ thống ghi nhận\),Tin nhắn SMS đã đến máy \(hệ thống ghi nhận\)$/);
    expect(lines.at(-1)).toMatch(/^,,Tổng cộng,.*,6,5$/);

    const xlsx = await get(office, `/api/tasks/${taskId}/rollup.xlsx?unitId=${TAM_DUONG}&period=${P2.key}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.getWorksheet('Tổng hợp')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const header = rows.find((r) => r[0] === 'STT')!;
    const at = (name: string) => header.indexOf(name);
    const sent = at('Tin nhắn SMS đã gửi (hệ thống ghi nhận)');
    expect(sent).toBeGreaterThan(0);
    const byName = (name: string) => rows.find((r) => r[2] === name)!;
    expect([byName('Tổng cộng')[sent], byName('Tổng cộng')[sent + 1]]).toEqual([3, 3]);
    expect([byName('Thị trấn Tam Đường')[sent], byName('Thị trấn Tam Đường')[sent + 1]]).toEqual([1, 1]);

    const docx = await get(office, `/api/tasks/${taskId}/report.docx?unitId=${TAM_DUONG}&period=${P1.key}`);
    expect(docx.statusCode, docx.body).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value.replace(/\s+/g, ' ');
    expect(text).toContain('Tin nhắn SMS (hệ thống ghi nhận, không thuộc số liệu các đơn vị báo cáo)');
    expect(text).toContain('đã gửi 6 tin, đã đến máy 5 tin');
    // Period 2's upward report counts the area's SMS: C (asked for no report) on its own line, in the total.
    const docx2 = await get(office, `/api/tasks/${taskId}/report.docx?unitId=${TAM_DUONG}&period=${P2.key}`);
    const text2 = (await mammoth.extractRawText({ buffer: docx2.rawPayload })).value.replace(/\s+/g, ' ');
    expect(text2).toContain('đã gửi 4 tin, đã đến máy 4 tin');
    expect(text2).toContain('Các đơn vị khác trên địa bàn');
  });

  it("counts everything before the deadline in an open window (a one-off task's period), per child of the root", async () => {
    const root = (await t.c.services.units.lookup.byId(TAM_DUONG))!;
    const rows = await t.c.services.channelFigures.byPeriod({ rootPath: root.path, rootDepth: root.depth, windows: [{ period: 'p', from: null, to: new Date(P2.deadline) }] });
    const byChild = Object.fromEntries(rows.map((r) => [r.child, sms(r)]));
    expect(byChild).toEqual({ [A]: [5, 5], [B]: [4, 3], [C]: [1, 1] });
  });

  it("shows a commune's reader only its own commune's SMS, and nothing of the district's", async () => {
    const reader = await signIn(t.c, communeUser);
    const res = await get(reader, `/api/tasks/${taskId}/rollup?from=${P1.key}&to=${P2.key}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = RollupOut.parse(res.json());
    expect(view.unit.id).toBe(A);
    expect(view.periods.map((p) => p.rows.map((r) => [r.unit.id, ...sms(r.measured)]))).toEqual([[[A, 4, 4]], [[A, 1, 1]]]);
    expect(view.periods.map((p) => sms(p.measured))).toEqual([
      [4, 4],
      [1, 1],
    ]);
    expect((await get(reader, `/api/tasks/${taskId}/rollup?unitId=${TAM_DUONG}`)).statusCode).toBe(404);
    const csv = await get(reader, `/api/tasks/${taskId}/rollup.csv?period=${P1.key}`);
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .at(-1),
    ).toMatch(/,4,4$/);
  });
});
