// Lịch phát sóng: a commune's broadcast programmes as a week calendar and a list (create, edit, delete), and
// its bulletin queue with "Xếp vào chương trình"; the province (or a district) sees every commune's programmes
// below it, read only.
import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDate, formatDateTime, today } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading, UnitChooser } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useUnitParam } from '../../app/use-unit-param.ts';
import { ProgrammeForm } from './ProgrammeForm.tsx';
import { WeekCalendar } from './WeekCalendar.tsx';
import { deleteProgramme, dismissQueued, listProgrammes, listQueue, placeQueued, type Programme, type QueueItem } from './programmes-api.ts';
import { programmeStrings } from './strings.ts';

export const PROGRAMMES_ROUTE = '/programmes';

const PRIORITY_COLOR = { thuong: 'gray', uu_tien: 'orange', khan_cap: 'red' } as const;

export function ProgrammesPage() {
  const { lang } = useI18n();
  const S = programmeStrings(lang);
  const { notify, notifyError } = useNotify();
  const [unit, setUnit] = useUnitParam(PROGRAMMES_ROUTE);
  const [subtree, setSubtree] = useState(false);
  const programmes = useAsync(() => listProgrammes(unit.id, subtree), [unit.id, subtree]);
  const queue = useAsync(() => (subtree ? Promise.resolve(null) : listQueue(unit.id)), [unit.id, subtree]);
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);
  const write = programmes.data?.capabilities.write === true && !subtree;

  const reload = () => {
    programmes.reload();
    queue.reload();
  };
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notify('success', done);
      reload();
    } catch (e) {
      notifyError(e);
    }
  };
  const remove = (p: Programme) => {
    if (window.confirm(S.removeConfirm(p.name))) void act(() => deleteProgramme(unit.id, p.id), S.removed);
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {S.title}
      </Title>
      <Paper withBorder p="sm">
        <UnitChooser label={S.unit} at={today()} value={unit} onChange={setUnit} testId="programmes-unit" />
        <Group mt="xs" justify="space-between">
          <Text size="sm" c="dimmed">
            {S.intro(unit.name)}
          </Text>
          <Checkbox label={S.subtree} checked={subtree} onChange={(e) => setSubtree(e.currentTarget.checked)} data-testid="programmes-subtree" />
        </Group>
      </Paper>
      {programmes.loading && !programmes.data && <Loading />}
      {programmes.error != null && <LoadError error={programmes.error} onRetry={programmes.reload} />}
      {programmes.data && (
        <>
          <Paper withBorder p="sm">
            <Title order={2} size="h5" mb="xs">
              {S.week}
            </Title>
            <WeekCalendar programmes={programmes.data.items} showUnit={subtree} />
          </Paper>
          <Paper withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h5">
                {S.programmes}
              </Title>
              {write && editing === null && (
                <Button size="compact-sm" onClick={() => setEditing('new')} data-testid="programme-new">
                  + {S.add}
                </Button>
              )}
            </Group>
            {editing !== null && (
              <ProgrammeForm
                key={editing === 'new' ? 'new' : editing.id}
                unitId={unit.id}
                programme={editing === 'new' ? null : editing}
                queue={queue.data?.items ?? []}
                onSaved={() => {
                  setEditing(null);
                  notify('success', S.saved);
                  reload();
                }}
                onCancel={() => setEditing(null)}
              />
            )}
            {programmes.data.items.length === 0 ? (
              <Text size="sm">{S.none}</Text>
            ) : (
              <ProgrammeTable items={programmes.data.items} showUnit={subtree} write={write} onEdit={setEditing} onRemove={remove} />
            )}
          </Paper>
          {queue.data && (
            <QueuePanel
              items={queue.data.items}
              programmes={programmes.data.items}
              write={queue.data.capabilities.write}
              onPlace={(q, programmeId) => void act(() => placeQueued(unit.id, q.bulletinId, programmeId), S.placed)}
              onDismiss={(q) => void act(() => dismissQueued(unit.id, q.bulletinId), S.dismissed)}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function ProgrammeTable({
  items,
  showUnit,
  write,
  onEdit,
  onRemove,
}: {
  items: Programme[];
  showUnit: boolean;
  write: boolean;
  onEdit: (p: Programme) => void;
  onRemove: (p: Programme) => void;
}) {
  const { lang } = useI18n();
  const S = programmeStrings(lang);
  return (
    <div className="loa-table-wrap">
      <Table verticalSpacing="xs" data-testid="programmes-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{S.colName}</Table.Th>
            {showUnit && <Table.Th>{S.colUnit}</Table.Th>}
            <Table.Th>{S.colDays}</Table.Th>
            <Table.Th>{S.colTime}</Table.Th>
            <Table.Th>{S.colValid}</Table.Th>
            <Table.Th>{S.colPlaylist}</Table.Th>
            {write && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} data-testid="programme-row">
              <Table.Td>{p.name}</Table.Td>
              {showUnit && <Table.Td>{p.unitName}</Table.Td>}
              <Table.Td>{p.days.map((d) => S.weekdays[d]).join(', ')}</Table.Td>
              <Table.Td>
                {p.startTime}–{p.endTime}
              </Table.Td>
              <Table.Td>{S.validRange(formatDate(p.validFrom, lang), p.validUntil ? formatDate(p.validUntil, lang) : null)}</Table.Td>
              <Table.Td>{p.playlist.length ? p.playlist.map((i) => i.title).join('; ') : S.emptyPlaylist}</Table.Td>
              {write && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="light" onClick={() => onEdit(p)} data-testid="programme-edit">
                      {S.edit}
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRemove(p)}>
                      {S.remove}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function QueuePanel({
  items,
  programmes,
  write,
  onPlace,
  onDismiss,
}: {
  items: QueueItem[];
  programmes: Programme[];
  write: boolean;
  onPlace: (q: QueueItem, programmeId: string) => void;
  onDismiss: (q: QueueItem) => void;
}) {
  const { lang } = useI18n();
  const S = programmeStrings(lang);
  const [target, setTarget] = useState<Record<string, string>>({});
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h5">
        {S.queue}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {S.queueIntro}
      </Text>
      {items.length === 0 ? (
        <Text size="sm">{S.queueNone}</Text>
      ) : (
        <div className="loa-table-wrap">
          <Table verticalSpacing="xs" data-testid="queue-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{S.colBulletin}</Table.Th>
                <Table.Th>{S.colPriority}</Table.Th>
                <Table.Th>{S.colStatus}</Table.Th>
                <Table.Th>{S.colQueued}</Table.Th>
                {write && <Table.Th>{S.place}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((q) => (
                <Table.Tr key={q.bulletinId} data-testid="queue-row">
                  <Table.Td>{q.title}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={PRIORITY_COLOR[q.priority]} tt="none" styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}>
                      {S.priorities[q.priority]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {q.programmeName ? `${S.statuses[q.status]}: ${q.programmeName}` : S.statuses[q.status]}
                    {q.urgent && (
                      <Badge ml={4} color="red" tt="none" styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}>
                        {S.urgent}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(q.queuedAt, lang)}</Table.Td>
                  {write && (
                    <Table.Td>
                      {q.status === 'dismissed' ? null : programmes.length === 0 ? (
                        <Text size="xs">{S.noProgrammeToPlace}</Text>
                      ) : (
                        <Group gap={4}>
                          <NativeSelect
                            w={200}
                            aria-label={S.placeIn}
                            size="xs"
                            data={programmes.map((p) => ({ value: p.id, label: `${p.name} (${p.startTime})` }))}
                            value={target[q.bulletinId] ?? q.programmeId ?? programmes[0]!.id}
                            onChange={(e) => setTarget({ ...target, [q.bulletinId]: e.currentTarget.value })}
                            data-testid="queue-programme"
                          />
                          <Button size="compact-xs" onClick={() => onPlace(q, target[q.bulletinId] ?? q.programmeId ?? programmes[0]!.id)} data-testid="queue-place">
                            {q.status === 'placed' ? S.move : S.place}
                          </Button>
                          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onDismiss(q)}>
                            {S.dismiss}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}
