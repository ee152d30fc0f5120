import { Checkbox, Code, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import type { MessageKey } from '../../i18n.ts';
import { diffObjects, formatValue, type Change } from './diff.ts';

const CHANGE_LABEL: Record<Change, MessageKey> = {
  added: 'audit.changeAdded',
  removed: 'audit.changeRemoved',
  changed: 'audit.changeChanged',
  unchanged: 'audit.changeUnchanged',
};

export function DiffView({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const [raw, setRaw] = useState(false);
  const rows = diffObjects(before, after);
  const visible = showAll ? rows : rows.filter((r) => r.change !== 'unchanged');

  return (
    <Stack gap="sm" className="loa-diff">
      <Checkbox label={t('audit.showUnchanged')} checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />
      <Checkbox label={t('audit.showRaw')} checked={raw} onChange={(e) => setRaw(e.currentTarget.checked)} />
      {raw ? (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('audit.before')}
          </Text>
          <Code block>{JSON.stringify(before, null, 2) ?? 'null'}</Code>
          <Text size="sm" fw={600}>
            {t('audit.after')}
          </Text>
          <Code block>{JSON.stringify(after, null, 2) ?? 'null'}</Code>
        </Stack>
      ) : visible.length === 0 ? (
        <Text size="sm">{t('audit.noChanges')}</Text>
      ) : (
        <div className="loa-table-wrap">
          <Table verticalSpacing={4} data-testid="audit-diff">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.field')}</Table.Th>
                <Table.Th>{t('audit.before')}</Table.Th>
                <Table.Th>{t('audit.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((r) => (
                <Table.Tr key={r.path} className={r.change === 'unchanged' ? undefined : `loa-diff-${r.change}`}>
                  <Table.Td>
                    <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
                      {r.path}
                    </Text>
                    <Text size="xs">{t(CHANGE_LABEL[r.change])}</Text>
                  </Table.Td>
                  <Table.Td>
                    <pre>{r.change === 'added' ? '—' : formatValue(r.before)}</pre>
                  </Table.Td>
                  <Table.Td>
                    <pre>{r.change === 'removed' ? '—' : formatValue(r.after)}</pre>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
