// The simulator's store and forward of deliver_sm over loopback TCP: a receipt that was not acknowledged (socket
// killed, error status, no answer) is delivered again, after a rebind of the same system_id when no bind is open;
// a transmitter bind gets none; the Loa client answers only when its listener is done.
import smpp from 'smpp';
import type { PDU, Session } from 'smpp';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.ts';
import { STATUS } from './receipt.ts';
import { createSmppProvider } from './smpp.ts';
import { startSmscSimulator } from './smsc-simulator.ts';
import type { SimulatorOptions, SmscSimulator } from './smsc-simulator.ts';

const open: Array<{ close(): Promise<void> }> = [];
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) s.destroy();
  for (const x of open.splice(0).reverse()) await x.close();
});

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

async function simulator(o: SimulatorOptions = {}): Promise<{ smsc: SmscSimulator; events: Record<string, unknown>[] }> {
  const events: Record<string, unknown>[] = [];
  const smsc = await startSmscSimulator({ port: 0, dlrDelayMs: 0, log: (e) => events.push(e), ...o });
  open.push(smsc);
  return { smsc, events };
}

/** A raw ESME on the package's session: binds, and collects deliver_sm without answering them (the test answers). */
async function esme(smsc: SmscSimulator, command: 'bind_transceiver' | 'bind_transmitter' | 'bind_receiver' = 'bind_transceiver') {
  const s = smpp.connect({ host: '127.0.0.1', port: smsc.port });
  sessions.push(s);
  const delivered: PDU[] = [];
  s.on('pdu', (pdu: PDU) => pdu.command === 'deliver_sm' && delivered.push(pdu));
  await new Promise<void>((resolve, reject) =>
    s.send(new smpp.PDU(command, { system_id: 'loa', password: 'x' }), (r) => (r.command_status ? reject(new Error(`bind ${r.command_status}`)) : resolve())),
  );
  const submit = (to: string) =>
    new Promise<PDU>((resolve) => s.send(new smpp.PDU('submit_sm', { source_addr: 'UBND XA', destination_addr: to, registered_delivery: 1, short_message: 'Thu' }), resolve));
  const kill = () => new Promise<void>((resolve) => (s.socket.once('close', () => resolve()), s.socket.destroy()));
  return { s, delivered, submit, kill };
}

describe('SMSC simulator: receipts are stored and forwarded until acknowledged', () => {
  it('a receipt written to a socket that died unanswered is delivered again when the account binds again', async () => {
    const { smsc, events } = await simulator();
    const a = await esme(smsc);
    const resp = await a.submit('84912000001');
    await until(() => a.delivered.length === 1);
    const id = a.delivered[0]!.receipted_message_id;
    expect(id).toBe(resp.message_id);
    await a.kill(); // the ESME died before its deliver_sm_resp
    await until(() => events.some((e) => e.event === 'deliver_retry' && e.reason === 'connection closed'));
    expect(smsc.counters).toMatchObject({ deliverPending: 1, deliverAcked: 0 });

    const b = await esme(smsc);
    await until(() => b.delivered.length === 1);
    expect(b.delivered[0]!.receipted_message_id).toBe(id);
    expect(events).toContainEqual(expect.objectContaining({ event: 'deliver_resend', systemId: 'loa', count: 1 }));
    b.s.send(b.delivered[0]!.response());
    await until(() => smsc.counters.deliverAcked === 1);
    expect(smsc.counters).toMatchObject({ deliverPending: 0, dlrSent: 2, deliverGivenUp: 0 });
    // Delivered to the subscriber once: only the receipt travelled twice.
    expect(smsc.acceptedByDestination.get('84912000001')).toHaveLength(1);
  });

  it('a receipt answered with an error status, or not answered in time, is sent again; after the last attempt it is given up', async () => {
    const { smsc, events } = await simulator({ deliverRetryMs: 20, deliverAckTimeoutMs: 100, deliverAttempts: 3 });
    const a = await esme(smsc);
    await a.submit('84912000002');
    await until(() => a.delivered.length === 1);
    a.s.send(a.delivered[0]!.response({ command_status: STATUS.ESME_RX_T_APPN }));
    await until(() => a.delivered.length === 2);
    expect(a.delivered[1]!.receipted_message_id).toBe(a.delivered[0]!.receipted_message_id);
    expect(events).toContainEqual(expect.objectContaining({ event: 'deliver_retry', reason: 'status 0x00000064', attempts: 1 }));
    // No answer at all: sent a third time after the ack timeout, then given up.
    await until(() => a.delivered.length === 3);
    await until(() => smsc.counters.deliverGivenUp === 1);
    expect(smsc.counters).toMatchObject({ deliverPending: 0, deliverAcked: 0, dlrSent: 3 });
    expect(events).toContainEqual(expect.objectContaining({ event: 'deliver_given_up', reason: 'no deliver_sm_resp', attempts: 3 }));
  });

  it('a transmitter bind gets no receipts; they wait for a receiver of the same system_id', async () => {
    const { smsc } = await simulator();
    const tx = await esme(smsc, 'bind_transmitter');
    await tx.submit('84912000003');
    await until(() => smsc.counters.deliverPending === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(tx.delivered).toEqual([]);
    const rx = await esme(smsc, 'bind_receiver');
    await until(() => rx.delivered.length === 1);
    rx.s.send(rx.delivered[0]!.response());
    await until(() => smsc.counters.deliverAcked === 1);
  });

  it('the Loa client answers a receipt when its listener is done, and ESME_RX_T_APPN when the listener asks for a retry', async () => {
    const { smsc } = await simulator({ deliverRetryMs: 50 });
    const client = createSmppProvider({ log: createLogger('silent'), accounts: [{ name: 't', host: '127.0.0.1', port: smsc.port, systemId: 'loa', password: 'x' }] });
    open.push(client);
    await client.ready();
    const seen: string[] = [];
    let release: () => void = () => {};
    client.on('receipt', (r) => {
      seen.push(r.messageId);
      if (seen.length === 1) return Promise.resolve('retry');
      return new Promise<void>((resolve) => (release = resolve));
    });
    const r = await client.submit({ to: '84912000004', from: 'UBND XA', text: 'Thu', reference: 'a' });
    await until(() => seen.length === 2);
    expect(seen).toEqual([r.ok && r.messageId, r.ok && r.messageId]);
    expect(smsc.counters).toMatchObject({ deliverRetried: 1, deliverAcked: 0, deliverPending: 1 });
    await new Promise((res) => setTimeout(res, 50));
    expect(smsc.counters.deliverAcked).toBe(0); // still being handled: not answered yet
    release();
    await until(() => smsc.counters.deliverAcked === 1);
    expect(smsc.counters.deliverPending).toBe(0);
  });
});
