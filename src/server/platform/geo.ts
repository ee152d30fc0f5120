// The boundary files of assets/geo/ (simplified 2026 GSO boundaries): reading them for the /geo route and
// the demo, and placing points inside a commune (demo devices get coordinates in their own commune).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GEO_COMMUNE_PROVINCES, GeoFeatureCollection, communesFileOf, type GeoFeature, type GeoGeometry } from '../../shared/contracts/geo.ts';

export const GEO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/geo');

export function readGeoFile(file: string): Buffer {
  return readFileSync(path.join(GEO_DIR, path.basename(file)));
}

const collections = new Map<string, GeoFeatureCollection>();

function communesOf(provinceCode: string): GeoFeatureCollection {
  const file = communesFileOf(provinceCode) ?? '';
  let collection = collections.get(file);
  if (!collection) {
    collection = GeoFeatureCollection.parse(JSON.parse(readGeoFile(file).toString('utf8')));
    collections.set(file, collection);
  }
  return collection;
}

/** The commune's boundary (GSO code, unique in the country), or null: its province has no file, or no such code. */
export function communeFeature(communeCode: string): GeoFeature | null {
  for (const province of GEO_COMMUNE_PROVINCES) {
    const found = communesOf(province).features.find((f) => f.properties.code === communeCode);
    if (found) return found;
  }
  return null;
}

type Ring = readonly (readonly [number, number])[];

/** Even-odd ray casting: inside the outer ring and in none of its holes. */
function inRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] ?? [0, 0];
    const [xj, yj] = ring[j] ?? [0, 0];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function geometryContains(geometry: GeoGeometry, lon: number, lat: number): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(([outer, ...holes]) => outer !== undefined && inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat)));
}

/**
 * `count` points inside the geometry, the same for the same seed (rejection sampling in the bounding box,
 * a SHA-256 counter as the random source), rounded to 5 decimals (about 1 m).
 */
export function pointsInside(geometry: GeoGeometry, count: number, seed: string): { lat: number; lon: number }[] {
  const all = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flatMap((p) => p[0] ?? []);
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  const out: { lat: number; lon: number }[] = [];
  for (let n = 0; out.length < count && n < count * 1000; n++) {
    const h = createHash('sha256').update(`${seed}:${n}`).digest();
    const lon = round(minLon + (h.readUInt32BE(0) / 2 ** 32) * (maxLon - minLon));
    const lat = round(minLat + (h.readUInt32BE(4) / 2 ** 32) * (maxLat - minLat));
    if (geometryContains(geometry, lon, lat)) out.push({ lat, lon });
  }
  return out;
}
