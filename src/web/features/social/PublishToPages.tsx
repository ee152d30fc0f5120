// "Đăng lên trang" under a published portal post or an approved broadcast: the unit's pages to choose, and what this
// source already has on them (one row per page, with its result). Shown only to those who read the unit's pages.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { useSession } from '../../app/session.tsx';
import { useAsync } from '../../app/use-async.ts';
import { AccountChecks, PublicationsTable } from './PublicationsPanel.tsx';
import { listAccounts, listPublications, publishToPages } from './social-api.ts';
import { socialStrings } from './strings.ts';

type Source = { kind: 'post'; postId: string } | { kind: 'broadcast'; broadcastId: string };

/** `unitId`: whose pages (default the user's own unit: a portal post goes to the pages of the unit posting it). */
export function PublishToPages({ unitId: given, source }: { unitId?: string; source: Source }) {
  const { me } = useSession();
  const unitId = given ?? me.unitId;
  const { lang } = useI18n();
  const S = socialStrings(lang);
  const { notify, notifyError } = useNotify();
  const sourceId = source.kind === 'post' ? source.postId : source.broadcastId;
  const accounts = useAsync(() => listAccounts(unitId), [unitId]);
  const done = useAsync(() => listPublications(unitId, { sourceKind: source.kind, sourceId }), [unitId, sourceId], Boolean(accounts.data));
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  if (!accounts.data) return null; // not loaded, or the user does not read this unit's pages
  const posted = new Set((done.data ?? []).map((p) => p.accountId));
  const open = accounts.data.items.filter((a) => a.status === 'connected' && !posted.has(a.id));
  const selected = chosen ?? open.map((a) => a.id);
  const canPublish = accounts.data.capabilities.publish;
  if (!canPublish && (done.data ?? []).length === 0) return null;

  async function submit(): Promise<void> {
    setBusy(true);
    try {
      const out = await publishToPages(unitId, source, selected);
      notify('success', S.queued(out.length));
      setChosen(null);
      done.reload();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="sm" data-testid="publish-to-pages">
      <Title order={2} size="h5">
        {S.publishToPages}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {S.publishToPagesIntro}
      </Text>
      <Stack gap="sm">
        {canPublish && accounts.data.items.length === 0 && <Text size="sm">{S.noPagesToPublish}</Text>}
        {canPublish && open.length > 0 && (
          <Group align="flex-end" justify="space-between" wrap="wrap">
            <AccountChecks accounts={open} chosen={selected} onChange={setChosen} />
            <Button onClick={() => void submit()} loading={busy} disabled={selected.length === 0} data-testid="publish-to-pages-submit">
              {S.publishToPages}
            </Button>
          </Group>
        )}
        {done.data && done.data.length > 0 && <PublicationsTable items={done.data} onChanged={done.reload} />}
      </Stack>
    </Paper>
  );
}
