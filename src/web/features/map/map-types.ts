// Props of the maps (the entry points in maps.tsx load the Leaflet chunk on first use) and the pure rules
// that colour them: a device by its state, a commune by the share of its targeted devices that played a bulletin.

/** What the device map needs of a device (the devices list's items fit). */
export interface MapDevice {
  id: string;
  name: string;
  unitName: string;
  village: string | null;
  lat: number | null;
  lon: number | null;
  /** Registry status: a device not 'active' is drawn grey whatever its connection. */
  status: 'active' | 'maintenance' | 'retired';
  lastSeenAt: string | null;
  /** Heard from recently (the server's rule, the devices list's `online`); absent counts as not online. */
  online?: boolean;
}

export interface DeviceMapProps {
  /** The unit chosen on the page: a commune frames the map on itself, a province shows all its communes. */
  unitId: string;
  unitName: string;
  devices: readonly MapDevice[];
}

export interface CoverageMapProps {
  /** GSO code of the bulletin's province (units.code, 2 digits): whose communes are drawn. */
  provinceCode: string;
  /**
   * GSO commune code (units.code, 5 digits) → share of the commune's targeted devices that played the
   * bulletin (started), 0–1. Communes not in the map are drawn pale as "not targeted".
   */
  byCommuneCode: ReadonlyMap<string, number>;
  /** Accessible name of the map; defaults to "Bản đồ phủ sóng bản tin theo xã, phường". */
  label?: string;
}

export type DeviceMapState = 'online' | 'offline' | 'maintenance' | 'never';

export function deviceMapState(d: Pick<MapDevice, 'status' | 'lastSeenAt' | 'online'>): DeviceMapState {
  if (d.status !== 'active') return 'maintenance';
  if (d.online) return 'online';
  return d.lastSeenAt ? 'offline' : 'never';
}

/** Marker fill per state; a never-seen device is hollow (white with a dark rim). */
export const STATE_FILL: Record<DeviceMapState, string> = { online: '#2f9e44', offline: '#e03131', maintenance: '#868e96', never: '#ffffff' };

/** Red (nothing played) through amber to green (every targeted device played), clamped to 0–1. */
export function coverageColor(ratio: number): string {
  const r = Math.min(1, Math.max(0, Number.isFinite(ratio) ? ratio : 0));
  return `hsl(${Math.round(r * 120)}, 70%, 42%)`;
}
