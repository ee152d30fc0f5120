// One outgoing directive: the editor for a draft (drafters), otherwise the
// read-only preview with the workflow buttons and, once issued, delivery tracking.
import { Alert, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { getDirective, type Directive } from './directives-api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Link } from '../../router.tsx';
import { AttachmentList } from './Attachments.tsx';
import { DirectiveEditor } from './DirectiveEditor.tsx';
import { DirectivePreview } from './DirectivePreview.tsx';
import { viewFromDirective } from './doc-view.ts';
import { StatusBadge, useDocTypes } from './shared.tsx';
import { TrackingTable } from './TrackingTable.tsx';
import { WorkflowActions } from './WorkflowActions.tsx';
import { directiveStrings } from './strings.ts';

export function DirectiveDetail({ id }: { id: string }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const { nameOf } = useDocTypes();
  const res = useAsync(() => getDirective(id), [id]);
  const d = res.data;
  const setD = (x: Directive) => res.setData(() => x);

  if (res.loading && !d) return <Loading />;
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!d) return null;
  if (d.capabilities.edit) return <DirectiveEditor key={d.updatedAt} directive={d} onChanged={setD} />;

  return (
    <Stack gap="md">
      <Link to="/outgoing">{S.back}</Link>
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={1} size="h3" data-testid="directive-title">
          {d.number ? S.numbered({ type: nameOf(d.docType), symbol: d.fullSymbol }) : `${nameOf(d.docType)} ${d.symbol}`}
        </Title>
        <StatusBadge status={d.status} testId="directive-status" />
        <Anchor href={`/api/directives/${d.id}/pdf`} data-testid="download-pdf">
          {S.downloadPdf}
        </Anchor>
        <Anchor href={`/api/directives/${d.id}/docx`} data-testid="download-docx">
          {S.downloadDocx}
        </Anchor>
      </Group>
      <Text>{d.subject}</Text>
      {d.status === 'revoked' && (
        <Alert color="red" data-testid="revoked-note">
          {S.revokedNote({ reason: d.revokeReason ?? '' })}
        </Alert>
      )}
      <Paper withBorder p="sm" component="section" aria-label={S.actions}>
        <Stack gap="xs">
          <Title order={2} size="h5">
            {S.actions}
          </Title>
          <WorkflowActions directive={d} onChanged={setD} />
          <Text size="xs" c="dimmed">
            {d.issuedAt ? `${S.issuedAt}: ${formatDateTime(d.issuedAt, lang)}` : `${S.updatedAt}: ${formatDateTime(d.updatedAt, lang)}`}
          </Text>
        </Stack>
      </Paper>
      <AttachmentList files={d.files} />
      {(d.status === 'issued' || d.status === 'revoked') && <TrackingTable directiveId={d.id} version={d.updatedAt} />}
      <section className="loa-preview-page" aria-label={S.preview}>
        <DirectivePreview view={viewFromDirective(d, nameOf(d.docType))} />
      </section>
    </Stack>
  );
}
