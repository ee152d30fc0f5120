import type { Db } from '../../db/client.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import { predecessorsOf, successorsOf, type HistoryRef } from './unit-history.ts';
import { actingAreaPath } from './acting-area.ts';
import * as repo from './units.repository.ts';
import type { UnitRow } from './units.repository.ts';

/** A unit as stored (both editions), for other modules' services. */
export type UnitRecord = UnitRow;

/**
 * Units by id for other modules' services (`services.units.lookup`). No access check: the caller
 * checks (e.g. `authorize(actor, …, { unitPath: unit.path })`). With `opts.tx` it reads in the caller's
 * transaction. A missing id is `undefined` (byId) or left out (byIds, in no particular order).
 */
export interface UnitLookup {
  byId(id: string, opts?: InTx): Promise<UnitRecord | undefined>;
  byIds(ids: readonly string[], opts?: InTx): Promise<UnitRecord[]>;
  /** unit id → the units it became part of in the next edition ("Nay thuộc …"); [] when none. */
  successorsOf(ids: readonly string[], opts?: InTx): Promise<Map<string, HistoryRef[]>>;
  /** unit id → the units of the previous edition it was formed from ("Hình thành từ …"); [] when none. */
  predecessorsOf(ids: readonly string[], opts?: InTx): Promise<Map<string, HistoryRef[]>>;
  /** The path of the area the unit acts for (`actingAreaPath`: the province for its Sở); undefined for no such unit. */
  areaPathOf(id: string, opts?: InTx): Promise<string | undefined>;
}

export function createUnitLookup(db: Db): UnitLookup {
  return {
    byId: (id, opts = {}) => repo.findUnitById(opts.tx ?? db, id),
    byIds: (ids, opts = {}) => repo.findUnitsByIds(opts.tx ?? db, ids),
    successorsOf: (ids, opts = {}) => successorsOf(opts.tx ?? db, ids),
    predecessorsOf: (ids, opts = {}) => predecessorsOf(opts.tx ?? db, ids),
    async areaPathOf(id, opts = {}) {
      const unit = await repo.findUnitById(opts.tx ?? db, id);
      if (!unit) return undefined;
      const parent = unit.parentId ? await repo.findUnitById(opts.tx ?? db, unit.parentId) : undefined;
      return actingAreaPath(unit, parent ?? null);
    },
  };
}
