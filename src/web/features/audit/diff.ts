// Pure before/after diff for audit events (unit-tested).

export type Change = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffRow {
  path: string;
  change: Change;
  before: unknown;
  after: unknown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Flatten nested plain objects to dotted paths; arrays/primitives are leaves. */
export function flatten(obj: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(obj)) {
    const keys = Object.keys(obj);
    if (keys.length === 0 && prefix) out.set(prefix, {});
    for (const k of keys) flatten(obj[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, obj);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffObjects(before: unknown, after: unknown): DiffRow[] {
  const b = flatten(before ?? {});
  const a = flatten(after ?? {});
  const paths = [...b.keys()];
  for (const k of a.keys()) if (!b.has(k)) paths.push(k);
  return paths.map((path) => {
    const inB = b.has(path);
    const inA = a.has(path);
    const bv = b.get(path);
    const av = a.get(path);
    const change: Change = !inB ? 'added' : !inA ? 'removed' : same(bv, av) ? 'unchanged' : 'changed';
    return { path, change, before: bv, after: av };
  });
}

export function formatValue(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v, null, 1) ?? '';
}
