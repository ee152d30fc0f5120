import { describe, expect, it } from 'vitest';
import { coverageColor, deviceMapState } from './map-types.ts';

describe('map colours', () => {
  it('a device: maintenance or retired first, then online, offline once heard from, else never seen', () => {
    expect(deviceMapState({ status: 'maintenance', online: true, lastSeenAt: 'x' })).toBe('maintenance');
    expect(deviceMapState({ status: 'retired', lastSeenAt: null })).toBe('maintenance');
    expect(deviceMapState({ status: 'active', online: true, lastSeenAt: 'x' })).toBe('online');
    expect(deviceMapState({ status: 'active', online: false, lastSeenAt: 'x' })).toBe('offline');
    expect(deviceMapState({ status: 'active', lastSeenAt: null })).toBe('never');
  });

  it('a commune: red at 0, green at 1, clamped, and a bad ratio reads as nothing played', () => {
    expect(coverageColor(0)).toBe('hsl(0, 70%, 42%)');
    expect(coverageColor(0.5)).toBe('hsl(60, 70%, 42%)');
    expect(coverageColor(1)).toBe('hsl(120, 70%, 42%)');
    expect(coverageColor(3)).toBe(coverageColor(1));
    expect(coverageColor(Number.NaN)).toBe(coverageColor(0));
  });
});
