import { Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { updateContacts, type Contacts } from './units-api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { fromDraft, invalidEmails, invalidPhones, splitList, toDraft, type ContactsDraft } from './contacts.ts';
import { unitStrings } from './strings.ts';

export function ContactsEditor({ unitId, contacts, editable, onSaved }: { unitId: string; contacts: Contacts; editable: boolean; onSaved: (c: Contacts) => void }) {
  const { t, lang } = useI18n();
  const unitText = unitStrings(lang);
  const { notify, notifyError } = useNotify();
  const [draft, setDraft] = useState<ContactsDraft>(() => toDraft(contacts));
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);

  const badEmails = invalidEmails(splitList(draft.emails));
  const badPhones = invalidPhones(splitList(draft.phones));
  const set = (k: keyof ContactsDraft) => (v: string) => {
    setTouched(true);
    setDraft((d) => ({ ...d, [k]: v }));
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    if (badEmails.length || badPhones.length) return;
    setBusy(true);
    try {
      const saved = await updateContacts(unitId, fromDraft(draft));
      onSaved(saved);
      setDraft(toDraft(saved));
      setTouched(false);
      notify('success', unitText.contactsSaved);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!editable) {
    return (
      <Stack gap={4}>
        <Title order={3} size="h5">
          {unitText.contactsTitle}
        </Title>
        <Text size="sm">
          {unitText.contactsEmails}: {contacts.emails.join(', ') || '—'}
        </Text>
        <Text size="sm">
          {unitText.contactsPhones}: {contacts.phones.join(', ') || '—'}
        </Text>
        <Text size="sm">
          {unitText.contactsAddress}: {contacts.address ?? '—'}
        </Text>
        <Text size="sm">
          {unitText.contactsWebsite}: {contacts.website ?? '—'}
        </Text>
      </Stack>
    );
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-labelledby="contacts-title" data-testid="contacts-form">
      <Stack gap="sm">
        <Title order={3} size="h5" id="contacts-title">
          {unitText.contactsTitle}
        </Title>
        <Textarea
          label={unitText.contactsEmails}
          description={unitText.contactsOnePerLine}
          autosize
          minRows={2}
          maxRows={6}
          value={draft.emails}
          onChange={(e) => set('emails')(e.currentTarget.value)}
          error={badEmails.length ? unitText.contactsBadEmails({ list: badEmails.join(', ') }) : undefined}
          inputMode="email"
          data-testid="contacts-emails"
        />
        <Textarea
          label={unitText.contactsPhones}
          description={unitText.contactsOnePerLine}
          autosize
          minRows={2}
          maxRows={6}
          value={draft.phones}
          onChange={(e) => set('phones')(e.currentTarget.value)}
          error={badPhones.length ? unitText.contactsBadPhones({ list: badPhones.join(', ') }) : undefined}
          inputMode="tel"
          data-testid="contacts-phones"
        />
        <TextInput label={unitText.contactsAddress} value={draft.address} onChange={(e) => set('address')(e.currentTarget.value)} data-testid="contacts-address" />
        <TextInput
          label={unitText.contactsWebsite}
          type="url"
          inputMode="url"
          placeholder="https://"
          value={draft.website}
          onChange={(e) => set('website')(e.currentTarget.value)}
          data-testid="contacts-website"
        />
        <Group gap="sm">
          <Button type="submit" loading={busy} disabled={!touched} data-testid="contacts-save">
            {t('common.save')}
          </Button>
          {touched && (
            <Button
              variant="subtle"
              onClick={() => {
                setDraft(toDraft(contacts));
                setTouched(false);
              }}
            >
              {t('common.undo')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
