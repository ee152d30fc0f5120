// Số liệu: cases received, verified, corrected and handed to the police by channel and by period (day, week,
// month) for the desk's unit subtree; a small bar per period.
import { NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, Group } from '@mantine/core';
import { useState } from 'react';
import { formatDate, isValidIsoDate } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useSession } from '../../app/session.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { FIGURE_BUCKETS, FIGURE_MEASURES, figures, type FigureBucket } from './monitoring-api.ts';
import { monitoringStrings } from './monitoring-strings.ts';
import { RumorsTabs } from './RumorsTabs.tsx';
import { rumorStrings } from './strings.ts';

const MEASURE_COLORS = { received: 'blue.8', verified: 'green.9', corrected: 'violet.8', police: 'red.8' } as const;

export function FiguresPage() {
  const { lang } = useI18n();
  const M = monitoringStrings(lang);
  const S = rumorStrings(lang);
  const { me } = useSession();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [bucket, setBucket] = useState<FigureBucket>('day');
  const q = { unitId: me.unitId, bucket, ...(isValidIsoDate(from) ? { from } : {}), ...(isValidIsoDate(to) ? { to } : {}) };
  const res = useAsync(() => figures(q), [me.unitId, bucket, q.from, q.to]);
  const f = res.data;
  const max = Math.max(1, ...(f?.periods.map((p) => p.received) ?? [1]));
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {M.figuresTitle}
      </Title>
      <RumorsTabs />
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput type="date" label={M.from} value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={{ base: '100%', xs: 180 }} data-testid="rumor-figures-from" />
          <TextInput type="date" label={M.to} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={{ base: '100%', xs: 180 }} />
          <NativeSelect
            label={M.bucket}
            value={bucket}
            onChange={(e) => setBucket(e.currentTarget.value as FigureBucket)}
            data={FIGURE_BUCKETS.map((b) => ({ value: b, label: M.buckets[b] }))}
            w={{ base: '100%', xs: 140 }}
          />
        </Group>
        <Text size="sm" c="dimmed" mt="xs">
          {M.figuresIntro}
        </Text>
      </Paper>
      {res.loading && !f && <Loading />}
      {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
      {f && (
        <>
          <Text size="sm">{M.range(formatDate(f.from, lang), formatDate(f.to, lang))}</Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="rumor-figures-totals">
            {FIGURE_MEASURES.map((m) => (
              <Paper key={m} withBorder p="sm">
                <Text size="xs" c="dimmed">
                  {M.measures[m]}
                </Text>
                <Text size="xl" fw={700} c={MEASURE_COLORS[m]} data-testid={`rumor-figure-${m}`}>
                  {f.totals[m]}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Paper withBorder p="sm">
            <Title order={2} size="h4" mb="xs">
              {M.byChannel}
            </Title>
            <div className="loa-table-wrap">
              <Table verticalSpacing={4} data-testid="rumor-figures-channels">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{M.channel}</Table.Th>
                    <Table.Th>{M.reports}</Table.Th>
                    {FIGURE_MEASURES.map((m) => (
                      <Table.Th key={m}>{M.measures[m]}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {f.byChannel.map((r) => (
                    <Table.Tr key={r.channel}>
                      <Table.Td>{S.channels[r.channel]}</Table.Td>
                      <Table.Td>{r.reports}</Table.Td>
                      {FIGURE_MEASURES.map((m) => (
                        <Table.Td key={m}>{r[m]}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </Paper>
          <Paper withBorder p="sm">
            <Title order={2} size="h4" mb="xs">
              {M.byPeriod}
            </Title>
            <div className="loa-table-wrap">
              <Table verticalSpacing={4} data-testid="rumor-figures-periods">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{M.period}</Table.Th>
                    {FIGURE_MEASURES.map((m) => (
                      <Table.Th key={m}>{M.measures[m]}</Table.Th>
                    ))}
                    <Table.Th style={{ width: '30%' }}>{M.measures.received}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {f.periods.map((p) => (
                    <Table.Tr key={p.start}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.start, lang)}</Table.Td>
                      {FIGURE_MEASURES.map((m) => (
                        <Table.Td key={m}>{p[m]}</Table.Td>
                      ))}
                      <Table.Td>
                        <div aria-hidden style={{ height: 12, width: `${(p.received / max) * 100}%`, background: 'var(--mantine-color-blue-8)', borderRadius: 2 }} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </Paper>
        </>
      )}
    </Stack>
  );
}
