// One case: its claim, the status stepper (Chưa xác minh → Đang xác minh → Kết luận), severity and deadline,
// assignee; then its reports (never who), spread, evidence, actions, conclusion, correction and similar cases.
// Every write answers the case as it is now; the panels show what the case's capabilities allow.
import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { useSession } from '../../app/session.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Link } from '../../router.tsx';
import { ActionsPanel } from './ActionsPanel.tsx';
import { Field, type CaseProps } from './case-parts.tsx';
import { OverdueBadge, SeverityBadge, StatusBadge, VerdictBadge } from './badges.tsx';
import { ConclusionPanel } from './ConclusionPanel.tsx';
import { CorrectionPanel } from './CorrectionPanel.tsx';
import { detailStrings } from './detail-strings.ts';
import { EvidencePanel } from './EvidencePanel.tsx';
import { ReportsPanel } from './ReportsPanel.tsx';
import { RUMOR_SEVERITIES, RUMOR_SEVERITY_LABELS, getCase, updateCase, type RumorCaseDetail, type RumorSeverity, type RumorStatus } from './rumors-api.ts';
import { SimilarPanel } from './SimilarPanel.tsx';
import { SpreadPanel } from './SpreadPanel.tsx';
import { rumorStrings } from './strings.ts';

export function CaseDetail({ id }: { id: string }) {
  const res = useAsync(() => getCase(id), [id]);
  const [c, setC] = useState<RumorCaseDetail | null>(null);
  useEffect(() => setC(res.data ?? null), [res.data]);
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!c) return <Loading />;
  return <Detail c={c} onChanged={setC} />;
}

function Detail({ c, onChanged }: CaseProps) {
  const { lang } = useI18n();
  const S = rumorStrings(lang);
  return (
    <Stack gap="md" data-testid="rumor-case" data-id={c.id}>
      <Link to="/rumors">{S.back}</Link>
      <Group gap="sm" wrap="wrap" align="center">
        <Title order={1} size="h3" data-testid="rumor-case-title">
          {c.title}
        </Title>
        <StatusBadge status={c.status} />
        {c.verdict && c.conclusionState === 'approved' && <VerdictBadge verdict={c.verdict} />}
        {c.overdue && <OverdueBadge />}
      </Group>
      <Text size="sm" c="dimmed">
        {c.code} · {c.unitName}
      </Text>
      <StatusSteps status={c.status} />
      <FactsPanel c={c} onChanged={onChanged} />
      <ReportsPanel c={c} />
      <SpreadPanel key={`spread:${c.reportCount}`} caseId={c.id} />
      <EvidencePanel c={c} onChanged={onChanged} />
      <ActionsPanel c={c} onChanged={onChanged} />
      <ConclusionPanel c={c} onChanged={onChanged} />
      <CorrectionPanel c={c} onChanged={onChanged} />
      <SimilarPanel c={c} onChanged={onChanged} />
    </Stack>
  );
}

const STEPS: RumorStatus[] = ['unverified', 'verifying', 'concluded'];

/** The three statuses in order, the current one marked (aria-current="step"). */
function StatusSteps({ status }: { status: RumorStatus }) {
  const { lang } = useI18n();
  const D = detailStrings(lang);
  const names: Record<RumorStatus, string> = { unverified: D.stepUnverified, verifying: D.stepVerifying, concluded: D.stepConcluded };
  const at = STEPS.indexOf(status);
  return (
    <nav aria-label={D.steps}>
      <ol style={{ display: 'flex', flexWrap: 'wrap', gap: 8, listStyle: 'none', margin: 0, padding: 0 }} data-testid="rumor-steps">
        {STEPS.map((s, i) => (
          <li
            key={s}
            aria-current={i === at ? 'step' : undefined}
            data-step={s}
            style={{
              padding: '4px 12px',
              borderRadius: 16,
              fontSize: 'var(--mantine-font-size-sm)',
              fontWeight: i === at ? 700 : 400,
              background: i === at ? 'var(--mantine-color-blue-8)' : i < at ? 'var(--mantine-color-green-0)' : 'var(--mantine-color-gray-1)',
              color: i === at ? '#fff' : i < at ? 'var(--mantine-color-green-9)' : 'var(--mantine-color-gray-8)',
            }}
          >
            <span aria-hidden>{i < at ? '✓' : i + 1}</span> {names[s]}
            {i < STEPS.length - 1 && (
              <span aria-hidden style={{ marginLeft: 8 }}>
                →
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Severity (recomputes the deadline), assignee (take it / unassign), start verification, the claim. */
function FactsPanel({ c, onChanged }: CaseProps) {
  const { lang } = useI18n();
  const D = detailStrings(lang);
  const { me } = useSession();
  const { notify, notifyError } = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [claim, setClaim] = useState(c.claim);
  const [title, setTitle] = useState(c.title);
  const [firstUrl, setFirstUrl] = useState(c.firstAppearanceUrl ?? '');
  const canWrite = c.capabilities.canWrite;

  async function save(what: string, patch: Parameters<typeof updateCase>[1]): Promise<boolean> {
    setBusy(what);
    try {
      onChanged(await updateCase(c.id, patch));
      notify('success', D.saved);
      return true;
    } catch (err) {
      notifyError(err);
      return false;
    } finally {
      setBusy(null);
    }
  }

  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {canWrite ? (
            <NativeSelect
              label={D.severity}
              value={c.severity}
              disabled={busy !== null}
              onChange={(e) => void save('severity', { severity: e.currentTarget.value as RumorSeverity })}
              data={RUMOR_SEVERITIES.map((s) => ({ value: s, label: rumorStrings(lang).severities[s] }))}
              data-testid="rumor-severity-select"
            />
          ) : (
            <Field label={D.severity}>
              <SeverityBadge severity={c.severity} />
            </Field>
          )}
          <Field label={D.respondBy}>
            <span data-testid="rumor-respond-by">{formatDateTime(c.respondBy, lang)}</span>
            <Text size="xs" c="dimmed">
              {D.respondHours(RUMOR_SEVERITY_LABELS[c.severity].respondHours)}
            </Text>
          </Field>
          <Field label={D.assignee}>
            <Group gap="xs" wrap="wrap">
              <span data-testid="rumor-assignee">{c.assignee?.name ?? D.unassigned}</span>
              {canWrite && c.assignee?.id !== me.id && (
                <Button size="compact-sm" variant="light" loading={busy === 'assign'} onClick={() => void save('assign', { assigneeId: me.id })} data-testid="rumor-assign-me">
                  {D.assignMe}
                </Button>
              )}
              {canWrite && c.assignee && (
                <Button size="compact-sm" variant="subtle" loading={busy === 'unassign'} onClick={() => void save('unassign', { assigneeId: null })}>
                  {D.unassign}
                </Button>
              )}
            </Group>
          </Field>
          <Field label={D.firstSeen}>{formatDateTime(c.firstSeenAt, lang)}</Field>
          <Field label={D.firstAppearance}>
            {c.firstAppearanceUrl ? (
              <Anchor href={c.firstAppearanceUrl} target="_blank" rel="noopener noreferrer nofollow" size="sm">
                {c.firstAppearanceUrl}
              </Anchor>
            ) : (
              D.none
            )}
          </Field>
        </SimpleGrid>
        {c.capabilities.canStartVerification && (
          <Group>
            <Button loading={busy === 'verify'} onClick={() => void save('verify', { status: 'verifying' })} data-testid="rumor-start-verification">
              {D.startVerification}
            </Button>
          </Group>
        )}
        {!editing && (
          <Field label={D.claim}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="rumor-claim">
              {c.claim || D.noClaim}
            </Text>
            {canWrite && (
              <Button
                size="compact-sm"
                variant="subtle"
                mt={4}
                onClick={() => {
                  setClaim(c.claim);
                  setTitle(c.title);
                  setFirstUrl(c.firstAppearanceUrl ?? '');
                  setEditing(true);
                }}
              >
                {D.editClaim}
              </Button>
            )}
          </Field>
        )}
        {editing && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save('claim', { title, claim, firstAppearanceUrl: firstUrl.trim() || null }).then((ok) => ok && setEditing(false));
            }}
          >
            <Stack gap="xs">
              <TextInput label={D.title} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={300} />
              <Textarea label={D.claim} autosize minRows={3} value={claim} onChange={(e) => setClaim(e.currentTarget.value)} maxLength={4000} data-testid="rumor-claim-input" />
              <TextInput label={D.firstAppearance} type="url" value={firstUrl} onChange={(e) => setFirstUrl(e.currentTarget.value)} maxLength={2000} />
              <Group gap="xs">
                <Button type="submit" loading={busy === 'claim'}>
                  {D.saveClaim}
                </Button>
                <Button variant="default" onClick={() => setEditing(false)}>
                  {rumorStrings(lang).cancel}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
