// What a commune's programmes mean for its loudspeakers: the queue entry points the bulletins module
// calls in its publish/cancel transaction (enqueue, placePriority, remove), the device's `schedule`
// command for the next 48 h, and the outbox job that publishes it to every active loudspeaker of the
// commune after each change (and twice a day, as the 48-hour window moves on).
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { defineJob, exponentialBackoff } from '../../jobs/queue.ts';
import type { JobQueue, Schedule } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import { systemActor } from '../access/index.ts';
import type { DeviceGatewayService, DevicesService } from '../devices/index.ts';
import { PROTOCOL_VERSION } from '../../../shared/contracts/device-protocol.ts';
import type { DeviceCommand } from '../../../shared/contracts/device-protocol.ts';
import type { BulletinMedia } from './bulletins.media.ts';
import * as repo from './programmes.repository.ts';
import type { ProgrammeRow } from './programmes.repository.ts';
import { expandSchedule, nextSlot, scheduleCommandId } from './programmes.rules.ts';
import type { ProgrammePlan } from './programmes.rules.ts';

export type BulletinMediaFor = (ids: readonly string[], opts?: { tx?: Db }) => Promise<Map<string, BulletinMedia>>;

const JOB_ACTOR = systemActor('job:programmes');

/** Sends the commune's schedule to each of its active loudspeakers (re-running it resends the same command ids). */
export const publishScheduleJob = defineJob({
  name: 'programmes.publish-schedule',
  payload: z.object({ unitId: z.uuid() }),
  maxAttempts: 5,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('programmes.publish-schedule: handler not bound')),
});
/** Twice a day every commune with a programme gets its next 48 hours again. */
export const republishSchedulesJob = defineJob({
  name: 'programmes.republish-schedules',
  payload: z.object({}),
  maxAttempts: 3,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('programmes.republish-schedules: handler not bound')),
});
export const PROGRAMME_SCHEDULES: readonly Schedule[] = [{ key: 'programmes-republish', cron: '5 0,12 * * *', job: republishSchedulesJob.name, payload: {} }];

export const planOf = (p: ProgrammeRow, playlist: readonly string[]): ProgrammePlan => ({
  id: p.id,
  name: p.name,
  days: p.days,
  startMinute: p.startMinute,
  slotMinutes: p.slotMinutes,
  validFrom: p.validFrom,
  validUntil: p.validUntil,
  repeat: p.repeat,
  playlist,
});

export function createProgrammeScheduling(deps: {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  logger: Logger;
  devices: Pick<DevicesService, 'listDevices' | 'getDevice'>;
  gateway: Pick<DeviceGatewayService, 'publishCommand'>;
  bulletinMediaFor: BulletinMediaFor;
}) {
  const { db, clock, jobs, logger, devices, gateway, bulletinMediaFor } = deps;

  /**
   * Enqueued in the transaction of the change: the devices hear of it once it commits. Each change gets a job of
   * its own (no id shared between changes, or a later change would be taken for a repeat of an earlier one);
   * the job itself is idempotent (the same schedule has the same command id).
   */
  const republish = async (tx: Db, unitIds: Iterable<string>): Promise<void> => {
    await jobs.enqueueMany(
      tx,
      publishScheduleJob,
      [...new Set(unitIds)].map((unitId) => ({ payload: { unitId } })),
    );
  };

  /** The commune's entries for the next 48 h (null: it has no programme). */
  async function entriesOf(unitId: string) {
    const rows = await repo.findProgrammes(db, { unitId });
    if (rows.length === 0) return null;
    const playlists = await repo.playlistsOf(
      db,
      rows.map((r) => r.id),
    );
    const plans = rows.map((r) => planOf(r, playlists.get(r.id) ?? []));
    const media = await bulletinMediaFor([...new Set(plans.flatMap((p) => p.playlist))]);
    return expandSchedule(plans, media, clock.now());
  }

  const commandOf = (deviceId: string, entries: NonNullable<Awaited<ReturnType<typeof entriesOf>>>): DeviceCommand => ({
    v: PROTOCOL_VERSION,
    id: scheduleCommandId(deviceId, entries),
    at: clock.now().toISOString(),
    cmd: 'schedule',
    entries,
  });

  async function publishCommune(unitId: string): Promise<number> {
    const entries = (await entriesOf(unitId)) ?? [];
    const { items } = await devices.listDevices(JOB_ACTOR, unitId, { subtree: false });
    let sent = 0;
    for (const d of items) {
      if (d.kind !== 'loudspeaker_cluster' || d.status !== 'active') continue;
      if (await gateway.publishCommand(d.id, commandOf(d.id, entries))) sent++;
    }
    return sent;
  }

  return {
    republish,

    /** thường: the bulletin waits in the commune's queue for the commune to place it. */
    async enqueue(tx: Db, o: { unitId: string; bulletinId: string }): Promise<void> {
      await repo.insertQueued(tx, { ...o, priority: 'thuong', urgent: false, programmeId: null, position: null }, clock.now());
    },

    /** ưu tiên: at the head of the playlist of the commune's next slot; with no slot ahead, queued as "cần xếp lịch ngay". */
    async placePriority(tx: Db, o: { unitId: string; bulletinId: string }): Promise<void> {
      const rows = await repo.findProgrammes(tx, { unitId: o.unitId });
      const next = nextSlot(rows, clock.now());
      if (!next) return void (await repo.insertQueued(tx, { ...o, priority: 'uu_tien', urgent: true, programmeId: null, position: null }, clock.now()));
      const { head } = await repo.playlistEnds(tx, next.plan.id);
      await repo.insertQueued(tx, { ...o, priority: 'uu_tien', urgent: false, programmeId: next.plan.id, position: (head ?? 1) - 1 }, clock.now());
      await republish(tx, [o.unitId]);
    },

    /** A cancelled bulletin leaves every queue and playlist; the communes' loudspeakers get their schedule again. */
    async remove(tx: Db, bulletinId: string): Promise<void> {
      await republish(tx, await repo.removeBulletin(tx, bulletinId, clock.now()));
    },

    /** The device's `schedule` command for the next 48 h (null: not an active loudspeaker, or its commune has no programme). */
    async scheduleCommandFor(deviceId: string): Promise<DeviceCommand | null> {
      const device = await devices.getDevice(JOB_ACTOR, deviceId).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
        throw e;
      });
      if (!device || device.kind !== 'loudspeaker_cluster' || device.status !== 'active') return null;
      const entries = await entriesOf(device.unitId);
      return entries ? commandOf(deviceId, entries) : null;
    },

    /** The job handlers, bound to this service. */
    jobs: [
      defineJob({
        ...publishScheduleJob,
        async handle({ unitId }) {
          const sent = await publishCommune(unitId);
          logger.debug({ unitId, sent }, 'programme schedule published');
        },
      }),
      defineJob({
        ...republishSchedulesJob,
        async handle() {
          for (const unitId of await repo.communesWithProgrammes(db)) await publishCommune(unitId);
        },
      }),
    ],
  };
}
export type ProgrammeScheduling = ReturnType<typeof createProgrammeScheduling>;
