// The import panel of a CSV/XLSX table (subscribers, devices): the file is checked first (dry run: counts,
// bad rows by line number, in Vietnamese); only a file without bad rows can then be imported, all rows at
// once. Each feature gives its strings, its call and what its report shows beyond the bad rows.
import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useNotify } from './notify.tsx';
import { SHEET_IMPORT_ACCEPT, type RowMessage } from '../../shared/contracts/sheet-import.ts';

/** The report fields the panel reads (shared/contracts/sheet-import.ts). */
export interface SheetImportReport {
  errorCount: number;
  errors: RowMessage[];
}

export interface SheetImportStrings {
  importTitle: string;
  importHint: string;
  fileLabel: string;
  checking: string;
  rowErrors: (n: number) => string;
  moreErrors: (n: number) => string;
  confirmImport: (n: number) => string;
}

export function SheetImportPanel<R extends SheetImportReport>(props: {
  /** Prefix of the test ids: `<testId>-import`, `-import-file`, `-import-report`, `-import-errors`, `-import-confirm`. */
  testId: string;
  inputId: string;
  heading: { order: 2 | 3; size: 'h5' | 'h6' };
  strings: SheetImportStrings;
  /** The import call: a dry run first, then the real one. */
  run: (file: File, dryRun: boolean) => Promise<R>;
  /** Rows a real run would write (0: nothing to confirm). */
  toWrite: (report: R) => number;
  /** The success message after the real run. */
  importedMessage: (done: R) => string;
  onImported: () => void;
  /** What the report shows before its bad rows (counts) and after them (notes, a preview). */
  summary: (report: R) => ReactNode;
  details?: (report: R) => ReactNode;
  footer?: ReactNode;
  mb?: string;
}) {
  const { testId, strings: S, run, toWrite } = props;
  const { notify, notifyError } = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [busy, setBusy] = useState(false);
  // A new key empties the file input after an import.
  const [inputKey, setInputKey] = useState(0);

  const check = async (picked: File | null) => {
    setFile(picked);
    setReport(null);
    if (!picked) return;
    setBusy(true);
    try {
      setReport(await run(picked, true));
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
      const done = await run(file, false);
      notify('success', props.importedMessage(done));
      setFile(null);
      setReport(null);
      setInputKey((k) => k + 1);
      props.onImported();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="sm" mb={props.mb} data-testid={`${testId}-import`}>
      <Title order={props.heading.order} size={props.heading.size} mb={4}>
        {S.importTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {S.importHint}
      </Text>
      <Text component="label" htmlFor={props.inputId} size="sm" fw={500} display="block" mb={4}>
        {S.fileLabel}
      </Text>
      <input
        key={inputKey}
        id={props.inputId}
        type="file"
        accept={SHEET_IMPORT_ACCEPT}
        data-testid={`${testId}-import-file`}
        onChange={(e) => void check(e.currentTarget.files?.[0] ?? null)}
      />
      {busy && !report && (
        <Text size="sm" mt="xs">
          {S.checking}
        </Text>
      )}
      {report && (
        <Stack gap="xs" mt="sm" data-testid={`${testId}-import-report`}>
          {props.summary(report)}
          {report.errorCount > 0 && (
            <Alert color="red" title={S.rowErrors(report.errorCount)} data-testid={`${testId}-import-errors`}>
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
          {props.details?.(report)}
          {report.errorCount === 0 && toWrite(report) > 0 && (
            <Group>
              <Button onClick={() => void confirm()} loading={busy} data-testid={`${testId}-import-confirm`}>
                {S.confirmImport(toWrite(report))}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {props.footer}
    </Paper>
  );
}
