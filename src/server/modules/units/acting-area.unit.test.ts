import { describe, expect, it } from 'vitest';
import { actingAreaPath } from './acting-area.ts';

describe('actingAreaPath', () => {
  const province = { kind: 'province', path: 'vn.p' };
  it('gives an area office its area, anything else its own subtree', () => {
    expect(actingAreaPath({ kind: 'department', path: 'vn.p.so', parentId: 'p' }, province)).toBe('vn.p');
    expect(actingAreaPath({ kind: 'peoples_committee', path: 'vn.p.x.ubnd', parentId: 'x' }, { kind: 'commune', path: 'vn.p.x' })).toBe('vn.p.x');
    expect(actingAreaPath({ kind: 'commune', path: 'vn.p.x', parentId: 'p' }, province)).toBe('vn.p.x');
    expect(actingAreaPath({ kind: 'press', path: 'vn.p.bao', parentId: 'p' }, province)).toBe('vn.p.bao');
    // An office under another organisation acts only for itself.
    expect(actingAreaPath({ kind: 'office', path: 'vn.p.so.phong', parentId: 'so' }, { kind: 'department', path: 'vn.p.so' })).toBe('vn.p.so.phong');
    expect(actingAreaPath({ kind: 'department', path: 'vn.p.so', parentId: null }, null)).toBe('vn.p.so');
  });
});
