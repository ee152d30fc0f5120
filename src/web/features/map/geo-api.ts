// Client of the boundary files (/geo/<file>, assets/geo): loaded once per page load and checked against the
// shared GeoJSON shape; which province and commune a unit of the directory is drawn with.
import { requestParsed } from '../../api.ts';
import { GEO_PROVINCES_FILE, GeoFeatureCollection, communesFileOf, geoUrl, type GeoFeature } from '../../../shared/contracts/geo.ts';
import { getUnit } from '../units/units-api.ts';

const loaded = new Map<string, Promise<GeoFeatureCollection>>();

function loadGeo(file: string): Promise<GeoFeatureCollection> {
  let pending = loaded.get(file);
  if (!pending) {
    pending = requestParsed(GeoFeatureCollection, 'GET', geoUrl(file));
    loaded.set(file, pending);
    pending.catch(() => loaded.delete(file)); // a failed load is tried again next time
  }
  return pending;
}

export interface Boundaries {
  /** The communes of the province, or the province outline when there is no commune file; every province for none. */
  features: GeoFeature[];
  /** Commune polygons (true), or outlines of provinces only (false). */
  communes: boolean;
}

/** The province's communes (from its file), else its outline from the provinces file; null: all 34 provinces. */
export async function loadBoundaries(provinceCode: string | null): Promise<Boundaries> {
  const file = provinceCode ? communesFileOf(provinceCode) : null;
  if (file) return { features: (await loadGeo(file)).features, communes: true };
  const provinces = (await loadGeo(GEO_PROVINCES_FILE)).features;
  return { features: provinceCode ? provinces.filter((f) => f.properties.code === provinceCode) : provinces, communes: false };
}

export interface MapScope {
  /** GSO code of the province to draw; null: the whole country (the unit is the nation). */
  provinceCode: string | null;
  /** GSO code of the unit itself, to frame the map on it when it is one of the drawn communes. */
  focusCode: string | null;
}

/** Where a unit is on the map: its province (itself, or the province above it in the tree) and its own code. */
export async function mapScopeOf(unitId: string): Promise<MapScope> {
  const { unit, path } = await getUnit(unitId);
  if (unit.kind === 'nation') return { provinceCode: null, focusCode: null };
  if (unit.kind === 'province') return { provinceCode: unit.code, focusCode: null };
  // path: the ancestors the reader may see, root first: the province is the first of kind 'province' (one or two reads).
  for (const ancestor of path) {
    const above = (await getUnit(ancestor.id)).unit;
    if (above.kind === 'province') return { provinceCode: above.code, focusCode: unit.code };
  }
  return { provinceCode: null, focusCode: null };
}
