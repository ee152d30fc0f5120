// A case's actions — confirmation requests (a task or a công văn), the police hand-off, the press request — with
// their state, links to the task or công văn created, and the answer recorded (it joins the evidence).
import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Link } from '../../router.tsx';
import { ConfirmationForm, PoliceForm, PressForm } from './ActionForms.tsx';
import { listLegalBases, recordAnswer } from './actions-api.ts';
import { actionStrings } from './actions-strings.ts';
import type { CaseProps } from './case-parts.tsx';
import { RUMOR_LIMITS, type RumorActionView } from './rumors-api.ts';

type Form = 'confirmation' | 'police' | 'press';
const STATE_COLORS = { open: 'orange', answered: 'green', cancelled: 'gray' } as const;

export function ActionsPanel({ c, onChanged }: CaseProps) {
  const { lang } = useI18n();
  const A = actionStrings(lang);
  const [form, setForm] = useState<Form | null>(null);
  const canWrite = c.capabilities.canWrite;
  // The titles of the legal bases cited (actions keep their codes).
  const cites = c.actions.some((a) => a.legalBasisCodes.length > 0);
  const bases = useAsync(() => listLegalBases(c.unitId), [c.unitId, cites], cites);
  const baseTitles = new Map((bases.data?.items ?? []).map((b) => [b.code, b.title]));
  if (!canWrite && c.actions.length === 0) return null;
  const done = (next: Parameters<CaseProps['onChanged']>[0]) => {
    onChanged(next);
    setForm(null);
  };
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {A.title}
        </Title>
        {c.actions.length === 0 && <Text size="sm">{A.none}</Text>}
        {c.actions.length > 0 && (
          <Stack gap="xs" data-testid="rumor-actions">
            {c.actions.map((a) => (
              <ActionItem key={a.id} caseId={c.id} a={a} canWrite={canWrite} onChanged={onChanged} baseTitles={baseTitles} />
            ))}
          </Stack>
        )}
        {canWrite && form === null && (
          <Group gap="xs" wrap="wrap">
            <Button variant="light" onClick={() => setForm('confirmation')} data-testid="rumor-new-confirmation">
              {A.newConfirmation}
            </Button>
            <Button variant="light" color="red" onClick={() => setForm('police')} data-testid="rumor-new-police">
              {A.newPolice}
            </Button>
            <Button variant="light" onClick={() => setForm('press')} data-testid="rumor-new-press">
              {A.newPress}
            </Button>
          </Group>
        )}
        {form === 'confirmation' && <ConfirmationForm c={c} onDone={done} onCancel={() => setForm(null)} />}
        {form === 'police' && <PoliceForm c={c} onDone={done} onCancel={() => setForm(null)} />}
        {form === 'press' && <PressForm c={c} onDone={done} onCancel={() => setForm(null)} />}
      </Stack>
    </Paper>
  );
}

function ActionItem({
  caseId,
  a,
  canWrite,
  onChanged,
  baseTitles,
}: {
  caseId: string;
  a: RumorActionView;
  canWrite: boolean;
  onChanged: CaseProps['onChanged'];
  baseTitles: Map<string, string>;
}) {
  const { lang } = useI18n();
  const A = actionStrings(lang);
  const { notify } = useNotify();
  const [answering, setAnswering] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper withBorder p="xs" data-testid="rumor-action" data-kind={a.kind} data-state={a.state}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {A.kinds[a.kind]}
          </Text>
          <Badge size="sm" variant="light" color={STATE_COLORS[a.state]} tt="none" radius="sm" styles={{ root: { maxWidth: 'none' } }}>
            {A.states[a.state]}
          </Badge>
          {a.directiveId && <Link to={`/outgoing/${encodeURIComponent(a.directiveId)}`}>{A.openDirective}</Link>}
          {a.taskId && <Link to={`/reports/${encodeURIComponent(a.taskId)}`}>{A.openTask}</Link>}
        </Group>
        {a.targetUnit && <Text size="sm">{A.to(a.targetUnit.name)}</Text>}
        {a.question && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {a.question}
          </Text>
        )}
        {a.legalBasisCodes.length > 0 && <Text size="xs">{`${A.legalBases}: ${a.legalBasisCodes.map((code) => baseTitles.get(code) ?? code).join('; ')}`}</Text>}
        {a.informantAttached && (
          <Text size="xs" c="orange.9">
            {A.informantAttached}
          </Text>
        )}
        {a.response && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <strong>{A.response}:</strong> {a.response}
          </Text>
        )}
        {a.respondedAt && <Text size="xs">{A.respondedAt(formatDateTime(a.respondedAt, lang))}</Text>}
        <Text size="xs" c="dimmed">
          {A.createdBy(a.createdBy?.name ?? '—', formatDateTime(a.createdAt, lang))}
        </Text>
        {canWrite && a.state === 'open' && !answering && (
          <Group>
            <Button size="compact-sm" variant="subtle" onClick={() => setAnswering(true)} data-testid="rumor-action-answer">
              {A.recordAnswer}
            </Button>
          </Group>
        )}
        {answering && a.state === 'open' && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!text.trim()) {
                setError(A.required);
                return;
              }
              setBusy(true);
              setError(null);
              recordAnswer(caseId, a.id, text.trim()).then(
                (out) => {
                  onChanged(out);
                  notify('success', A.answered);
                  setAnswering(false);
                  setText('');
                  setBusy(false);
                },
                (err: unknown) => {
                  setError(errorMessage(err, lang));
                  setBusy(false);
                },
              );
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={A.answerLabel}
                required
                autosize
                minRows={2}
                maxLength={RUMOR_LIMITS.note}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={error}
              />
              <Group gap="xs">
                <Button type="submit" size="xs" loading={busy}>
                  {A.answerSave}
                </Button>
                <Button size="xs" variant="default" onClick={() => setAnswering(false)}>
                  {A.cancel}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
