// "Cài đặt theo dõi thiết bị" under the offline list, for those who may change it (settings.write, said by the server):
// when a device counts as offline, when its commune is alerted, and the default listeners per play.
import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { useAsync } from '../../app/use-async.ts';
import { DEVICE_SETTINGS_LIMITS, getDeviceSettings, saveDeviceSettings, type DeviceSettings } from './health-api.ts';
import { healthStrings } from './health-strings.ts';

export function DeviceSettingsPanel({ onSaved }: { onSaved: () => void }) {
  const { lang } = useI18n();
  const H = healthStrings(lang);
  const { notify, notifyError } = useNotify();
  const res = useAsync(() => getDeviceSettings(), []);
  const [form, setForm] = useState<DeviceSettings | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setForm(res.data?.settings ?? null), [res.data]);
  if (!res.data?.capabilities.write || !form) return null;

  const field = (key: keyof DeviceSettings, label: string, min: number, max: number) => (
    <NumberInput
      label={label}
      value={form[key]}
      min={min}
      max={max}
      allowDecimal={false}
      clampBehavior="strict"
      onChange={(v) => setForm((f) => f && { ...f, [key]: typeof v === 'number' ? v : min })}
      w={{ base: '100%', xs: 240 }}
      data-testid={`device-setting-${key}`}
    />
  );
  const save = async () => {
    setBusy(true);
    try {
      const out = await saveDeviceSettings(form);
      res.setData(() => out);
      notify('success', H.settingsSaved);
      onSaved();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" component="section" aria-label={H.settingsTitle} mt="md">
      <Title order={3} size="h6">
        {H.settingsTitle}
      </Title>
      <Group align="flex-end" gap="sm">
        {field('onlineMinutes', H.settingOnline, 1, DEVICE_SETTINGS_LIMITS.minutes)}
        {field('offlineAlertMinutes', H.settingAlert, 1, DEVICE_SETTINGS_LIMITS.minutes)}
        {field('defaultAudience', H.settingAudience, 0, DEVICE_SETTINGS_LIMITS.audience)}
        <Button loading={busy} onClick={() => void save()}>
          {H.save}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {H.offlineIntro(form.onlineMinutes, form.offlineAlertMinutes)}
      </Text>
    </Stack>
  );
}
