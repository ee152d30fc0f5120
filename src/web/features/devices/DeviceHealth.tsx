// The health parts of the devices page: a device's connection (trực tuyến / mất kết nối, last seen, volume and
// signal from its last heartbeat), its estimated listeners per play (editable by who may write), and the
// offline list tab (counts, devices silent longer than the setting, whether their commune was alerted).
import { Badge, Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { DeviceSettingsPanel } from './DeviceSettingsPanel.tsx';
import { updateDevice, type Device } from './devices-api.ts';
import { getDeviceHealth } from './health-api.ts';
import { healthStrings } from './health-strings.ts';
import { deviceStrings } from './strings.ts';

const badge = { root: { maxWidth: 'none' }, label: { overflow: 'visible' } } as const;

/** The connection column: online or not, last seen, volume and signal. */
export function ConnectionCell({ device }: { device: Device }) {
  const { lang } = useI18n();
  const H = healthStrings(lang);
  const state = device.online ? 'online' : device.lastSeenAt ? 'offline' : 'neverSeen';
  const detail = [
    device.lastSeenAt ? H.lastSeen(formatDateTime(device.lastSeenAt, lang)) : null,
    device.volume !== null ? H.volume(device.volume) : null,
    device.signalDbm !== null ? H.signal(device.signalDbm) : null,
  ].filter(Boolean);
  return (
    <Stack gap={2}>
      <Badge variant="light" color={state === 'online' ? 'green' : state === 'offline' ? 'red' : 'gray'} tt="none" styles={badge} data-testid="device-online">
        {H[state]}
      </Badge>
      {detail.length > 0 && (
        <Text size="xs" c="dimmed">
          {detail.join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

/** Estimated listeners per play: the device's own, or the default; an input and Save for who may write. */
export function AudienceCell({ device, audienceDefault, onSaved }: { device: Device; audienceDefault: number; onSaved: () => void }) {
  const { lang } = useI18n();
  const H = healthStrings(lang);
  const { notify, notifyError } = useNotify();
  const [value, setValue] = useState<number | ''>(device.audience ?? '');
  const [busy, setBusy] = useState(false);
  if (!device.capabilities.write) return <Text size="sm">{device.audience ?? H.audienceDefault(audienceDefault)}</Text>;
  const save = async () => {
    setBusy(true);
    try {
      await updateDevice(device.id, { audience: value === '' ? null : value });
      notify('success', H.audienceSaved);
      onSaved();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap={4} wrap="nowrap">
      <NumberInput
        aria-label={H.audienceLabel(device.name)}
        placeholder={H.audienceDefault(audienceDefault)}
        value={value}
        min={0}
        max={1_000_000}
        allowDecimal={false}
        onChange={(v) => setValue(typeof v === 'number' ? v : '')}
        w={120}
        size="xs"
        data-testid="device-audience"
      />
      <Button size="compact-xs" variant="light" loading={busy} disabled={value === (device.audience ?? '')} onClick={() => void save()}>
        {H.save}
      </Button>
    </Group>
  );
}

/** The offline list tab of a unit (with `subtree`, of every commune under it). */
export function OfflineList({ unitId, subtree }: { unitId: string; subtree: boolean }) {
  const { lang } = useI18n();
  const H = healthStrings(lang);
  const S = deviceStrings(lang);
  const res = useAsync(() => getDeviceHealth(unitId, subtree), [unitId, subtree]);
  if (res.loading && !res.data) return <Loading />;
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!res.data) return null;
  const { counts, offline, settings } = res.data;
  return (
    <Stack gap="xs" data-testid="devices-offline">
      <Title order={2} size="h5">
        {H.offlineTitle}
      </Title>
      <Text size="sm">{H.counts(counts)}</Text>
      <Text size="sm" c="dimmed">
        {H.offlineIntro(settings.onlineMinutes, settings.offlineAlertMinutes)}
      </Text>
      {offline.length === 0 ? (
        <Text size="sm">{H.noneOffline}</Text>
      ) : (
        <div className="loa-table-wrap">
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{S.colName}</Table.Th>
                <Table.Th>{S.colKind}</Table.Th>
                <Table.Th>{S.colUnit}</Table.Th>
                <Table.Th>{S.colVillage}</Table.Th>
                <Table.Th>{S.colSeen}</Table.Th>
                <Table.Th>{H.colAlert}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {offline.map((d) => (
                <Table.Tr key={d.id} data-testid="offline-row">
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>{S.kinds[d.kind]}</Table.Td>
                  <Table.Td>{d.unitName}</Table.Td>
                  <Table.Td>{d.village ?? '—'}</Table.Td>
                  <Table.Td>{d.lastSeenAt ? formatDateTime(d.lastSeenAt, lang) : H.neverSeen}</Table.Td>
                  <Table.Td>
                    {d.alerted && (
                      <Badge variant="light" color="red" tt="none" styles={badge}>
                        {H.alerted}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <DeviceSettingsPanel onSaved={res.reload} />
    </Stack>
  );
}
