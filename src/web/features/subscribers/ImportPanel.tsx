// Import a CSV/XLSX file into a list (app/SheetImportPanel.tsx): the check shows the counts, the numbers by
// telco, bad rows by line, duplicates merged and a preview; only a file without bad rows can be imported.
import { Badge, Group, Table, Text } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import { SheetImportPanel } from '../../app/SheetImportPanel.tsx';
import type { Telco } from '../../../shared/sms/phone.ts';
import { importFile, type ImportReport } from './subscribers-api.ts';
import { subscriberStrings } from './strings.ts';

export function ImportPanel({ listId, onImported }: { listId: string; onImported: () => void }) {
  const { lang } = useI18n();
  const S = subscriberStrings(lang);
  const status = { new: S.statusNew, update: S.statusUpdate, same: S.statusSame };

  return (
    <SheetImportPanel
      testId="subscriber"
      inputId={`subscriber-file-${listId}`}
      heading={{ order: 2, size: 'h5' }}
      strings={S}
      run={(file, dryRun) => importFile(listId, file, dryRun)}
      toWrite={(r: ImportReport) => r.added + r.updated}
      importedMessage={(done) => S.imported(done.added, done.updated)}
      onImported={onImported}
      summary={(report) => (
        <>
          <Text size="sm">{S.preview(report.rows, report.added, report.updated, report.unchanged, report.mergedInFile)}</Text>
          {Object.keys(report.byTelco).length > 0 && (
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                {S.byTelco}:
              </Text>
              {Object.entries(report.byTelco).map(([telco, n]) => (
                <Badge key={telco} variant="light">
                  {S.telcos[telco as Telco] ?? telco}: {n}
                </Badge>
              ))}
            </Group>
          )}
        </>
      )}
      details={(report) => (
        <>
          {report.notes.length > 0 && (
            <details>
              <summary>
                <Text size="sm" span>
                  {S.notesTitle} ({report.mergedInFile})
                </Text>
              </summary>
              {report.notes.map((n) => (
                <Text size="sm" key={`${n.line}`}>
                  {n.message}
                </Text>
              ))}
            </details>
          )}
          {report.sample.length > 0 && (
            <details>
              <summary>
                <Text size="sm" span>
                  {S.sampleTitle}
                </Text>
              </summary>
              <Table verticalSpacing={2} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{S.colLine}</Table.Th>
                    <Table.Th>{S.colName}</Table.Th>
                    <Table.Th>{S.colPhone}</Table.Th>
                    <Table.Th>{S.colTelco}</Table.Th>
                    <Table.Th>{S.colVillage}</Table.Th>
                    <Table.Th>{S.colStatus}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.sample.map((r) => (
                    <Table.Tr key={r.line}>
                      <Table.Td>{r.line}</Table.Td>
                      <Table.Td>{r.fullName ?? '—'}</Table.Td>
                      <Table.Td>{r.phone}</Table.Td>
                      <Table.Td>{S.telcos[r.telco]}</Table.Td>
                      <Table.Td>{r.village ?? '—'}</Table.Td>
                      <Table.Td>{status[r.status]}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </details>
          )}
        </>
      )}
    />
  );
}
