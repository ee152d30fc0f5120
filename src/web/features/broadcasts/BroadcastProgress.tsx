// A campaign's audience preview (recipients by telco, total parts) before approval, and after it the live progress:
// a bar of the delivery states, counts by state and by telco, the failures with the SMSC error, the results export.
import { Anchor, Group, Paper, Progress as Bar, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { DELIVERY_STATES, listDeliveries, previewAudience, resultsUrl, type BroadcastView, type DeliveryState } from './broadcasts-api.ts';
import { FAILURE_STATES, summariseProgress } from './progress.ts';
import { broadcastStrings } from './strings.ts';

const STATE_COLORS: Record<DeliveryState, string> = {
  queued: 'gray.5',
  submitting: 'cyan.6',
  submitted: 'blue.6',
  delivered: 'green.8',
  failed: 'red.8',
  expired: 'orange.8',
  rejected: 'red.5',
  ambiguous: 'yellow.6',
};

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title} data-testid={testId}>
      <Stack gap="xs">
        <Title order={2} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function AudiencePreviewPanel({ broadcast }: { broadcast: BroadcastView }) {
  const { lang } = useI18n();
  const S = broadcastStrings(lang);
  const res = useAsync(() => previewAudience(broadcast.id), [broadcast.id, broadcast.smsText, broadcast.unaccented, broadcast.priority]);
  const p = res.data;
  return (
    <Section title={S.preview} testId="audience-preview">
      {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
      {!p && res.error == null && <Loading />}
      {p && (
        <>
          <Text size="sm" fw={600} data-testid="preview-recipients" data-n={p.recipients}>
            {S.previewRecipients(p.recipients)}
          </Text>
          <Text size="sm" data-testid="preview-parts" data-total={p.totalParts}>
            {S.previewParts(p.partsPerRecipient, p.totalParts)}
          </Text>
          {(p.optedOut ?? 0) > 0 && <Text size="sm">{S.previewOptedOut(p.optedOut ?? 0)}</Text>}
          {Object.keys(p.byTelco).length > 0 && (
            <Table verticalSpacing={4} maw={360} data-testid="preview-telcos">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{S.telco}</Table.Th>
                  <Table.Th ta="right">{S.count}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {Object.entries(p.byTelco)
                  .sort((a, b) => b[1] - a[1])
                  .map(([telco, n]) => (
                    <Table.Tr key={telco}>
                      <Table.Td>{S.telcos[telco] ?? telco}</Table.Td>
                      <Table.Td ta="right">{n}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Section>
  );
}

export function ProgressPanel({ broadcast, live }: { broadcast: BroadcastView; live: boolean }) {
  const { lang } = useI18n();
  const S = broadcastStrings(lang);
  const s = summariseProgress(broadcast.progress);
  const settledPct = s.total > 0 ? Math.round((s.settled / s.total) * 100) : 0;
  return (
    <Section title={S.progress} testId="broadcast-progress">
      <Text size="sm" data-testid="progress-label" data-settled={s.settled} data-total={s.total} data-delivered={s.delivered}>
        {S.progressLabel(s.settled, s.total)}
      </Text>
      <Bar.Root size="xl" aria-label={S.progressLabel(s.settled, s.total)} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={settledPct}>
        {s.sections.map((x) => (
          <Bar.Section key={x.state} value={x.percent} color={STATE_COLORS[x.state]} title={`${S.states[x.state]}: ${x.count}`} />
        ))}
      </Bar.Root>
      {live && (
        <Text size="xs" c="dimmed">
          {S.live}
        </Text>
      )}
      <Group gap="md" wrap="wrap" aria-label={S.byState} data-testid="progress-states">
        {s.sections.map((x) => (
          <Text key={x.state} size="sm" data-state={x.state} data-count={x.count}>
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                borderRadius: 2,
                marginRight: 4,
                background: `var(--mantine-color-${STATE_COLORS[x.state].replace('.', '-')})`,
              }}
            />
            {S.states[x.state]}: <b>{x.count}</b>
          </Text>
        ))}
      </Group>
      {s.telcos.length > 0 && (
        <div className="loa-table-wrap" tabIndex={0} role="region" aria-label={S.byTelco}>
          <Table verticalSpacing={4} striped data-testid="progress-telcos">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{S.telco}</Table.Th>
                {DELIVERY_STATES.map((st) => (
                  <Table.Th key={st} ta="right">
                    {S.states[st]}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{S.total}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.telcos.map((t) => (
                <Table.Tr key={t.telco} data-telco={t.telco}>
                  <Table.Td>{S.telcos[t.telco] ?? t.telco}</Table.Td>
                  {DELIVERY_STATES.map((st) => (
                    <Table.Td key={st} ta="right">
                      {t.byState[st]}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fw={600}>
                    {t.total}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {s.total > 0 && (
        <Anchor href={resultsUrl(broadcast.id)} download size="sm" data-testid="broadcast-export">
          {S.export}
        </Anchor>
      )}
    </Section>
  );
}

export function FailuresPanel({ broadcast }: { broadcast: BroadcastView }) {
  const { lang } = useI18n();
  const S = broadcastStrings(lang);
  const failed = FAILURE_STATES.reduce((n, st) => n + (broadcast.progress.byState[st] ?? 0), 0);
  const res = useAsync(() => Promise.all(FAILURE_STATES.map((state) => listDeliveries(broadcast.id, { state, limit: 100 }))).then((r) => r.flat()), [broadcast.id, failed]);
  return (
    <Section title={S.failures} testId="broadcast-failures">
      {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
      {res.data && res.data.length === 0 && <Text size="sm">{S.noFailures}</Text>}
      {res.data && res.data.length > 0 && (
        <div className="loa-table-wrap" tabIndex={0} role="region" aria-label={S.failures}>
          <Table verticalSpacing={4} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{S.phone}</Table.Th>
                <Table.Th>{S.telco}</Table.Th>
                <Table.Th>{S.state}</Table.Th>
                <Table.Th>{S.error}</Table.Th>
                <Table.Th ta="right">{S.attempts}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {res.data.map((d) => (
                <Table.Tr key={d.id} data-testid="failure-row" data-state={d.state}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.phone}</Table.Td>
                  <Table.Td>{S.telcos[d.telco] ?? d.telco}</Table.Td>
                  <Table.Td>{S.states[d.state]}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.error ?? '—'}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(d.updatedAt, lang)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{d.attempts}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Section>
  );
}
