/**
 * Pure maths of the roll-up "in today's tree": a task whose assignees are units of an edition no
 * longer in force (the 2025 three-level tree) is shown with each assignee's figures attributed to
 * its successor in the tree in force today, and summed per successor.
 */

export interface MappedUnit {
  id: string;
  code: string | null;
  name: string;
}

export interface SuccessorRef extends MappedUnit {
  partial: boolean;
}

/** A row of today's tree and the old units whose figures it sums ([] for a unit that kept its place). */
export interface TodayGroup {
  targetId: string;
  formedFrom: MappedUnit[];
}

/**
 * The successor an old unit's figures go to. Rule (no double counting): a unit merged whole into
 * one successor goes there; a unit split over several successors goes to exactly one of them — its
 * non-partial successor when there is one, else the first by GSO code (then name) — and never to
 * several. Null when the unit has no successor (it then stays a row of its own).
 */
export function chooseSuccessor(successors: readonly SuccessorRef[]): SuccessorRef | null {
  const ordered = [...successors].sort((x, y) => (x.code ?? '\uffff').localeCompare(y.code ?? '\uffff') || x.name.localeCompare(y.name, 'vi'));
  return ordered.find((s) => !s.partial) ?? ordered[0] ?? null;
}

/**
 * Maps each unit to the row it is summed into: old units (outOfForce) to their chosen successor,
 * units in force (or without successor) to themselves. Returns unit id → target id, and the groups
 * with the old units summed into each (by code then name).
 */
export function mapToToday(
  units: readonly MappedUnit[],
  outOfForce: ReadonlySet<string>,
  successors: ReadonlyMap<string, readonly SuccessorRef[]>,
): { targetOf: Map<string, string>; groups: TodayGroup[] } {
  const targetOf = new Map<string, string>();
  const formedFrom = new Map<string, MappedUnit[]>();
  for (const u of units) {
    const next = outOfForce.has(u.id) ? chooseSuccessor(successors.get(u.id) ?? []) : null;
    const target = next?.id ?? u.id;
    targetOf.set(u.id, target);
    const list = formedFrom.get(target) ?? [];
    if (next) list.push({ id: u.id, code: u.code, name: u.name });
    formedFrom.set(target, list);
  }
  const byCode = (x: MappedUnit, y: MappedUnit) => (x.code ?? '\uffff').localeCompare(y.code ?? '\uffff') || x.name.localeCompare(y.name, 'vi');
  return { targetOf, groups: [...formedFrom].map(([targetId, list]) => ({ targetId, formedFrom: list.sort(byCode) })) };
}
