// Units page: as-of date, search, lazy tree and the detail panel.
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useAtDate } from '../../app/at-date.ts';
import { today } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hasRole, useSession } from '../../app/session.tsx';
import { UnitSearchPicker } from '../../app/ui.tsx';
import { navigate } from '../../router.tsx';
import { UnitDetailPanel } from './UnitDetail.tsx';
import { UnitTree } from './UnitTree.tsx';
import { useUnitTree } from './use-unit-tree.ts';
import { unitStrings } from './strings.ts';

export function UnitsPage({ selectedId }: { selectedId: string | null }) {
  const { lang } = useI18n();
  const unitText = unitStrings(lang);
  const [at, setAt] = useAtDate();
  const [draftAt, setDraftAt] = useState(at);
  const tree = useUnitTree(at);
  const [revealPath, setRevealPath] = useState<string[] | null>(null);

  useEffect(() => setDraftAt(at), [at]);

  // Expand the ancestors of the selected unit once the roots are there
  // (after a search pick, a deep link, or a date change).
  const rootsLoaded = tree.state.roots.status === 'loaded';
  const { reveal } = tree;
  useEffect(() => {
    if (rootsLoaded && revealPath) reveal(revealPath);
  }, [rootsLoaded, revealPath, reveal]);

  const select = useCallback((id: string) => navigate(`/units/${encodeURIComponent(id)}`), []);

  // Everyone but a system administrator (who browses the whole country) opens the tree at their
  // own unit: its branch expanded, its details beside it.
  const { me } = useSession();
  const home = hasRole(me, 'system_admin') ? null : me.unitId;
  useEffect(() => {
    if (!selectedId && home) navigate(`/units/${encodeURIComponent(home)}`, { replace: true });
  }, [selectedId, home]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={1} size="h3">
          {unitText.title}
        </Title>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            type="date"
            label={unitText.atDate}
            value={draftAt}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setDraftAt(v);
              if (v) setAt(v);
            }}
            data-testid="at-date"
            w={170}
          />
          <Button variant="default" onClick={() => setAt(today())} disabled={at === today()}>
            {unitText.today}
          </Button>
        </Group>
      </Group>

      <div className="loa-split">
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <UnitSearchPicker label={unitText.search} at={at} testId="unit-search" onPick={(u) => select(u.id)} />
            <Text size="xs" c="dimmed">
              {unitText.treeHelp}
            </Text>
            <UnitTree tree={tree} selectedId={selectedId} onSelect={select} />
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-label={unitText.detail}>
          {selectedId ? (
            <UnitDetailPanel
              key={selectedId}
              unitId={selectedId}
              onPath={(ancestorIds) => setRevealPath(ancestorIds)}
              onUnitCreated={(parentId) => tree.refreshChildren(parentId)}
            />
          ) : (
            <Text size="sm">{unitText.selectHint}</Text>
          )}
        </Paper>
      </div>
    </Stack>
  );
}
