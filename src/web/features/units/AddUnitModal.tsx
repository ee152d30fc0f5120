// "Thêm tổ chức": add an organisation under the given unit.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { ADDABLE_KINDS, errorMessage } from '../../api.ts';
import { createUnit, type Unit } from './units-api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { KindSelect } from '../../app/ui.tsx';
import { unitStrings } from './strings.ts';

/** Sensible default kind for a new organisation under a territorial unit. */
function defaultKind(parentKind: string): string {
  return parentKind === 'province' ? 'department' : parentKind === 'district' ? 'office' : 'other';
}

export function AddUnitModal({ opened, parent, onClose, onCreated }: { opened: boolean; parent: Unit; onClose: () => void; onCreated: (u: Unit) => void }) {
  const { t, lang } = useI18n();
  const unitText = unitStrings(lang);
  const { notify } = useNotify();
  const [name, setName] = useState('');
  const [kind, setKind] = useState(defaultKind(parent.kind));
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (opened) {
      setName('');
      setCode('');
      setKind(defaultKind(parent.kind));
      setError(null);
    }
  }, [opened, parent.kind]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setError(t('common.requiredField', { field: unitText.orgName }));
    setBusy(true);
    setError(null);
    try {
      const u = await createUnit({
        parentId: parent.id,
        name: name.trim(),
        kind,
        ...(code.trim() ? { code: code.trim() } : {}),
      });
      notify('success', unitText.orgCreated({ name: u.name }));
      onCreated(u);
    } catch (err) {
      setError(errorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={unitText.addOrg} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{unitText.addOrgUnder({ name: parent.name })}</Text>
          {error && (
            <Text c="red.8" size="sm" role="alert">
              {error}
            </Text>
          )}
          <TextInput label={unitText.orgName} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="org-name" data-autofocus />
          <KindSelect label={unitText.kind} required value={kind} onChange={setKind} kinds={ADDABLE_KINDS} testId="org-kind" />
          <TextInput label={unitText.codeOptional} value={code} onChange={(e) => setCode(e.currentTarget.value)} data-testid="org-code" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="org-submit">
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
