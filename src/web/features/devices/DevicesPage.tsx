// Thiết bị: the loudspeaker clusters and LED boards of a commune (or of every commune under a district or the
// province), their status and last contact; add one, import a file, and make, rotate or revoke access tokens
// (a new token is shown once, in a dialog).
import { Badge, Button, Checkbox, Code, CopyButton, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime, today } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading, UnitChooser } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useUnitParam } from '../../app/use-unit-param.ts';
import { DeviceMap } from '../map/maps.tsx';
import { mapStrings } from '../map/strings.ts';
import { AddDeviceForm, DeviceImportPanel } from './DeviceForms.tsx';
import { AudienceCell, ConnectionCell, OfflineList } from './DeviceHealth.tsx';
import { healthStrings } from './health-strings.ts';
import { issueCredential, listDevices, revokeCredential, type Credential, type Device } from './devices-api.ts';
import { deviceStrings } from './strings.ts';

export const DEVICES_ROUTE = '/devices';

const STATUS_COLOR = { active: 'green', maintenance: 'orange', retired: 'gray' } as const;

export function DevicesPage() {
  const { lang } = useI18n();
  const S = deviceStrings(lang);
  const { notify, notifyError } = useNotify();
  const [unit, setUnit] = useUnitParam(DEVICES_ROUTE);
  // On by default: a province's Sở owns no devices itself, its communes do (a commune sees its own either way).
  const [subtree, setSubtree] = useState(true);
  const devices = useAsync(() => listDevices(unit.id, subtree), [unit.id, subtree]);
  const manyUnits = new Set(devices.data?.items.map((d) => d.unitId)).size > 1;
  const [panel, setPanel] = useState<'add' | 'import' | null>(null);
  const [view, setView] = useState<'list' | 'map' | 'offline'>('list');
  const [credential, setCredential] = useState<{ device: Device; credential: Credential } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const makeToken = async (d: Device) => {
    if (d.credentialIssuedAt && !window.confirm(S.rotateConfirm(d.name))) return;
    setBusy(d.id);
    try {
      setCredential({ device: d, credential: await issueCredential(d.id) });
      devices.reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };
  const revoke = async (d: Device) => {
    if (!window.confirm(S.revokeConfirm(d.name))) return;
    setBusy(d.id);
    try {
      await revokeCredential(d.id);
      notify('success', S.revoked);
      devices.reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };
  const done = () => {
    setPanel(null);
    devices.reload();
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {S.title}
      </Title>
      <Paper withBorder p="sm">
        <UnitChooser label={S.unit} at={today()} value={unit} onChange={setUnit} testId="devices-unit" />
        <Group mt="xs" justify="space-between">
          <Text size="sm" c="dimmed">
            {S.intro(unit.name)}
          </Text>
          <Checkbox label={S.subtree} checked={subtree} onChange={(e) => setSubtree(e.currentTarget.checked)} data-testid="devices-subtree" />
        </Group>
      </Paper>
      <SegmentedControl
        aria-label={mapStrings(lang).viewLabel}
        data={[
          { value: 'list', label: mapStrings(lang).viewList },
          { value: 'map', label: mapStrings(lang).viewMap },
          { value: 'offline', label: healthStrings(lang).viewOffline },
        ]}
        value={view}
        onChange={(v) => setView(v === 'map' || v === 'offline' ? v : 'list')}
        style={{ alignSelf: 'flex-start' }}
        data-testid="devices-view"
      />
      <Paper withBorder p="sm" display={view === 'list' ? undefined : 'none'}>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h5">
            {S.devices}
          </Title>
          {devices.data?.capabilities.write && panel === null && (
            <Group gap="xs">
              <Button size="compact-sm" onClick={() => setPanel('add')} data-testid="device-new">
                + {S.add}
              </Button>
              <Button size="compact-sm" variant="light" onClick={() => setPanel('import')} data-testid="device-import-open">
                {S.importButton}
              </Button>
            </Group>
          )}
        </Group>
        {panel === 'add' && <AddDeviceForm unitId={unit.id} onDone={done} onCancel={() => setPanel(null)} />}
        {panel === 'import' && <DeviceImportPanel unitId={unit.id} onImported={done} onCancel={() => setPanel(null)} />}
        {devices.loading && !devices.data && <Loading />}
        {devices.error != null && <LoadError error={devices.error} onRetry={devices.reload} />}
        {devices.data && devices.data.items.length === 0 && <Text size="sm">{S.none}</Text>}
        {devices.data && devices.data.items.length > 0 && (
          <div className="loa-table-wrap">
            <Table verticalSpacing="xs" data-testid="devices-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{S.colName}</Table.Th>
                  <Table.Th>{S.colKind}</Table.Th>
                  {manyUnits && <Table.Th>{S.colUnit}</Table.Th>}
                  <Table.Th>{S.colVillage}</Table.Th>
                  <Table.Th>{S.colVendor}</Table.Th>
                  <Table.Th>{S.colSim}</Table.Th>
                  <Table.Th>{S.colStatus}</Table.Th>
                  <Table.Th>{healthStrings(lang).colOnline}</Table.Th>
                  <Table.Th>{healthStrings(lang).colAudience}</Table.Th>
                  <Table.Th>{S.colToken}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {devices.data.items.map((d) => (
                  <Table.Tr key={d.id} data-testid="device-row">
                    <Table.Td>{d.name}</Table.Td>
                    <Table.Td>{S.kinds[d.kind]}</Table.Td>
                    {manyUnits && <Table.Td>{d.unitName}</Table.Td>}
                    <Table.Td>{d.village ?? '—'}</Table.Td>
                    <Table.Td>{[d.vendor, d.model, d.serial].filter(Boolean).join(' / ') || '—'}</Table.Td>
                    <Table.Td>{d.simNumber ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLOR[d.status]} tt="none" styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}>
                        {S.statuses[d.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <ConnectionCell device={d} />
                    </Table.Td>
                    <Table.Td>
                      <AudienceCell device={d} audienceDefault={devices.data?.audienceDefault ?? 0} onSaved={devices.reload} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{d.credentialIssuedAt ? S.tokenSince(formatDateTime(d.credentialIssuedAt, lang)) : S.noToken}</Text>
                      {d.capabilities.write && d.status !== 'retired' && (
                        <Group gap={4} mt={4}>
                          <Button size="compact-xs" variant="light" loading={busy === d.id} onClick={() => void makeToken(d)} data-testid="device-token-make">
                            {d.credentialIssuedAt ? S.rotateToken : S.makeToken}
                          </Button>
                          {d.credentialIssuedAt && (
                            <Button size="compact-xs" variant="subtle" color="red" disabled={busy === d.id} onClick={() => void revoke(d)} data-testid="device-token-revoke">
                              {S.revokeToken}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
      {view === 'map' && (
        <Paper withBorder p="sm">
          {devices.data ? <DeviceMap unitId={unit.id} unitName={unit.name} devices={devices.data.items} /> : <Loading />}
        </Paper>
      )}
      {view === 'offline' && (
        <Paper withBorder p="sm">
          <OfflineList unitId={unit.id} subtree={subtree} />
        </Paper>
      )}
      <TokenDialog shown={credential} onClose={() => setCredential(null)} />
    </Stack>
  );
}

function TokenDialog({ shown, onClose }: { shown: { device: Device; credential: Credential } | null; onClose: () => void }) {
  const { lang } = useI18n();
  const S = deviceStrings(lang);
  const c = shown?.credential;
  const line = (label: string, value: string, testId: string) => (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code style={{ wordBreak: 'break-all' }} data-testid={testId}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="light" onClick={copy}>
              {copied ? S.copied : S.copy}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
  return (
    <Modal opened={shown !== null} onClose={onClose} title={shown ? `${S.tokenTitle}: ${shown.device.name}` : ''} size="lg" closeButtonProps={{ 'aria-label': S.cancel }}>
      {c && (
        <Stack gap="sm" data-testid="device-token-dialog">
          <Text size="sm" c="red">
            {S.tokenOnce}
          </Text>
          {line(S.tokenUser, c.username, 'device-token-username')}
          {line(S.tokenPassword, c.token, 'device-token-value')}
          <Text size="sm" fw={500}>
            {S.tokenTopics}
          </Text>
          <Code block>{[c.topics.cmd, c.topics.state, c.topics.log].join('\n')}</Code>
          <Group justify="flex-end">
            <Button onClick={onClose}>{S.close}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
