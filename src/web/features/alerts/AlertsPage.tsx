// Cảnh báo CAP: the alerts of a unit (kind, state chip, severity, expiry); compose one; open one (edit a draft,
// follow the workflow, publish, update or cancel, open the public XML).
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime, today } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading, UnitChooser } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useUnitParam } from '../../app/use-unit-param.ts';
import { href, Link } from '../../router.tsx';
import { AlertComposer } from './AlertComposer.tsx';
import { AlertDetail } from './AlertDetail.tsx';
import { ALERT_PHASES, listAlerts, type AlertPhase } from './alerts-api.ts';
import { AlertPhaseBadge, CapStatusBadge, SeverityBadge } from './badges.tsx';
import { alertStrings } from './strings.ts';

export const ALERTS_ROUTE = '/alerts';

/** /alerts (list), /alerts/new?unit=ID (compose), /alerts/ID (detail), /alerts/ID/edit (edit a draft). */
export function AlertsPage({ path }: { path: string[] }) {
  const [id, sub] = path;
  if (id === 'new') return <AlertComposer id={null} />;
  if (id && sub === 'edit') return <AlertComposer key={id} id={id} />;
  if (id) return <AlertDetail key={id} id={id} />;
  return <AlertList />;
}

function AlertList() {
  const { lang } = useI18n();
  const S = alertStrings(lang);
  const [unit, setUnit] = useUnitParam(ALERTS_ROUTE);
  const [phase, setPhase] = useState<AlertPhase | ''>('');
  const res = useAsync(() => listAlerts({ unitId: unit.id, phase }), [unit.id, phase]);
  const items = res.data?.items;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h3">
          {S.title}
        </Title>
        {res.data?.capabilities.draft && (
          <Button component="a" href={href(`${ALERTS_ROUTE}/new?unit=${encodeURIComponent(unit.id)}`)} data-testid="alert-compose">
            + {S.compose}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <div style={{ flex: '1 1 260px', minWidth: 0 }}>
            <UnitChooser label={S.unit} at={today()} value={unit} onChange={setUnit} testId="alert-unit" />
          </div>
          <NativeSelect
            label={S.colPhase}
            value={phase}
            onChange={(e) => setPhase(e.currentTarget.value as AlertPhase | '')}
            data={[{ value: '', label: S.allPhases }, ...ALERT_PHASES.map((p) => ({ value: p, label: S.phases[p] }))]}
            w={{ base: '100%', xs: 200 }}
          />
        </Group>
        <Text size="sm" c="dimmed" mt="xs">
          {S.listIntro(unit.name)}{' '}
          <Anchor href="/cap/atom.xml" target="_blank" rel="noopener" underline="always">
            {S.feedLink}
          </Anchor>
        </Text>
      </Paper>
      <Paper withBorder p="sm">
        {res.loading && !res.data && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {items && items.length === 0 && <Text size="sm">{S.empty}</Text>}
        {items && items.length > 0 && (
          <div className="loa-table-wrap">
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="alert-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{S.colHeadline}</Table.Th>
                  <Table.Th>{S.colUnit}</Table.Th>
                  <Table.Th>{S.colStatus}</Table.Th>
                  <Table.Th>{S.colSeverity}</Table.Th>
                  <Table.Th>{S.colPhase}</Table.Th>
                  <Table.Th>{S.colExpires}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.id} data-testid="alert-row" data-id={a.id}>
                    <Table.Td>
                      <Link to={`${ALERTS_ROUTE}/${encodeURIComponent(a.id)}`}>{a.headline}</Link>
                      <Text size="xs" c="dimmed">
                        {S.msgTypes[a.msgType]} · {a.event}
                      </Text>
                    </Table.Td>
                    <Table.Td>{a.unitName}</Table.Td>
                    <Table.Td>
                      <CapStatusBadge status={a.status} />
                    </Table.Td>
                    <Table.Td>
                      <SeverityBadge severity={a.severity} />
                    </Table.Td>
                    <Table.Td>
                      <AlertPhaseBadge phase={a.phase} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.expires, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
    </Stack>
  );
}
