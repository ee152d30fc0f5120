// Roll-up dashboard of one task: a unit (default: the user's own) and a period; totals per
// indicator, coverage, bars per child unit, a line over periods, the table with drill-down,
// late and missing units by name, and the XLSX / CSV / upward DOCX downloads. The SMS the system
// sent (the measured channel, SmsChannel.tsx) is shown beside the reported figures when there is any. For a task in a tree
// no longer in force, a toggle shows the rows in today's tree (old units summed into successors, marked).
import { Anchor, Badge, Breadcrumbs, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Switch, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useSession } from '../../app/session.tsx';
import { LoadError, Loading, UnitChooser } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { BarChart, CoverageBar, LineChart } from './charts.tsx';
import { figureText, formatKey, indicatorLabel, isNumericIndicator, numericValue, periodText, shortKey } from './format.ts';
import { exportUrl, getRollup, type Indicator, type Rollup, type RollupPeriod, type UnitRef } from './reports-api.ts';
import { SmsCells, SmsHeadCells, SmsTotalCard, hasSms } from './SmsChannel.tsx';
import { reportStrings } from './strings.ts';

interface Crumb {
  id: string;
  name: string;
}

/** True when no unit under the roll-up root is expected to report in any period. */
function nothingExpected(r: Rollup): boolean {
  return r.periods.every((p) => p.coverage.expected === 0);
}

export function RollupDashboard({ taskId }: { taskId: string }) {
  const { lang } = useI18n();
  const S = reportStrings(lang);
  const { me } = useSession();
  // The drill-down path; empty = the server's default root (the deepest unit above every assignee).
  const [stack, setStack] = useState<Crumb[]>([{ id: me.unitId, name: me.unitName }]);
  const [fellBack, setFellBack] = useState(false);
  const [periodKey, setPeriodKey] = useState<string | null>(null);
  const [indKey, setIndKey] = useState<string | null>(null);
  const [todayTree, setTodayTree] = useState(false);
  const tree = todayTree ? ('today' as const) : undefined;
  const unitId = stack.at(-1)?.id;
  const trend = useAsync(() => getRollup(taskId, { unitId, tree }), [taskId, unitId, tree]);

  // The user's own unit may hold none of the assignees (an office beside the communes): show the
  // task's natural root instead, once.
  const atOwnUnit = stack.length === 1 && stack[0]?.id === me.unitId;
  const ownUnitUseless =
    atOwnUnit && ((trend.error instanceof ApiError && (trend.error.status === 403 || trend.error.status === 404)) || (trend.data !== undefined && nothingExpected(trend.data)));
  useEffect(() => {
    if (ownUnitUseless && !fellBack) {
      setFellBack(true);
      setStack([]);
    }
  }, [ownUnitUseless, fellBack]);

  const data = trend.data;
  // The roll-up's unit in the task's tree: what the period focus, the downloads and drill-down use
  // (in today's tree, data.unit is today's province).
  const rootId = data?.tree.taskUnit.id;
  const mappedView = data?.tree.mode === 'today';
  const periods = data?.periods ?? [];
  const last = periods.at(-1);
  const sel: RollupPeriod | undefined = periods.find((p) => p.key === periodKey) ?? last;
  const needFocus = Boolean(data && sel && last && sel.key !== last.key);
  const showSms = periods.some(hasSms);
  const focusRes = useAsync(() => getRollup(taskId, { unitId: rootId, from: sel?.key, to: sel?.key, tree }), [taskId, rootId, sel?.key, tree], needFocus);
  const focus = needFocus ? (focusRes.data?.focus ?? null) : (data?.focus ?? null);

  const crumbs: Crumb[] = stack.length ? stack : data ? [data.tree.taskUnit] : [];
  const drill = (u: UnitRef) => setStack([...crumbs, { id: u.id, name: u.name }]);
  const numericInds = (data?.indicators ?? []).filter(isNumericIndicator);
  const chartInd: Indicator | undefined = numericInds.find((i) => i.key === indKey) ?? numericInds[0];
  const reload = () => {
    trend.reload();
    if (needFocus) focusRes.reload();
  };

  return (
    <Stack gap="md" data-testid="rollup">
      <Paper withBorder p="sm">
        <Group align="flex-end" justify="space-between" gap="sm" wrap="wrap">
          <Stack gap={4}>
            <UnitChooser
              key={crumbs[0]?.id ?? 'default'}
              label={S.unit}
              at={sel?.key ?? new Date().toISOString().slice(0, 10)}
              value={crumbs[0] ?? null}
              onChange={(u) => setStack([u])}
              testId="rollup-unit"
            />
            {crumbs.length > 1 && (
              <Breadcrumbs separator="›" aria-label={S.breadcrumb} data-testid="rollup-breadcrumbs">
                {crumbs.map((c, i) =>
                  i === crumbs.length - 1 ? (
                    <Text key={c.id} size="sm" fw={600}>
                      {c.name}
                    </Text>
                  ) : (
                    <Anchor key={c.id} component="button" type="button" size="sm" onClick={() => setStack(crumbs.slice(0, i + 1))}>
                      {c.name}
                    </Anchor>
                  ),
                )}
              </Breadcrumbs>
            )}
          </Stack>
          <Group align="flex-end" gap="sm" wrap="wrap">
            {periods.length > 0 && (
              <NativeSelect
                label={S.period}
                value={sel?.key ?? ''}
                onChange={(e) => setPeriodKey(e.currentTarget.value)}
                data={[...periods].reverse().map((p) => ({ value: p.key, label: periodText(p, S, lang) }))}
                data-testid="rollup-period"
              />
            )}
            <Button variant="default" onClick={reload} loading={trend.loading && Boolean(data)} data-testid="rollup-reload">
              {S.reload}
            </Button>
          </Group>
        </Group>
        {data?.tree.outOfForce && (
          <Stack gap={2} mt="sm">
            <Switch label={S.todayTree} checked={todayTree} onChange={(e) => setTodayTree(e.currentTarget.checked)} data-testid="rollup-today-tree" />
            {mappedView && (
              <Text size="xs" c="dimmed">
                {S.todayTreeHint}
              </Text>
            )}
          </Stack>
        )}
        {fellBack && data && (
          <Text size="xs" c="dimmed" mt={6}>
            {S.fallbackUnit(data.unit.name)}
          </Text>
        )}
      </Paper>

      {trend.loading && !data && <Loading />}
      {trend.error != null && !ownUnitUseless && <LoadError error={trend.error} onRetry={trend.reload} />}
      {data && !sel && <Text size="sm">{S.noData}</Text>}
      {data && sel && (
        <>
          <Title order={2} size="h4" data-testid="rollup-heading">
            {data.unit.name} · {S.focusFor(periodText(sel, S, lang))}
          </Title>
          <Paper withBorder p="sm">
            <Stack gap="sm">
              <CoverageBar coverage={sel.coverage} />
              <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
                {data.indicators.map((ind) => {
                  const f = sel.totals.find((x) => x.indicator === ind.key);
                  return (
                    <Paper key={ind.key} withBorder p="xs" bg="gray.0" data-testid="rollup-total" data-indicator={ind.key}>
                      <Text size="xs" c="dimmed">
                        {indicatorLabel(ind)}
                      </Text>
                      <Text size="xl" fw={700} data-testid="rollup-total-value">
                        {figureText(f?.value, ind, lang)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {S.reportedOf(f?.reported ?? 0)}
                      </Text>
                    </Paper>
                  );
                })}
                {showSms && <SmsTotalCard m={sel.measured} outside={sel.measuredOutside} />}
              </SimpleGrid>
            </Stack>
          </Paper>

          <Paper withBorder p="sm">
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end" wrap="wrap">
                <Title order={3} size="h5">
                  {S.byChild}
                </Title>
                {numericInds.length > 1 && chartInd && (
                  <NativeSelect
                    label={S.indicator}
                    value={chartInd.key}
                    onChange={(e) => setIndKey(e.currentTarget.value)}
                    data={numericInds.map((i) => ({ value: i.key, label: indicatorLabel(i) }))}
                    data-testid="rollup-indicator"
                  />
                )}
              </Group>
              {chartInd && sel.rows.length > 0 ? (
                <BarChart
                  title={S.chartBarTitle(chartInd.label, formatKey(sel.key, lang))}
                  testId="chart-bars"
                  data={sel.rows.map((r) => ({
                    id: r.unit.id,
                    label: r.unit.name,
                    value: numericValue(r.figures.find((f) => f.indicator === chartInd.key)?.value),
                  }))}
                />
              ) : (
                <Text size="sm">{S.noData}</Text>
              )}
              <Title order={3} size="h5">
                {S.trend}
              </Title>
              {chartInd && (
                <LineChart
                  title={S.chartLineTitle(chartInd.label)}
                  testId="chart-line"
                  data={periods.map((p) => ({
                    key: p.key,
                    label: shortKey(p.key),
                    value: numericValue(p.totals.find((f) => f.indicator === chartInd.key)?.value),
                  }))}
                />
              )}
            </Stack>
          </Paper>

          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Title order={3} size="h5">
                {S.table}
              </Title>
              <div className="loa-table-wrap">
                <Table striped highlightOnHover verticalSpacing="xs" data-testid="rollup-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{S.colUnit}</Table.Th>
                      {data.indicators.map((ind) => (
                        <Table.Th key={ind.key} style={{ textAlign: 'right' }}>
                          {indicatorLabel(ind)}
                        </Table.Th>
                      ))}
                      <Table.Th style={{ textAlign: 'right' }}>{S.colCoverage}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{S.colLate}</Table.Th>
                      {showSms && <SmsHeadCells />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {sel.rows.map((r) => {
                      const drillable = !mappedView && r.expected > 1 && r.unit.id !== data.unit.id;
                      return (
                        <Table.Tr key={r.unit.id} data-testid="rollup-row" data-unit-id={r.unit.id} data-mapped={r.mapped || undefined}>
                          <Table.Td>
                            {drillable ? (
                              <UnstyledButton onClick={() => drill(r.unit)} aria-label={S.drill(r.unit.name)} c="blue.8" fz="sm" td="underline" data-testid="rollup-drill">
                                {r.unit.name}
                              </UnstyledButton>
                            ) : (
                              <Text size="sm">{r.unit.name}</Text>
                            )}
                            {r.mapped && (
                              <Text size="xs" c="dimmed" data-testid="rollup-formed-from">
                                <Badge color="grape" variant="light" tt="none" radius="sm" size="xs" mr={4}>
                                  {S.mappedFrom}
                                </Badge>
                                {S.formedFrom(r.formedFrom.map((u) => u.name).join(', '))}
                              </Text>
                            )}
                          </Table.Td>
                          {data.indicators.map((ind) => (
                            <Table.Td key={ind.key} style={{ textAlign: 'right' }}>
                              {figureText(r.figures.find((f) => f.indicator === ind.key)?.value, ind, lang)}
                            </Table.Td>
                          ))}
                          <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                            {r.reported}/{r.expected}
                          </Table.Td>
                          <Table.Td style={{ textAlign: 'right' }}>{r.late || '—'}</Table.Td>
                          {showSms && <SmsCells m={r.measured} />}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr style={{ fontWeight: 700 }}>
                      <Table.Th>{S.totalRow}</Table.Th>
                      {data.indicators.map((ind) => (
                        <Table.Th key={ind.key} style={{ textAlign: 'right' }}>
                          {figureText(sel.totals.find((f) => f.indicator === ind.key)?.value, ind, lang)}
                        </Table.Th>
                      ))}
                      <Table.Th style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                        {sel.coverage.reported}/{sel.coverage.expected}
                      </Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{sel.coverage.late || '—'}</Table.Th>
                      {showSms && <SmsCells m={sel.measured} head />}
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </div>
              {showSms && (
                <Text size="xs" c="dimmed" data-testid="rollup-sms-hint">
                  {S.smsChannel}: {S.smsHint}
                </Text>
              )}
            </Stack>
          </Paper>

          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <UnitList title={S.lateUnits} units={focus?.lateUnits} color="orange" testId="rollup-late" loading={needFocus && focusRes.loading} />
            <UnitList title={S.missingUnits} units={focus?.missingUnits} color="red" testId="rollup-missing" loading={needFocus && focusRes.loading} />
          </SimpleGrid>

          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Title order={3} size="h5">
                {S.downloads}
              </Title>
              <Group gap="sm" wrap="wrap">
                <Button component="a" href={exportUrl(taskId, 'xlsx', { unitId: rootId, period: sel.key })} variant="default" data-testid="download-xlsx">
                  {S.downloadXlsx}
                </Button>
                <Button component="a" href={exportUrl(taskId, 'csv', { unitId: rootId, period: sel.key })} variant="default" data-testid="download-csv">
                  {S.downloadCsv}
                </Button>
                <Button component="a" href={exportUrl(taskId, 'docx', { unitId: rootId, period: sel.key })} data-testid="download-docx">
                  {S.upwardReport}
                </Button>
                <Button component="a" href={exportUrl(taskId, 'pdf', { unitId: rootId, period: sel.key })} variant="default" data-testid="download-pdf">
                  {S.upwardReportPdf}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {S.upwardHint}
              </Text>
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}

function UnitList({ title, units, color, testId, loading }: { title: string; units: UnitRef[] | undefined; color: string; testId: string; loading: boolean }) {
  const { lang } = useI18n();
  const S = reportStrings(lang);
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title} ({units?.length ?? 0})
        </Title>
        {loading && <Loading />}
        {!loading && (units?.length ?? 0) === 0 && <Text size="sm">{S.none}</Text>}
        {!loading && units && units.length > 0 && (
          <Group gap={6}>
            {units.map((u) => (
              <Badge key={u.id} color={color} variant="light" tt="none" radius="sm" data-testid={`${testId}-unit`}>
                {u.name}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
