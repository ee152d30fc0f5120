// One bulletin: what it plays (audio player, text read aloud, relay), its LED pages and targets, the workflow buttons
// its capabilities allow, and — once published — its live coverage.
import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Link } from '../../router.tsx';
import { PriorityBadge } from '../broadcasts/badges.tsx';
import { BulletinActions } from './BulletinActions.tsx';
import { getBulletin, type BulletinView } from './bulletins-api.ts';
import { BulletinStatusBadge } from './badges.tsx';
import { CoveragePanel } from './CoveragePanel.tsx';
import { bulletinStrings } from './strings.ts';

export function BulletinDetail({ id }: { id: string }) {
  const res = useAsync(() => getBulletin(id), [id]);
  const [bulletin, setBulletin] = useState<BulletinView | null>(null);
  useEffect(() => setBulletin(res.data ?? null), [res.data]);
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!bulletin) return <Loading />;
  return <Detail bulletin={bulletin} onChanged={setBulletin} />;
}

function Detail({ bulletin: b, onChanged }: { bulletin: BulletinView; onChanged: (b: BulletinView) => void }) {
  const { lang } = useI18n();
  const S = bulletinStrings(lang);
  return (
    <Stack gap="md">
      <Link to="/bulletins">{S.back}</Link>
      <Group gap="sm" wrap="wrap">
        <Title order={1} size="h3" data-testid="bulletin-title">
          {b.title}
        </Title>
        <PriorityBadge priority={b.priority} />
        <BulletinStatusBadge status={b.status} />
      </Group>
      <Text size="sm" c="dimmed">
        {b.unitName} · {formatDateTime(b.createdAt, lang)}
        {b.publishedAt ? ` · ${S.statuses.published} ${formatDateTime(b.publishedAt, lang)}` : ''} · {S.devices(b.devices)}
      </Text>
      <BulletinActions bulletin={b} onChanged={onChanged} />
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Text fw={600}>
            {S.audio} · {S.sources[b.source]}
          </Text>
          {b.audio.url ? (
            <Group gap="sm">
              <audio controls src={b.audio.url} aria-label={S.audio} data-testid="bulletin-audio" />
              {b.audio.durationMs !== null && <Text size="sm">{S.duration(Math.round(b.audio.durationMs / 1000))}</Text>}
            </Group>
          ) : b.streamUrl ? (
            <Text size="sm">{b.streamUrl}</Text>
          ) : (
            <Text size="sm">{S.noAudio}</Text>
          )}
          {b.spokenText && (
            <Text size="sm" data-testid="bulletin-spoken">
              {S.spoken}: {b.spokenText}
            </Text>
          )}
          <Text fw={600}>{S.ledPreview}</Text>
          <List size="sm">
            {b.ledPages.map((p, i) => (
              <List.Item key={i}>
                {S.ledPage(i + 1, p.seconds)}: {p.text}
              </List.Item>
            ))}
          </List>
          <Text fw={600}>{S.targets}</Text>
          <Text size="sm">{b.targetUnits.map((u) => u.name).join(', ')}</Text>
        </Stack>
      </Paper>
      {(b.status === 'published' || b.status === 'ended' || b.devices > 0) && <CoveragePanel bulletinId={b.id} unitId={b.unitId} />}
    </Stack>
  );
}
