import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api.ts';
import { changePassword } from './auth-api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { authStrings } from './strings.ts';

export const MIN_PASSWORD_LENGTH = 8;

export function PasswordPage() {
  const { lang } = useI18n();
  const authText = authStrings(lang);
  const { notify } = useNotify();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const tooShort = next.length > 0 && next.length < MIN_PASSWORD_LENGTH;
  const mismatch = confirm.length > 0 && confirm !== next;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!current || !next) return setError(authText.passwordRequired);
    if (next.length < MIN_PASSWORD_LENGTH) return setError(authText.passwordTooShort({ n: MIN_PASSWORD_LENGTH }));
    if (next !== confirm) return setError(authText.passwordMismatch);
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      notify('success', authText.passwordChanged);
    } catch (err) {
      setError(errorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  }

  const toggle = { 'aria-label': authText.togglePassword };
  return (
    <Paper withBorder p="lg" maw={460}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Title order={1} size="h3">
            {authText.passwordTitle}
          </Title>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <PasswordInput
            label={authText.passwordCurrent}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            visibilityToggleButtonProps={toggle}
            data-testid="password-current"
          />
          <PasswordInput
            label={authText.passwordNew}
            description={authText.passwordHint({ n: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
            value={next}
            error={tooShort ? authText.passwordTooShort({ n: MIN_PASSWORD_LENGTH }) : undefined}
            onChange={(e) => setNext(e.currentTarget.value)}
            visibilityToggleButtonProps={toggle}
            data-testid="password-new"
          />
          <PasswordInput
            label={authText.passwordConfirm}
            autoComplete="new-password"
            required
            value={confirm}
            error={mismatch ? authText.passwordMismatch : undefined}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            visibilityToggleButtonProps={toggle}
            data-testid="password-confirm"
          />
          <Button type="submit" loading={busy} data-testid="password-submit">
            {authText.passwordSubmit}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
