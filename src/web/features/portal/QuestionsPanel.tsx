// Citizens' questions of the sections the user answers for: pending first;
// answer (published as FAQ, or kept private) or reject.
import { Badge, Button, Checkbox, Group, Modal, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { answerQuestion, listQuestions, listSections, PORTAL_LIMITS, QUESTION_STATUSES, rejectQuestion, type Question, type QuestionStatus } from './portal-api.ts';
import { portalStrings } from './strings.ts';

function QuestionCard({ q, sectionName, onChanged }: { q: Question; sectionName: string; onChanged: (q: Question) => void }) {
  const { lang, t } = useI18n();
  const s = portalStrings(lang);
  const { notify, notifyError } = useNotify();
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState(q.answer ?? '');
  const [publish, setPublish] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'answer' | 'reject' | null>(null);
  const [confirmReject, setConfirmReject] = useState(false);

  async function send() {
    const text = answer.trim();
    if (!text) return setError(s.required);
    if (text.length > PORTAL_LIMITS.answer) return setError(s.tooLong(PORTAL_LIMITS.answer));
    setError(null);
    setBusy('answer');
    try {
      onChanged(await answerQuestion(q.id, text, publish));
      notify('success', s.answered);
      setOpen(false);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  }

  async function reject() {
    setBusy('reject');
    try {
      onChanged(await rejectQuestion(q.id));
      notify('success', s.rejected);
      setConfirmReject(false);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Paper withBorder p="sm" component="article" data-testid="question-card">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text size="xs" c="dimmed">
            {s.askedBy(q.name, formatDateTime(q.createdAt, lang))}
            {q.email ? ` · ${q.email}` : ''} · {s.inSection(sectionName)}
          </Text>
          <Badge variant="light" tt="none" color={q.status === 'pending' ? 'yellow' : q.status === 'published' ? 'green' : 'gray'}>
            {s.qStatus[q.status]}
          </Badge>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{q.question}</Text>
        {q.answer && !open && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            ↳ {q.answer}
          </Text>
        )}
        {open ? (
          <Stack gap="xs">
            <Textarea
              label={s.answerLabel}
              value={answer}
              onChange={(e) => setAnswer(e.currentTarget.value)}
              autosize
              minRows={3}
              error={error}
              data-testid="question-answer-text"
            />
            <Checkbox label={s.answerPublish} checked={publish} onChange={(e) => setPublish(e.currentTarget.checked)} />
            <Group gap="xs" justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button loading={busy === 'answer'} onClick={() => void send()} data-testid="question-answer-send">
                {s.answerSend}
              </Button>
            </Group>
          </Stack>
        ) : (
          q.status !== 'rejected' && (
            <Group gap="xs">
              <Button size="compact-sm" onClick={() => setOpen(true)} data-testid="question-answer">
                {s.answer}
              </Button>
              {q.status === 'pending' && (
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirmReject(true)} data-testid="question-reject">
                  {s.reject}
                </Button>
              )}
            </Group>
          )
        )}
      </Stack>
      <Modal opened={confirmReject} onClose={() => setConfirmReject(false)} title={s.reject} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="sm">
          <Text size="sm">{s.rejectConfirm}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmReject(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy === 'reject'} onClick={() => void reject()} data-testid="question-reject-confirm">
              {s.reject}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

export function QuestionsPanel() {
  const { lang } = useI18n();
  const s = portalStrings(lang);
  const [status, setStatus] = useState<QuestionStatus>('pending');
  const res = useAsync(() => listQuestions(status), [status]);
  const sections = useAsync(() => listSections(), []);
  const names = new Map((sections.data ?? []).map((x) => [x.id, x.name]));

  return (
    <Stack gap="sm">
      <SegmentedControl
        value={status}
        onChange={setStatus}
        data={QUESTION_STATUSES.map((x) => ({ value: x, label: s.qStatus[x] }))}
        aria-label={s.filter}
        style={{ alignSelf: 'flex-start' }}
      />
      {res.loading && !res.data && <Loading />}
      {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
      {res.data && res.data.length === 0 && (
        <Paper withBorder p="sm">
          <Text size="sm">{status === 'pending' ? s.questionsEmpty : '—'}</Text>
        </Paper>
      )}
      {res.data?.map((q) => (
        <QuestionCard
          key={q.id}
          q={q}
          sectionName={names.get(q.sectionId) ?? '…'}
          onChanged={(u) => res.setData((list) => (u.status === status ? list?.map((x) => (x.id === u.id ? u : x)) : list?.filter((x) => x.id !== u.id)))}
        />
      ))}
    </Stack>
  );
}
