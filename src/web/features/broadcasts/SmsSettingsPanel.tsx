// "Cài đặt SMS" on the SMS page, for those who may change it (settings.write, said by the server): the quiet hours,
// the daily cap of ordinary messages per subscriber and the maximum parts of a message. Broadcasts read them at approval.
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { useAsync } from '../../app/use-async.ts';
import { getSmsSettings, saveSmsSettings, SMS_SETTINGS_LIMITS, type SmsSettings } from './broadcasts-api.ts';
import { broadcastStrings } from './strings.ts';

export function SmsSettingsPanel() {
  const { lang } = useI18n();
  const S = broadcastStrings(lang);
  const { notify } = useNotify();
  const res = useAsync(() => getSmsSettings(), []);
  const [form, setForm] = useState<SmsSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setForm(res.data?.settings ?? null), [res.data]);
  // Shown only to those who may change the settings; the others see their effect in the composer's hints.
  if (!res.data?.capabilities.write || !form) return null;

  const field = (key: keyof SmsSettings, label: string, min: number, max: number) => (
    <NumberInput
      label={label}
      value={form[key]}
      min={min}
      max={max}
      allowDecimal={false}
      clampBehavior="strict"
      onChange={(v) => setForm((f) => f && { ...f, [key]: typeof v === 'number' ? v : min })}
      w={{ base: '100%', xs: 200 }}
      data-testid={`sms-setting-${key}`}
    />
  );

  async function save(): Promise<void> {
    if (!form) return;
    setBusy(true);
    setError(null);
    try {
      const out = await saveSmsSettings(form);
      res.setData(() => out);
      notify('success', S.settingsSaved);
    } catch (err) {
      setError(errorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label={S.settingsTitle} data-testid="sms-settings">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {S.settingsTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {S.settingsIntro}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          {field('quietStartHour', S.quietStart, 0, 23)}
          {field('quietEndHour', S.quietEnd, 0, 23)}
          {field('dailyCap', S.dailyCap, 1, SMS_SETTINGS_LIMITS.dailyCap)}
          {field('maxParts', S.maxParts, 1, SMS_SETTINGS_LIMITS.maxParts)}
        </Group>
        {error && (
          <Text c="red.8" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button onClick={() => void save()} loading={busy} data-testid="sms-settings-save">
            {S.settingsSave}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
