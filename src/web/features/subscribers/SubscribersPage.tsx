// Danh bạ thuê bao SMS: the subscriber lists of a unit (cán bộ xã, trưởng thôn, hộ gia đình đăng ký, khác);
// create a list; open one to import a file and see its numbers (masked for roles that may not read them).
import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { today } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading, UnitChooser } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useUnitParam } from '../../app/use-unit-param.ts';
import { navigate, useRoute } from '../../router.tsx';
import { LIST_KINDS, type ListKind } from '../../../shared/contracts/subscribers.ts';
import { ListDetail } from './ListDetail.tsx';
import { createList, listLists } from './subscribers-api.ts';
import { subscriberStrings } from './strings.ts';

export const SUBSCRIBERS_ROUTE = '/subscribers';

export function SubscribersPage() {
  const { lang } = useI18n();
  const S = subscriberStrings(lang);
  const route = useRoute();
  const [unit, setUnit] = useUnitParam(SUBSCRIBERS_ROUTE);
  const listId = route.query.get('list');
  const lists = useAsync(() => listLists(unit.id), [unit.id]);
  const [creating, setCreating] = useState(false);
  const selected = lists.data?.items.find((l) => l.id === listId) ?? null;
  const open = (id: string) => navigate(`${SUBSCRIBERS_ROUTE}?unit=${encodeURIComponent(unit.id)}&list=${encodeURIComponent(id)}`);

  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {S.title}
      </Title>
      <Paper withBorder p="sm">
        <UnitChooser label={S.unit} at={today()} value={unit} onChange={setUnit} testId="subscribers-unit" />
        <Text size="sm" c="dimmed" mt="xs">
          {S.intro(unit.name)}
        </Text>
      </Paper>
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h5">
            {S.lists}
          </Title>
          {lists.data?.capabilities.write && !creating && (
            <Button size="compact-sm" onClick={() => setCreating(true)} data-testid="subscriber-list-new">
              + {S.newList}
            </Button>
          )}
        </Group>
        {creating && (
          <NewListForm
            unitId={unit.id}
            onDone={(id) => {
              setCreating(false);
              lists.reload();
              if (id) open(id);
            }}
          />
        )}
        {lists.loading && !lists.data && <Loading />}
        {lists.error != null && <LoadError error={lists.error} onRetry={lists.reload} />}
        {lists.data && lists.data.items.length === 0 && <Text size="sm">{S.noLists}</Text>}
        {lists.data && lists.data.items.length > 0 && (
          <div className="loa-table-wrap">
            <Table highlightOnHover verticalSpacing="xs" data-testid="subscriber-lists">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{S.colList}</Table.Th>
                  <Table.Th>{S.colKind}</Table.Th>
                  <Table.Th ta="right">{S.colCount}</Table.Th>
                  <Table.Th ta="right">{S.colOptedOut}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lists.data.items.map((l) => (
                  <Table.Tr key={l.id} bg={l.id === listId ? 'var(--mantine-color-blue-light)' : undefined} style={{ cursor: 'pointer' }} onClick={() => open(l.id)}>
                    <Table.Td>
                      <a
                        href={`#${SUBSCRIBERS_ROUTE}?unit=${encodeURIComponent(unit.id)}&list=${encodeURIComponent(l.id)}`}
                        onClick={(e) => e.stopPropagation()}
                        data-testid="subscriber-list-link"
                      >
                        {l.name}
                      </a>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{S.kinds[l.kind]}</Badge>
                    </Table.Td>
                    <Table.Td ta="right">{l.subscribers}</Table.Td>
                    <Table.Td ta="right">{l.optedOut}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
      {selected ? (
        <ListDetail
          key={selected.id}
          list={selected}
          onChanged={lists.reload}
          onDeleted={() => {
            navigate(`${SUBSCRIBERS_ROUTE}?unit=${encodeURIComponent(unit.id)}`);
            lists.reload();
          }}
        />
      ) : (
        lists.data && lists.data.items.length > 0 && <Text size="sm">{S.choose}</Text>
      )}
    </Stack>
  );
}

function NewListForm({ unitId, onDone }: { unitId: string; onDone: (id: string | null) => void }) {
  const { lang } = useI18n();
  const S = subscriberStrings(lang);
  const { notify, notifyError } = useNotify();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ListKind>('ho_gia_dinh');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      const list = await createList(unitId, { name, kind, description: description.trim() || null });
      notify('success', S.created);
      onDone(list.id);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" mb="sm" data-testid="subscriber-list-form">
      <TextInput label={S.fName} value={name} onChange={(e) => setName(e.currentTarget.value)} required w={260} data-testid="subscriber-list-name" />
      <NativeSelect
        label={S.fKind}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as ListKind)}
        data={LIST_KINDS.map((k) => ({ value: k, label: S.kinds[k] }))}
        w={220}
        data-testid="subscriber-list-kind"
      />
      <TextInput label={S.fDescription} value={description} onChange={(e) => setDescription(e.currentTarget.value)} w={260} />
      <Button onClick={() => void submit()} loading={busy} disabled={!name.trim()} data-testid="subscriber-list-create">
        {S.create}
      </Button>
      <Button variant="subtle" onClick={() => onDone(null)}>
        {S.cancel}
      </Button>
    </Group>
  );
}
