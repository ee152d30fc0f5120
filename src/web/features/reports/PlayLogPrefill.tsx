// On a task's page, for the unit that reports: its figures of the open period from the play logs of its
// loudspeakers and LED boards, as the submission page pre-fills them ("từ nhật ký phát").
import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { CHANNEL_LABELS } from '../../../shared/contracts/tasks.ts';
import type { Channel } from '../../../shared/contracts/tasks.ts';
import { getPrefill, type Indicator } from './reports-api.ts';
import { reportStrings } from './strings.ts';

export function PlayLogPrefill({ taskId, unitId, period, indicators }: { taskId: string; unitId: string; period: string; indicators: readonly Indicator[] }) {
  const { lang } = useI18n();
  const S = reportStrings(lang);
  const res = useAsync(() => getPrefill(taskId, unitId, period), [taskId, unitId, period]);
  if (!res.data) return null;
  const { values, label } = res.data;
  const shown = indicators.filter((i) => values[i.key] !== undefined);
  return (
    <Stack gap={4} data-testid="report-prefill">
      <Group gap="xs">
        <Text size="sm" fw={700}>
          {S.prefillTitle}
        </Text>
        <Badge variant="light" tt="none">
          {label}
        </Badge>
      </Group>
      {shown.length === 0 ? (
        <Text size="sm">{S.prefillNone}</Text>
      ) : (
        <List size="sm">
          {shown.map((i) => {
            const v = values[i.key]!;
            const text =
              typeof v === 'number'
                ? String(v)
                : `${v.total} (${Object.entries(v.channels)
                    .map(([ch, n]) => `${CHANNEL_LABELS[ch as Channel]} ${n}`)
                    .join('; ')})`;
            return (
              <List.Item key={i.key}>
                {i.label}: <b>{text}</b>
                {i.unit ? ` ${i.unit}` : ''}
              </List.Item>
            );
          })}
        </List>
      )}
      <Text size="xs" c="dimmed">
        {S.prefillHint}
      </Text>
    </Stack>
  );
}
