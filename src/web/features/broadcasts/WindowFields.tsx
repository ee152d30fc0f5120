// The composer's daily send window ("07:00"–"21:00", local time), with the quiet hours in force as its hint.
import { Group, Input, Stack, TextInput } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { DEFAULT_SMS_SETTINGS, getSmsSettings } from './broadcasts-api.ts';
import { broadcastStrings } from './strings.ts';

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

export function WindowFields({
  start,
  end,
  onChange,
  error,
}: {
  start: string;
  end: string;
  onChange: (w: { windowStart: string; windowEnd: string }) => void;
  error?: string | undefined;
}) {
  const { lang } = useI18n();
  const S = broadcastStrings(lang);
  const settings = useAsync(() => getSmsSettings(), []);
  const q = settings.data?.settings ?? DEFAULT_SMS_SETTINGS;
  return (
    <Input.Wrapper label={S.fWindow} description={S.fWindowHint(`${hh(q.quietStartHour)}–${hh(q.quietEndHour)}`)} error={error}>
      <Stack gap={4} mt={4}>
        <Group gap="sm" wrap="wrap">
          <TextInput
            type="time"
            label={S.fWindowStart}
            value={start}
            onChange={(e) => onChange({ windowStart: e.currentTarget.value, windowEnd: end })}
            w={140}
            data-testid="f-window-start"
          />
          <TextInput
            type="time"
            label={S.fWindowEnd}
            value={end}
            onChange={(e) => onChange({ windowStart: start, windowEnd: e.currentTarget.value })}
            w={140}
            data-testid="f-window-end"
          />
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
