// Tin nhắn SMS: the SMS campaigns of a unit (status and priority badges, delivered / recipients); compose a new one;
// open one (edit a draft, follow the workflow, watch it being sent). Cards instead of the table on a phone; the SMS
// settings below the list for those who may change them.
import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime, today } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading, UnitChooser } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useUnitParam } from '../../app/use-unit-param.ts';
import { href, Link } from '../../router.tsx';
import { BroadcastDetail } from './BroadcastDetail.tsx';
import { BroadcastEditor } from './BroadcastEditor.tsx';
import { BROADCAST_STATUSES, listBroadcastsPage, type BroadcastStatus, type BroadcastSummary } from './broadcasts-api.ts';
import { SmsSettingsPanel } from './SmsSettingsPanel.tsx';
import { BroadcastStatusBadge, PriorityBadge, SupersededBadge } from './badges.tsx';
import { broadcastStrings } from './strings.ts';

export const BROADCASTS_ROUTE = '/sms';

/** /sms (list), /sms/new?unit=ID (compose), /sms/ID (detail), /sms/ID/edit (edit a draft). */
export function BroadcastsPage({ path }: { path: string[] }) {
  const [id, sub] = path;
  if (id === 'new') return <BroadcastEditor id={null} />;
  if (id && sub === 'edit') return <BroadcastEditor key={id} id={id} />;
  if (id) return <BroadcastDetail key={id} id={id} />;
  return <BroadcastList />;
}

function BroadcastList() {
  const { lang } = useI18n();
  const S = broadcastStrings(lang);
  const [unit, setUnit] = useUnitParam(BROADCASTS_ROUTE);
  const [status, setStatus] = useState<BroadcastStatus | ''>('');
  const [subtree, setSubtree] = useState(false);
  const res = useAsync(() => listBroadcastsPage({ unitId: unit.id, status, subtree: subtree ? '1' : '0' }), [unit.id, status, subtree]);
  const items = res.data?.items;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h3">
          {S.title}
        </Title>
        {/* Only for those who may draft (the server says so with the list). */}
        {res.data?.capabilities.draft && (
          <Button component="a" href={href(`${BROADCASTS_ROUTE}/new?unit=${encodeURIComponent(unit.id)}`)} data-testid="broadcast-compose">
            + {S.compose}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <div style={{ flex: '1 1 260px', minWidth: 0 }}>
            <UnitChooser label={S.unit} at={today()} value={unit} onChange={setUnit} testId="broadcast-unit" />
          </div>
          <NativeSelect
            label={S.colStatus}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as BroadcastStatus | '')}
            data={[{ value: '', label: S.allStatuses }, ...BROADCAST_STATUSES.map((s) => ({ value: s, label: S.statuses[s] }))]}
            w={{ base: '100%', xs: 200 }}
            data-testid="broadcast-status-filter"
          />
        </Group>
        <Group justify="space-between" gap="xs" mt="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {subtree ? S.listIntroSubtree(unit.name) : S.listIntro(unit.name)}
          </Text>
          <Checkbox label={S.subtree} checked={subtree} onChange={(e) => setSubtree(e.currentTarget.checked)} data-testid="broadcast-subtree" />
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        {res.loading && !res.data && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {items && items.length === 0 && <Text size="sm">{S.empty}</Text>}
        {items && items.length > 0 && (
          <>
            {/* Narrow screens (a phone at 390 px): one card per campaign instead of a cramped table. */}
            <Stack gap="xs" hiddenFrom="sm" data-testid="broadcast-cards">
              {items.map((b) => (
                <Paper key={b.id} withBorder p="xs" radius="sm" data-testid="broadcast-card" data-id={b.id}>
                  <Stack gap={4}>
                    <Link to={`${BROADCASTS_ROUTE}/${encodeURIComponent(b.id)}`} style={{ overflowWrap: 'anywhere', fontWeight: 600 }}>
                      {b.title}
                    </Link>
                    <Group gap={6} wrap="wrap">
                      <PriorityBadge priority={b.priority} />
                      <BroadcastStatusBadge status={b.status} />
                      {b.supersededById && <SupersededBadge />}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {subtree ? `${b.unitName} · ` : ''}
                      {S.colProgress}: {progressText(b)} · {formatDateTime(b.createdAt, lang)}
                    </Text>
                  </Stack>
                </Paper>
              ))}
            </Stack>
            <div className="loa-table-wrap">
              <Table striped highlightOnHover verticalSpacing="xs" visibleFrom="sm" data-testid="broadcast-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{S.colTitle}</Table.Th>
                    {subtree && <Table.Th>{S.colUnit}</Table.Th>}
                    <Table.Th>{S.colPriority}</Table.Th>
                    <Table.Th>{S.colStatus}</Table.Th>
                    <Table.Th>{S.colProgress}</Table.Th>
                    <Table.Th>{S.colCreated}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((b) => (
                    <Table.Tr key={b.id} data-testid="broadcast-row" data-id={b.id}>
                      <Table.Td>
                        <Link to={`${BROADCASTS_ROUTE}/${encodeURIComponent(b.id)}`} data-testid="broadcast-open">
                          {b.title}
                        </Link>
                      </Table.Td>
                      {subtree && (
                        <Table.Td>
                          <Text size="sm">{b.unitName}</Text>
                        </Table.Td>
                      )}
                      <Table.Td>
                        <PriorityBadge priority={b.priority} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <BroadcastStatusBadge status={b.status} />
                          {b.supersededById && <SupersededBadge />}
                        </Group>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{progressText(b)}</Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatDateTime(b.createdAt, lang)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </>
        )}
      </Paper>
      <SmsSettingsPanel />
    </Stack>
  );
}

const progressText = (b: BroadcastSummary) => (b.recipients === null ? '—' : `${b.progress.delivered} / ${b.recipients}`);
