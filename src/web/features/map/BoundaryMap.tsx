// The Leaflet map both maps draw on: administrative boundaries from /geo (no tile server, so it works
// offline), optional circle markers with popups. Leaflet and its CSS live in this lazily loaded chunk only.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { GEO_ATTRIBUTION, type GeoFeature } from '../../../shared/contracts/geo.ts';
import { mapStrings } from './strings.ts';

export interface MapMarker {
  id: string;
  lat: number;
  lon: number;
  fill: string;
  /** Shown on hover. */
  title: string;
  /** Lines of the popup (text, never HTML). */
  popup: readonly string[];
}

export interface BoundaryMapProps {
  features: readonly GeoFeature[];
  /** GSO code of a drawn feature to frame the map on; otherwise every feature (and marker) is framed. */
  focusCode?: string | null;
  styleOf: (f: GeoFeature) => L.PathOptions;
  /** Hover text of an area (its name by default). */
  tooltipOf?: (f: GeoFeature) => string;
  markers?: readonly MapMarker[];
  label: string;
  testId: string;
}

const AREA = 'loa-map-area';
const MARKER = 'loa-map-marker';

function popupOf(lines: readonly string[]): HTMLElement {
  const box = document.createElement('div');
  for (const [i, line] of lines.entries()) {
    const p = document.createElement(i === 0 ? 'strong' : 'div');
    p.textContent = line;
    box.append(p);
  }
  return box;
}

export function BoundaryMap({ features, focusCode = null, styleOf, tooltipOf, markers = [], label, testId }: BoundaryMapProps) {
  const { lang } = useI18n();
  const S = mapStrings(lang);
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const areas = useRef<L.GeoJSON | null>(null);
  const dots = useRef<L.FeatureGroup | null>(null);
  const framed = useRef<string | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { zoomControl: false, attributionControl: false, zoomSnap: 0.25 });
    L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addAttribution(GEO_ATTRIBUTION).addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      framed.current = null;
    };
  }, []);

  // Its own effect: a change of language renames the buttons without redrawing the map.
  useEffect(() => {
    const zoom = L.control.zoom({ zoomInTitle: S.zoomIn, zoomOutTitle: S.zoomOut });
    if (map.current) zoom.addTo(map.current);
    return () => {
      zoom.remove();
    };
  }, [S.zoomIn, S.zoomOut]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    areas.current?.remove();
    // Leaflet hands these options to each polygon it makes, so className reaches the SVG path (style does not).
    const options: L.GeoJSONOptions & Pick<L.PathOptions, 'className'> = {
      className: AREA,
      style: (f) => styleOf(f as GeoFeature),
      onEachFeature: (f, l) => {
        const feature = f as GeoFeature;
        l.bindTooltip(tooltipOf ? tooltipOf(feature) : feature.properties.name, { sticky: true });
      },
    };
    const layer = L.geoJSON([...features], options).addTo(m);
    areas.current = layer;
    // Frame the map once per set of boundaries and focus, not on every refresh of the colours or markers.
    const key = `${features.length}:${features[0]?.properties.code ?? ''}:${focusCode ?? ''}`;
    if (framed.current === key) return;
    framed.current = key;
    const focus = focusCode ? layer.getLayers().find((l) => ((l as L.Polygon).feature as GeoFeature | undefined)?.properties.code === focusCode) : undefined;
    const bounds = focus ? (focus as L.Polygon).getBounds() : layer.getBounds();
    if (bounds.isValid()) m.fitBounds(bounds, { padding: [12, 12] });
    else m.setView([16, 106], 5);
  }, [features, focusCode, styleOf, tooltipOf]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    dots.current?.remove();
    const group = L.featureGroup(
      markers.map((d) =>
        L.circleMarker([d.lat, d.lon], { radius: 7, color: '#212529', weight: 1.5, fillColor: d.fill, fillOpacity: 1, className: MARKER })
          .bindTooltip(d.title)
          .bindPopup(popupOf(d.popup)),
      ),
    ).addTo(m);
    dots.current = group;
    if (features.length === 0 && markers.length > 0) m.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 13 });
  }, [markers, features.length]);

  // isolation: Leaflet's panes and controls (z-index 400–1000) stay under the shell's header and Mantine's dialogs.
  return (
    <div ref={box} role="region" aria-label={label} data-testid={testId} style={{ height: 480, width: '100%', background: '#f8f9fa', borderRadius: 4, isolation: 'isolate' }} />
  );
}
