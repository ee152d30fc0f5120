/** Organisations that act for the administrative area they sit in: the province's Sở, a district's Phòng, a UBND. */
const AREA_OFFICE_KINDS: ReadonlySet<string> = new Set(['department', 'office', 'peoples_committee']);
const AREA_KINDS: ReadonlySet<string> = new Set(['province', 'district', 'commune']);

/**
 * The subtree a unit acts for: its parent area's for an office that acts for an administrative area (the
 * province's Sở follows every task in the province and may text the whole province), else the unit's own.
 */
export function actingAreaPath(unit: { kind: string; path: string; parentId: string | null }, parent: { kind: string; path: string } | null): string {
  if (!unit.parentId || !AREA_OFFICE_KINDS.has(unit.kind)) return unit.path;
  return parent && AREA_KINDS.has(parent.kind) ? parent.path : unit.path;
}
