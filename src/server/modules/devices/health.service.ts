/**
 * Device health for staff: counts online / offline / never heard from / in maintenance and the offline
 * list of a commune or subtree (device.read there), and the devices whose commune was alerted, for the
 * start page's "Việc cần làm" (device.write: who can act on them).
 */
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import type { UnitLookup } from '../units/index.ts';
import { DEVICE_LIMITS } from '../../../shared/contracts/devices.ts';
import type { DeviceHealthView, DeviceKind } from '../../../shared/contracts/devices.ts';
import type { DeviceSettings } from '../../../shared/contracts/settings.ts';
import { onlineSinceAt } from './health.rules.ts';
import * as repo from './health.repository.ts';
import { deviceReadScope } from './read-scope.ts';
import type { OfflineDeviceRow } from './health.repository.ts';

const presentOffline = (d: OfflineDeviceRow) => ({
  id: d.id,
  unitId: d.unitId,
  unitName: d.unitName,
  kind: d.kind as DeviceKind,
  name: d.name,
  village: d.village,
  lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
  alerted: d.offlineAlertedAt !== null && d.lastSeenAt !== null && d.offlineAlertedAt >= d.lastSeenAt,
});
export type OfflineDeviceView = ReturnType<typeof presentOffline>;

export function createDeviceHealthService(deps: { db: Db; clock: Clock; units: UnitLookup; settings: () => Promise<DeviceSettings> }) {
  const { db, clock, units } = deps;
  return {
    /** GET /api/units/:unitId/devices/health: of the unit, or with `subtree` of every commune under it. */
    async health(actor: Actor, unitId: string, q: { subtree: boolean }): Promise<DeviceHealthView> {
      const unit = await units.byId(unitId);
      if (!unit) throw new AppError('NOT_FOUND');
      const scope = await deviceReadScope(actor, unit, q.subtree, units);
      const settings = await deps.settings();
      const since = onlineSinceAt(clock.now(), settings);
      const [counts, offline] = await Promise.all([repo.healthCounts(db, scope, since), repo.findOffline(db, scope, since, DEVICE_LIMITS.offlineShown)]);
      return {
        counts,
        offline: offline.map(presentOffline),
        settings: { onlineMinutes: settings.onlineMinutes, offlineAlertMinutes: settings.offlineAlertMinutes },
      };
    },

    /** The devices of the actor's subtree alerted offline for their current outage, if the actor may act on them (device.write). */
    async alertedFor(actor: Actor, limit: number): Promise<OfflineDeviceView[]> {
      if (!can(actor, 'device.write', { unitPath: actor.unitPath })) return [];
      return (await repo.findAlerted(db, actor.unitPath, limit)).map(presentOffline);
    },
  };
}
export type DeviceHealthService = ReturnType<typeof createDeviceHealthService>;
