import { Button, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage, type Role } from '../../api.ts';
import { createUser, updateUser, type User } from './users-api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useLastNonNull } from '../../app/use-async.ts';
import { useNotify } from '../../app/notify.tsx';
import { RolesField } from '../../app/ui.tsx';
import type { UnitRef } from '../../app/use-unit-param.ts';
import { invalidEmails } from '../units/contacts.ts';
import { authStrings } from '../../features/auth/strings.ts';
import { userStrings } from './strings.ts';

export function UserFormModal({ target, unit, onClose, onSaved }: { target: User | 'new' | null; unit: UnitRef; onClose: () => void; onSaved: (u: User) => void }) {
  const { t, lang } = useI18n();
  const authText = authStrings(lang);
  const userText = userStrings(lang);
  const { notify } = useNotify();
  const shown = useLastNonNull(target);
  const isNew = shown === 'new';
  const existing = shown && shown !== 'new' ? shown : null;

  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [disabled, setDisabled] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);

  useEffect(() => {
    if (!target) return;
    setUsername(existing?.username ?? '');
    setDisplayName(existing?.displayName ?? '');
    setEmail(existing?.email ?? '');
    setRoles(existing?.roles ?? ['viewer']);
    setDisabled(existing?.disabled ?? false);
    setError(null);
    setShowErrors(false);
  }, [target, existing]);

  const errs = {
    username: isNew && !/^[a-zA-Z0-9._-]{3,50}$/.test(username.trim()) ? userText.usernameRule : undefined,
    displayName: !displayName.trim() ? t('common.requiredField', { field: userText.displayName }) : undefined,
    email: isNew && (!email.trim() || invalidEmails([email.trim()]).length > 0) ? userText.emailRule : undefined,
    roles: roles.length === 0 ? userText.rolesRule : undefined,
  };
  const valid = !Object.values(errs).some(Boolean);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setShowErrors(true);
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      if (isNew) {
        const u = await createUser({
          username: username.trim(),
          displayName: displayName.trim(),
          email: email.trim(),
          unitId: unit.id,
          roles,
        });
        notify('success', userText.invited({ email: u.email ?? email.trim() }));
        onSaved(u);
      } else if (existing) {
        const u = await updateUser(existing.id, { displayName: displayName.trim(), roles, disabled });
        notify('success', userText.saved({ name: u.displayName }));
        onSaved(u);
      }
    } catch (err) {
      setError(errorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  }

  const show = (m: string | undefined) => (showErrors ? m : undefined);
  return (
    <Modal opened={target !== null} onClose={onClose} title={isNew ? userText.create : userText.edit} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {t('common.unit')}: <b>{existing?.unitName ?? unit.name}</b>
          </Text>
          {error && (
            <Text c="red.8" size="sm" role="alert">
              {error}
            </Text>
          )}
          {isNew ? (
            <TextInput
              label={authText.username}
              required
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={show(errs.username)}
              data-testid="user-username"
              data-autofocus
            />
          ) : (
            <Text size="sm">
              {authText.username}: <b>{existing?.username}</b>
            </Text>
          )}
          <TextInput
            label={userText.displayName}
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={show(errs.displayName)}
            data-testid="user-display-name"
          />
          {isNew ? (
            <TextInput
              label={userText.email}
              description={userText.emailHint}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={show(errs.email)}
              data-testid="user-email"
            />
          ) : (
            <Text size="sm">
              {userText.email}: {existing?.email ?? '—'}
            </Text>
          )}
          <RolesField value={roles} onChange={setRoles} error={show(errs.roles)} />
          {!isNew && <Switch label={userText.disableAccount} checked={disabled} onChange={(e) => setDisabled(e.currentTarget.checked)} color="red" data-testid="user-disabled" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="user-submit">
              {isNew ? userText.createAndInvite : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
