/**
 * Offline alerts (issue #13 point 6): a scan every five minutes marks the active devices silent for
 * longer than the 'devices' setting's offlineAlertMinutes and enqueues, in the same transaction, one
 * alert per commune; the alert e-mails the commune's administrators. The in-app side is the start
 * page's "Việc cần làm" (todo asks `deviceHealth.alertedFor`). Once per outage: see health.repository.ts.
 */
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { defineJob, exponentialBackoff } from '../../jobs/queue.ts';
import type { JobQueue, Schedule } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import type { PublicUrl } from '../../platform/public-url.ts';
import type { Mailer } from '../../providers/mailer/port.ts';
import type { DeviceSettings } from '../../../shared/contracts/settings.ts';
import { DEVICE_KIND_LABELS } from '../../../shared/contracts/devices.ts';
import type { DeviceKind } from '../../../shared/contracts/devices.ts';
import * as repo from './health.repository.ts';

export const offlineScanJob = defineJob({
  name: 'devices.offline-scan',
  payload: z.object({}),
  maxAttempts: 3,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('devices.offline-scan: handler not bound')),
});

export const offlineAlertJob = defineJob({
  name: 'devices.offline-alert',
  payload: z.object({ unitId: z.uuid(), deviceIds: z.array(z.uuid()).min(1) }),
  maxAttempts: 5,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('devices.offline-alert: handler not bound')),
});

/** Every five minutes, Viet Nam time; the slot id makes each scan run once across instances. */
export const OFFLINE_SCAN_SCHEDULE: Schedule = { key: 'devices-offline', cron: '*/5 * * * *', job: offlineScanJob.name, payload: {} };

function vnTime(d: Date): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}

export function bindHealthJobs(deps: { db: Db; clock: Clock; mailer: Mailer; jobs: JobQueue; publicUrl: PublicUrl; settings: () => Promise<DeviceSettings> }) {
  const { db, clock } = deps;

  /** Marks the devices newly offline and enqueues their communes' alerts; returns how many devices. */
  async function scan(): Promise<number> {
    const now = clock.now();
    const { offlineAlertMinutes } = await deps.settings();
    return db.transaction(async (tx) => {
      const claimed = await repo.claimNewlyOffline(tx, new Date(now.getTime() - offlineAlertMinutes * 60_000), now);
      const byUnit = new Map<string, string[]>();
      for (const d of claimed) byUnit.set(d.unitId, [...(byUnit.get(d.unitId) ?? []), d.id]);
      await deps.jobs.enqueueMany(
        tx,
        offlineAlertJob,
        [...byUnit].map(([unitId, deviceIds]) => ({ id: `devices-offline:${unitId}:${now.toISOString()}`, payload: { unitId, deviceIds: deviceIds.sort() } })),
      );
      return claimed.length;
    });
  }

  const scanJob = defineJob({
    ...offlineScanJob,
    async handle() {
      await scan();
    },
  });

  const alertJob = defineJob({
    ...offlineAlertJob,
    async handle({ unitId, deviceIds }) {
      // A device heard from again before the e-mail went out is left out of it.
      const silent = (await repo.findOfflineByIds(db, deviceIds)).filter((d) => d.offlineAlertedAt && (!d.lastSeenAt || d.lastSeenAt <= d.offlineAlertedAt));
      const first = silent[0];
      if (!first) return;
      const lines = silent.map(
        (d) =>
          `- ${DEVICE_KIND_LABELS[d.kind as DeviceKind] ?? d.kind} "${d.name}"${d.village ? ` (${d.village})` : ''}: lần cuối ${d.lastSeenAt ? vnTime(d.lastSeenAt) : 'chưa từng kết nối'}`,
      );
      const subject = `Thiết bị truyền thanh mất kết nối: ${first.unitName} (${silent.length})`;
      const text = `${silent.length} thiết bị của ${first.unitName} đã mất kết nối:\n${lines.join('\n')}\n\nXem danh sách thiết bị mất kết nối: ${deps.publicUrl()}/admin/#/devices\n`;
      for (const to of await repo.unitAdminEmails(db, unitId)) await deps.mailer.send({ to, subject, text });
    },
  });

  return { jobs: [scanJob, alertJob], scan };
}
