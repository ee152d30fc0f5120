import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { defineJob } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { PublicUrl } from '../../platform/public-url.ts';
import { PROTOCOL_VERSION } from '../../../shared/contracts/device-protocol.ts';
import type { DeviceCommand } from '../../../shared/contracts/device-protocol.ts';
import type { DeviceGatewayService } from '../devices/index.ts';
import { emergencyCommandFor, mediaOf } from './bulletins.media.ts';
import * as repo from './bulletins.repository.ts';

/** A khẩn cấp bulletin without valid_until stays in the HTTP fallback's pending commands this long after publication. */
export const EMERGENCY_PENDING_MS = 2 * 3600_000;
/**
 * Publishes in flight at once (the broker acknowledges QoS 1 to Loa's own client); the next starts as one ends. A
 * province's devices all go at once (the broker queues them): a window of 2,000 made the last of 10,000 wait 1.5 s
 * longer (emergency-broadcast benchmark).
 */
const PUBLISH_WINDOW = 20_000;

export const dispatchJobId = (bulletinId: string): string => `bulletins:dispatch:${bulletinId}`;

/** Sends a published khẩn cấp bulletin to its targets not yet sent (a re-run sends nothing twice). */
export const dispatchJob = defineJob({
  name: 'bulletins.dispatch',
  payload: z.object({ bulletinId: z.uuid() }),
  maxAttempts: 5,
  backoffMs: (attempt) => Math.min(2_000 * 2 ** (attempt - 1), 60_000),
  handle: () => Promise.reject(new Error('bulletins.dispatch: handler not bound')),
});

/** What the commune schedules add to a device's pending commands (programmes.scheduleCommandFor). */
export type ScheduleCommandFor = (deviceId: string) => Promise<DeviceCommand | null>;

/**
 * The sending side of bulletins: khẩn cấp publication to every target over MQTT (claimed in one UPDATE, published
 * in a tight loop, no transaction per device), stop on cancellation, and the pending commands of the HTTP fallback.
 */
export function createDispatcher(deps: { db: Db; clock: Clock; logger: Logger; publicUrl: PublicUrl; gateway: DeviceGatewayService; scheduleCommandFor: ScheduleCommandFor }) {
  const { db, clock, logger, gateway } = deps;

  async function publishAll(sends: readonly { deviceId: string; command: DeviceCommand }[]): Promise<number> {
    // A sliding window, not lock-step batches: no publish waits for the slowest of the batch before it.
    let sent = 0;
    let next = 0;
    const lane = async () => {
      while (next < sends.length) {
        const s = sends[next++]!;
        if (await gateway.publishCommand(s.deviceId, s.command)) sent++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(PUBLISH_WINDOW, sends.length) }, lane));
    return sent;
  }

  function commandsFor(b: repo.BulletinRow, targets: readonly { deviceId: string; kind: string; commandId: string }[]) {
    const media = mediaOf(b, deps.publicUrl());
    const at = b.publishedAt ?? clock.now();
    return targets.flatMap((t) => {
      const command = emergencyCommandFor(b, t.kind, media, t.commandId, at);
      return command ? [{ deviceId: t.deviceId, command }] : [];
    });
  }

  /** The job: claims the bulletin's targets not yet dispatched and publishes their commands. */
  async function dispatch(bulletinId: string): Promise<number> {
    const b = await repo.findBulletin(db, bulletinId);
    if (!b || b.status !== 'published' || b.priority !== 'khan_cap') return 0;
    const claimed = await repo.claimUndispatched(db, bulletinId, clock.now());
    return claimed.length ? publishAll(commandsFor(b, claimed)) : 0;
  }

  /**
   * Right after the publication commits: the commands from the targets in hand (no read back), then the targets
   * marked dispatched when every one went out. The job, due later, claims what is left (a device may then get a
   * command twice, with the same id: QoS 1 devices ignore a command id they have seen).
   */
  async function sendNow(b: repo.BulletinRow, targets: readonly repo.TargetInsert[]): Promise<number> {
    const sends = commandsFor(b, targets);
    const sent = await publishAll(sends);
    if (sent === sends.length) await repo.markDispatched(db, b.id, clock.now());
    logger.info({ bulletinId: b.id, targets: targets.length, sent }, 'bulletins: khẩn cấp sent');
    return sent;
  }

  const soon = (what: string, bulletinId: string, work: Promise<unknown>) => void work.catch((err: unknown) => logger.error({ err, bulletinId }, `bulletins: ${what} failed`));

  return {
    dispatch,
    sendNow,
    /** sendNow without waiting (the approval answers at once; the job retries what fails). */
    sendSoon(b: repo.BulletinRow, targets: readonly repo.TargetInsert[]): void {
      soon('khẩn cấp send', b.id, sendNow(b, targets));
    },

    /** A cancelled bulletin: `stop` with its item id to every device it was meant for (not awaited). */
    stopSoon(deviceIds: readonly string[], bulletinId: string): void {
      const at = clock.now().toISOString();
      soon('stop', bulletinId, publishAll(deviceIds.map((deviceId) => ({ deviceId, command: { v: PROTOCOL_VERSION, id: randomUUID(), at, cmd: 'stop', itemId: bulletinId } }))));
    },

    /** The HTTP fallback: the device's schedule (programmes) and the live khẩn cấp commands it has not started. */
    pendingFor: async (deviceId: string): Promise<DeviceCommand[]> => {
      const now = clock.now();
      const schedule = await deps.scheduleCommandFor(deviceId);
      const live = await repo.liveEmergenciesFor(db, deviceId, now, EMERGENCY_PENDING_MS);
      const base = deps.publicUrl();
      const emergencies = live.flatMap((b) => {
        const c = emergencyCommandFor(b, b.kind, mediaOf(b, base), b.commandId, b.publishedAt ?? now);
        return c ? [c] : [];
      });
      return [...(schedule ? [schedule] : []), ...emergencies];
    },

    job: defineJob({
      ...dispatchJob,
      handle: async ({ bulletinId }) => {
        await dispatch(bulletinId);
      },
    }),
  };
}
export type Dispatcher = ReturnType<typeof createDispatcher>;
