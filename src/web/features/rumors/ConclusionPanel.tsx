// The conclusion: staff propose a verdict and its summary; the leader approves it or returns it with a note.
// Once approved: the verdict, who approved it, and whether the requesters were told.
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { VerdictBadge } from './badges.tsx';
import type { CaseProps } from './case-parts.tsx';
import { detailStrings } from './detail-strings.ts';
import { RUMOR_LIMITS, RUMOR_VERDICTS, approveConclusion, proposeConclusion, returnConclusion, type RumorVerdict } from './rumors-api.ts';
import { rumorStrings } from './strings.ts';

export function ConclusionPanel({ c, onChanged }: CaseProps) {
  const { lang } = useI18n();
  const D = detailStrings(lang);
  const caps = c.capabilities;
  const { notify } = useNotify();
  const [busy, setBusy] = useState<'approve' | 'return' | null>(null);
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function run(step: 'approve' | 'return') {
    if (step === 'return' && !note.trim()) {
      setError(D.required);
      return;
    }
    setBusy(step);
    setError(null);
    try {
      onChanged(step === 'approve' ? await approveConclusion(c.id) : await returnConclusion(c.id, note.trim()));
      notify('success', step === 'approve' ? D.approved : D.returned);
      setReturning(false);
      setNote('');
    } catch (err) {
      setError(errorMessage(err, lang));
    } finally {
      setBusy(null);
    }
  }

  const hasSomething = c.conclusionState !== null || caps.canPropose || (caps.canWrite && c.status === 'unverified');
  if (!hasSomething) return null;
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm" data-testid="rumor-conclusion">
        <Title order={2} size="h4">
          {D.conclusionTitle}
        </Title>
        {c.conclusionState !== null && c.verdict && (
          <Stack gap={4}>
            <Group gap="xs">
              <VerdictBadge verdict={c.verdict} />
            </Group>
            {c.verdictSummary && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.verdictSummary}
              </Text>
            )}
            {c.conclusionState === 'proposed' && (
              <Text size="sm" c="orange.9" data-testid="rumor-conclusion-proposed">
                {D.proposedBy(c.proposedBy?.name ?? '—', formatDateTime(c.proposedAt, lang))}
              </Text>
            )}
            {c.conclusionState === 'approved' && (
              <Text size="sm" c="green.9" data-testid="rumor-conclusion-approved">
                {D.approvedBy(c.approvedBy?.name ?? '—', formatDateTime(c.approvedAt, lang))}
              </Text>
            )}
            {c.requestersNotifiedAt && <Text size="xs">{D.requestersNotified(formatDateTime(c.requestersNotifiedAt, lang))}</Text>}
            {c.closedAt && <Text size="xs">{D.closedAt(formatDateTime(c.closedAt, lang))}</Text>}
          </Stack>
        )}
        {c.conclusionState === 'proposed' && caps.canApprove && (
          <Stack gap="xs">
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            {returning && (
              <Textarea
                label={D.returnNote}
                required
                autosize
                minRows={2}
                maxLength={RUMOR_LIMITS.note}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                data-testid="rumor-return-note"
              />
            )}
            <Group gap="sm" wrap="wrap">
              {!returning && (
                <Button color="green" loading={busy === 'approve'} disabled={busy !== null} onClick={() => void run('approve')} data-testid="rumor-approve">
                  {D.approve}
                </Button>
              )}
              {returning ? (
                <>
                  <Button color="orange" loading={busy === 'return'} disabled={busy !== null} onClick={() => void run('return')} data-testid="rumor-return-submit">
                    {D.returnSubmit}
                  </Button>
                  <Button variant="default" onClick={() => setReturning(false)}>
                    {rumorStrings(lang).cancel}
                  </Button>
                </>
              ) : (
                <Button variant="light" color="orange" disabled={busy !== null} onClick={() => setReturning(true)} data-testid="rumor-return">
                  {D.returnTitle}
                </Button>
              )}
            </Group>
          </Stack>
        )}
        {caps.canPropose && <ProposeForm c={c} onChanged={onChanged} />}
        {!caps.canPropose && caps.canWrite && c.status === 'unverified' && (
          <Text size="sm" c="dimmed">
            {D.notYetConcludable}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function ProposeForm({ c, onChanged }: CaseProps) {
  const { lang } = useI18n();
  const D = detailStrings(lang);
  const S = rumorStrings(lang);
  const { notify } = useNotify();
  const [verdict, setVerdict] = useState<RumorVerdict>(c.verdict ?? 'false');
  const [summary, setSummary] = useState(c.verdictSummary ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!summary.trim()) {
          setError(D.required);
          return;
        }
        setBusy(true);
        setError(null);
        proposeConclusion(c.id, { verdict, summary: summary.trim() }).then(
          (out) => {
            onChanged(out);
            notify('success', D.proposed);
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
        <NativeSelect
          label={D.verdict}
          value={verdict}
          onChange={(e) => setVerdict(e.currentTarget.value as RumorVerdict)}
          data={RUMOR_VERDICTS.map((v) => ({ value: v, label: S.verdicts[v] }))}
          w={{ base: '100%', xs: 260 }}
          data-testid="rumor-verdict-select"
        />
        <Textarea
          label={D.summary}
          required
          autosize
          minRows={3}
          maxLength={RUMOR_LIMITS.note}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={error}
          data-testid="rumor-summary"
        />
        <Group>
          <Button type="submit" loading={busy} data-testid="rumor-propose">
            {D.propose}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
