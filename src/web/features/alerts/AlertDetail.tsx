// One CAP alert: its texts, areas and CAP header (identifier, sender, sent, references), its chain, the workflow
// buttons its capabilities allow (publish with a confirmation; Update / Cancel create the next message of the chain),
// the XML preview with the checks' findings, and the public document once published.
import { Alert, Anchor, Button, Code, Group, List, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { href, Link, navigate } from '../../router.tsx';
import { alertStep, getAlert, previewAlert, type AlertPreview, type AlertStep, type AlertView } from './alerts-api.ts';
import { AlertPhaseBadge, CapStatusBadge, SeverityBadge } from './badges.tsx';
import { alertStrings } from './strings.ts';

export function AlertDetail({ id }: { id: string }) {
  const res = useAsync(() => getAlert(id), [id]);
  const [alert, setAlert] = useState<AlertView | null>(null);
  useEffect(() => setAlert(res.data ?? null), [res.data]);
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!alert) return <Loading />;
  return <Detail alert={alert} onChanged={setAlert} />;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-all' }}>
        {children}
      </Text>
    </div>
  );
}

function Detail({ alert: a, onChanged }: { alert: AlertView; onChanged: (a: AlertView) => void }) {
  const { lang } = useI18n();
  const S = alertStrings(lang);
  const info = lang === 'en' && a.en ? a.en : a.vi;
  return (
    <Stack gap="md">
      <Link to="/alerts">{S.back}</Link>
      <Group gap="sm" wrap="wrap">
        <Title order={1} size="h3" data-testid="alert-title">
          {a.vi.headline}
        </Title>
        <CapStatusBadge status={a.status} />
        <SeverityBadge severity={a.severity} />
        <AlertPhaseBadge phase={a.phase} />
      </Group>
      <Text size="sm" c="dimmed">
        {S.msgTypes[a.msgType]} · {a.event} · {a.unitName} · {S.createdAt(formatDateTime(a.createdAt, lang))}
        {a.emergency ? ` · ${S.emergency}` : ''}
      </Text>
      <AlertActions alert={a} onChanged={onChanged} />
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Text fw={600}>{info.headline}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {info.description}
          </Text>
          {info.instruction && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <strong>{S.fInstruction}:</strong> {info.instruction}
            </Text>
          )}
          {info.contact && <Text size="sm">{`${S.fContact}: ${info.contact}`}</Text>}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Field label={S.fUrgency}>{S.urgencies[a.urgency]}</Field>
            <Field label={S.fCertainty}>{S.certainties[a.certainty]}</Field>
            <Field label={S.fCategories}>{a.categories.map((c) => S.categories[c]).join(', ')}</Field>
            <Field label={S.fEffective}>{a.effective ? formatDateTime(a.effective, lang) : '—'}</Field>
            <Field label={S.fOnset}>{a.onset ? formatDateTime(a.onset, lang) : '—'}</Field>
            <Field label={S.fExpires}>{formatDateTime(a.expires, lang)}</Field>
          </SimpleGrid>
          <Field label={S.areas}>{a.areas.map((u) => (u.code ? `${u.name} (${u.code})` : u.name)).join(', ')}</Field>
          {a.note && <Field label={S.fNote}>{a.note}</Field>}
        </Stack>
      </Paper>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Field label={S.identifier}>{a.identifier ?? '—'}</Field>
          <Field label={S.sender}>{a.sender ?? '—'}</Field>
          <Field label={S.sent}>{a.sent ? formatDateTime(a.sent, lang) : '—'}</Field>
          <Field label={S.references}>{a.references ?? '—'}</Field>
        </SimpleGrid>
        {a.xmlUrl && (
          <Anchor href={a.xmlUrl} target="_blank" rel="noopener" mt="xs" display="inline-block" data-testid="alert-xml-link">
            {S.openXml}
          </Anchor>
        )}
        {a.chain.length > 1 && (
          <Stack gap={4} mt="sm">
            <Text fw={600} size="sm">
              {S.chain}
            </Text>
            <List size="sm">
              {a.chain.map((c) => (
                <List.Item key={c.id}>
                  {c.id === a.id ? <strong>{S.msgTypes[c.msgType]}</strong> : <Link to={`/alerts/${encodeURIComponent(c.id)}`}>{S.msgTypes[c.msgType]}</Link>}
                  {c.identifier ? ` · ${c.identifier}` : ` · ${S.phases[c.state === 'submitted' ? 'submitted' : 'draft']}`}
                  {c.sent ? ` · ${formatDateTime(c.sent, lang)}` : ''}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Paper>
      <PreviewPanel key={`${a.id}:${a.state}`} alert={a} />
    </Stack>
  );
}

function PreviewPanel({ alert }: { alert: AlertView }) {
  const { lang } = useI18n();
  const S = alertStrings(lang);
  const { notifyError } = useNotify();
  const [preview, setPreview] = useState<AlertPreview | null>(null);
  const [busy, setBusy] = useState(false);
  async function load() {
    setBusy(true);
    try {
      setPreview(await previewAlert(alert.id));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="sm">
      <Button variant="light" onClick={() => void load()} loading={busy} data-testid="alert-preview">
        {S.preview}
      </Button>
      {preview && (
        <Stack gap="xs" mt="sm" data-testid="alert-preview-result">
          {preview.valid ? (
            <Alert color="green">{S.previewValid}</Alert>
          ) : (
            <Alert color="red" role="alert">
              {S.previewInvalid(preview.problems.length)}
              <List size="sm">
                {preview.problems.map((p, i) => (
                  <List.Item key={i}>
                    <Code>{p.field}</Code> {p.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Code block tabIndex={0} aria-label={S.preview} style={{ maxHeight: 420, overflow: 'auto' }}>
            {preview.xml}
          </Code>
        </Stack>
      )}
    </Paper>
  );
}

type Dialog = 'publish' | 'cancel';

function AlertActions({ alert: a, onChanged }: { alert: AlertView; onChanged: (a: AlertView) => void }) {
  const { lang } = useI18n();
  const S = alertStrings(lang);
  const { notify } = useNotify();
  const [busy, setBusy] = useState<AlertStep | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const caps = a.capabilities;

  async function run(step: AlertStep): Promise<void> {
    setBusy(step);
    setError(null);
    try {
      const out = await alertStep(a, step, { note: note.trim() || null });
      notify('success', S.done[step]);
      setDialog(null);
      // Update and Cancel answer the new draft of the chain: open it to review and publish.
      if (out.id !== a.id) navigate(`/alerts/${encodeURIComponent(out.id)}`);
      else onChanged(out);
    } catch (err) {
      setError(errorMessage(err, lang));
    } finally {
      setBusy(null);
    }
  }

  const publishing = caps.publish || caps.emergencyPublish;
  if (!caps.edit && !caps.submit && !publishing && !caps.update && !caps.cancel) return null;
  return (
    <>
      {error && !dialog && (
        <Alert color="red" role="alert" data-testid="alert-error" style={{ whiteSpace: 'pre-wrap' }}>
          {error}
        </Alert>
      )}
      <Group gap="sm" wrap="wrap" data-testid="alert-actions">
        {caps.edit && (
          <Button component="a" variant="default" href={href(`/alerts/${encodeURIComponent(a.id)}/edit`)} data-testid="alert-edit">
            {S.edit}
          </Button>
        )}
        {caps.submit && (
          <Button loading={busy === 'submit'} disabled={busy !== null} onClick={() => void run('submit')} data-testid="alert-submit">
            {S.submit}
          </Button>
        )}
        {publishing && (
          <Button color={caps.emergencyPublish ? 'red' : undefined} disabled={busy !== null} onClick={() => setDialog('publish')} data-testid="alert-publish">
            {caps.emergencyPublish ? S.emergencyPublish : S.publish}
          </Button>
        )}
        {caps.update && (
          <Button variant="light" loading={busy === 'update'} disabled={busy !== null} onClick={() => void run('update')} data-testid="alert-update">
            {S.update}
          </Button>
        )}
        {caps.cancel && (
          <Button variant="light" color="red" disabled={busy !== null} onClick={() => setDialog('cancel')} data-testid="alert-cancel">
            {S.cancel}
          </Button>
        )}
      </Group>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === 'cancel' ? S.cancel : caps.emergencyPublish ? S.emergencyPublish : S.publish}
        closeButtonProps={{ 'aria-label': S.close }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (dialog) void run(dialog);
          }}
          noValidate
        >
          <Stack gap="sm">
            {error && (
              <Text c="red.8" size="sm" role="alert" style={{ whiteSpace: 'pre-wrap' }}>
                {error}
              </Text>
            )}
            {dialog === 'publish' && (
              <Alert color={caps.emergencyPublish ? 'red' : 'blue'}>{caps.emergencyPublish ? `${S.emergencyConfirm} ${S.publishConfirm}` : S.publishConfirm}</Alert>
            )}
            {dialog === 'cancel' && (
              <>
                <Alert color="red">{S.cancelConfirm}</Alert>
                <Textarea label={S.cancelNote} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
              </>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDialog(null)}>
                {S.close}
              </Button>
              <Button type="submit" color="red" loading={busy !== null} data-testid="alert-step-confirm">
                {S.confirm}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
