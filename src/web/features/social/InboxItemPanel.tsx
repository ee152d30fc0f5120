// One inbox item: the message, its sender as the reader may see them, the platform's reply window, assignment,
// tags, the reply box, close/reopen and "Chuyển thành câu hỏi" (an anonymous FAQ on the portal).
import { Alert, Anchor, Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { useSession } from '../../app/session.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { href, navigate } from '../../router.tsx';
import { reportFromSocial } from '../rumors/monitoring-api.ts';
import { mayWriteCases } from '../rumors/rumors-roles.ts';
import { listSections } from '../portal/portal-api.ts';
import {
  PLATFORM_LABELS,
  assignInboxItem,
  convertToQuestion,
  getInboxItem,
  inboxMembers,
  replyToInboxItem,
  setInboxState,
  tagInboxItem,
  type InboxItemView,
} from './social-api.ts';
import { socialStrings } from './strings.ts';

const INBOX_ROUTE = '/social-inbox';
/** The tag the server puts on a message handed to the misinformation desk (social inbox.service.ts DESK_TAG). */
const DESK_TAG = 'tin sai sự thật';

export function InboxItemPanel({ id }: { id: string }) {
  const { lang } = useI18n();
  const S = socialStrings(lang);
  const res = useAsync(() => getInboxItem(id), [id]);
  const [item, setItem] = useState<InboxItemView | null>(null);
  const current = item ?? res.data ?? null;
  return (
    <Stack gap="md">
      <Anchor href={href(`${INBOX_ROUTE}${current ? `?unit=${encodeURIComponent(current.unitId)}` : ''}`)}>{S.back}</Anchor>
      {res.loading && !current && <Loading />}
      {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
      {current && <ItemView item={current} onChanged={setItem} />}
    </Stack>
  );
}

function ItemView({ item, onChanged }: { item: InboxItemView; onChanged: (i: InboxItemView) => void }) {
  const { lang } = useI18n();
  const S = socialStrings(lang);
  const { me } = useSession();
  const { notify, notifyError } = useNotify();
  const members = useAsync(() => inboxMembers(item.unitId), [item.unitId]);
  const [tags, setTags] = useState(item.tags.join(', '));
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [converting, setConverting] = useState(false);
  const platform = PLATFORM_LABELS[item.platform];

  /** Hands the message to the misinformation desk (the same report when handed before) and opens its case. */
  async function toDesk(): Promise<void> {
    setBusy('desk');
    try {
      const r = await reportFromSocial(item.id, item.unitId);
      notify('success', r.created ? S.toDeskDone(r.case.code) : S.toDeskAgain(r.case.code));
      navigate(`/rumors/${r.case.id}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  async function act(key: string, fn: () => Promise<InboxItemView>, done?: string): Promise<void> {
    setBusy(key);
    try {
      onChanged(await fn());
      if (done) notify('success', done);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  }
  const isMember = members.data?.some((m) => m.id === me.id) ?? false;

  return (
    <>
      <Paper withBorder p="sm" data-testid="social-item">
        <Group justify="space-between" wrap="wrap">
          <Title order={1} size="h4">
            {platform} · {S.kinds[item.kind]} · {item.accountName}
          </Title>
          <Badge variant="light">{S.inboxStates[item.state]}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {S.sender}: <span data-testid="social-sender">{item.sender.label}</span>
          {item.sender.platformId ? ` (${item.sender.platformId})` : ''} · {formatDateTime(item.receivedAt, lang)}
        </Text>
        <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {item.text}
        </Text>
        {item.questionId && (
          <Badge mt="sm" color="green" variant="light">
            {S.isQuestion}
          </Badge>
        )}
      </Paper>

      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={S.assignee}
            value={item.assignee?.id ?? ''}
            onChange={(e) => void act('assign', () => assignInboxItem(item.id, e.currentTarget.value || null), S.assigned)}
            data={[{ value: '', label: S.nobody }, ...(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))]}
            w={{ base: '100%', xs: 260 }}
          />
          {isMember && item.assignee?.id !== me.id && (
            <Button variant="light" loading={busy === 'me'} onClick={() => void act('me', () => assignInboxItem(item.id, me.id), S.assigned)}>
              {S.assignMe}
            </Button>
          )}
          <TextInput label={S.tags} value={tags} onChange={(e) => setTags(e.currentTarget.value)} w={{ base: '100%', xs: 260 }} />
          <Button
            variant="default"
            loading={busy === 'tags'}
            onClick={() =>
              void act(
                'tags',
                () =>
                  tagInboxItem(
                    item.id,
                    tags
                      .split(',')
                      .map((t) => t.trim())
                      .filter(Boolean),
                  ),
                S.tagsSaved,
              )
            }
          >
            {S.saveTags}
          </Button>
          <Button variant="subtle" loading={busy === 'state'} onClick={() => void act('state', () => setInboxState(item.id, item.state === 'closed' ? 'open' : 'closed'))}>
            {item.state === 'closed' ? S.reopen : S.close}
          </Button>
          {item.capabilities.convert && (
            <Button variant="light" onClick={() => setConverting(true)}>
              {S.convert}
            </Button>
          )}
          {mayWriteCases(me) && (
            <Button variant="light" color="orange" loading={busy === 'desk'} onClick={() => void toDesk()} data-testid="inbox-to-desk">
              {item.tags.includes(DESK_TAG) ? S.openDeskCase : S.toDesk}
            </Button>
          )}
        </Group>
      </Paper>

      <Paper withBorder p="sm">
        <Title order={2} size="h5" mb="xs">
          {S.reply}
        </Title>
        <Alert color={item.replyWindow.open ? 'blue' : 'orange'} mb="sm" data-testid="social-window">
          {item.replyWindow.open ? S.windowOpen(platform, item.replyWindow.hours, formatDateTime(item.replyWindow.until, lang)) : S.windowClosed(platform, item.replyWindow.hours)}
        </Alert>
        {item.replies.length > 0 && (
          <Stack gap={4} mb="sm">
            <Text size="sm" fw={500}>
              {S.replies}
            </Text>
            {item.replies.map((r) => (
              <Text key={r.id} size="sm">
                {formatDateTime(r.createdAt, lang)} · {r.byName ?? '—'}: {r.text}
              </Text>
            ))}
          </Stack>
        )}
        <Textarea label={S.replyLabel} value={reply} onChange={(e) => setReply(e.currentTarget.value)} autosize minRows={2} maxLength={2000} disabled={!item.capabilities.reply} />
        <Group justify="flex-end" mt="xs">
          <Button
            loading={busy === 'reply'}
            disabled={!item.capabilities.reply || !reply.trim()}
            onClick={() =>
              void act(
                'reply',
                async () => {
                  const out = await replyToInboxItem(item.id, reply);
                  setReply('');
                  return out;
                },
                S.replied,
              )
            }
          >
            {S.send}
          </Button>
        </Group>
      </Paper>
      <ConvertDialog item={item} opened={converting} onClose={() => setConverting(false)} onDone={onChanged} />
    </>
  );
}

function ConvertDialog({ item, opened, onClose, onDone }: { item: InboxItemView; opened: boolean; onClose: () => void; onDone: (i: InboxItemView) => void }) {
  const { lang } = useI18n();
  const S = socialStrings(lang);
  const { notify } = useNotify();
  const sections = useAsync(() => listSections(), [], opened);
  const answerable = (sections.data ?? []).filter((s) => s.capabilities.answer);
  const [sectionId, setSectionId] = useState('');
  const [question, setQuestion] = useState(item.text);
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = sectionId || answerable[0]?.id || '';
  async function submit(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      onDone(await convertToQuestion(item.id, { sectionId: chosen, question, answer }));
      notify('success', S.converted);
      onClose();
    } catch (err) {
      setError(errorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={S.convert} size="lg">
      <Stack gap="sm">
        <Text size="sm">{S.convertIntro}</Text>
        <NativeSelect label={S.section} value={chosen} onChange={(e) => setSectionId(e.currentTarget.value)} data={answerable.map((s) => ({ value: s.id, label: s.name }))} />
        <Textarea label={S.question} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} autosize minRows={2} required />
        <Textarea label={S.answer} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} autosize minRows={3} required />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {S.cancel}
          </Button>
          <Button onClick={() => void submit()} loading={busy} disabled={!chosen || !question.trim() || !answer.trim()}>
            {S.convert}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
