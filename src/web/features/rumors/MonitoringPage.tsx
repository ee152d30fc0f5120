// Theo dõi báo chí, Internet: the feed items that matched a watch keyword, to dismiss or turn into a report; the
// desk's feeds and keywords (MonitoringSettings.tsx).
import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { useSession } from '../../app/session.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Link } from '../../router.tsx';
import { FEED_ITEM_STATES, dismissFeedItem, listFeedItems, reportFeedItem, type FeedItemState, type FeedItemView } from './monitoring-api.ts';
import { monitoringStrings } from './monitoring-strings.ts';
import { FeedsSettings, KeywordsSettings } from './MonitoringSettings.tsx';
import { RumorsTabs } from './RumorsTabs.tsx';
import { mayWriteCases } from './rumors-roles.ts';

export function MonitoringPage() {
  const { lang } = useI18n();
  const M = monitoringStrings(lang);
  const { me } = useSession();
  const canWrite = mayWriteCases(me);
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {M.title}
      </Title>
      <RumorsTabs />
      <Text size="sm" c="dimmed">
        {M.intro}
      </Text>
      <Tabs defaultValue="items" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="items">{M.items}</Tabs.Tab>
          <Tabs.Tab value="feeds" data-testid="rumor-tab-feeds">
            {M.feeds}
          </Tabs.Tab>
          <Tabs.Tab value="keywords" data-testid="rumor-tab-keywords">
            {M.keywords}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="items" pt="sm">
          <ItemsPanel unitId={me.unitId} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="feeds" pt="sm">
          <FeedsSettings unitId={me.unitId} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="keywords" pt="sm">
          <KeywordsSettings unitId={me.unitId} canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ItemsPanel({ unitId, canWrite }: { unitId: string; canWrite: boolean }) {
  const { lang } = useI18n();
  const M = monitoringStrings(lang);
  const [state, setState] = useState<FeedItemState>('new');
  const res = useAsync(() => listFeedItems({ unitId, state }), [unitId, state]);
  const items = res.data?.items;
  const replace = (it: FeedItemView) => res.setData((d) => d && { ...d, items: d.items.map((x) => (x.id === it.id ? it : x)) });
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <NativeSelect
          label={M.state}
          value={state}
          onChange={(e) => setState(e.currentTarget.value as FeedItemState)}
          data={FEED_ITEM_STATES.map((s) => ({ value: s, label: M.states[s] }))}
          w={{ base: '100%', xs: 240 }}
        />
        {res.loading && !items && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {items && items.length === 0 && <Text size="sm">{M.noItems}</Text>}
        {items && items.length > 0 && (
          <Stack gap="xs" data-testid="rumor-feed-items">
            {items.map((it) => (
              <FeedItem key={it.id} it={it} canWrite={canWrite} onChanged={replace} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function FeedItem({ it, canWrite, onChanged }: { it: FeedItemView; canWrite: boolean; onChanged: (it: FeedItemView) => void }) {
  const { lang } = useI18n();
  const M = monitoringStrings(lang);
  const { notify, notifyError } = useNotify();
  const [busy, setBusy] = useState<'dismiss' | 'report' | null>(null);
  async function run(step: 'dismiss' | 'report') {
    setBusy(step);
    try {
      if (step === 'dismiss') {
        onChanged(await dismissFeedItem(it.id));
        notify('success', M.dismissed);
      } else {
        const out = await reportFeedItem(it.id);
        onChanged(out.item);
        notify('success', M.reported(out.report.code, out.case.code));
      }
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  }
  return (
    <Paper withBorder p="xs" data-testid="rumor-feed-item" data-id={it.id}>
      <Stack gap={4}>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {it.url ? (
            <Anchor href={it.url} target="_blank" rel="noopener noreferrer nofollow">
              {it.title}
            </Anchor>
          ) : (
            it.title
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {it.feed.name}
          {it.publishedAt ? ` · ${M.published(formatDateTime(it.publishedAt, lang))}` : ''}
        </Text>
        {it.summary && (
          <Text size="sm" lineClamp={4}>
            {it.summary}
          </Text>
        )}
        <Group gap={4} wrap="wrap">
          <Text size="xs">{M.matched}:</Text>
          {it.matchedKeywords.map((k) => (
            <Badge key={k} size="sm" variant="light" tt="none" radius="sm">
              {k}
            </Badge>
          ))}
        </Group>
        {it.report && <Link to={`/rumors/${encodeURIComponent(it.report.caseId)}`}>{`${M.openCase} (${it.report.code})`}</Link>}
        {canWrite && it.state === 'new' && (
          <Group gap="xs">
            <Button size="xs" loading={busy === 'report'} disabled={busy !== null} onClick={() => void run('report')} data-testid="rumor-feed-report">
              {M.toReport}
            </Button>
            <Button size="xs" variant="default" loading={busy === 'dismiss'} disabled={busy !== null} onClick={() => void run('dismiss')} data-testid="rumor-feed-dismiss">
              {M.dismiss}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
