// Bản tin truyền thanh: the bulletins of a unit (priority and status, devices reached); compose one; open one
// (edit a draft, follow the workflow, watch its coverage fill).
import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime, today } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading, UnitChooser } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useUnitParam } from '../../app/use-unit-param.ts';
import { href, Link } from '../../router.tsx';
import { PriorityBadge } from '../broadcasts/badges.tsx';
import { BulletinComposer } from './BulletinComposer.tsx';
import { BulletinDetail } from './BulletinDetail.tsx';
import { BulletinStatusBadge } from './badges.tsx';
import { BULLETIN_STATUSES, listBulletins, type BulletinStatus } from './bulletins-api.ts';
import { bulletinStrings } from './strings.ts';

export const BULLETINS_ROUTE = '/bulletins';

/** /bulletins (list), /bulletins/new?unit=ID (compose), /bulletins/ID (detail), /bulletins/ID/edit (edit a draft). */
export function BulletinsPage({ path }: { path: string[] }) {
  const [id, sub] = path;
  if (id === 'new') return <BulletinComposer id={null} />;
  if (id && sub === 'edit') return <BulletinComposer key={id} id={id} />;
  if (id) return <BulletinDetail key={id} id={id} />;
  return <BulletinList />;
}

function BulletinList() {
  const { lang } = useI18n();
  const S = bulletinStrings(lang);
  const [unit, setUnit] = useUnitParam(BULLETINS_ROUTE);
  const [status, setStatus] = useState<BulletinStatus | ''>('');
  const [subtree, setSubtree] = useState(false);
  const res = useAsync(() => listBulletins({ unitId: unit.id, status, subtree }), [unit.id, status, subtree]);
  const items = res.data?.items;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h3">
          {S.title}
        </Title>
        {res.data?.capabilities.draft && (
          <Button component="a" href={href(`${BULLETINS_ROUTE}/new?unit=${encodeURIComponent(unit.id)}`)} data-testid="bulletin-compose">
            + {S.compose}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <div style={{ flex: '1 1 260px', minWidth: 0 }}>
            <UnitChooser label={S.unit} at={today()} value={unit} onChange={setUnit} testId="bulletin-unit" />
          </div>
          <NativeSelect
            label={S.colStatus}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as BulletinStatus | '')}
            data={[{ value: '', label: S.allStatuses }, ...BULLETIN_STATUSES.map((s) => ({ value: s, label: S.statuses[s] }))]}
            w={{ base: '100%', xs: 200 }}
          />
        </Group>
        <Group justify="space-between" gap="xs" mt="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {S.listIntro(unit.name)}
          </Text>
          <Checkbox label={S.subtree} checked={subtree} onChange={(e) => setSubtree(e.currentTarget.checked)} />
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        {res.loading && !res.data && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {items && items.length === 0 && <Text size="sm">{S.empty}</Text>}
        {items && items.length > 0 && (
          <div className="loa-table-wrap">
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="bulletin-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{S.colTitle}</Table.Th>
                  {subtree && <Table.Th>{S.colUnit}</Table.Th>}
                  <Table.Th>{S.colPriority}</Table.Th>
                  <Table.Th>{S.colStatus}</Table.Th>
                  <Table.Th>{S.colDevices}</Table.Th>
                  <Table.Th>{S.colCreated}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((b) => (
                  <Table.Tr key={b.id} data-testid="bulletin-row" data-id={b.id}>
                    <Table.Td>
                      <Link to={`${BULLETINS_ROUTE}/${encodeURIComponent(b.id)}`}>{b.title}</Link>
                    </Table.Td>
                    {subtree && <Table.Td>{b.unitName}</Table.Td>}
                    <Table.Td>
                      <PriorityBadge priority={b.priority} />
                    </Table.Td>
                    <Table.Td>
                      <BulletinStatusBadge status={b.status} />
                    </Table.Td>
                    <Table.Td>{b.devices}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(b.createdAt, lang)}</Table.Td>
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
