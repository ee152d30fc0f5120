// The SMPP client against the local SMSC simulator over loopback TCP (real peers, no mocks). In-process simulator;
// the subprocess `loa smsc` is exercised in smsc.cli.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.ts';
import { createSmppProvider } from './smpp.ts';
import type { SmppAccountConfig, SmppProvider } from './smpp.ts';
import { startSmscSimulator } from './smsc-simulator.ts';
import type { SimulatorOptions, SmscSimulator } from './smsc-simulator.ts';
import type { DeliveryReceipt, SubmitResult } from './port.ts';

const log = createLogger('silent');
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

async function setup(sim: SimulatorOptions, account: Partial<SmppAccountConfig> = {}): Promise<{ smsc: SmscSimulator; client: SmppProvider }> {
  const smsc = await startSmscSimulator({ port: 0, accounts: [{ systemId: 'loa', password: 'secret' }], ...sim });
  open.push(smsc);
  const client = createSmppProvider({ log, accounts: [{ name: 'test', host: '127.0.0.1', port: smsc.port, systemId: 'loa', password: 'secret', ...account }] });
  open.push(client);
  await client.ready();
  return { smsc, client };
}

const phone = (i: number) => `849${String(10_000_000 + i).slice(-8)}`;
const send = (client: SmppProvider, n: number, text = 'Thong bao', offset = 0) =>
  Promise.all(Array.from({ length: n }, (_, i) => client.submit({ to: phone(i + offset), from: 'UBND XA', text, reference: `m${i + offset}` })));
const okCount = (rs: SubmitResult[]) => rs.filter((r) => r.ok).length;

describe('SMPP client against the simulator', () => {
  it('sends single and concatenated GSM-7 and UCS-2 messages with the right UDH and data_coding', async () => {
    const { smsc, client } = await setup({ dlrDelayMs: -1 });
    const gsm = 'A'.repeat(150) + '{€}' + 'B'.repeat(10); // 166 septets → 2 parts
    const ucs = 'Thông báo lịch tiêm chủng 🙂 '.repeat(4); // UCS-2, > 70 units
    const results = [
      await client.submit({ to: '84912000001', from: 'UBND XA', text: 'Hop luc 8h', reference: 'a' }),
      await client.submit({ to: '84912000002', from: 'UBND XA', text: gsm, reference: 'b' }),
      await client.submit({ to: '84912000003', from: 'UBND XA', text: 'Cắt điện', reference: 'c' }),
      await client.submit({ to: '84912000004', from: 'UBND XA', text: ucs, reference: 'd' }),
    ];
    expect(results.map((r) => r.ok && r.parts)).toEqual([1, 2, 1, 2]);
    const at = (to: string) => smsc.messages.filter((m) => m.to === to);
    expect(at('84912000001')).toMatchObject([{ dataCoding: 0, esmClass: 0, udh: null, text: 'Hop luc 8h', registeredDelivery: 1, from: 'UBND XA' }]);
    const g = at('84912000002');
    expect(g.map((m) => [m.dataCoding, m.esmClass & 0x40, m.concat?.total, m.concat?.seq])).toEqual([
      [0, 0x40, 2, 1],
      [0, 0x40, 2, 2],
    ]);
    expect(g[0]!.udh).toEqual([5, 0, 3, g[0]!.concat!.ref, 2, 1]);
    expect(g[1]!.concat!.ref).toBe(g[0]!.concat!.ref);
    expect(g.map((m) => m.text).join('')).toBe(gsm);
    expect(at('84912000003')).toMatchObject([{ dataCoding: 8, esmClass: 0, text: 'Cắt điện' }]);
    const u = at('84912000004');
    expect(u.map((m) => [m.dataCoding, m.concat?.seq])).toEqual([
      [8, 1],
      [8, 2],
    ]);
    expect(u.map((m) => m.text).join('')).toBe(ucs.normalize('NFC'));
  });

  it('never has more than `window` submit_sm outstanding at the simulator', async () => {
    const { smsc, client } = await setup({ latencyMs: 20, dlrDelayMs: -1 }, { window: 4 });
    const rs = await send(client, 200);
    expect(okCount(rs)).toBe(200);
    expect(smsc.counters.maxOutstanding).toBe(4);
    expect(smsc.counters.throttled).toBe(0);
  });

  it('holds a cap of 200 messages/s per bind within 5% over about 3 s', async () => {
    const { smsc, client } = await setup({ dlrDelayMs: -1 }, { maxPerSecond: 200, window: 20 });
    const t0 = performance.now();
    const rs = await send(client, 600);
    const seconds = (performance.now() - t0) / 1000;
    const rate = 600 / seconds;
    expect(okCount(rs)).toBe(600);
    expect(smsc.counters.received).toBe(600);
    expect(rate).toBeGreaterThan(190);
    expect(rate).toBeLessThan(210);
  });

  it.each(['throttled', 'queue_full'] as const)('slows down when the SMSC answers %s and loses nothing', async (throttleStatus) => {
    const { smsc, client } = await setup({ tps: 100, dlrDelayMs: -1, throttleStatus }, { window: 10 });
    const t0 = performance.now();
    const rs = await send(client, 300);
    const seconds = (performance.now() - t0) / 1000;
    expect(okCount(rs)).toBe(300);
    expect(smsc.counters.throttled).toBeGreaterThan(0);
    expect(smsc.counters.accepted).toBe(300);
    expect(new Set([...smsc.acceptedByDestination.values()].map((l) => l.length))).toEqual(new Set([1]));
    expect(seconds).toBeGreaterThan(1.8);
  });

  it('reconnects after the SMSC restarts and goes on sending', async () => {
    const first = await startSmscSimulator({ port: 0, dlrDelayMs: -1 });
    const port = first.port;
    const client = createSmppProvider({ log, accounts: [{ name: 't', host: '127.0.0.1', port, systemId: 'loa', password: 'x', reconnectMinMs: 50, reconnectMaxMs: 200 }] });
    open.push(client);
    await client.ready();
    expect(okCount(await send(client, 20))).toBe(20);
    await first.close();
    while (client.stats().accounts[0]!.binds[0]!.state === 'bound') await new Promise((r) => setTimeout(r, 5));
    const during = send(client, 20, 'sau khi khoi dong lai', 100);
    await new Promise((r) => setTimeout(r, 300));
    const second = await startSmscSimulator({ port, dlrDelayMs: -1 });
    open.push(second);
    const rs = await during;
    expect(okCount(rs)).toBe(20);
    expect(second.counters.accepted).toBe(20);
    expect(client.stats().accounts[0]!.binds[0]!.binds).toBe(2);
  });

  it('reports a dropped response as ambiguous and does not resend it', async () => {
    const { smsc, client } = await setup({ dropRate: 1, dlrDelayMs: -1 }, { responseTimeoutMs: 300 });
    const r = await client.submit({ to: '84912000009', from: 'UBND XA', text: 'Mot lan thoi', reference: 'x' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'ambiguous', reason: 'response_timeout' } });
    await new Promise((res) => setTimeout(res, 200));
    expect(smsc.counters.received).toBe(1);
    expect(smsc.acceptedByDestination.get('84912000009')).toHaveLength(1);
  });

  it('at a 1% drop rate: every message accepted once or ambiguous, and receipts settle the ambiguous ones', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const { smsc, client } = await setup({ dropRate: 0.01, dlrDelayMs: 50, random }, { responseTimeoutMs: 1000, window: 10 });
    const receipts: DeliveryReceipt[] = [];
    client.on('receipt', (r) => receipts.push(r));
    const rs = await send(client, 2000);
    const ambiguous = rs.flatMap((r, i) => (!r.ok && r.error.kind === 'ambiguous' ? [phone(i)] : []));
    expect(okCount(rs) + ambiguous.length).toBe(2000);
    expect(ambiguous.length).toBe(smsc.counters.dropped);
    expect(ambiguous.length).toBeGreaterThan(5);
    expect([...smsc.acceptedByDestination.values()].every((ids) => ids.length === 1)).toBe(true);
    expect(smsc.counters.received).toBe(2000);
    for (let i = 0; i < 100 && receipts.length < 2000; i++) await new Promise((r) => setTimeout(r, 20));
    const settled = new Set(receipts.filter((r) => r.state === 'delivered').map((r) => r.to));
    expect(ambiguous.every((to) => settled.has(to))).toBe(true);
  });

  it('reports submits in flight when the connection drops as ambiguous and never resends them', async () => {
    const first = await startSmscSimulator({ port: 0, latencyMs: 2000, dlrDelayMs: -1 });
    const client = createSmppProvider({
      log,
      accounts: [{ name: 't', host: '127.0.0.1', port: first.port, systemId: 'loa', password: 'x', window: 5, reconnectMinMs: 50, reconnectMaxMs: 100 }],
    });
    open.push(client);
    await client.ready();
    const pending = send(client, 8);
    while (first.counters.received < 5) await new Promise((r) => setTimeout(r, 5));
    await first.close();
    const second = await startSmscSimulator({ port: first.port, dlrDelayMs: -1 });
    open.push(second);
    const rs = await pending;
    const ambiguous = rs.filter((r) => !r.ok && r.error.kind === 'ambiguous');
    expect(ambiguous).toHaveLength(5);
    expect(ambiguous.every((r) => !r.ok && r.error.reason === 'connection_lost')).toBe(true);
    expect(okCount(rs)).toBe(3);
    // The 3 never written went to the new SMSC; none of the 5 ambiguous ones was sent again.
    expect(second.counters.received).toBe(3);
    expect(first.counters.received).toBe(5);
  });

  it('sends the parts of concatenated messages in order within the window', async () => {
    const { smsc, client } = await setup({ latencyMs: 5, dlrDelayMs: -1 }, { window: 3 });
    const rs = await send(client, 30, 'Thông báo '.repeat(20));
    expect(rs.every((r) => r.ok && r.parts === 3)).toBe(true);
    expect(smsc.counters.maxOutstanding).toBeLessThanOrEqual(3);
    for (let i = 0; i < 30; i++) expect(smsc.messages.filter((m) => m.to === phone(i)).map((m) => m.concat?.seq)).toEqual([1, 2, 3]);
  });

  it('passes MO messages on, keeps the link alive with enquire_link and rebinds after the SMSC unbinds', async () => {
    const { smsc, client } = await setup({ dlrDelayMs: -1 }, { enquireLinkMs: 50, reconnectMinMs: 20, reconnectMaxMs: 50 });
    const mos: string[] = [];
    client.on('mo', (m) => mos.push(`${m.from}>${m.to}:${m.text}`));
    client.on('mo', () => {
      throw new Error('a failing listener does not break the bind');
    });
    smsc.deliverMo('loa', '84912345678', '8079', 'TU CHOI');
    smsc.deliverMo('loa', '84912345679', '8079', 'Từ chối');
    await new Promise((r) => setTimeout(r, 200));
    expect(mos).toEqual(['84912345678>8079:TU CHOI', '84912345679>8079:Từ chối']);
    expect(smsc.counters.enquireLinks).toBeGreaterThanOrEqual(2);
    smsc.unbindAll();
    await new Promise((r) => setTimeout(r, 200));
    expect(okCount(await send(client, 3))).toBe(3);
    expect(smsc.counters.binds).toBe(2);
  });

  it('reports permanent rejections with the SMSC command_status', async () => {
    const { smsc, client } = await setup({ failRate: 1, random: () => 0.1, dlrDelayMs: -1 });
    const r = await client.submit({ to: '84912000010', from: 'UBND XA', text: 'x', reference: 'y' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'permanent', reason: 'rejected', commandStatus: 0x45 } });
    const bad = await client.submit({ to: '84912000010', from: 'UBND XA', text: '', parts: ['ư'.repeat(71)], encoding: 'ucs2', reference: 'z' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'permanent', commandStatus: 0x01 } });
    expect(smsc.counters.received).toBe(1);
  });

  for (const [idFormat, dlrIdFormat] of [
    ['hex', 'other'],
    ['decimal', 'other'],
    ['hex', 'same'],
  ] as const) {
    it(`matches receipts to ids (submit_sm_resp ${idFormat}, receipt ${dlrIdFormat})`, async () => {
      const { client } = await setup({ idFormat, dlrIdFormat, dlrDelayMs: 30 });
      const receipts: DeliveryReceipt[] = [];
      client.on('receipt', (r) => receipts.push(r));
      const rs = await send(client, 5);
      const ids = rs.map((r) => (r.ok ? r.messageId : ''));
      if (idFormat === 'hex') expect(ids[0]).toMatch(/[A-F]|^\d+$/);
      for (let i = 0; i < 50 && receipts.length < 5; i++) await new Promise((r) => setTimeout(r, 20));
      expect(receipts.map((r) => r.messageId).sort()).toEqual([...ids].sort());
      expect(receipts.every((r) => r.state === 'delivered' && r.stat === 'DELIVRD' && r.errorCode === '000')).toBe(true);
      expect(receipts.map((r) => r.to).sort()).toEqual(Array.from({ length: 5 }, (_, i) => phone(i)).sort());
    });
  }

  it('spreads messages over several binds of one account', async () => {
    const { smsc, client } = await setup({ latencyMs: 5, dlrDelayMs: -1 }, { binds: 3, window: 5 });
    expect(okCount(await send(client, 300))).toBe(300);
    expect(smsc.perBind.size).toBe(3);
    for (const n of smsc.perBind.values()) expect(n).toBeGreaterThan(30);
  });

  it('refuses a wrong password and keeps retrying the bind', async () => {
    const smsc = await startSmscSimulator({ port: 0, accounts: [{ systemId: 'loa', password: 'secret' }] });
    open.push(smsc);
    const client = createSmppProvider({
      log,
      accounts: [{ name: 't', host: '127.0.0.1', port: smsc.port, systemId: 'loa', password: 'wrong', reconnectMinMs: 20, reconnectMaxMs: 50, queueTimeoutMs: 300 }],
    });
    open.push(client);
    const r = await client.submit({ to: '84912000011', from: 'UBND XA', text: 'x', reference: 'z' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'temporary', reason: 'timeout', acceptedPartIds: [] } });
    expect(smsc.counters.binds).toBe(0);
  });
});
