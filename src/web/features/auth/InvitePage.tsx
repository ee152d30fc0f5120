import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { errorMessage, type Me } from '../../api.ts';
import { acceptInvitation } from './auth-api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { authStrings } from './strings.ts';

/** Reached from the invitation e-mail (/admin/#/invite/TOKEN): choose a password, then signed in. */
export function InvitePage({ token, onLoggedIn }: { token: string; onLoggedIn: (me: Me) => void }) {
  const { lang } = useI18n();
  const authText = authStrings(lang);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== confirm) {
      setError(authText.passwordsDiffer);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const s = await acceptInvitation(token, password);
      window.location.hash = '#/units';
      onLoggedIn(s.user);
    } catch (err) {
      setError(errorMessage(err, lang));
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={380} component="main">
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="invite-title">
          <Stack gap="md">
            <Title order={1} size="h3" id="invite-title">
              {authText.inviteTitle}
            </Title>
            <Text size="sm" c="dimmed">
              {authText.inviteHint}
            </Text>
            {error && (
              <Alert color="red" role="alert" data-testid="invite-error">
                {error}
              </Alert>
            )}
            <PasswordInput
              label={authText.newPassword}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="invite-password"
            />
            <PasswordInput
              label={authText.confirmPassword}
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              data-testid="invite-confirm"
            />
            <Button type="submit" loading={busy} fullWidth data-testid="invite-submit">
              {authText.activate}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
