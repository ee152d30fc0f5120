// The floor of the sms benchmark: a bare `smpp`-package client loop (its session's sequence numbers and response
// callbacks, nothing of Loa's) keeping WINDOW submit_sm outstanding on each of N transceiver binds, with the same
// PDU fields Loa sends, acknowledging the receipts the simulator pushes back.
import smpp from 'smpp';
import type { PDU, Session } from 'smpp';

export interface FloorOptions {
  host: string;
  port: number;
  systemId: string;
  binds: number;
  window: number;
  messages: number;
  /** The submit_sm fields of message i (destination, sender, body). */
  pdu: (i: number) => Record<string, unknown>;
}

function bindBare(o: FloorOptions): Promise<Session> {
  return new Promise((resolve, reject) => {
    const s = smpp.connect({ host: o.host, port: o.port });
    s.on('error', reject);
    s.on('pdu', (pdu: PDU) => {
      if (pdu.command === 'deliver_sm' || pdu.command === 'enquire_link') s.send(pdu.response());
    });
    s.on('connect', () => {
      s.send(new smpp.PDU('bind_transceiver', { system_id: o.systemId, password: 'x', interface_version: 0x34 }), (r) => {
        if (r.command_status === 0) resolve(s);
        else reject(new Error(`floor bind refused: ${r.command_status}`));
      });
    });
  });
}

/** Sends `messages` over the binds; returns the elapsed ms from the first submit_sm to the last submit_sm_resp and the accepted count. */
export async function runFloor(o: FloorOptions): Promise<{ ms: number; accepted: number; refused: number; sessions: Session[] }> {
  const sessions = await Promise.all(Array.from({ length: o.binds }, () => bindBare(o)));
  let next = 0;
  let accepted = 0;
  let refused = 0;
  const t0 = performance.now();
  await Promise.all(
    sessions.map(
      (s) =>
        new Promise<void>((resolve) => {
          let inFlight = 0;
          const pump = () => {
            while (inFlight < o.window && next < o.messages) {
              const i = next++;
              inFlight++;
              s.send(new smpp.PDU('submit_sm', o.pdu(i)), (r) => {
                inFlight--;
                if (r.command_status === 0) accepted++;
                else refused++;
                pump();
                if (inFlight === 0 && next >= o.messages) resolve();
              });
            }
          };
          pump();
        }),
    ),
  );
  return { ms: performance.now() - t0, accepted, refused, sessions };
}
