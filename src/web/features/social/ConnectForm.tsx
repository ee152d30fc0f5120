// The connect form of a page: platform, ids, the token and secret typed in password fields (sent once, never shown again).
import { Button, Group, NativeSelect, Paper, PasswordInput, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { PLATFORM_LABELS, connectAccount, type SocialPlatformName } from './social-api.ts';
import { socialStrings } from './strings.ts';

const EMPTY = { pageId: '', displayName: '', accessToken: '', appSecret: '', appId: '' };

export function ConnectForm({ unitId, onConnected }: { unitId: string; onConnected: () => void }) {
  const { lang } = useI18n();
  const S = socialStrings(lang);
  const { notify, notifyError } = useNotify();
  const [platform, setPlatform] = useState<SocialPlatformName>('facebook');
  const [f, setF] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const field = (k: keyof typeof EMPTY) => ({ value: f[k], onChange: (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value }) });

  async function submit(): Promise<void> {
    setBusy(true);
    try {
      await connectAccount(unitId, { platform, ...f, ...(platform === 'zalo' ? {} : { appId: undefined }) });
      notify('success', S.connected);
      setF(EMPTY);
      onConnected();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="sm" data-testid="social-connect">
      <Title order={2} size="h5" mb="xs">
        {S.connectTitle}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={S.platform}
            value={platform}
            onChange={(e) => setPlatform(e.currentTarget.value as SocialPlatformName)}
            data={(['facebook', 'zalo'] as const).map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))}
          />
          <TextInput label={S.displayName} required {...field('displayName')} />
          <TextInput label={S.pageId} required {...field('pageId')} />
          {platform === 'zalo' && <TextInput label={S.appId} required {...field('appId')} />}
          <PasswordInput label={S.accessToken} required autoComplete="off" {...field('accessToken')} />
          <PasswordInput label={S.appSecret} required autoComplete="off" {...field('appSecret')} />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={busy} data-testid="social-connect-submit">
            {S.connect}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
