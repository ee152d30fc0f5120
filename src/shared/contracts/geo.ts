// The boundary files Loa serves at /geo/<file> (assets/geo/, simplified 2026 GSO boundaries) and their
// GeoJSON shape: the server's route allows exactly these names, the admin maps load them and check them.
import { z } from 'zod';

export const GEO_PROVINCES_FILE = 'provinces-2026.geojson';
/** Provinces (GSO codes) with a file of every commune; elsewhere the map draws the province outline only. */
export const GEO_COMMUNE_PROVINCES = ['12', '20', '38'] as const;

export function communesFileOf(provinceCode: string): string | null {
  return (GEO_COMMUNE_PROVINCES as readonly string[]).includes(provinceCode) ? `communes-2026-${provinceCode}.geojson` : null;
}

export const GEO_FILES: readonly string[] = [GEO_PROVINCES_FILE, ...GEO_COMMUNE_PROVINCES.map((p) => `communes-2026-${p}.geojson`)];

export const geoUrl = (file: string): string => `/geo/${file}`;

/** Shown on every map (the source's notice, assets/geo/README.md). */
export const GEO_ATTRIBUTION = 'Ranh giới: Bando.com.vn qua thanglequoc/vietnamese-provinces-database (MIT)';

const Position = z.tuple([z.number(), z.number()]);
const Ring = z.array(Position);
export const GeoGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring)) }),
]);
export type GeoGeometry = z.infer<typeof GeoGeometry>;

export const GeoFeature = z.object({
  type: z.literal('Feature'),
  /** `code`: the GSO code (= units.code of the 2026 edition); communes also carry their province's. */
  properties: z.object({ code: z.string(), name: z.string(), provinceCode: z.string().optional() }),
  geometry: GeoGeometry,
});
export type GeoFeature = z.infer<typeof GeoFeature>;

export const GeoFeatureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(GeoFeature) });
export type GeoFeatureCollection = z.infer<typeof GeoFeatureCollection>;
