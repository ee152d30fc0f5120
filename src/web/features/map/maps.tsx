// The maps other pages use. Each loads its chunk (Leaflet, its CSS, the map code) on first render only,
// and the boundary files when drawn: nothing of the map is in the bundle of a page until it shows one.
//   <DeviceMap unitId unitName devices />            the devices page's map tab
//   <CoverageMap provinceCode byCommuneCode />       a bulletin's coverage panel (props: map-types.ts)
import { Suspense, lazy } from 'react';
import { Loading } from '../../app/ui.tsx';
import type { CoverageMapProps, DeviceMapProps } from './map-types.ts';

export type { CoverageMapProps, DeviceMapProps, MapDevice } from './map-types.ts';

const DeviceMapChunk = lazy(() => import('./DeviceMap.tsx'));
const CoverageMapChunk = lazy(() => import('./CoverageMap.tsx'));

export function DeviceMap(props: DeviceMapProps) {
  return (
    <Suspense fallback={<Loading />}>
      <DeviceMapChunk {...props} />
    </Suspense>
  );
}

export function CoverageMap(props: CoverageMapProps) {
  return (
    <Suspense fallback={<Loading />}>
      <CoverageMapChunk {...props} />
    </Suspense>
  );
}
