// Import a CSV/XLSX file into a list: the file is checked first (dry run: counts, bad rows by line, duplicates
// merged, a preview); only a file without bad rows can then be imported, all rows in one go.
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { SHEET_IMPORT_ACCEPT } from '../../../shared/contracts/sheet-import.ts';
import type { Telco } from '../../../shared/sms/phone.ts';
import { importFile, type ImportReport } from './subscribers-api.ts';
import { subscriberStrings } from './strings.ts';

export function ImportPanel({ listId, onImported }: { listId: string; onImported: () => void }) {
  const { lang } = useI18n();
  const S = subscriberStrings(lang);
  const { notify, notifyError } = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  // A new key empties the file input after an import.
  const [inputKey, setInputKey] = useState(0);

  const check = async (f: File | null) => {
    setFile(f);
    setReport(null);
    if (!f) return;
    setBusy(true);
    try {
      setReport(await importFile(listId, f, true));
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const done = await importFile(listId, file, false);
      notify('success', S.imported(done.added, done.updated));
      setFile(null);
      setReport(null);
      setInputKey((k) => k + 1);
      onImported();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const status = { new: S.statusNew, update: S.statusUpdate, same: S.statusSame };

  return (
    <Paper withBorder p="sm" data-testid="subscriber-import">
      <Title order={2} size="h5" mb={4}>
        {S.importTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {S.importHint}
      </Text>
      <Text component="label" htmlFor={`subscriber-file-${listId}`} size="sm" fw={500} display="block" mb={4}>
        {S.fileLabel}
      </Text>
      <input
        key={inputKey}
        id={`subscriber-file-${listId}`}
        type="file"
        accept={SHEET_IMPORT_ACCEPT}
        data-testid="subscriber-import-file"
        onChange={(e) => void check(e.currentTarget.files?.[0] ?? null)}
      />
      {busy && !report && (
        <Text size="sm" mt="xs">
          {S.checking}
        </Text>
      )}
      {report && (
        <Stack gap="xs" mt="sm" data-testid="subscriber-import-report">
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
          {report.errorCount > 0 && (
            <Alert color="red" title={S.rowErrors(report.errorCount)} data-testid="subscriber-import-errors">
              <Table verticalSpacing={2} fz="sm">
                <Table.Tbody>
                  {report.errors.map((e) => (
                    <Table.Tr key={`${e.line}-${e.message}`}>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {report.errorCount > report.errors.length && <Text size="sm">{S.moreErrors(report.errorCount - report.errors.length)}</Text>}
            </Alert>
          )}
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
          {report.errorCount === 0 && report.added + report.updated > 0 && (
            <Group>
              <Button onClick={() => void confirm()} loading={busy} data-testid="subscriber-import-confirm">
                {S.confirmImport(report.added + report.updated)}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  );
}
