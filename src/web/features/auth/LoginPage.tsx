import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { errorMessage, type Me } from '../../api.ts';
import { login } from './auth-api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LangSwitch } from '../../app/LangSwitch.tsx';
import { authStrings } from './strings.ts';

export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const { lang } = useI18n();
  const authText = authStrings(lang);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(authText.missingCredentials);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const s = await login(username.trim(), password);
      onLoggedIn(s.user);
    } catch (err) {
      setError(errorMessage(err, lang));
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={380} component="main">
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="login-title">
          <Stack gap="md">
            <Group justify="space-between" align="center">
              <Title order={1} size="h3" id="login-title">
                {authText.loginTitle}
              </Title>
              <LangSwitch />
            </Group>
            <Text size="sm" c="dimmed">
              {authText.loginHint}
            </Text>
            {error && (
              <Alert color="red" role="alert" data-testid="login-error">
                {error}
              </Alert>
            )}
            <TextInput
              label={authText.username}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              data-testid="login-username"
              autoFocus
            />
            <PasswordInput
              label={authText.password}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="login-password"
              visibilityToggleButtonProps={{ 'aria-label': authText.togglePassword }}
            />
            <Button type="submit" loading={busy} fullWidth data-testid="login-submit">
              {authText.login}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
