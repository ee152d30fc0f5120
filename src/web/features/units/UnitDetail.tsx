// Detail panel for one unit: breadcrumb, facts, contacts editor, add organisation.
import { Anchor, Breadcrumbs, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { getUnit } from './units-api.ts';
import { formatDate } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { isAdmin, useSession } from '../../app/session.tsx';
import { kindLabel, LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { href } from '../../router.tsx';
import { AddUnitModal } from './AddUnitModal.tsx';
import { ContactsEditor } from './ContactsEditor.tsx';
import { unitStrings } from './strings.ts';

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

export function UnitDetailPanel({ unitId, onPath, onUnitCreated }: { unitId: string; onPath: (ancestorIds: string[]) => void; onUnitCreated: (parentId: string) => void }) {
  const { lang } = useI18n();
  const unitText = unitStrings(lang);
  const { me } = useSession();
  const admin = isAdmin(me);
  const res = useAsync(() => getUnit(unitId), [unitId]);
  const [adding, setAdding] = useState(false);

  const detail = res.data;
  useEffect(() => {
    if (detail) onPath(detail.path.map((p) => p.id).filter((id) => id !== detail.unit.id));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail]);

  if (res.loading && !detail) return <Loading />;
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!detail) return null;
  const { unit, path, contacts } = detail;
  const crumbs = path.length > 0 && path[path.length - 1]?.id === unit.id ? path.slice(0, -1) : path;

  const validity =
    unit.validFrom && unit.validTo
      ? `${formatDate(unit.validFrom, lang)} – ${formatDate(unit.validTo, lang)}`
      : unit.validFrom
        ? unitText.since({ date: formatDate(unit.validFrom, lang) })
        : unit.validTo
          ? unitText.until({ date: formatDate(unit.validTo, lang) })
          : unitText.always;

  return (
    <Stack gap="md" data-testid="unit-detail">
      {crumbs.length > 0 && (
        <nav aria-label={unitText.breadcrumb}>
          <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap' }}>
            {crumbs.map((p) => (
              <Anchor key={p.id} href={href(`/units/${encodeURIComponent(p.id)}`)} size="sm">
                {p.name}
              </Anchor>
            ))}
            <Text size="sm" span aria-current="page">
              {unit.name}
            </Text>
          </Breadcrumbs>
        </nav>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Title order={2} size="h4" data-testid="unit-detail-name">
          {unit.name}
        </Title>
        {admin && (
          <Button size="sm" onClick={() => setAdding(true)} data-testid="add-org">
            + {unitText.addOrg}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Fact label={unitText.kind} value={kindLabel(lang, unit.kind)} testId="unit-kind" />
        <Fact label={unitText.code} value={unit.code ?? '—'} testId="unit-code" />
        <Fact label={unitText.validity} value={validity} />
        <Fact label={unitText.childCount} value={String(unit.childCount)} />
      </SimpleGrid>
      {(['formedFrom', 'nowPartOf'] as const).map((side) =>
        detail.history[side].length ? (
          <Text size="sm" key={side} data-testid={`unit-${side}`}>
            <Text span fw={500}>
              {unitText[side]}:{' '}
            </Text>
            {detail.history[side].map((u, i) => (
              <span key={u.id}>
                {i > 0 && ', '}
                <Anchor href={href(`/units/${encodeURIComponent(u.id)}`)} size="sm">
                  {u.name}
                </Anchor>
                {u.partial && ` ${unitText.partOfSplit}`}
              </span>
            ))}
          </Text>
        ) : null,
      )}
      <Group gap="xs">
        <Button component="a" variant="light" size="xs" href={href(`/groups?unit=${encodeURIComponent(unit.id)}`)}>
          {unitText.groupsOfUnit}
        </Button>
        {admin && (
          <Button component="a" variant="light" size="xs" href={href(`/users?unit=${encodeURIComponent(unit.id)}`)}>
            {unitText.usersOfUnit}
          </Button>
        )}
      </Group>

      <ContactsEditor unitId={unit.id} contacts={contacts} editable={admin} onSaved={(c) => res.setData((d) => (d ? { ...d, contacts: c } : d))} />

      <AddUnitModal
        opened={adding}
        parent={unit}
        onClose={() => setAdding(false)}
        onCreated={() => {
          setAdding(false);
          res.reload();
          onUnitCreated(unit.id);
        }}
      />
    </Stack>
  );
}
