// The composer's live counter under the SMS text: characters, encoding, parts per recipient, the total for the
// audience, the "bỏ dấu" switch with what it saves, and a warning above the maximum parts.
import { Alert, Badge, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import { countSms } from './counter.ts';
import { broadcastStrings } from './strings.ts';

export function SmsCounter({
  text,
  unaccented,
  onUnaccented,
  recipients,
}: {
  text: string;
  unaccented: boolean;
  onUnaccented: (v: boolean) => void;
  /** Recipients of the audience when known (the preview of a saved draft). */
  recipients: number | null;
}) {
  const { lang } = useI18n();
  const S = broadcastStrings(lang);
  const m = countSms({ text, unaccented, recipients });
  return (
    <Paper withBorder p="xs" bg="gray.0" data-testid="sms-counter" aria-live="polite">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" data-testid="sms-characters">
            {S.characters(m.characters)}
          </Text>
          <Badge variant="light" color={m.encoding === 'gsm7' ? 'green' : 'blue'} tt="none" radius="sm" data-testid="sms-encoding" data-encoding={m.encoding}>
            {S.encoding[m.encoding]}
          </Badge>
          <Text size="sm" fw={600} data-testid="sms-parts" data-parts={m.parts}>
            {S.parts(m.parts)}
          </Text>
          <Text size="xs" c="dimmed">
            {S.left(m.unitsLeft)}
          </Text>
        </Group>
        <Text size="sm" data-testid="sms-total">
          {m.totalParts === null || recipients === null ? S.totalUnknown : S.totalParts(m.totalParts, recipients)}
        </Text>
        <Switch
          label={S.fUnaccented}
          checked={unaccented}
          onChange={(e) => onUnaccented(e.currentTarget.checked)}
          description={
            m.savedParts > 0
              ? `${S.saving(m.savedParts)}${m.savedTotal === null ? '' : ` ${S.savingTotal(m.savedTotal)}`}`
              : unaccented && m.alternative.parts !== m.parts
                ? S.accentedCost(m.alternative.parts)
                : undefined
          }
          data-testid="f-unaccented"
        />
        {unaccented && m.textToSend && (
          <Stack gap={2}>
            <Text size="xs" fw={500}>
              {S.textToSend}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="sms-text-to-send">
              {m.textToSend}
            </Text>
          </Stack>
        )}
        {m.overMaxParts && (
          <Alert color="red" role="alert" p="xs" data-testid="sms-over-max">
            {S.overMax(m.parts, m.maxParts)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
