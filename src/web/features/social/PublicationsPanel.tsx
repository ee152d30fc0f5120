// The unit's cross-posts, one row per page: result (post id and link, or the error), "Đăng lại" (confirmed: it may
// duplicate an ambiguous post) and "Đã có trên trang" (the operator found it, with its link); the free-text form.
import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { PLATFORM_LABELS, markPublished, publishToPages, retryPublication, type PublicationState, type PublicationView, type SocialAccountView } from './social-api.ts';
import { socialStrings } from './strings.ts';

const STATE_COLORS: Record<PublicationState, string> = { queued: 'gray', sending: 'blue', published: 'green', failed: 'red', ambiguous: 'orange' };

export function PublicationResult({ p }: { p: PublicationView }) {
  const { lang } = useI18n();
  const S = socialStrings(lang);
  return (
    <Stack gap={2}>
      <Group gap={6}>
        <Badge color={STATE_COLORS[p.state]} variant="light">
          {S.states[p.state]}
        </Badge>
        {p.state === 'queued' && p.attempts > 0 && (
          <Text size="xs" c="dimmed">
            {S.retrying(p.attempts + 1)}
          </Text>
        )}
      </Group>
      {p.platformPostId && (
        <Text size="xs">
          {S.postId}: {p.platformPostId}
        </Text>
      )}
      {p.permalink && (
        <Anchor size="xs" href={p.permalink} target="_blank" rel="noopener noreferrer">
          {S.open}
        </Anchor>
      )}
      {p.errorMessage && p.state !== 'published' && (
        <Text size="xs" c="red.8">
          {p.errorMessage}
        </Text>
      )}
    </Stack>
  );
}

/** Retry / mark-published buttons of one publication, with their dialogs. */
export function PublicationActions({ p, onChanged }: { p: PublicationView; onChanged: (p: PublicationView) => void }) {
  const { lang } = useI18n();
  const S = socialStrings(lang);
  const { notifyError } = useNotify();
  const [dialog, setDialog] = useState<'retry' | 'mark' | null>(null);
  const [permalink, setPermalink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(kind: 'retry' | 'mark'): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      onChanged(kind === 'retry' ? await retryPublication(p.id) : await markPublished(p.id, permalink.trim()));
      setDialog(null);
    } catch (err) {
      if (dialog) setError(errorMessage(err, lang));
      else notifyError(err);
    } finally {
      setBusy(false);
    }
  }
  if (!p.capabilities.retry && !p.capabilities.markPublished) return null;
  return (
    <Group gap={4}>
      {p.capabilities.retry && (
        <Button size="compact-xs" variant="light" onClick={() => (p.state === 'ambiguous' ? setDialog('retry') : void run('retry'))} loading={busy && !dialog}>
          {S.retry}
        </Button>
      )}
      {p.capabilities.markPublished && (
        <Button size="compact-xs" variant="subtle" onClick={() => setDialog('mark')}>
          {S.markPublished}
        </Button>
      )}
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog === 'retry' ? S.retry : S.markPublished}>
        <Stack gap="sm">
          {dialog === 'retry' && <Alert color="orange">{S.retryConfirm}</Alert>}
          {dialog === 'mark' && <TextInput label={S.permalink} value={permalink} onChange={(e) => setPermalink(e.currentTarget.value)} placeholder="https://" required />}
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {S.cancel}
            </Button>
            <Button onClick={() => dialog && void run(dialog)} loading={busy}>
              {S.confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}

/** The publications table (used by the pages page, and under a portal post or broadcast for its own rows). */
export function PublicationsTable({ items, onChanged }: { items: PublicationView[]; onChanged: () => void }) {
  const { lang } = useI18n();
  const S = socialStrings(lang);
  if (items.length === 0) return <Text size="sm">{S.noPublications}</Text>;
  return (
    <div className="loa-table-wrap">
      <Table striped verticalSpacing="xs" data-testid="social-publications">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{S.colSource}</Table.Th>
            <Table.Th>{S.colPage}</Table.Th>
            <Table.Th>{S.colState}</Table.Th>
            <Table.Th>{S.colWhen}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} data-testid="social-publication" data-state={p.state}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {p.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {S.sources[p.sourceKind]}
                  {p.link ? ` · ${p.link}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.accountName}</Text>
                <Text size="xs" c="dimmed">
                  {PLATFORM_LABELS[p.platform]}
                </Text>
              </Table.Td>
              <Table.Td>
                <PublicationResult p={p} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(p.publishedAt ?? p.createdAt, lang)}</Table.Td>
              <Table.Td>
                <PublicationActions p={p} onChanged={onChanged} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Free text to the chosen pages. */
export function PublishTextForm({ unitId, accounts, onQueued }: { unitId: string; accounts: SocialAccountView[]; onQueued: () => void }) {
  const { lang } = useI18n();
  const S = socialStrings(lang);
  const { notify, notifyError } = useNotify();
  const usable = accounts.filter((a) => a.status === 'connected');
  const [chosen, setChosen] = useState<string[]>(usable.map((a) => a.id));
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(): Promise<void> {
    setBusy(true);
    try {
      const out = await publishToPages(unitId, { kind: 'text', title, text, ...(link.trim() ? { link: link.trim() } : {}) }, chosen);
      notify('success', S.queued(out.length));
      setTitle('');
      setText('');
      setLink('');
      onQueued();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="sm" data-testid="social-publish">
      <Title order={2} size="h5">
        {S.publishTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {S.publishIntro}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label={S.title} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
          <Textarea label={S.text} value={text} onChange={(e) => setText(e.currentTarget.value)} required autosize minRows={3} maxLength={5000} />
          <TextInput label={S.link} value={link} onChange={(e) => setLink(e.currentTarget.value)} placeholder="https://" />
          <AccountChecks accounts={usable} chosen={chosen} onChange={setChosen} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={chosen.length === 0}>
              {S.publish}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function AccountChecks({ accounts, chosen, onChange }: { accounts: SocialAccountView[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  const { lang } = useI18n();
  const S = socialStrings(lang);
  return (
    <Checkbox.Group label={S.choosePages} value={chosen} onChange={onChange}>
      <Group gap="md" mt={4}>
        {accounts.map((a) => (
          <Checkbox key={a.id} value={a.id} label={`${a.displayName} (${PLATFORM_LABELS[a.platform]})`} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
