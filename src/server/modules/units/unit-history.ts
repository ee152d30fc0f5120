import type { Db } from '../../db/client.ts';
import * as repo from './units.repository.ts';
import type { HistoryRef } from '../../../shared/contracts/units.ts';

export type { HistoryRef };

async function related(db: Db, direction: 'successors' | 'predecessors', unitIds: readonly string[]): Promise<Map<string, HistoryRef[]>> {
  const out = new Map<string, HistoryRef[]>(unitIds.map((id) => [id, []]));
  for (const r of await repo.findHistory(db, direction, [...new Set(unitIds)])) {
    const { other: u } = r;
    out.get(r.unitId)?.push({ id: u.id, code: u.code, name: u.name, kind: u.kind, edition: u.edition, validFrom: u.validFrom, validTo: u.validTo, partial: r.partial });
  }
  return out;
}

/** unit id → the units it became part of in the next edition ("Nay thuộc …"); [] when none. */
export function successorsOf(db: Db, unitIds: readonly string[]): Promise<Map<string, HistoryRef[]>> {
  return related(db, 'successors', unitIds);
}

/** unit id → the units of the previous edition it was formed from ("Hình thành từ …"); [] when none. */
export function predecessorsOf(db: Db, unitIds: readonly string[]): Promise<Map<string, HistoryRef[]>> {
  return related(db, 'predecessors', unitIds);
}
