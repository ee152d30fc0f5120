// Nhập văn bản đến: upload a công văn received outside Loa, check the proposal beside the extracted
// text (fields with confidence and source line, issuer and addressee matches, tasks and report
// form), correct it, and confirm: the document is registered in the unit's inbox with its tasks.
import './imports.css';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Link, navigate } from '../../router.tsx';
import { ACCEPTED_FILES, IMPORT_LIMITS, getImport, uploadImport } from './imports-api.ts';
import { ProposalEditor } from './ProposalEditor.tsx';
import { uploaded, useStrings } from './page-state.ts';

export function ImportPage({ id }: { id: string | null }) {
  return id ? <ImportView key={id} id={id} /> : <UploadView />;
}

// ---------------------------------------------------------------------------
// Upload

function UploadView() {
  const s = useStrings();
  const { lang } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!file) return setError(s.noFile);
    if (file.size > IMPORT_LIMITS.fileBytes) return setError(s.tooLarge);
    setBusy(true);
    setError(null);
    try {
      const rec = await uploadImport(file);
      uploaded.set(rec.id, rec);
      navigate(`/imports/${encodeURIComponent(rec.id)}`);
    } catch (e) {
      setError(errorMessage(e, lang));
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={760}>
      <Title order={1} size="h3">
        {s.title}
      </Title>
      <Text size="sm">{s.intro}</Text>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm">
            <div>
              <Text component="label" htmlFor={inputId} size="sm" fw={500} display="block" mb={4}>
                {s.fileLabel}
              </Text>
              <input
                id={inputId}
                className="loa-import-file"
                type="file"
                accept={ACCEPTED_FILES}
                aria-describedby={hintId}
                data-testid="import-file"
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  setError(null);
                }}
              />
              <Text id={hintId} size="xs" c="dimmed" mt={4}>
                {s.fileHint}
              </Text>
            </div>
            {error && (
              <Alert color="red" role="alert" data-testid="import-upload-error">
                {error}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={busy} disabled={!file} data-testid="import-upload">
                {s.upload}
              </Button>
              {busy && (
                <Text size="sm" role="status">
                  {s.uploading}
                </Text>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

// ---------------------------------------------------------------------------
// One import: proposal, corrections, confirmation

function ImportView({ id }: { id: string }) {
  const s = useStrings();
  const { lang } = useI18n();
  const res = useAsync(() => {
    const cached = uploaded.get(id);
    return cached ? Promise.resolve(cached) : getImport(id);
  }, [id]);
  const rec = res.data;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h3">
            {s.title}
          </Title>
          {rec && (
            <Text size="sm" c="dimmed" data-testid="import-file-name">
              {rec.fileName} · {formatDateTime(rec.createdAt, lang)}
            </Text>
          )}
        </div>
        <Button variant="default" onClick={() => navigate('/imports')} data-testid="import-new">
          {s.newImport}
        </Button>
      </Group>
      {res.loading && !rec && <Loading />}
      {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
      {rec && rec.duplicateOf && (
        <Alert color="orange" title={s.duplicate} role="alert" data-testid="import-duplicate">
          {s.duplicateBody(formatDateTime(rec.createdAt, lang))}
        </Alert>
      )}
      {rec && rec.status !== 'proposed' ? (
        <Alert color="blue" data-testid="import-already-confirmed">
          <Stack gap="xs" align="flex-start">
            <span>{s.alreadyConfirmed}</span>
            <Link to="/inbox">{s.openInbox}</Link>
          </Stack>
        </Alert>
      ) : (
        rec && <ProposalEditor rec={rec} />
      )}
    </Stack>
  );
}
