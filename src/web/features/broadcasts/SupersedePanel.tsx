// Supersede on a campaign's page: the links between a message and the one replacing it (both ways), and the
// "Thay thế" action that drafts the replacement (same content) and opens it for editing.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { Link, navigate } from '../../router.tsx';
import { supersedeBroadcast, type BroadcastView } from './broadcasts-api.ts';
import { broadcastStrings } from './strings.ts';

export function SupersedePanel({ broadcast: b }: { broadcast: BroadcastView }) {
  const { lang } = useI18n();
  const S = broadcastStrings(lang);
  const { notifyError } = useNotify();
  const [busy, setBusy] = useState(false);
  if (!b.supersedesId && !b.supersededById && !b.capabilities.supersede) return null;

  async function supersede(): Promise<void> {
    setBusy(true);
    try {
      const next = await supersedeBroadcast(b.id);
      navigate(`/sms/${encodeURIComponent(next.id)}/edit`);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  const open = (id: string) => `/sms/${encodeURIComponent(id)}`;
  return (
    <Stack gap="xs" data-testid="broadcast-supersede">
      {b.supersedesId && (
        <Text size="sm">
          {S.supersedes}:{' '}
          <Link to={open(b.supersedesId)} data-testid="broadcast-supersedes">
            {b.supersedesId.slice(0, 8)}…
          </Link>
        </Text>
      )}
      {b.supersededById && (
        <Alert color="gray" variant="light" p="xs">
          <Text size="sm">
            {S.supersededBy}:{' '}
            <Link to={open(b.supersededById)} data-testid="broadcast-superseded-by">
              {b.supersededById.slice(0, 8)}…
            </Link>
          </Text>
        </Alert>
      )}
      {b.capabilities.supersede && (
        <Group gap="sm" align="center" wrap="wrap">
          <Button variant="default" onClick={() => void supersede()} loading={busy} data-testid="broadcast-supersede-start">
            {S.supersede}
          </Button>
          <Text size="xs" c="dimmed" style={{ flex: '1 1 240px' }}>
            {S.supersedeHint}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
