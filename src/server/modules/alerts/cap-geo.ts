// CAP polygons from the 2026 commune boundaries (assets/geo/, platform/geo.ts): each outer ring becomes one
// `polygon` of "lat,lon" pairs (CAP has no holes), closed, at most MAX_POINTS points (Douglas–Peucker when longer).
import { communeFeature } from '../../platform/geo.ts';
import type { GeoGeometry } from '../../../shared/contracts/geo.ts';

export const MAX_POINTS = 200;
/** Islands and slivers beyond the largest rings add bytes, not information. */
const MAX_POLYGONS = 8;

type Pt = readonly [number, number];

function perpendicular(p: Pt, a: Pt, b: Pt): number {
  const [x, y] = p;
  const [x1, y1] = a;
  const [x2, y2] = b;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  return len === 0 ? Math.hypot(x - x1, y - y1) : Math.abs(dy * x - dx * y + x2 * y1 - y2 * x1) / len;
}

function douglasPeucker(points: readonly Pt[], tolerance: number): Pt[] {
  if (points.length < 3) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [s, e] = stack.pop()!;
    let best = -1;
    let dist = tolerance;
    for (let i = s + 1; i < e; i++) {
      const d = perpendicular(points[i]!, points[s]!, points[e]!);
      if (d > dist) {
        dist = d;
        best = i;
      }
    }
    if (best > 0) {
      keep[best] = 1;
      stack.push([s, best], [best, e]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** A closed ring of at most `max` points (first == last), or null when too small to be a polygon. */
export function simplifyRing(ring: readonly Pt[], max = MAX_POINTS): Pt[] | null {
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  const pts: Pt[] = [];
  for (const [lon, lat] of ring) {
    const p: Pt = [round(lon), round(lat)];
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  if (pts.length > 1 && (pts[0]![0] !== pts[pts.length - 1]![0] || pts[0]![1] !== pts[pts.length - 1]![1])) pts.push(pts[0]!);
  let out = pts;
  for (let tolerance = 0.0001; out.length > max; tolerance *= 2) out = douglasPeucker(pts, tolerance);
  return out.length >= 4 ? out : null;
}

/** GeoJSON [lon, lat] → CAP "lat,lon lat,lon …". */
export const capPolygonOf = (ring: readonly Pt[]): string => ring.map(([lon, lat]) => `${lat},${lon}`).join(' ');

function ringArea(ring: readonly Pt[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0] + ring[i]![0]) * (ring[j]![1] - ring[i]![1]);
  return Math.abs(a / 2);
}

export function polygonsOfGeometry(g: GeoGeometry): string[] {
  const outers = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flatMap((p) => (p[0] ? [p[0]] : []));
  return outers
    .map((r) => ({ r, area: ringArea(r) }))
    .sort((a, b) => b.area - a.area)
    .slice(0, MAX_POLYGONS)
    .flatMap(({ r }) => {
      const s = simplifyRing(r);
      return s ? [capPolygonOf(s)] : [];
    });
}

/** The CAP polygons of a 2026 commune (GSO code), [] when its boundary is not in assets/geo/. */
export function communePolygons(code: string): string[] {
  const f = communeFeature(code);
  return f ? polygonsOfGeometry(f.geometry) : [];
}
