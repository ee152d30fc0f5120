// The unit kinds and their labels are a shared contract (the admin UI uses the same ones).
export { ADDABLE_KINDS, ADMINISTRATIVE_KINDS, ORGANISATION_KINDS, UNIT_KINDS, UNIT_KIND_LABELS, isUnitKind, type UnitKind } from '../../../shared/contracts/units.ts';
