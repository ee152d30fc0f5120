import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { decodeBody, decodeHeader, splitMessage, startSmtpServer } from '../../../../test/support/mail.ts';
import { TT_MUONG_TE, TT_TAM_DUONG, buildUser, importLaiChau, signIn } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { createSmtpMailer } from '../../providers/mailer/smtp.ts';
import { systemActor } from '../access/index.ts';
import { DeviceHealthOut, DevicesOut } from '../../../shared/contracts/devices.ts';

const MIN = 60_000;

/**
 * Issue #13 point 6 with a fixed clock: online from the last message (10 minutes by default), volume and
 * signal from the last heartbeat, the offline list; the offline alert (30 minutes by default) e-mails the
 * commune's administrators through a real SMTP server once per outage, again after the device came back
 * and went silent, and shows on the start page ("Việc cần làm").
 */
describe('devices: health and offline alerts [pglite]', () => {
  let t: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Session;
  const t0 = new Date('2026-12-01T01:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);
  const tokens = new Map<string, string>();
  const ids = new Map<string, string>();
  const actor = systemActor('cli:test device health');
  const blank = { vendor: null, model: null, serial: null, simNumber: null, village: 'Thôn 1', lat: null, lon: null, installedOn: null, status: 'active' } as const;

  async function heartbeat(name: string, minutes: number, volume = 60) {
    t.clock.set(at(minutes));
    const event = { id: randomUUID(), type: 'heartbeat' as const, at: at(minutes).toISOString(), volume, ampOn: true, signalDbm: -85 };
    await t.c.services.deviceGateway.postLogs(`Bearer ${tokens.get(name)}`, { v: 1, events: [event] });
  }

  /** Runs the due schedules (the offline scan) and the jobs they cause at `minutes`; returns the mails sent. */
  async function scanAt(minutes: number) {
    t.clock.set(at(minutes));
    const before = smtp.received.length;
    await t.c.jobs.enqueueDueSchedules();
    await t.c.jobs.drain();
    return smtp.received.slice(before).map((m) => ({ to: m.to, subject: decodeHeader(splitMessage(m.raw).headers.get('subject') ?? ''), text: decodeBody(m.raw) }));
  }

  const health = async () => DeviceHealthOut.parse((await t.app.inject({ url: `/api/units/${TT_TAM_DUONG}/devices/health`, headers: admin.headers })).json());

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestContext('pglite', { now: t0, mailer: createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Loa <no-reply@loa.test>' }) });
    await importLaiChau(t.c);
    admin = await signIn(t.c, (await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['unit_admin'], email: 'qtv.tamduong@loa.test' })).username);
    await buildUser(t.c, { unitId: TT_MUONG_TE, roles: ['unit_admin'], email: 'qtv.muongte@loa.test' });
    for (const [name, status] of [
      ['Cụm loa chợ', 'active'],
      ['Cụm loa bản Hon', 'active'],
      ['Cụm loa đang sửa', 'maintenance'],
      ['Cụm loa mới lắp', 'active'],
    ] as const) {
      const d = await t.c.services.devices.createDevice(actor, TT_TAM_DUONG, { ...blank, kind: 'loudspeaker_cluster', name, status });
      ids.set(name, d.id);
      if (status === 'active') tokens.set(name, (await t.c.services.deviceCredentials.issueCredential(actor, d.id)).token);
    }
    await heartbeat('Cụm loa chợ', 0, 70);
    await heartbeat('Cụm loa bản Hon', 0);
  });
  afterAll(async () => {
    await t.close();
    t.c.mailer.close();
    await smtp.close();
  });

  it('counts online devices and shows volume, signal and the audience field', async () => {
    t.clock.set(at(5));
    expect((await health()).counts).toEqual({ online: 2, offline: 0, neverSeen: 1, maintenance: 1 });
    const list = DevicesOut.parse((await t.app.inject({ url: `/api/units/${TT_TAM_DUONG}/devices`, headers: admin.headers })).json());
    expect(list.items.find((d) => d.name === 'Cụm loa chợ')).toMatchObject({ online: true, volume: 70, signalDbm: -85, audience: null });
    expect(list.audienceDefault).toBe(50);
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/devices/${ids.get('Cụm loa chợ')}`, headers: admin.headers, payload: { audience: 180 } });
    expect(patch.json()).toMatchObject({ device: { audience: 180 } });
  });

  it('alerts the commune’s administrators once per outage, and again after the device came back', async () => {
    await heartbeat('Cụm loa bản Hon', 20);
    const first = await scanAt(35);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ to: ['qtv.tamduong@loa.test'], subject: expect.stringContaining('mất kết nối') });
    expect(first[0]!.text).toContain('Cụm loa chợ');
    expect(first[0]!.text).not.toContain('bản Hon');
    const h = await health();
    expect(h.counts).toMatchObject({ online: 0, offline: 2 });
    expect(h.offline.map((d) => [d.name, d.alerted])).toEqual([
      ['Cụm loa chợ', true],
      ['Cụm loa bản Hon', false],
      ['Cụm loa mới lắp', false],
    ]);
    const todo = (await t.app.inject({ url: '/api/todo', headers: admin.headers })).json() as { items: { kind: string; title: string }[] };
    expect(todo.items.filter((i) => i.kind === 'device_offline').map((i) => i.title)).toEqual([expect.stringContaining('Cụm loa chợ')]);

    expect(await scanAt(40)).toEqual([]);
    await heartbeat('Cụm loa chợ', 45);
    const again = await scanAt(80);
    expect(again).toHaveLength(1);
    expect(again[0]!.text).toContain('Cụm loa chợ');
    expect(again[0]!.text).toContain('Cụm loa bản Hon');
  });
});
