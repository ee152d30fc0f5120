import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { LAI_CHAU, MUONG_TE, TAM_DUONG, TT_MUONG_TE, TT_TAM_DUONG, importLaiChau } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR, systemActor } from '../access/index.ts';
import type { DeviceLogEvent } from '../../../shared/contracts/devices.ts';

const actor = systemActor('cli:test device figures');
const blank = { vendor: null, model: null, serial: null, simNumber: null, village: null, lat: null, lon: null, installedOn: null, status: 'active' } as const;
const MIN = 60_000;
const DAY = 86_400_000;

/**
 * Issue #13 point 7: real play logs (through the HTTP fallback) of devices in two communes and two
 * periods; per group and period, distinct bulletins, minutes heard, plays and listeners (a device's
 * audience, else the setting's default), per device kind and over all kinds.
 */
describeEachDb('devices: period figures from play logs', (kind) => {
  let t: TestContext;
  const start = new Date(Date.UTC(2021, 1, 1));
  const w1 = { period: 'p1', from: start, to: new Date(start.getTime() + 7 * DAY) };
  const w2 = { period: 'p2', from: w1.to, to: new Date(start.getTime() + 14 * DAY) };
  const b1 = randomUUID();
  const b2 = randomUUID();

  async function device(unitId: string, k: 'loudspeaker_cluster' | 'led_board', audience: number | null): Promise<string> {
    const d = await t.c.services.devices.createDevice(actor, unitId, { ...blank, kind: k, name: `Thiết bị ${randomUUID().slice(0, 4)}`, audience });
    return `Bearer ${(await t.c.services.deviceCredentials.issueCredential(actor, d.id)).token}`;
  }

  /** One play of an item at `at`: started, then finished (or interrupted) after `minutes`. */
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
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    await t.c.services.settings.updateDeviceSettings(SYSTEM_ACTOR, { onlineMinutes: 10, offlineAlertMinutes: 30, defaultAudience: 40 });
    const gw = t.c.services.deviceGateway;
    const day = (n: number, h = 3) => new Date(start.getTime() + n * DAY + h * 3_600_000);
    const loaA = await device(TT_TAM_DUONG, 'loudspeaker_cluster', 120);
    const loaB = await device(TT_TAM_DUONG, 'loudspeaker_cluster', null);
    const led = await device(TT_TAM_DUONG, 'led_board', 0);
    const far = await device(TT_MUONG_TE, 'loudspeaker_cluster', 300);
    // Week 1 in Tam Đường: b1 twice on loaA (5 + 5 min), b1 on loaB interrupted after 2.5 min, b2 on loaB (3 min), b1 on the LED board (1 min).
    await gw.postLogs(loaA, { v: 1, events: [...play(b1, day(1), 5), ...play(b1, day(2), 5)] });
    await gw.postLogs(loaB, { v: 1, events: [...play(b1, day(1), 2.5, 'interrupted'), ...play(b2, day(3), 3)] });
    await gw.postLogs(led, { v: 1, events: play(b1, day(1), 1) });
    // Week 2: b2 once in Tam Đường and once in Mường Tè; one started in week 1 that ends in week 2 counts its minutes in week 2.
    await gw.postLogs(loaA, { v: 1, events: play(b2, day(8), 4) });
    await gw.postLogs(far, { v: 1, events: [...play(b2, day(9), 6), ...play(b1, new Date(w1.to.getTime() - MIN), 2)] });
  });
  afterAll(() => t.close());

  it('groups by the root’s children, per period and kind, and over all kinds', async () => {
    const root = (await t.c.services.units.lookup.byId(LAI_CHAU))!;
    const rows = await t.c.services.deviceFigures.byPeriod({ rootPath: root.path, rootDepth: root.depth, windows: [w1, w2] });
    const pick = (child: string, period: string, k: string | null) => {
      const r = rows.find((x) => x.child === child && x.period === period && x.kind === k);
      return r && { items: r.items, minutes: r.minutes, plays: r.plays, listeners: r.listeners };
    };
    expect(pick(TAM_DUONG, 'p1', null)).toEqual({ items: 2, minutes: 16.5, plays: 5, listeners: 120 * 2 + 40 * 2 + 0 });
    expect(pick(TAM_DUONG, 'p1', 'loudspeaker_cluster')).toEqual({ items: 2, minutes: 15.5, plays: 4, listeners: 320 });
    expect(pick(TAM_DUONG, 'p1', 'led_board')).toEqual({ items: 1, minutes: 1, plays: 1, listeners: 0 });
    expect(pick(TAM_DUONG, 'p2', null)).toEqual({ items: 1, minutes: 4, plays: 1, listeners: 120 });
    expect(pick(MUONG_TE, 'p1', null)).toEqual({ items: 1, minutes: 0, plays: 1, listeners: 300 });
    expect(pick(MUONG_TE, 'p2', null)).toEqual({ items: 2, minutes: 8, plays: 1, listeners: 300 });
  });

  it('per unit under a commune, and nothing outside the root', async () => {
    const commune = (await t.c.services.units.lookup.byId(TT_TAM_DUONG))!;
    const rows = await t.c.services.deviceFigures.byPeriod({ rootPath: commune.path, rootDepth: commune.depth, perUnit: true, windows: [w1] });
    expect(rows.filter((r) => r.kind === null)).toEqual([{ child: TT_TAM_DUONG, path: commune.path, period: 'p1', kind: null, items: 2, minutes: 16.5, plays: 5, listeners: 320 }]);
    const other = (await t.c.services.units.lookup.byId(TT_MUONG_TE))!;
    const none = await t.c.services.deviceFigures.byPeriod({ rootPath: other.path, rootDepth: other.depth, windows: [{ ...w1, from: null, to: start }] });
    expect(none).toEqual([]);
  });
});
