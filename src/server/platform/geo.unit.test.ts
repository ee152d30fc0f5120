import { describe, expect, it } from 'vitest';
import { communeFeature, geometryContains, pointsInside } from './geo.ts';

describe('points inside a commune (demo device coordinates)', () => {
  it('places the same points for the same seed, all inside the commune and outside its neighbour', () => {
    const binhLu = communeFeature('03390');
    const tanPhong = communeFeature('03408');
    if (!binhLu || !tanPhong) throw new Error('Lai Châu communes missing from assets/geo');
    const points = pointsInside(binhLu.geometry, 5, 'demo:03390');
    expect(points).toHaveLength(5);
    expect(pointsInside(binhLu.geometry, 5, 'demo:03390')).toEqual(points);
    expect(pointsInside(binhLu.geometry, 5, 'other')).not.toEqual(points);
    for (const p of points) {
      expect(geometryContains(binhLu.geometry, p.lon, p.lat)).toBe(true);
      expect(geometryContains(tanPhong.geometry, p.lon, p.lat)).toBe(false);
    }
  });

  it('honours holes and multipolygons; no file or no code is null', () => {
    const square = (x: number, y: number, s: number): [number, number][] => [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ];
    const donut = { type: 'Polygon' as const, coordinates: [square(0, 0, 10), square(4, 4, 2)] };
    expect(geometryContains(donut, 1, 1)).toBe(true);
    expect(geometryContains(donut, 5, 5)).toBe(false);
    const two = { type: 'MultiPolygon' as const, coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] };
    expect(geometryContains(two, 5.5, 5.5)).toBe(true);
    expect(geometryContains(two, 3, 3)).toBe(false);
    expect(communeFeature('00004')).toBeNull(); // Hà Nội: no commune file
    expect(communeFeature('99999')).toBeNull();
    expect(communeFeature('15853')?.properties.name).toBe('Phường Đông Tiến'); // Thanh Hoá
  });
});
