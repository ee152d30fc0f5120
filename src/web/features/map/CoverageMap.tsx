// Phủ sóng bản tin: the communes of the bulletin's province coloured by the share of their targeted devices
// that played it (red: none, green: all); communes outside the bulletin are pale.
import { Alert, Stack } from '@mantine/core';
import { useCallback } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import type { GeoFeature } from '../../../shared/contracts/geo.ts';
import { BoundaryMap } from './BoundaryMap.tsx';
import { loadBoundaries } from './geo-api.ts';
import { MapLegend } from './MapLegend.tsx';
import { coverageColor, type CoverageMapProps } from './map-types.ts';
import { mapStrings } from './strings.ts';

const percent = (ratio: number, lang: 'vi' | 'en') => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);

export default function CoverageMap({ provinceCode, byCommuneCode, label }: CoverageMapProps) {
  const { lang } = useI18n();
  const S = mapStrings(lang);
  const boundaries = useAsync(() => loadBoundaries(provinceCode), [provinceCode]);
  const styleOf = useCallback(
    (f: GeoFeature) => {
      const ratio = byCommuneCode.get(f.properties.code);
      return ratio === undefined
        ? { color: '#868e96', weight: 0.8, fillColor: '#dee2e6', fillOpacity: 0.3 }
        : { color: '#343a40', weight: 1, fillColor: coverageColor(ratio), fillOpacity: 0.7 };
    },
    [byCommuneCode],
  );
  const tooltipOf = useCallback(
    (f: GeoFeature) => {
      const ratio = byCommuneCode.get(f.properties.code);
      return `${f.properties.name}: ${ratio === undefined ? S.notTargeted : S.played(percent(ratio, lang))}`;
    },
    [byCommuneCode, S, lang],
  );

  if (boundaries.error != null) return <LoadError error={boundaries.error} onRetry={boundaries.reload} />;
  if (!boundaries.data) return <Loading label={S.loading} />;
  return (
    <Stack gap="xs">
      {!boundaries.data.communes && (
        <Alert color="gray" p="xs">
          {S.outlineOnly}
        </Alert>
      )}
      <BoundaryMap features={boundaries.data.features} styleOf={styleOf} tooltipOf={tooltipOf} label={label ?? S.coverageMap} testId="coverage-map" />
      <MapLegend
        title={S.legend}
        items={[
          { color: coverageColor(0), label: S.scaleNone },
          { color: coverageColor(0.5), label: S.scaleSome },
          { color: coverageColor(1), label: S.scaleAll },
          { color: '#dee2e6', label: S.notTargeted },
        ]}
      />
    </Stack>
  );
}
