// A case's evidence (documents, links, notes, files, answers of the competent bodies) and a form to add one.
import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { Link } from '../../router.tsx';
import type { CaseProps } from './case-parts.tsx';
import { detailStrings } from './detail-strings.ts';
import { RUMOR_LIMITS, RUMOR_MANUAL_EVIDENCE_KINDS, addEvidence } from './rumors-api.ts';

type ManualKind = (typeof RUMOR_MANUAL_EVIDENCE_KINDS)[number];

export function EvidencePanel({ c, onChanged }: CaseProps) {
  const { lang } = useI18n();
  const D = detailStrings(lang);
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {D.evidenceTitle}
        </Title>
        {c.evidence.length === 0 && <Text size="sm">{D.noEvidence}</Text>}
        {c.evidence.length > 0 && (
          <Stack gap="xs" data-testid="rumor-evidence">
            {c.evidence.map((e) => (
              <div key={e.id} data-testid="rumor-evidence-item">
                <Group gap="xs" wrap="wrap">
                  <Badge size="sm" variant="light" color={e.kind === 'answer' ? 'green' : 'gray'} tt="none" radius="sm" styles={{ root: { maxWidth: 'none' } }}>
                    {D.evidenceKinds[e.kind]}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {e.url ? (
                      <Anchor href={e.url} target="_blank" rel="noopener noreferrer nofollow">
                        {e.title}
                      </Anchor>
                    ) : (
                      e.title
                    )}
                  </Text>
                  {e.directiveId && <Link to={`/outgoing/${encodeURIComponent(e.directiveId)}`}>{D.openDirective}</Link>}
                </Group>
                {e.note && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {e.note}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {D.addedBy(e.createdBy?.name ?? '—', formatDateTime(e.createdAt, lang))}
                </Text>
              </div>
            ))}
          </Stack>
        )}
        {c.capabilities.canWrite && <AddEvidence caseId={c.id} onChanged={onChanged} />}
      </Stack>
    </Paper>
  );
}

function AddEvidence({ caseId, onChanged }: { caseId: string; onChanged: CaseProps['onChanged'] }) {
  const { lang } = useI18n();
  const D = detailStrings(lang);
  const { notify } = useNotify();
  const [kind, setKind] = useState<ManualKind>('note');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim() || (kind === 'link' && !url.trim()) || (kind === 'note' && !note.trim())) {
          setError(D.required);
          return;
        }
        setBusy(true);
        setError(null);
        addEvidence(caseId, { kind, title: title.trim(), url: url.trim() || null, note: note.trim() || null }).then(
          (out) => {
            onChanged(out);
            notify('success', D.evidenceAdded);
            setTitle('');
            setUrl('');
            setNote('');
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
        <Text fw={600} size="sm">
          {D.addEvidence}
        </Text>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <NativeSelect
            label={D.evidenceKind}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as ManualKind)}
            data={RUMOR_MANUAL_EVIDENCE_KINDS.map((k) => ({ value: k, label: D.evidenceKinds[k] }))}
            w={{ base: '100%', xs: 160 }}
            data-testid="rumor-evidence-kind"
          />
          <TextInput
            label={D.evidenceTitleField}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={RUMOR_LIMITS.title}
            style={{ flex: '1 1 240px' }}
            data-testid="rumor-evidence-title"
          />
        </Group>
        {(kind === 'link' || kind === 'document') && (
          <TextInput label={D.evidenceUrl} type="url" required={kind === 'link'} value={url} onChange={(e) => setUrl(e.currentTarget.value)} maxLength={RUMOR_LIMITS.url} />
        )}
        <Textarea
          label={D.evidenceNote}
          required={kind === 'note'}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={RUMOR_LIMITS.note}
          data-testid="rumor-evidence-note"
        />
        {error && (
          <Text c="red.8" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button type="submit" variant="light" loading={busy} data-testid="rumor-evidence-add">
            {D.addEvidence}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
