/** The time source. Services take a Clock so tests can fix "now". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date): Clock & { set(d: Date): void } {
  let current = at;
  return { now: () => current, set: (d) => (current = d) };
}
