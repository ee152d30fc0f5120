import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { LAI_CHAU, TT_TAM_DUONG, buildSignedInUser, buildUnit, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { systemActor } from '../access/index.ts';
import type { Role } from '../access/index.ts';
import type { MqttBus } from '../../providers/mqtt/port.ts';
import { ReportPrefillOut } from '../../../shared/contracts/tasks.ts';
import { startDeviceMessaging } from '../devices/index.ts';
import { startFleet } from '../devices/simulator/fleet.ts';
import type { Fleet } from '../devices/simulator/fleet.ts';

const actor = systemActor('cli:test loop');
/** The harness's clock: Wednesday 03/02/2021, 10:00 in Viet Nam (seed 002's Tết campaign). */
const NOW = Date.parse('2021-02-03T03:00:00Z');

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Issue #13, "Done when" 2, end to end with a simulated loudspeaker on the embedded broker: a province
 * bulletin (thường) waits in the commune's queue until the commune places it in its programme; the
 * loudspeaker plays it at the slot; a khẩn cấp bulletin pre-empts it; the play logs become the
 * pre-filled figures of seed 002's weekly form.
 */
describe('the loudspeaker loop: queue, programme, pre-emption, the weekly figures', () => {
  let t: TestContext;
  let bus: MqttBus;
  let fleet: Fleet;
  let deviceId: string;
  const s: Record<string, Session> = {};
  let soId: string;
  const req = (method: 'GET' | 'POST', who: string, url: string, payload?: object) => t.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
  const logs = async () =>
    (await t.c.services.deviceGateway.logsOf(deviceId)).map((l) => ({ type: l.type, itemId: l.itemId, commandId: l.commandId, durationMs: l.durationMs, detail: l.detail }));

  beforeAll(async () => {
    t = await createTestContext('pglite');
    await importLaiChau(t.c);
    const so = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch' });
    soId = so.id;
    const make = async (roles: Role[], unitId: string) => (await buildSignedInUser(t.c, { unitId, roles })).session;
    s.soDrafter = await make(['drafter'], so.id);
    s.soApprover = await make(['approver'], so.id);
    s.commune = await make(['drafter'], TT_TAM_DUONG);
    s.reporter = await make(['reporter'], TT_TAM_DUONG);
    const blank = { vendor: null, model: null, serial: null, simNumber: null, lat: null, lon: null, installedOn: null, status: 'active' } as const;
    const d = await t.c.services.devices.createDevice(actor, TT_TAM_DUONG, { ...blank, kind: 'loudspeaker_cluster', name: 'Cụm loa Bản Hon', village: 'Bản Hon', audience: 120 });
    deviceId = d.id;
    const token = (await t.c.services.deviceCredentials.issueCredential(actor, d.id)).token;
    bus = await startDeviceMessaging({ host: '127.0.0.1', port: 0, logger: t.c.logger }, { credentials: t.c.services.deviceCredentials, gateway: t.c.services.deviceGateway });
    // Plays 4× faster than it would sound; the durations it reports stay the audio's.
    fleet = await startFleet([{ deviceId, unitId: TT_TAM_DUONG, kind: 'loudspeaker_cluster', token }], { mqtt: bus.url }, { speed: 4, heartbeatMs: 60_000 });
  }, 120_000);
  afterAll(async () => {
    await fleet?.stop();
    await bus?.close();
    await t?.close();
  });

  it('thường waits for the commune, plays at its slot, is pre-empted by khẩn cấp, and the week’s figures come from the logs', async () => {
    // The province's weekly report of seed 002 (16h00 thứ Năm), assigned to the commune.
    const task = await req('POST', 'soDrafter', '/api/tasks', {
      issuerUnitId: soId,
      title: 'Báo cáo kết quả tuyên truyền Tết Tân Sửu',
      dueRule: { kind: 'weekly', weekday: 4, time: '16:00', from: '2021-01-01', until: '2021-03-31' },
      assignees: { unitIds: [TT_TAM_DUONG] },
      reportForm: { template: 'tuyen-truyen' },
    });
    expect(task.statusCode, task.body).toBe(201);
    const taskId = (task.json() as { task: { id: string } }).task.id;

    // 1. A normal province bulletin: published, it waits in the commune's queue; nothing plays.
    const text = 'Ủy ban nhân dân tỉnh đề nghị nhân dân đón Tết an toàn, đeo khẩu trang nơi công cộng, rửa tay thường xuyên và khai báo y tế khi trở về từ vùng có dịch.';
    const created = await req('POST', 'soDrafter', '/api/bulletins', {
      unitId: soId,
      title: 'Đón Tết an toàn',
      text,
      source: 'tts',
      priority: 'thuong',
      targetUnitIds: [TT_TAM_DUONG],
    });
    expect(created.statusCode, created.body).toBe(201);
    const normal = (created.json() as { bulletin: { id: string } }).bulletin;
    expect((await req('POST', 'soDrafter', `/api/bulletins/${normal.id}/submit`)).statusCode).toBe(200);
    const approved = await req('POST', 'soApprover', `/api/bulletins/${normal.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    await t.c.jobs.drain();
    const queue = (await req('GET', 'commune', `/api/units/${TT_TAM_DUONG}/bulletin-queue`)).json() as { items: { bulletinId: string; status: string }[] };
    expect(queue.items.find((i) => i.bulletinId === normal.id)).toMatchObject({ status: 'waiting' });
    expect(await logs()).toEqual([]);

    // 2. The commune places it in its 10:30 programme. The device's clock says 10:29:57 (sync_clock), so the slot comes in 3 s.
    const programme = await req('POST', 'commune', `/api/units/${TT_TAM_DUONG}/programmes`, {
      name: 'Bản tin sáng',
      days: [1, 2, 3, 4, 5, 6, 7],
      startTime: '10:30',
      slotMinutes: 30,
      validFrom: '2021-01-01',
      validUntil: null,
      repeat: 1,
    });
    expect(programme.statusCode, programme.body).toBe(201);
    const programmeId = (programme.json() as { programme: { id: string } }).programme.id;
    const slot = NOW + 30 * 60_000;
    await t.c.services.deviceGateway.publishCommand(deviceId, {
      v: 1,
      id: randomUUID(),
      at: new Date(NOW).toISOString(),
      cmd: 'sync_clock',
      serverTime: new Date(slot - 3000).toISOString(),
    });
    const placed = await req('POST', 'commune', `/api/units/${TT_TAM_DUONG}/bulletin-queue/${normal.id}/place`, { programmeId });
    expect(placed.statusCode, placed.body).toBe(200);
    await t.c.jobs.drain();
    await until('the loudspeaker plays the normal bulletin at its slot', async () => (fleet.devices[0]!.playing === normal.id ? true : undefined));

    // 3. Khẩn cấp from the province while it plays: published in one step, it interrupts at once.
    const alarm = await req('POST', 'soApprover', '/api/bulletins', {
      unitId: soId,
      title: 'Cảnh báo khẩn cấp',
      text: 'Khẩn cấp: phát hiện ca mắc Covid-19 tại thị trấn, đề nghị nhân dân ở nhà.',
      source: 'tts',
      priority: 'khan_cap',
      targetUnitIds: [TT_TAM_DUONG],
    });
    expect(alarm.statusCode, alarm.body).toBe(201);
    const urgentId = (alarm.json() as { bulletin: { id: string } }).bulletin.id;
    const published = await req('POST', 'soApprover', `/api/bulletins/${urgentId}/emergency-publish`);
    expect(published.statusCode, published.body).toBe(200);
    const played = await until('the khẩn cấp bulletin finished', async () => {
      const l = await logs();
      return l.some((x) => x.itemId === urgentId && x.type === 'finished') ? l : undefined;
    });
    const urgentStart = played.find((l) => l.itemId === urgentId && l.type === 'started')!;
    expect(played.map((l) => [l.itemId, l.type])).toEqual([
      [normal.id, 'started'],
      [normal.id, 'interrupted'],
      [urgentId, 'started'],
      [urgentId, 'finished'],
    ]);
    expect(played[1]!.detail).toEqual({ reason: 'preempted', byCommandId: urgentStart.commandId });

    // 4. The weekly form of Thursday 04/02 comes pre-filled from these logs.
    const heardMs = played.reduce((n, l) => n + (l.durationMs ?? 0), 0);
    const prefill = await req('GET', 'reporter', `/api/tasks/${taskId}/prefill/${TT_TAM_DUONG}/2021-02-04`);
    expect(prefill.statusCode, prefill.body).toBe(200);
    const body = ReportPrefillOut.parse(prefill.json());
    expect(body.label).toBe('từ nhật ký phát');
    expect(body.values).toEqual({ so_tin_bai: 2, so_luot_phat_song: 2, do_dai_tin_bai: Math.round(heardMs / 600) / 100, uoc_so_nguoi_nghe: 240 });
  });
});
