import type { LinkResolver } from './port.ts';

/** In memory, for tests and benchmarks: short link → target from the table, anything else unknown (null). */
export function createFakeLinkResolver(table: Record<string, string> = {}): LinkResolver & { calls: string[]; set(from: string, to: string): void } {
  const map = new Map(Object.entries(table));
  const calls: string[] = [];
  return {
    calls,
    set(from, to) {
      map.set(from, to);
    },
    async resolve(url) {
      calls.push(url);
      return Promise.resolve(map.get(url) ?? null);
    },
  };
}
