// A case's reports: channel, text, links, file (a thumbnail for a screenshot), times — never who. A desk lead
// reveals one informant with a reason (audited); staff who may write select reports to split into a new case.
import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { navigate } from '../../router.tsx';
import type { CaseProps } from './case-parts.tsx';
import { clusterStrings } from './cluster-strings.ts';
import { splitReports } from './clustering-api.ts';
import { detailStrings } from './detail-strings.ts';
import { reportFileUrl, revealInformant } from './intake-api.ts';
import type { RevealedIdentityView, RumorReportView } from './rumors-api.ts';
import { rumorStrings } from './strings.ts';

export function ReportsPanel({ c }: Pick<CaseProps, 'c'>) {
  const { lang } = useI18n();
  const D = detailStrings(lang);
  const C = clusterStrings(lang);
  const [revealing, setRevealing] = useState<RumorReportView | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const canSplit = c.capabilities.canWrite && c.reports.length > 1;
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {D.reportsTitle(c.reports.length)}
        </Title>
        <Text size="xs" c="dimmed">
          {D.reportsNote}
        </Text>
        <Stack gap="xs" data-testid="rumor-reports">
          {c.reports.map((r) => (
            <Paper key={r.id} withBorder p="xs" data-testid="rumor-report" data-id={r.id}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Group gap="xs" align="flex-start" wrap="nowrap" style={{ flex: '1 1 280px', minWidth: 0 }}>
                  {canSplit && (
                    <Checkbox
                      aria-label={C.selectReport(r.code)}
                      checked={picked.includes(r.id)}
                      onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                      mt={2}
                      data-testid="rumor-report-pick"
                    />
                  )}
                  <ReportBody r={r} />
                </Group>
                {c.capabilities.canReveal && r.hasInformant && (
                  <Button size="xs" variant="light" color="orange" onClick={() => setRevealing(r)} data-testid="rumor-reveal">
                    {D.reveal}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
        {canSplit && picked.length > 0 && (
          <SplitForm
            caseId={c.id}
            reportIds={picked}
            all={picked.length === c.reports.length}
            onSplit={(newId) => {
              setPicked([]);
              navigate(`/rumors/${encodeURIComponent(newId)}`);
            }}
          />
        )}
      </Stack>
      <RevealModal report={revealing} onClose={() => setRevealing(null)} />
    </Paper>
  );
}

/** The stored type is the sniffed kind ("png") or a MIME type ("image/png"). */
const isImage = (type: string) => type.startsWith('image/') || ['jpeg', 'png', 'webp', 'gif'].includes(type);
const fileKind = (type: string) => (type.includes('/') ? (type.split('/')[1] ?? type) : type).toUpperCase();

function ReportBody({ r }: { r: RumorReportView }) {
  const { lang } = useI18n();
  const S = rumorStrings(lang);
  const D = detailStrings(lang);
  const image = r.file ? isImage(r.file.type) : false;
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Group gap="xs" wrap="wrap">
        <Badge variant="outline" tt="none" radius="sm" styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}>
          {S.channels[r.channel]}
        </Badge>
        <Text size="xs" c="dimmed">
          {r.code} · {D.receivedAt(formatDateTime(r.createdAt, lang))}
          {r.seenAt ? ` · ${D.seenAt(formatDateTime(r.seenAt, lang))}` : ''}
        </Text>
      </Group>
      {r.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {r.description}
        </Text>
      )}
      {r.urls.map((u) => (
        <Anchor key={u} href={u} target="_blank" rel="noopener noreferrer nofollow" size="sm" style={{ overflowWrap: 'anywhere' }}>
          {u}
        </Anchor>
      ))}
      {r.file && (
        <Group gap="xs" align="flex-end">
          {image && (
            <a href={reportFileUrl(r.id)} target="_blank" rel="noopener">
              <img
                src={reportFileUrl(r.id)}
                alt={D.fileImage}
                loading="lazy"
                style={{ maxWidth: 160, maxHeight: 120, borderRadius: 4, border: '1px solid var(--mantine-color-gray-3)' }}
              />
            </a>
          )}
          <Anchor href={reportFileUrl(r.id)} target="_blank" rel="noopener" size="sm" data-testid="rumor-report-file">
            {D.file(fileKind(r.file.type), Math.max(1, Math.round(r.file.size / 1024)))}
          </Anchor>
        </Group>
      )}
      {r.canNotify && (
        <Text size="xs" c="dimmed">
          {r.outcomeNotifiedAt ? D.notifiedAt(formatDateTime(r.outcomeNotifiedAt, lang)) : D.canNotify}
        </Text>
      )}
    </Stack>
  );
}

function SplitForm({ caseId, reportIds, all, onSplit }: { caseId: string; reportIds: string[]; all: boolean; onSplit: (id: string) => void }) {
  const { lang } = useI18n();
  const C = clusterStrings(lang);
  const { notify, notifyError } = useNotify();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  if (all) return <Text size="sm">{C.splitAll}</Text>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) return;
        setBusy(true);
        splitReports(caseId, reportIds, title.trim()).then(
          (out) => {
            notify('success', C.splitDone(out.case.code));
            onSplit(out.case.id);
          },
          (err: unknown) => {
            notifyError(err);
            setBusy(false);
          },
        );
      }}
    >
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput label={C.splitTitle(reportIds.length)} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={300} style={{ flex: '1 1 260px' }} />
        <Button type="submit" variant="light" loading={busy} disabled={!title.trim()} data-testid="rumor-split">
          {C.split}
        </Button>
      </Group>
    </form>
  );
}

/** Asks for the reason, then shows the identity (the server audits the reveal, never the identity). */
function RevealModal({ report, onClose }: { report: RumorReportView | null; onClose: () => void }) {
  const { lang } = useI18n();
  const D = detailStrings(lang);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [identity, setIdentity] = useState<RevealedIdentityView | null>(null);
  const close = () => {
    setReason('');
    setError(null);
    setIdentity(null);
    onClose();
  };
  const rows: [string, string | null][] = identity
    ? [
        [D.identityName, identity.name],
        [D.identityPhone, identity.phone],
        [D.identityEmail, identity.email],
        [D.identitySocial, identity.socialId],
        [D.identityIp, identity.ip],
        [D.identityUa, identity.userAgent],
        [D.identityFile, identity.fileName],
      ]
    : [];
  return (
    <Modal opened={report !== null} onClose={close} title={D.revealTitle} closeButtonProps={{ 'aria-label': rumorStrings(lang).close }}>
      {report && !identity && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length < 10) {
              setError(D.revealReasonShort);
              return;
            }
            setBusy(true);
            setError(null);
            revealInformant(report.id, reason.trim()).then(
              (id) => {
                setIdentity(id);
                setBusy(false);
              },
              (err: unknown) => {
                setError(errorMessage(err, lang));
                setBusy(false);
              },
            );
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{D.revealIntro}</Text>
            <Text size="xs" c="dimmed">
              {report.code}
            </Text>
            <Textarea
              label={D.revealReason}
              required
              autosize
              minRows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error}
              data-testid="rumor-reveal-reason"
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {rumorStrings(lang).cancel}
              </Button>
              <Button type="submit" color="orange" loading={busy} data-testid="rumor-reveal-submit">
                {D.revealSubmit}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {identity && (
        <Stack gap="sm" data-testid="rumor-identity">
          {identity.erased ? (
            <Alert color="gray">{D.identityErased}</Alert>
          ) : (
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {rows.map(([k, v]) => (
                  <Table.Tr key={k}>
                    <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                      {k}
                    </Table.Th>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{v ?? D.none}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {rumorStrings(lang).close}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
