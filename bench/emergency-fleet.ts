/**
 * The emergency-broadcast benchmark's devices, in their own process (real devices are not in Loa's process
 * either): started by bench/emergency-broadcast.bench.ts with `fork`, it reads the device list from the file
 * named by argv[2], connects every device to the broker URL of argv[3] (the same simulator code as
 * `loa devices simulate`) and tells its parent, over IPC, when each device received a play_now / show_text
 * (epoch milliseconds, sub-millisecond: both processes share the machine's clock). `stop` ends it.
 */
import { readFileSync } from 'node:fs';
import { startFleet } from '../src/server/modules/devices/simulator/fleet.ts';
import type { SimulatedDevice } from '../src/server/modules/devices/simulator/fleet.ts';

export interface FleetReceipt {
  itemId: string;
  deviceId: string;
  at: number;
}
export type FleetMessage = { type: 'ready'; connectMs: number } | { type: 'received'; receipts: FleetReceipt[] } | { type: 'failed'; message: string };

const epochMs = () => performance.timeOrigin + performance.now();
const send = (m: FleetMessage) => process.connected && process.send?.(m);
// The benchmark ended (or died): so do its devices.
process.on('disconnect', () => process.exit(0));

const list = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as SimulatedDevice[];
let buffered: FleetReceipt[] = [];
let flush: NodeJS.Timeout;
const flushSoon = () => {
  flush = setTimeout(() => {
    if (buffered.length) send({ type: 'received', receipts: buffered });
    buffered = [];
    flushSoon();
  }, 50);
};
flushSoon();

try {
  const c0 = performance.now();
  const fleet = await startFleet(
    list,
    { mqtt: process.argv[3]! },
    {
      heartbeatMs: 600_000,
      onCommand: (deviceId, cmd) => void ((cmd.cmd === 'play_now' || cmd.cmd === 'show_text') && buffered.push({ itemId: cmd.itemId, deviceId, at: epochMs() })),
    },
  );
  send({ type: 'ready', connectMs: Math.round(performance.now() - c0) });
  process.on('message', (m) => {
    if (m !== 'stop') return;
    clearTimeout(flush);
    void fleet.stop().finally(() => process.exit(0));
  });
} catch (err) {
  send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}
