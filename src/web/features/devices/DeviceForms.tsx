// The add form and the import panel of the devices page. The import (app/SheetImportPanel.tsx) checks the file
// first (dry run: bad rows by line number, in Vietnamese); only a file without bad rows can then be imported.
import { Button, Group, NativeSelect, NumberInput, Paper, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { SheetImportPanel } from '../../app/SheetImportPanel.tsx';
import { DEVICE_KINDS, type DeviceKind } from '../../../shared/contracts/devices.ts';
import { createDevice, importDevices, type DeviceImportReport } from './devices-api.ts';
import { deviceStrings } from './strings.ts';

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const numberOrNull = (v: string | number) => (typeof v === 'number' ? v : null);

export function AddDeviceForm({ unitId, onDone, onCancel }: { unitId: string; onDone: () => void; onCancel: () => void }) {
  const { lang } = useI18n();
  const S = deviceStrings(lang);
  const { notify, notifyError } = useNotify();
  const [kind, setKind] = useState<DeviceKind>('loudspeaker_cluster');
  const [f, setF] = useState({ name: '', vendor: '', model: '', serial: '', simNumber: '', village: '', installedOn: '' });
  const [lat, setLat] = useState<string | number>('');
  const [lon, setLon] = useState<string | number>('');
  const [busy, setBusy] = useState(false);
  const field = (key: keyof typeof f, label: string, w = 180) => (
    <TextInput label={label} value={f[key]} onChange={(e) => setF({ ...f, [key]: e.currentTarget.value })} w={w} data-testid={`device-${key}`} />
  );
  const submit = async () => {
    setBusy(true);
    try {
      await createDevice(unitId, {
        kind,
        name: f.name,
        vendor: orNull(f.vendor),
        model: orNull(f.model),
        serial: orNull(f.serial),
        simNumber: orNull(f.simNumber),
        village: orNull(f.village),
        lat: numberOrNull(lat),
        lon: numberOrNull(lon),
        installedOn: orNull(f.installedOn),
      });
      notify('success', S.created);
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="sm" mb="sm" data-testid="device-form">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={S.fKind}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as DeviceKind)}
          data={DEVICE_KINDS.map((k) => ({ value: k, label: S.kinds[k] }))}
          w={200}
          data-testid="device-kind"
        />
        <TextInput label={S.fName} value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} required w={240} data-testid="device-name" />
        {field('village', S.fVillage)}
        {field('vendor', S.fVendor)}
        {field('model', S.fModel, 140)}
        {field('serial', S.fSerial)}
        {field('simNumber', S.fSim, 160)}
        <NumberInput label={S.fLat} value={lat} onChange={setLat} decimalScale={6} min={-90} max={90} w={130} hideControls />
        <NumberInput label={S.fLon} value={lon} onChange={setLon} decimalScale={6} min={-180} max={180} w={130} hideControls />
        <TextInput label={S.fInstalled} type="date" value={f.installedOn} onChange={(e) => setF({ ...f, installedOn: e.currentTarget.value })} w={170} />
        <Button onClick={() => void submit()} loading={busy} disabled={!f.name.trim()} data-testid="device-create">
          {S.create}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {S.cancel}
        </Button>
      </Group>
    </Paper>
  );
}

export function DeviceImportPanel({ unitId, onImported, onCancel }: { unitId: string; onImported: () => void; onCancel: () => void }) {
  const { lang } = useI18n();
  const S = deviceStrings(lang);
  return (
    <SheetImportPanel
      testId="device"
      inputId={`device-file-${unitId}`}
      heading={{ order: 3, size: 'h6' }}
      mb="sm"
      strings={S}
      run={(file, dryRun) => importDevices(unitId, file, dryRun)}
      toWrite={(r: DeviceImportReport) => r.added}
      importedMessage={(done) => S.imported(done.added)}
      onImported={onImported}
      summary={(report) => <Text size="sm">{S.preview(report.rows, report.added)}</Text>}
      footer={
        <Group justify="flex-end" mt="xs">
          <Button variant="subtle" onClick={onCancel}>
            {S.cancel}
          </Button>
        </Group>
      }
    />
  );
}
