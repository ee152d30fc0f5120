import type { Actor } from '../access/index.ts';
import { authorize, can, isWithin } from '../access/index.ts';
import type { UnitLookup } from '../units/index.ts';

/** Which devices a listing covers: one unit's, or every device under a path. */
export type DeviceScope = { unitId: string } | { path: string };

/**
 * What a device.read holder sees of `unit`: its devices, or with `subtree` those of every commune under it.
 * An office acting for an area (the province's Sở) reads the devices of the area: its own unit's subtree
 * means the province's communes, and a commune of the area may be opened read-only. Anything else is
 * refused as before (403 inside no scope of the actor's, 404 for a unit it may not know).
 */
export async function deviceReadScope(actor: Actor, unit: { id: string; path: string }, subtree: boolean, units: Pick<UnitLookup, 'areaPathOf'>): Promise<DeviceScope> {
  const own = unit.id === actor.unitId;
  if (can(actor, 'device.read', { unitPath: unit.path }) && !own) return subtree ? { path: unit.path } : { unitId: unit.id };
  authorize(actor, 'device.read', { unitPath: actor.unitPath }, 'device.read');
  const area = (await units.areaPathOf(actor.unitId)) ?? actor.unitPath;
  if (own) return subtree ? { path: area } : { unitId: unit.id };
  if (!isWithin(unit.path, area)) authorize(actor, 'device.read', { unitPath: unit.path }, 'device.read');
  return subtree ? { path: unit.path } : { unitId: unit.id };
}
