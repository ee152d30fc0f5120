// The audience of a campaign: units of the tree in force (each with its subtree), found with the shared unit search,
// and the subscriber lists of the unit (hidden when the server offers none).
import { Checkbox, CloseButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useAtDate } from '../../app/at-date.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { UnitSearchPicker } from '../../app/ui.tsx';
import { rememberUnitName, useUnitName } from '../../app/unit-names.ts';
import { useAsync } from '../../app/use-async.ts';
import { listSubscriberLists } from './broadcasts-api.ts';
import { broadcastStrings } from './strings.ts';

function PickedUnit({ id, onRemove }: { id: string; onRemove: () => void }) {
  const { lang } = useI18n();
  const S = broadcastStrings(lang);
  const name = useUnitName(id);
  return (
    <li data-testid="audience-unit">
      <Group gap={4} wrap="nowrap" justify="space-between">
        <Text size="sm">{name ?? '…'}</Text>
        <CloseButton size="sm" aria-label={S.removeUnit(name ?? id)} onClick={onRemove} />
      </Group>
    </li>
  );
}

export function AudiencePicker({
  ownerUnitId,
  unitIds,
  listIds,
  onChange,
  error,
}: {
  ownerUnitId: string;
  unitIds: string[];
  listIds: string[];
  onChange: (a: { unitIds: string[]; listIds: string[] }) => void;
  error?: string | undefined;
}) {
  const { lang } = useI18n();
  const S = broadcastStrings(lang);
  const [at] = useAtDate();
  const lists = useAsync(() => listSubscriberLists(ownerUnitId), [ownerUnitId]);
  const toggleList = (id: string) => onChange({ unitIds, listIds: listIds.includes(id) ? listIds.filter((x) => x !== id) : [...listIds, id] });

  return (
    <Paper withBorder p="sm" component="section" aria-label={S.audience} data-testid="audience">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {S.audience}
        </Title>
        <Text size="xs" c="dimmed">
          {S.audienceHint}
        </Text>
        {unitIds.length > 0 && (
          <ul style={{ margin: 0, paddingLeft: 18 }} aria-label={S.pickedUnits}>
            {unitIds.map((id) => (
              <PickedUnit key={id} id={id} onRemove={() => onChange({ unitIds: unitIds.filter((x) => x !== id), listIds })} />
            ))}
          </ul>
        )}
        <UnitSearchPicker
          label={S.addUnit}
          at={at}
          editions="current"
          excludeIds={unitIds}
          testId="audience-unit-search"
          onPick={(u) => {
            rememberUnitName(u.id, u.name);
            onChange({ unitIds: [...unitIds, u.id], listIds });
          }}
        />
        {lists.data && (
          <Stack gap={6} data-testid="audience-lists">
            <Text size="sm" fw={500}>
              {S.lists}
            </Text>
            {lists.data.length === 0 && (
              <Text size="sm" c="dimmed">
                {S.noLists}
              </Text>
            )}
            {lists.data.map((l) => (
              <Checkbox
                key={l.id}
                label={S.listCount(l.name, l.unitName, l.subscribers)}
                checked={listIds.includes(l.id)}
                onChange={() => toggleList(l.id)}
                data-testid="audience-list"
              />
            ))}
          </Stack>
        )}
        {error && (
          <Text c="red.8" size="sm" role="alert" data-testid="audience-error">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function UnitName({ id }: { id: string }) {
  return <>{useUnitName(id) ?? '…'}</>;
}

/** The audience as names (units, then subscriber lists), for the campaign's detail. */
export function AudienceSummary({ ownerUnitId, unitIds, listIds }: { ownerUnitId: string; unitIds: string[]; listIds: string[] }) {
  const { lang } = useI18n();
  const S = broadcastStrings(lang);
  const lists = useAsync(() => (listIds.length > 0 ? listSubscriberLists(ownerUnitId) : Promise.resolve([])), [ownerUnitId, listIds.join()]);
  const listNames = listIds.map((id) => lists.data?.find((l) => l.id === id)?.name ?? S.otherList);
  return (
    <Stack gap={2} data-testid="broadcast-audience">
      {unitIds.length > 0 && (
        <Text size="sm">
          {S.pickedUnits}:{' '}
          {unitIds.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <UnitName id={id} />
            </span>
          ))}
        </Text>
      )}
      {listIds.length > 0 && (
        <Text size="sm">
          {S.lists}: {listNames.join(', ')}
        </Text>
      )}
    </Stack>
  );
}
