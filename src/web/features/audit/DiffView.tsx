import { Checkbox, Code, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { diffObjects, formatValue, type Change } from './diff.ts';
import { auditStrings, type AuditStrings } from './strings.ts';

const CHANGE_LABEL = {
  added: 'changeAdded',
  removed: 'changeRemoved',
  changed: 'changeChanged',
  unchanged: 'changeUnchanged',
} as const satisfies Record<Change, keyof AuditStrings>;

export function DiffView({ before, after }: { before: unknown; after: unknown }) {
  const { lang } = useI18n();
  const auditText = auditStrings(lang);
  const [showAll, setShowAll] = useState(false);
  const [raw, setRaw] = useState(false);
  const rows = diffObjects(before, after);
  const visible = showAll ? rows : rows.filter((r) => r.change !== 'unchanged');

  return (
    <Stack gap="sm" className="loa-diff">
      <Checkbox label={auditText.showUnchanged} checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />
      <Checkbox label={auditText.showRaw} checked={raw} onChange={(e) => setRaw(e.currentTarget.checked)} />
      {raw ? (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {auditText.before}
          </Text>
          <Code block>{JSON.stringify(before, null, 2) ?? 'null'}</Code>
          <Text size="sm" fw={600}>
            {auditText.after}
          </Text>
          <Code block>{JSON.stringify(after, null, 2) ?? 'null'}</Code>
        </Stack>
      ) : visible.length === 0 ? (
        <Text size="sm">{auditText.noChanges}</Text>
      ) : (
        <div className="loa-table-wrap">
          <Table verticalSpacing={4} data-testid="audit-diff">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{auditText.field}</Table.Th>
                <Table.Th>{auditText.before}</Table.Th>
                <Table.Th>{auditText.after}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((r) => (
                <Table.Tr key={r.path} className={r.change === 'unchanged' ? undefined : `loa-diff-${r.change}`}>
                  <Table.Td>
                    <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
                      {r.path}
                    </Text>
                    <Text size="xs">{auditText[CHANGE_LABEL[r.change]]}</Text>
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
