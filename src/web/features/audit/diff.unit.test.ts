import { describe, expect, it } from 'vitest';
import { diffObjects, flatten } from './diff.ts';

describe('audit diff', () => {
  it('flattens nested objects, keeping arrays as leaves', () => {
    expect([...flatten({ a: 1, b: { c: [1, 2], d: null } }).entries()]).toEqual([
      ['a', 1],
      ['b.c', [1, 2]],
      ['b.d', null],
    ]);
  });

  it('classifies added / removed / changed / unchanged', () => {
    const rows = diffObjects({ name: 'A', code: '1', contacts: { emails: ['a@x.vn'] }, gone: true }, { name: 'B', code: '1', contacts: { emails: ['b@x.vn'] }, extra: 5 });
    const byPath = Object.fromEntries(rows.map((r) => [r.path, r.change]));
    expect(byPath).toEqual({
      name: 'changed',
      code: 'unchanged',
      'contacts.emails': 'changed',
      gone: 'removed',
      extra: 'added',
    });
  });

  it('handles create (before=null) and delete (after=null)', () => {
    expect(diffObjects(null, { a: 1 })).toEqual([{ path: 'a', change: 'added', before: undefined, after: 1 }]);
    expect(diffObjects({ a: 1 }, null)).toEqual([{ path: 'a', change: 'removed', before: 1, after: undefined }]);
  });
});
