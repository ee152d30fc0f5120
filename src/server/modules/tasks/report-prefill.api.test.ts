import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { LAI_CHAU, TT_MUONG_TE, TT_TAM_DUONG, buildUnit, buildUser, importLaiChau, signIn } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { systemActor } from '../access/index.ts';
import { ReportPrefillOut } from '../../../shared/contracts/tasks.ts';
import type { DeviceLogEvent } from '../../../shared/contracts/devices.ts';

const MIN = 60_000;
const DAY = 86_400_000;

/**
 * Issue #13 point 7 on seed 002's form ('tuyen-truyen'): the commune's figures for the open period come
 * from its devices' play logs of [previous deadline, deadline), marked "từ nhật ký phát", on the API and
 * the mobile report page; a figure the commune changes is audited as a correction with both values.
 */
describe('the report prefilled from play logs [pglite]', () => {
  let t: TestContext;
  const BINH_LU = TT_TAM_DUONG;
  const OTHER = TT_MUONG_TE;
  let reporter: Session;
  let stranger: Session;
  let taskId: string;
  const now = new Date('2026-12-01T03:00:00Z');
  const url = () => `/api/tasks/${taskId}/prefill/${BINH_LU}/2026-12-03`;

  function play(itemId: string, at: Date, minutes: number, end: 'finished' | 'interrupted' = 'finished'): DeviceLogEvent[] {
    const base = { itemId, commandId: randomUUID() };
    const done = new Date(at.getTime() + minutes * MIN).toISOString();
    return [
      { ...base, id: randomUUID(), type: 'started', at: at.toISOString() },
      end === 'finished'
        ? { ...base, id: randomUUID(), type: 'finished', at: done, durationMs: minutes * MIN }
        : { ...base, id: randomUUID(), type: 'interrupted', at: done, durationMs: minutes * MIN, reason: 'preempted' },
    ];
  }

  beforeAll(async () => {
    t = await createTestContext('pglite', { now });
    await importLaiChau(t.c);
    const so = await buildUnit(t.c, { parentId: LAI_CHAU, name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'department' });
    const drafter = await signIn(t.c, (await buildUser(t.c, { unitId: so.id, roles: ['drafter'] })).username);
    reporter = await signIn(t.c, (await buildUser(t.c, { unitId: BINH_LU, roles: ['reporter'] })).username);
    stranger = await signIn(t.c, (await buildUser(t.c, { unitId: OTHER, roles: ['reporter'] })).username);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: drafter.headers,
      payload: {
        issuerUnitId: so.id,
        title: 'Báo cáo tuyên truyền hằng tuần',
        dueRule: { kind: 'weekly', weekday: 4, time: '16:00', from: '2026-11-01', until: '2027-06-30' },
        assignees: { unitIds: [BINH_LU, OTHER] },
        reportForm: { template: 'tuyen-truyen' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    taskId = (res.json() as { task: { id: string } }).task.id;

    const actor = systemActor('cli:test prefill');
    const blank = { vendor: null, model: null, serial: null, simNumber: null, village: null, lat: null, lon: null, installedOn: null, status: 'active' } as const;
    const token = async (kind: 'loudspeaker_cluster' | 'led_board', audience: number | null) => {
      const d = await t.c.services.devices.createDevice(actor, BINH_LU, { ...blank, kind, name: `Thiết bị ${kind}`, audience });
      return `Bearer ${(await t.c.services.deviceCredentials.issueCredential(actor, d.id)).token}`;
    };
    const loa = await token('loudspeaker_cluster', 200);
    const led = await token('led_board', null);
    const [b1, b2, old] = [randomUUID(), randomUUID(), randomUUID()];
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    // This period (from Thursday 26/11 16:00): b1 5 min and b2 3 min (interrupted) on the loudspeakers, b1 1 min on the LED board.
    await t.c.services.deviceGateway.postLogs(loa, { v: 1, events: [...play(b1, ago(2), 5), ...play(b2, ago(1), 3, 'interrupted')] });
    await t.c.services.deviceGateway.postLogs(led, { v: 1, events: play(b1, ago(1), 1) });
    // The period before: not counted.
    await t.c.services.deviceGateway.postLogs(loa, { v: 1, events: play(old, ago(8), 10) });
  });
  afterAll(() => t.close());

  it('returns the figures of the period from the play logs, marked; another commune gets 404', async () => {
    const res = await t.app.inject({ url: url(), headers: reporter.headers });
    expect(res.statusCode, res.body).toBe(200);
    const body = ReportPrefillOut.parse(res.json());
    expect(body).toMatchObject({ source: 'device_logs', label: 'từ nhật ký phát', period: '2026-12-03' });
    // Listeners: 2 plays × the loudspeaker's 200 + 1 play × the default 50.
    expect(body.values).toEqual({ so_tin_bai: 2, do_dai_tin_bai: 9, so_luot_phat_song: 3, uoc_so_nguoi_nghe: 450 });
    expect((await t.app.inject({ url: url(), headers: stranger.headers })).statusCode).toBe(404);
  });

  it('fills the mobile report page with them, each marked', async () => {
    const res = await t.app.inject({ url: `/bao-cao/${taskId}?don_vi=${BINH_LU}`, headers: { cookie: reporter.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('(từ nhật ký phát: 9)');
    expect(res.body).toMatch(/id="f_so_luot_phat_song" name="so_luot_phat_song" value="3"/);
    expect(res.body).toContain('lấy từ nhật ký phát');
  });

  it('audits a corrected figure with both values, and confirming the prefill is no correction', async () => {
    const submit = (values: Record<string, number>) =>
      t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/submissions`, headers: reporter.headers, payload: { unitId: BINH_LU, period: '2026-12-03', values } });
    const confirmed = await submit({ so_tin_bai: 2, do_dai_tin_bai: 9, so_luot_phat_song: 3, uoc_so_nguoi_nghe: 450 });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const id = (confirmed.json() as { submission: { id: string } }).submission.id;
    expect((await auditEventsFor(t.c, id)).map((e) => e.action)).toEqual(['report.submit']);
    const corrected = await submit({ so_tin_bai: 3, do_dai_tin_bai: 9, so_luot_phat_song: 3, uoc_so_nguoi_nghe: 600 });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const events = await auditEventsFor(t.c, id);
    expect(events.map((e) => e.action)).toEqual(['report.submit', 'report.update', 'report.prefill_correction']);
    expect(events.at(-1)).toMatchObject({
      before: { source: 'device_logs', values: { so_tin_bai: 2, uoc_so_nguoi_nghe: 450 } },
      after: {
        period: '2026-12-03',
        revision: 2,
        corrections: [
          { indicator: 'so_tin_bai', channel: '', prefill: 2, submitted: 3 },
          { indicator: 'uoc_so_nguoi_nghe', channel: '', prefill: 450, submitted: 600 },
        ],
      },
    });
  });
});
