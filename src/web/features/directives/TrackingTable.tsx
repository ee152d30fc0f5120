// Delivery tracking of an issued directive: per recipient unit, when it was
// delivered, read and acknowledged, with the counts.
import { Badge, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { getTracking, type TrackingFilter } from './directives-api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { directiveStrings } from './strings.ts';

function When({ at, ok }: { at: string | null; ok?: boolean }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  if (!at)
    return (
      <Text size="sm" c="dimmed">
        {S.tracking.not}
      </Text>
    );
  return (
    <Badge color={ok ? 'green' : 'blue'} variant="light" tt="none" radius="sm">
      {formatDateTime(at, lang)}
    </Badge>
  );
}

export function TrackingTable({ directiveId, version }: { directiveId: string; version: string }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const [filter, setFilter] = useState<TrackingFilter>('all');
  const res = useAsync(() => getTracking(directiveId, filter), [directiveId, filter, version]);
  const c = res.data?.counts;

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="tracking-title" data-testid="tracking">
      <Stack gap="xs">
        <Title order={2} size="h5" id="tracking-title">
          {S.tracking.title}
        </Title>
        {c && (
          <Text size="sm" data-testid="tracking-counts" data-total={c.total} data-read={c.read} data-acknowledged={c.acknowledged}>
            {S.tracking.counts({ total: c.total, read: c.read, acknowledged: c.acknowledged, emailed: c.emailed })}
          </Text>
        )}
        <SegmentedControl
          aria-label={S.tracking.filter}
          value={filter}
          onChange={(v) => setFilter(v)}
          data={[
            { value: 'all', label: S.tracking.filterAll },
            { value: 'unread', label: S.tracking.filterUnread },
            { value: 'unacknowledged', label: S.tracking.filterUnack },
            { value: 'acknowledged', label: S.tracking.filterAck },
          ]}
          style={{ alignSelf: 'flex-start' }}
          data-testid="tracking-filter"
        />
        {res.loading && !res.data && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {res.data && res.data.items.length === 0 && <Text size="sm">{S.tracking.empty}</Text>}
        {res.data && res.data.items.length > 0 && (
          <div className="loa-table-wrap">
            <Table striped verticalSpacing={4} data-testid="tracking-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{S.tracking.unit}</Table.Th>
                  <Table.Th>{S.tracking.arrival}</Table.Th>
                  <Table.Th>{S.tracking.delivered}</Table.Th>
                  <Table.Th>{S.tracking.read}</Table.Th>
                  <Table.Th>{S.tracking.acknowledged}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {res.data.items.map((r) => (
                  <Table.Tr
                    key={r.itemId}
                    data-testid="tracking-row"
                    data-unit-id={r.unitId}
                    data-read={r.readAt ? 'true' : 'false'}
                    data-acknowledged={r.acknowledgedAt ? 'true' : 'false'}
                  >
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {r.unitName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.arrivalNumber}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(r.deliveredAt, lang)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <When at={r.readAt} />
                    </Table.Td>
                    <Table.Td>
                      <When at={r.acknowledgedAt} ok />
                    </Table.Td>
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
