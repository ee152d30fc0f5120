/**
 * The narrow port the periodic report reads (tasks module): what the devices played per group of units
 * and per period window, like broadcasts' channelFigures for SMS. Counts only.
 */
import type { Db } from '../../db/client.ts';
import type { ChannelGrouping, ChannelWindow } from '../broadcasts/index.ts';
import type { DeviceSettings } from '../../../shared/contracts/settings.ts';
import * as repo from './figures.repository.ts';
import type { DeviceFigureRow } from './figures.repository.ts';

export type { DeviceFigureRow } from './figures.repository.ts';

export function createDeviceFigures(deps: { db: Db; settings: () => Promise<DeviceSettings> }) {
  const { db } = deps;
  return {
    /**
     * Items, minutes, plays and estimated listeners per group, period window and device kind (kind null:
     * all kinds). A lookup for another module's use case: no actor, the caller has checked its reader
     * may read the root's subtree.
     */
    async byPeriod(q: ChannelGrouping & { windows: readonly ChannelWindow[] }): Promise<DeviceFigureRow[]> {
      const { defaultAudience } = await deps.settings();
      return repo.deviceFiguresByPeriod(db, { ...q, defaultAudience });
    },
  };
}

export type DeviceFigures = ReturnType<typeof createDeviceFigures>;
