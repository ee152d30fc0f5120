/**
 * The narrow port the periodic-report roll-up reads (tasks module): what the broadcast channels
 * measured per group of units and per period. Counts only: no phone, no name, no text.
 */
import type { Db } from '../../db/client.ts';
import * as repo from './channel-figures.repository.ts';
import type { ChannelFigureRow, ChannelGrouping, ChannelWindow } from './channel-figures.repository.ts';

export type { ChannelFigureRow, ChannelGrouping, ChannelWindow } from './channel-figures.repository.ts';

export function createChannelFigures(deps: { db: Db }) {
  const { db } = deps;
  return {
    /**
     * SMS sent and delivered per group and period window (see channel-figures.repository.ts for what
     * counts and when). A lookup for another module's use case, like `units.lookup`: it takes no actor,
     * the caller has already checked that its reader may read the root's subtree.
     */
    async byPeriod(q: ChannelGrouping & { windows: readonly ChannelWindow[] }): Promise<ChannelFigureRow[]> {
      return repo.channelFiguresByPeriod(db, q);
    },
  };
}

export type ChannelFigures = ReturnType<typeof createChannelFigures>;
