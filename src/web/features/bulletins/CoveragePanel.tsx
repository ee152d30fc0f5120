// Live coverage of a published bulletin: devices that played it / devices targeted, per commune (table and map), and
// the devices that have not played it. Polled every few seconds while the page is open.
import { Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { CoverageMap } from '../map/maps.tsx';
import { mapScopeOf } from '../map/geo-api.ts';
import { getCoverage, type Coverage } from './bulletins-api.ts';
import { bulletinStrings } from './strings.ts';

const POLL_MS = 3000;

export function CoveragePanel({ bulletinId, unitId }: { bulletinId: string; unitId: string }) {
  const { lang } = useI18n();
  const S = bulletinStrings(lang);
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const scope = useAsync(() => mapScopeOf(unitId), [unitId]);
  // Live: fetch again POLL_MS after each answer (a failed poll tries again after the same delay).
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () =>
        void getCoverage(bulletinId)
          .then(
            (c) => live && (setCoverage(c), setError(null)),
            (err: unknown) => live && setError(err),
          )
          .finally(() => live && setTick((n) => n + 1)),
      tick === 0 ? 0 : POLL_MS,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bulletinId, tick]);
  if (error != null && !coverage) return <LoadError error={error} />;
  if (!coverage) return null;
  const { totals } = coverage;
  const byCode = new Map(coverage.communes.flatMap((c) => (c.code ? [[c.code, c.targeted ? c.started / c.targeted : 0] as const] : [])));
  const provinceCode = scope.data?.provinceCode ?? null;
  return (
    <Paper withBorder p="sm" data-testid="bulletin-coverage">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {S.coverage}
        </Title>
        <Text size="sm" data-testid="coverage-line">
          {S.coverageLine(totals.started, totals.targeted)}
        </Text>
        <Progress value={totals.targeted ? (100 * totals.started) / totals.targeted : 0} aria-label={S.coverage} />
        <div className="loa-table-wrap">
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{S.colCommune}</Table.Th>
                <Table.Th>{S.colTargeted}</Table.Th>
                <Table.Th>{S.colStarted}</Table.Th>
                <Table.Th>{S.colFinished}</Table.Th>
                <Table.Th>{S.colInterrupted}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {coverage.communes.map((c) => (
                <Table.Tr key={c.unitId}>
                  <Table.Td>{c.unitName}</Table.Td>
                  <Table.Td>{c.targeted}</Table.Td>
                  <Table.Td>{c.started}</Table.Td>
                  <Table.Td>{c.finished}</Table.Td>
                  <Table.Td>{c.interrupted}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        {provinceCode && <CoverageMap provinceCode={provinceCode} byCommuneCode={byCode} />}
        <Title order={3} size="h5">
          {S.notPlayed}
        </Title>
        {coverage.notPlayed.length === 0 ? (
          <Text size="sm">{S.allPlayed}</Text>
        ) : (
          <div className="loa-table-wrap">
            <Table verticalSpacing="xs" data-testid="coverage-not-played">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{S.colDevice}</Table.Th>
                  <Table.Th>{S.colCommune}</Table.Th>
                  <Table.Th>{S.colVillage}</Table.Th>
                  <Table.Th>{S.colSeen}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {coverage.notPlayed.map((d) => (
                  <Table.Tr key={d.deviceId}>
                    <Table.Td>{d.name}</Table.Td>
                    <Table.Td>{d.unitName}</Table.Td>
                    <Table.Td>{d.village ?? '—'}</Table.Td>
                    <Table.Td>{d.lastSeenAt ? formatDateTime(d.lastSeenAt, lang) : S.never}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
