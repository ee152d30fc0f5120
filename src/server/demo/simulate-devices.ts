import type { Container } from '../container.ts';
import { systemActor } from '../modules/access/index.ts';
import { NATION_ID } from '../modules/units/index.ts';
import { startFleet } from '../modules/devices/simulator/fleet.ts';
import type { Fleet } from '../modules/devices/simulator/fleet.ts';
import type { Logger } from '../platform/logger.ts';

const actor = systemActor('demo:simulated devices');

/**
 * The demo's devices come alive (issue #13): every active device seed-devices.ts registered (vendor "Demo") gets a
 * fresh token and runs in this process as a virtual device on the embedded broker — online, heartbeats every minute,
 * now and then off the air for a few minutes, playing what Loa sends in real time — so a new user sees devices
 * online and an emergency bulletin's coverage fill. null when there are none (not a demo database).
 */
export async function startDemoDevices(c: Container, mqttUrl: string, logger: Logger): Promise<Fleet | null> {
  const demo = (await c.services.devices.listDevices(actor, NATION_ID, { subtree: true })).items.filter((d) => d.vendor === 'Demo' && d.status === 'active');
  if (demo.length === 0) return null;
  const list = [];
  for (const d of demo) list.push({ deviceId: d.id, unitId: d.unitId, kind: d.kind, token: (await c.services.deviceCredentials.issueCredential(actor, d.id)).token });
  const fleet = await startFleet(list, { mqtt: mqttUrl }, { heartbeatMs: 60_000, offlineRate: 0.01 });
  logger.info({ devices: fleet.devices.length }, `demo: ${fleet.devices.length} thiết bị mô phỏng đang trực tuyến qua ${mqttUrl}`);
  return fleet;
}
