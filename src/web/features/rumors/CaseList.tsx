// The desk's cases: filters by status, verdict and severity, a search box (the server folds diacritics), the
// overdue badge, how many reported each case and when last, its assignee; kept in the URL so "back" restores them.
import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync, useDebounced } from '../../app/use-async.ts';
import { href, Link, navigate, useRoute } from '../../router.tsx';
import { useSession } from '../../app/session.tsx';
import { OverdueBadge, SeverityBadge, StatusBadge, VerdictBadge } from './badges.tsx';
import { RUMOR_SEVERITIES, RUMOR_STATUSES, RUMOR_VERDICTS, listCases, type CaseFilters } from './rumors-api.ts';
import { mayWriteCases } from './rumors-roles.ts';
import { RumorsTabs } from './RumorsTabs.tsx';
import { rumorStrings } from './strings.ts';

const PAGE = 50;

const pick = <T extends string>(all: readonly T[], v: string | null): T | undefined => (v !== null && (all as readonly string[]).includes(v) ? (v as T) : undefined);

/** The filters as the URL holds them (unknown values dropped). */
export function filtersFromQuery(q: URLSearchParams): CaseFilters {
  const offset = Number(q.get('offset') ?? 0);
  return {
    status: pick(RUMOR_STATUSES, q.get('status')),
    verdict: pick(RUMOR_VERDICTS, q.get('verdict')),
    severity: pick(RUMOR_SEVERITIES, q.get('severity')),
    q: q.get('q')?.trim() || undefined,
    mine: q.get('mine') === '1' || undefined,
    offset: Number.isInteger(offset) && offset > 0 ? offset : undefined,
  };
}

export function queryFromFilters(f: CaseFilters): string {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.verdict) p.set('verdict', f.verdict);
  if (f.severity) p.set('severity', f.severity);
  if (f.q) p.set('q', f.q);
  if (f.mine) p.set('mine', '1');
  if (f.offset) p.set('offset', String(f.offset));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function CaseList() {
  const { lang } = useI18n();
  const S = rumorStrings(lang);
  const { me } = useSession();
  const route = useRoute();
  const filters = filtersFromQuery(route.query);
  const key = queryFromFilters(filters);
  const set = (patch: Partial<CaseFilters>) => navigate(`/rumors${queryFromFilters({ ...filters, offset: undefined, ...patch })}`, { replace: true });

  const [text, setText] = useState(filters.q ?? '');
  const typed = useDebounced(text.trim(), 350);
  useEffect(() => {
    if (typed !== (filters.q ?? '')) set({ q: typed || undefined });
    // Only when the typed text settles.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  const res = useAsync(() => listCases({ ...filters, limit: PAGE }), [key]);
  const cases = res.data?.cases;
  const total = res.data?.total ?? 0;
  const offset = filters.offset ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h3">
          {S.title}
        </Title>
        {mayWriteCases(me) && (
          <Button component="a" href={href('/rumors/new')} data-testid="rumor-new-report">
            + {S.newReport}
          </Button>
        )}
      </Group>
      <RumorsTabs />
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="search"
            label={S.search}
            placeholder={S.searchPlaceholder}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: '1 1 260px', minWidth: 0 }}
            data-testid="rumor-search"
          />
          <NativeSelect
            label={S.status}
            value={filters.status ?? ''}
            onChange={(e) => set({ status: pick(RUMOR_STATUSES, e.currentTarget.value) })}
            data={[{ value: '', label: S.allStatuses }, ...RUMOR_STATUSES.map((s) => ({ value: s, label: S.statuses[s] }))]}
            w={{ base: '100%', xs: 180 }}
            data-testid="rumor-filter-status"
          />
          <NativeSelect
            label={S.verdict}
            value={filters.verdict ?? ''}
            onChange={(e) => set({ verdict: pick(RUMOR_VERDICTS, e.currentTarget.value) })}
            data={[{ value: '', label: S.allVerdicts }, ...RUMOR_VERDICTS.map((v) => ({ value: v, label: S.verdicts[v] }))]}
            w={{ base: '100%', xs: 180 }}
            data-testid="rumor-filter-verdict"
          />
          <NativeSelect
            label={S.severity}
            value={filters.severity ?? ''}
            onChange={(e) => set({ severity: pick(RUMOR_SEVERITIES, e.currentTarget.value) })}
            data={[{ value: '', label: S.allSeverities }, ...RUMOR_SEVERITIES.map((v) => ({ value: v, label: S.severities[v] }))]}
            w={{ base: '100%', xs: 160 }}
            data-testid="rumor-filter-severity"
          />
          <Checkbox label={S.mine} checked={filters.mine ?? false} onChange={(e) => set({ mine: e.currentTarget.checked || undefined })} mb={8} />
        </Group>
        <Text size="sm" c="dimmed" mt="xs">
          {S.intro}
        </Text>
      </Paper>
      <Paper withBorder p="sm">
        {res.loading && !res.data && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {cases && cases.length === 0 && <Text size="sm">{S.empty}</Text>}
        {cases && cases.length > 0 && (
          <Stack gap="xs">
            <div className="loa-table-wrap">
              <Table striped highlightOnHover verticalSpacing="xs" data-testid="rumor-cases">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{S.colCase}</Table.Th>
                    <Table.Th>{S.colStatus}</Table.Th>
                    <Table.Th>{S.colSeverity}</Table.Th>
                    <Table.Th>{S.colReports}</Table.Th>
                    <Table.Th>{S.colLastReport}</Table.Th>
                    <Table.Th>{S.colAssignee}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cases.map((c) => (
                    <Table.Tr key={c.id} data-testid="rumor-case-row" data-id={c.id}>
                      <Table.Td style={{ minWidth: 220 }}>
                        <Link to={`/rumors/${encodeURIComponent(c.id)}`}>{c.title}</Link>
                        <Text size="xs" c="dimmed">
                          {c.code} · {c.unitName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="wrap">
                          <StatusBadge status={c.status} />
                          {c.verdict && c.conclusionState === 'approved' && <VerdictBadge verdict={c.verdict} />}
                        </Group>
                        {c.conclusionState === 'proposed' && (
                          <Text size="xs" c="orange.9">
                            {c.verdict ? S.proposedVerdict(S.verdicts[c.verdict]) : S.proposed}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="wrap">
                          <SeverityBadge severity={c.severity} />
                          {c.overdue && <OverdueBadge />}
                        </Group>
                        {c.respondBy && c.status !== 'concluded' && (
                          <Text size="xs" c={c.overdue ? 'red.8' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                            {S.respondBy(formatDateTime(c.respondBy, lang))}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td data-testid="rumor-report-count">{c.reportCount}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.lastReportAt, lang)}</Table.Td>
                      <Table.Td>{c.assignee?.name ?? S.unassigned}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" c="dimmed">
                {total > PAGE ? S.page(offset + 1, offset + cases.length, total) : S.total(total)}
              </Text>
              {total > PAGE && (
                <Group gap="xs">
                  <Button size="xs" variant="default" disabled={offset === 0} onClick={() => set({ offset: Math.max(0, offset - PAGE) || undefined })}>
                    {S.prev}
                  </Button>
                  <Button size="xs" variant="default" disabled={offset + PAGE >= total} onClick={() => set({ offset: offset + PAGE })}>
                    {S.next}
                  </Button>
                </Group>
              )}
            </Group>
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
