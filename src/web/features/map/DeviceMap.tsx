// Bản đồ thiết bị: the devices of the chosen unit at their coordinates over the communes of its province,
// coloured by state (online, offline, maintenance, never seen), a popup with name, village and last contact.
import { Alert, Stack, Text } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { BoundaryMap, type MapMarker } from './BoundaryMap.tsx';
import { loadBoundaries, mapScopeOf } from './geo-api.ts';
import { MapLegend } from './MapLegend.tsx';
import { STATE_FILL, deviceMapState, type DeviceMapProps, type DeviceMapState } from './map-types.ts';
import { mapStrings } from './strings.ts';

const AREA_STYLE = { color: '#1c7ed6', weight: 1, fillColor: '#74c0fc', fillOpacity: 0.12 };
const FOCUS_STYLE = { color: '#1864ab', weight: 2.5, fillColor: '#74c0fc', fillOpacity: 0.25 };

export default function DeviceMap({ unitId, unitName, devices }: DeviceMapProps) {
  const { lang } = useI18n();
  const S = mapStrings(lang);
  const scope = useAsync(() => mapScopeOf(unitId), [unitId]);
  const provinceCode = scope.data?.provinceCode ?? null;
  const boundaries = useAsync(() => loadBoundaries(provinceCode), [provinceCode], scope.data !== undefined);
  const focusCode = scope.data?.focusCode ?? null;
  const styleOf = useCallback((f: { properties: { code: string } }) => (f.properties.code === focusCode ? FOCUS_STYLE : AREA_STYLE), [focusCode]);

  const stateLabel: Record<DeviceMapState, string> = useMemo(() => ({ online: S.online, offline: S.offline, maintenance: S.maintenance, never: S.never }), [S]);
  const markers = useMemo(
    () =>
      devices.flatMap((d): MapMarker[] => {
        if (d.lat === null || d.lon === null) return [];
        const state = deviceMapState(d);
        const label = stateLabel[state];
        return [
          {
            id: d.id,
            lat: d.lat,
            lon: d.lon,
            fill: STATE_FILL[state],
            title: `${d.name}: ${label}`,
            popup: [d.name, d.unitName, ...(d.village ? [S.village(d.village)] : []), label, ...(d.lastSeenAt ? [S.lastSeen(formatDateTime(d.lastSeenAt, lang))] : [])],
          },
        ];
      }),
    [devices, lang, S, stateLabel],
  );
  const unplaced = devices.length - markers.length;

  if (scope.error != null) return <LoadError error={scope.error} onRetry={scope.reload} />;
  if (boundaries.error != null) return <LoadError error={boundaries.error} onRetry={boundaries.reload} />;
  if (!boundaries.data) return <Loading label={S.loading} />;
  return (
    <Stack gap="xs">
      {!boundaries.data.communes && provinceCode && (
        <Alert color="gray" p="xs">
          {S.outlineOnly}
        </Alert>
      )}
      <BoundaryMap features={boundaries.data.features} focusCode={focusCode} styleOf={styleOf} markers={markers} label={S.deviceMap(unitName)} testId="device-map" />
      <MapLegend title={S.legend} items={(['online', 'offline', 'maintenance', 'never'] as const).map((s) => ({ color: STATE_FILL[s], label: stateLabel[s] }))} />
      {unplaced > 0 && (
        <Text size="sm" c="dimmed" data-testid="device-map-unplaced">
          {S.noCoordinates(unplaced)}
        </Text>
      )}
    </Stack>
  );
}
