// One check for every per-feature strings file (src/web/features/*/strings.ts): the Vietnamese and
// English tables have the same keys (nested too), no empty text, and every function (a string with
// placeholders) uses the same arguments in both languages.
import { expect } from 'vitest';

/** An argument that reads as «i» (or «i.name» for a property of a params object) wherever it is printed. */
function token(i: number): unknown {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (prop === Symbol.toPrimitive || prop === 'toString' || prop === 'valueOf') return () => `«${i}»`;
        return typeof prop === 'string' ? `«${i}.${prop}»` : undefined;
      },
    },
  );
}

const tokens = (s: string) => [...new Set(s.match(/«[^»]+»/g) ?? [])].sort();

function compare(vi: unknown, en: unknown, at: string): void {
  if (typeof vi === 'function') {
    expect(typeof en, `${at}: en is a function too`).toBe('function');
    const f = en as (...args: unknown[]) => unknown;
    expect(f.length, `${at}: same number of arguments`).toBe((vi as (...a: unknown[]) => unknown).length);
    const args = Array.from({ length: vi.length }, (_, i) => token(i));
    const a = String((vi as (...a: unknown[]) => unknown)(...args));
    const b = String(f(...args));
    expect(a.trim(), `${at} (vi)`).not.toBe('');
    expect(b.trim(), `${at} (en)`).not.toBe('');
    expect(tokens(b), `${at}: the same placeholders`).toEqual(tokens(a));
  } else if (vi !== null && typeof vi === 'object') {
    expect(en !== null && typeof en === 'object', `${at}: en is an object too`).toBe(true);
    const o = en as Record<string, unknown>;
    expect(Object.keys(o).sort(), `${at}: the same keys`).toEqual(Object.keys(vi).sort());
    for (const [k, v] of Object.entries(vi)) compare(v, o[k], at ? `${at}.${k}` : k);
  } else {
    expect(typeof en, `${at}: same kind of value`).toBe(typeof vi);
    if (typeof vi === 'string') {
      expect(vi.trim(), `${at} (vi)`).not.toBe('');
      expect(String(en).trim(), `${at} (en)`).not.toBe('');
    }
  }
}

/** Both tables complete and alike: `expectCompleteStrings({ vi: unitStrings('vi'), en: unitStrings('en') })`. */
export function expectCompleteStrings(tables: { vi: object; en: object }): void {
  compare(tables.vi, tables.en, '');
}
