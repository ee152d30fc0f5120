/**
 * Storing what devices report — play logs, heartbeats, retained states — for many devices in one transaction.
 * MQTT messages are queued and stored by one writer: while a transaction runs the next messages gather, so
 * 10,000 devices answering a khẩn cấp command at once cost a few dozen transactions rather than 10,000 (on
 * PGlite every query runs on the event loop the broker also needs).
 */
import type { Db } from '../../db/client.ts';
import type { Logger } from '../../platform/logger.ts';
import { DeviceLogBatch, DeviceState, parseDeviceTopic } from '../../../shared/contracts/devices.ts';
import type { DeviceIdentity } from './credentials.service.ts';
import * as devicesRepo from './devices.repository.ts';
import * as repo from './reports.repository.ts';

export interface DeviceReport {
  device: DeviceIdentity;
  batch?: DeviceLogBatch;
  state?: DeviceState;
  source: 'mqtt' | 'http';
}

const CHUNK = 1000;

/** Stores the reports (play events once each by device and event id); returns how many events were new. */
export async function storeDeviceReports(db: Db, at: Date, reports: readonly DeviceReport[]): Promise<number> {
  const rows = reports.flatMap(({ device, batch, source }) =>
    (batch?.events ?? []).flatMap((e) =>
      e.type === 'heartbeat'
        ? []
        : [
            {
              deviceId: device.deviceId,
              unitId: device.unitId,
              eventId: e.id,
              type: e.type,
              itemId: e.itemId,
              commandId: e.commandId ?? null,
              at: new Date(e.at),
              durationMs: e.type === 'started' ? null : e.durationMs,
              detail: e.type === 'interrupted' ? { reason: e.reason, byCommandId: e.byCommandId ?? null } : null,
              source,
            },
          ],
    ),
  );
  // What is merged into each device's last report: its latest state and heartbeat of the batch.
  const merged = new Map<string, Record<string, unknown>>();
  for (const r of reports) {
    const m = merged.get(r.device.deviceId) ?? {};
    if (r.state) m.state = r.state;
    const heartbeat = r.batch?.events.filter((e) => e.type === 'heartbeat').at(-1);
    if (heartbeat) m.heartbeat = heartbeat;
    merged.set(r.device.deviceId, m);
  }
  return db.transaction(async (tx) => {
    let accepted = 0;
    for (let i = 0; i < rows.length; i += CHUNK) accepted += await devicesRepo.insertLogs(tx, rows.slice(i, i + CHUNK), at);
    const plain = [...merged].filter(([, m]) => Object.keys(m).length === 0).map(([id]) => id);
    for (let i = 0; i < plain.length; i += CHUNK) await repo.touchDevices(tx, plain.slice(i, i + CHUNK), at);
    const withReport = [...merged].filter(([, m]) => Object.keys(m).length > 0).map(([id, report]) => ({ id, report }));
    for (let i = 0; i < withReport.length; i += CHUNK) await repo.touchDevicesWithReports(tx, withReport.slice(i, i + CHUNK), at);
    return accepted;
  });
}

interface Queued {
  topic: string;
  payload: Buffer;
  done: () => void;
}

/**
 * `ingest(topic, payload)` for the brokers: a message a device published on its state or log topic (the broker
 * has checked it owns the topic). A payload that does not parse is logged and dropped: a device cannot make Loa
 * fail. Resolves once the message is stored (or dropped).
 */
export function createMqttIngest(deps: { db: Db; now: () => Date; logger: Logger }) {
  const { db, now, logger } = deps;
  let queue: Queued[] = [];
  let writing = false;

  function parse(q: Queued): { deviceId: string; state?: DeviceState; batch?: DeviceLogBatch } | null {
    const t = parseDeviceTopic(q.topic);
    if (!t || t.channel === 'cmd') return null;
    let json: unknown;
    try {
      json = JSON.parse(q.payload.toString('utf8'));
    } catch {
      logger.warn({ topic: q.topic }, 'device message is not JSON');
      return null;
    }
    if (t.channel === 'state') {
      const state = DeviceState.safeParse(json);
      if (state.success) return { deviceId: t.deviceId, state: state.data };
      logger.warn({ topic: q.topic, issues: state.error.issues.slice(0, 5) }, 'device state does not match protocol v1');
      return null;
    }
    const batch = DeviceLogBatch.safeParse(json);
    if (batch.success) return { deviceId: t.deviceId, batch: batch.data };
    logger.warn({ topic: q.topic, issues: batch.error.issues.slice(0, 5) }, 'device log does not match protocol v1');
    return null;
  }

  async function write(batch: readonly Queued[]): Promise<void> {
    const parsed = batch.map(parse).filter((p) => p !== null);
    const units = await repo.findDeviceUnits(db, [...new Set(parsed.map((p) => p.deviceId))]);
    const reports: DeviceReport[] = parsed.flatMap(({ deviceId, ...r }) => {
      const unitId = units.get(deviceId);
      return unitId ? [{ device: { deviceId, unitId }, source: 'mqtt' as const, ...r }] : [];
    });
    if (reports.length > 0) await storeDeviceReports(db, now(), reports);
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) {
        const batch = queue;
        queue = [];
        try {
          await write(batch);
        } catch (err) {
          logger.error({ err, messages: batch.length }, 'mqtt: device messages not stored');
        }
        for (const q of batch) q.done();
      }
    } finally {
      writing = false;
    }
  }

  return {
    ingest(topic: string, payload: Buffer): Promise<void> {
      return new Promise((done) => {
        queue.push({ topic, payload, done });
        if (writing) return;
        // The first message waits for the rest of its burst (what the broker hands over in the same turn).
        writing = true;
        setImmediate(() => void drain());
      });
    },
  };
}
