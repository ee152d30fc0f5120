// Assignees × occurrences: each cell Chưa thực hiện / Đang thực hiện / Hoàn thành / Quá hạn.
import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { periodText, shortKey } from './format.ts';
import { CELL_STATUSES, getMatrix, type CellStatus, type MatrixCell } from './reports-api.ts';
import { reportStrings } from './strings.ts';

/** Background / text colours per status (AA contrast on the light backgrounds). */
const COLORS: Record<CellStatus, { bg: string; fg: string }> = {
  not_started: { bg: 'var(--mantine-color-gray-2)', fg: 'var(--mantine-color-gray-9)' },
  in_progress: { bg: 'var(--mantine-color-blue-1)', fg: 'var(--mantine-color-blue-9)' },
  done: { bg: 'var(--mantine-color-green-1)', fg: 'var(--mantine-color-green-9)' },
  overdue: { bg: 'var(--mantine-color-red-1)', fg: 'var(--mantine-color-red-9)' },
};

function StatusChip({ status, late, label }: { status: CellStatus; late?: boolean; label: string }) {
  const c = COLORS[status];
  return (
    <span
      style={{
        display: 'inline-block',
        padding: '2px 8px',
        borderRadius: 4,
        background: c.bg,
        color: c.fg,
        fontSize: 12,
        fontWeight: 600,
        whiteSpace: 'nowrap',
        border: late ? '2px solid var(--mantine-color-orange-6)' : '2px solid transparent',
      }}
    >
      {label}
    </span>
  );
}

export function MatrixView({ taskId }: { taskId: string }) {
  const { lang } = useI18n();
  const S = reportStrings(lang);
  const res = useAsync(() => getMatrix(taskId), [taskId]);

  const cellLabel = (c: MatrixCell) => (c.status === 'done' && c.late ? `${S.status.done} (${S.lateMark})` : S.status[c.status]);

  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap" aria-label={S.matrixLegend}>
          {CELL_STATUSES.map((s) => (
            <StatusChip key={s} status={s} label={S.status[s]} />
          ))}
          <StatusChip status="done" late label={`${S.status.done} (${S.lateMark})`} />
        </Group>
        {res.loading && !res.data && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {res.data && res.data.periods.length === 0 && <Text size="sm">{S.matrixEmpty}</Text>}
        {res.data && res.data.periods.length > 0 && (
          <div className="loa-table-wrap">
            <Table verticalSpacing={4} withColumnBorders data-testid="task-matrix">
              <caption style={{ captionSide: 'top', textAlign: 'left', fontSize: 13, paddingBottom: 4 }}>{S.matrixCaption}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ position: 'sticky', left: 0, background: 'var(--mantine-color-body)' }}>{S.matrixUnit}</Table.Th>
                  {res.data.periods.map((p) => (
                    <Table.Th key={p.key} style={{ whiteSpace: 'nowrap' }} title={periodText(p, S, lang)}>
                      {shortKey(p.key)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {res.data.rows.map((r) => (
                  <Table.Tr key={r.unit.id} data-testid="matrix-row" data-unit-id={r.unit.id}>
                    <Table.Th scope="row" style={{ position: 'sticky', left: 0, background: 'var(--mantine-color-body)', fontWeight: 500, whiteSpace: 'nowrap' }}>
                      {r.unit.name}
                    </Table.Th>
                    {r.cells.map((c) => (
                      <Table.Td key={c.period} data-testid="matrix-cell" data-status={c.status} data-late={c.late ? 'true' : 'false'}>
                        <StatusChip status={c.status} late={c.late} label={cellLabel(c)} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
