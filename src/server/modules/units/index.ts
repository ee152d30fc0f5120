// The units module's public surface: what other modules, the CLI, the demo and tests may use.
export type { UnitsService, UnitView } from './units.service.ts';
export type { UnitLookup, UnitRecord } from './units.lookup.ts';
export { expandRule } from './groups.service.ts';
export type { GroupsService } from './groups.service.ts';
export type { HistoryRef } from './unit-history.ts';
export { formatCrosswalkReport } from './crosswalk.ts';
export type { CrosswalkReport } from './crosswalk.ts';
export { EDITION_IDS, NATION_ID, editionLabel, inForceAt, unitIdFor } from './editions.ts';
export { actingAreaPath } from './acting-area.ts';
export type { EditionId } from './editions.ts';
export type { UnitKind } from './unit-kinds.ts';
export { GroupRule } from './units.schemas.ts';

import { defineModule } from '../module.ts';
import { UNITS_ERRORS } from './units.errors.ts';
import { createGroupsService as makeGroups } from './groups.service.ts';
import type { GroupsService as Groups } from './groups.service.ts';
import { createUnitsService as makeUnits } from './units.service.ts';
import type { UnitsService as Units } from './units.service.ts';
import { registerUnitRoutes as unitRoutes } from './units.routes.ts';

declare module '../module.ts' {
  interface Services {
    units: Units;
    groups: Groups;
  }
}

/** The unit tree (both GSO editions), contacts, recipient groups and the 2025→2026 crosswalk. */
export const module = defineModule({
  name: 'units',
  errors: UNITS_ERRORS,
  create: ({ db, clock }) => ({ units: makeUnits({ db, clock }), groups: makeGroups({ db, clock }) }),
  routes: (app, { services }) => unitRoutes(app, services),
});
