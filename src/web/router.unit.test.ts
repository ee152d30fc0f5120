import { describe, expect, it } from 'vitest';
import { parseHash } from './router.tsx';

describe('parseHash', () => {
  it('parses path, segments and query', () => {
    const r = parseHash('#/units/abc%2F1?unit=42');
    expect(r.path).toBe('/units/abc/1');
    expect(r.segments).toEqual(['units', 'abc/1']);
    expect(r.query.get('unit')).toBe('42');
  });

  it('defaults to root', () => {
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#').segments).toEqual([]);
  });
});
