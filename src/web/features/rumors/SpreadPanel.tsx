// How a case spread: reports per day (a small bar per day, split by channel) and per channel with its first report.
import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate, formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { clusterStrings } from './cluster-strings.ts';
import { caseSpread } from './clustering-api.ts';
import { RUMOR_CHANNELS, type RumorChannel } from './rumors-api.ts';
import { rumorStrings } from './strings.ts';

/** One colour per channel (shade 8: legible on white as text beside the bar). */
export const CHANNEL_COLORS: Record<RumorChannel, string> = {
  portal: 'var(--mantine-color-blue-8)',
  social: 'var(--mantine-color-violet-8)',
  staff: 'var(--mantine-color-teal-8)',
  monitoring: 'var(--mantine-color-orange-8)',
};

export function SpreadPanel({ caseId }: { caseId: string }) {
  const { lang } = useI18n();
  const C = clusterStrings(lang);
  const S = rumorStrings(lang);
  const res = useAsync(() => caseSpread(caseId), [caseId]);
  const s = res.data;
  const max = Math.max(1, ...(s?.byDay.map((d) => d.count) ?? [1]));
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {C.spreadTitle}
        </Title>
        {res.loading && !s && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {s && s.reportCount === 0 && <Text size="sm">{C.noSpread}</Text>}
        {s && s.reportCount > 0 && (
          <>
            <Text size="sm" data-testid="rumor-spread-summary">
              {C.spreadSummary(s.reportCount, s.informantCount)}
            </Text>
            <Group gap="md" wrap="wrap">
              {s.byChannel.map((ch) => (
                <Text key={ch.channel} size="sm">
                  <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, background: CHANNEL_COLORS[ch.channel], marginRight: 6 }} />
                  {S.channels[ch.channel]}: <strong>{ch.count}</strong> ({C.firstAt(formatDateTime(ch.firstAt, lang))})
                </Text>
              ))}
            </Group>
            <div className="loa-table-wrap">
              <Table verticalSpacing={4} data-testid="rumor-spread">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{C.spreadDay}</Table.Th>
                    <Table.Th>{C.spreadTotal}</Table.Th>
                    <Table.Th style={{ width: '60%' }}>{C.byChannel}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.byDay.map((d) => (
                    <Table.Tr key={d.day}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.day, lang)}</Table.Td>
                      <Table.Td>{d.count}</Table.Td>
                      <Table.Td>
                        <div
                          role="img"
                          aria-label={RUMOR_CHANNELS.flatMap((ch) => d.byChannel.filter((x) => x.channel === ch).map((x) => `${S.channels[ch]}: ${x.count}`)).join(', ')}
                          style={{ display: 'flex', height: 14, width: `${(d.count / max) * 100}%`, minWidth: 4 }}
                        >
                          {RUMOR_CHANNELS.flatMap((ch) => d.byChannel.filter((x) => x.channel === ch)).map((x) => (
                            <span key={x.channel} style={{ flex: x.count, background: CHANNEL_COLORS[x.channel] }} />
                          ))}
                        </div>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </>
        )}
      </Stack>
    </Paper>
  );
}
