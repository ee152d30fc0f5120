// One SMS campaign: what is sent (text, encoding, parts), to whom, the workflow buttons, and — once approved — the
// live progress (refreshed every 3 s while sending), the failures and the results export.
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Link } from '../../router.tsx';
import { BroadcastActions } from './BroadcastActions.tsx';
import { AudienceSummary } from './AudiencePicker.tsx';
import { AudiencePreviewPanel, FailuresPanel, ProgressPanel } from './BroadcastProgress.tsx';
import { getBroadcast, type BroadcastView } from './broadcasts-api.ts';
import { BroadcastStatusBadge, PriorityBadge } from './badges.tsx';
import { POLL_MS, shouldPoll } from './progress.ts';
import { broadcastStrings } from './strings.ts';
import { SupersedePanel } from './SupersedePanel.tsx';
import { TelcoRequestPanel } from './TelcoRequestPanel.tsx';
import { PublishToPages } from '../social/PublishToPages.tsx';

export function BroadcastDetail({ id }: { id: string }) {
  const { lang } = useI18n();
  const S = broadcastStrings(lang);
  const res = useAsync(() => getBroadcast(id), [id]);
  const b = res.data;
  const { setData } = res;
  const live = b !== undefined && shouldPoll(b);

  // Live progress: fetch again POLL_MS after each answer while the campaign is being sent.
  useEffect(() => {
    if (!live) return;
    let alive = true;
    const timer = setTimeout(() => {
      getBroadcast(id).then(
        (next) => alive && setData(() => next),
        // A failed poll (a network blip) tries again after the same delay.
        () => alive && setData((prev) => prev && { ...prev }),
      );
    }, POLL_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [id, live, b, setData]);

  if (res.error != null && !b) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!b) return <Loading />;
  const before = b.status === 'draft' || b.status === 'submitted';
  return (
    <Stack gap="md">
      <Link to={`/sms?unit=${encodeURIComponent(b.unitId)}`}>{S.back}</Link>
      <Group gap="sm" wrap="wrap" align="center">
        <Title order={1} size="h3" style={{ overflowWrap: 'anywhere' }} data-testid="broadcast-title">
          {b.title}
        </Title>
        <PriorityBadge priority={b.priority} />
        <BroadcastStatusBadge status={b.status} />
        {b.emergency && (
          <Badge color="red.9" variant="outline" tt="none" radius="sm" data-testid="broadcast-emergency">
            {S.emergencyBadge}
          </Badge>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="broadcast-text">
            {b.textToSend}
          </Text>
          <Text size="xs" c="dimmed" data-testid="broadcast-segments" data-parts={b.segments.parts} data-encoding={b.segments.encoding}>
            {S.segmentsLine(b.segments.characters, S.encoding[b.segments.encoding], b.segments.parts)}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={4}>
            <Field label={S.unit} value={b.unitName} />
            <Field label={S.telcoRequest.route} value={b.route === 'telco_request' ? S.telcoRequest.routeTelco : S.telcoRequest.routeSms} />
            <Field label={S.sender} value={b.senderName ?? S.defaultSender} />
            <Field label={S.schedule} value={b.scheduleAt ? formatDateTime(b.scheduleAt, lang) : S.now} />
            <Field label={S.window} value={b.windowStart && b.windowEnd ? `${b.windowStart}–${b.windowEnd}` : S.allDay} />
            <Field label={S.createdAt} value={formatDateTime(b.createdAt, lang)} />
            {b.approvedAt && <Field label={S.approvedAt} value={formatDateTime(b.approvedAt, lang)} />}
            {b.recipients !== null && <Field label={S.audience} value={S.recipients(b.recipients)} />}
          </SimpleGrid>
          <AudienceSummary ownerUnitId={b.unitId} unitIds={b.audience.unitIds} listIds={b.audience.listIds} />
        </Stack>
      </Paper>
      <Paper withBorder p="sm" component="section" aria-label={S.actions}>
        <BroadcastActions broadcast={b} onChanged={(next: BroadcastView) => res.setData(() => next)} />
        <SupersedePanel broadcast={b} />
      </Paper>
      {before && <AudiencePreviewPanel broadcast={b} />}
      {(b.status === 'approved' || b.status === 'sending' || b.status === 'done') && <PublishToPages unitId={b.unitId} source={{ kind: 'broadcast', broadcastId: b.id }} />}
      {!before && b.route === 'telco_request' && <TelcoRequestPanel broadcast={b} onChanged={(next) => res.setData(() => next)} />}
      {!before && b.progress.total > 0 && (
        <>
          <ProgressPanel broadcast={b} live={live} />
          <FailuresPanel broadcast={b} />
        </>
      )}
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}
