// The desk's feeds (RSS/Atom, watched or paused, last fetch and its Vietnamese error) and its watch keywords.
import { Badge, Button, CloseButton, Group, Paper, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { MONITORING_LIMITS, addKeyword, createFeed, deleteFeed, deleteKeyword, listFeeds, listKeywords, updateFeed, type FeedView } from './monitoring-api.ts';
import { monitoringStrings } from './monitoring-strings.ts';

interface Props {
  unitId: string;
  canWrite: boolean;
}

export function FeedsSettings({ unitId, canWrite }: Props) {
  const { lang } = useI18n();
  const M = monitoringStrings(lang);
  const { notify, notifyError } = useNotify();
  const res = useAsync(() => listFeeds(unitId), [unitId]);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const feeds = res.data;
  const replace = (f: FeedView) => res.setData((l) => l?.map((x) => (x.id === f.id ? f : x)));

  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        {res.loading && !feeds && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {feeds && feeds.length === 0 && <Text size="sm">{M.noFeeds}</Text>}
        {feeds && feeds.length > 0 && (
          <div className="loa-table-wrap">
            <Table verticalSpacing="xs" data-testid="rumor-feeds">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{M.feedName}</Table.Th>
                  <Table.Th>{M.active}</Table.Th>
                  <Table.Th>{M.lastFetch}</Table.Th>
                  {canWrite && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {feeds.map((f) => (
                  <Table.Tr key={f.id} data-testid="rumor-feed">
                    <Table.Td style={{ minWidth: 200 }}>
                      <Text size="sm" fw={600}>
                        {f.name}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {f.url}
                      </Text>
                      {f.newItems > 0 && <Text size="xs">{M.newItems(f.newItems)}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`${M.active}: ${f.name}`}
                        checked={f.active}
                        disabled={!canWrite}
                        onChange={(e) => {
                          const active = e.currentTarget.checked;
                          updateFeed(f.id, { active }).then(replace, notifyError);
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {f.lastFetchedAt ? formatDateTime(f.lastFetchedAt, lang) : M.neverFetched}
                      </Text>
                      {f.lastStatus && (
                        <Badge size="sm" variant="light" color={f.lastStatus === 'error' ? 'red' : 'green'} tt="none" radius="sm">
                          {M.fetchStatuses[f.lastStatus]}
                        </Badge>
                      )}
                      {f.lastError && (
                        <Text size="xs" c="red.8">
                          {f.lastError}
                        </Text>
                      )}
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <CloseButton
                          aria-label={M.deleteFeed(f.name)}
                          onClick={() =>
                            deleteFeed(f.id).then(() => {
                              notify('success', M.deleted);
                              res.setData((l) => l?.filter((x) => x.id !== f.id));
                            }, notifyError)
                          }
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        {canWrite && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!name.trim() || !url.trim()) return setError(M.required);
              setBusy(true);
              setError(null);
              createFeed({ unitId, name: name.trim(), url: url.trim() }).then(
                (f) => {
                  res.setData((l) => [...(l ?? []), f]);
                  notify('success', M.feedAdded);
                  setName('');
                  setUrl('');
                  setBusy(false);
                },
                (err: unknown) => {
                  setError(errorMessage(err, lang));
                  setBusy(false);
                },
              );
            }}
          >
            <Group align="flex-end" gap="xs" wrap="wrap">
              <TextInput
                label={M.feedName}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                maxLength={MONITORING_LIMITS.feedName}
                style={{ flex: '1 1 200px' }}
              />
              <TextInput
                label={M.feedUrl}
                required
                type="url"
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                maxLength={MONITORING_LIMITS.feedUrl}
                style={{ flex: '2 1 280px' }}
              />
              <Button type="submit" loading={busy}>
                {M.addFeed}
              </Button>
            </Group>
            {error && (
              <Text c="red.8" size="sm" role="alert" mt={4}>
                {error}
              </Text>
            )}
          </form>
        )}
      </Stack>
    </Paper>
  );
}

export function KeywordsSettings({ unitId, canWrite }: Props) {
  const { lang } = useI18n();
  const M = monitoringStrings(lang);
  const { notifyError } = useNotify();
  const res = useAsync(() => listKeywords(unitId), [unitId]);
  const [keyword, setKeyword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = res.data;
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        {res.loading && !list && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {list && list.length === 0 && <Text size="sm">{M.noKeywords}</Text>}
        {list && list.length > 0 && (
          <Group gap={6} wrap="wrap" data-testid="rumor-keywords">
            {list.map((k) => (
              <Badge
                key={k.id}
                variant="light"
                tt="none"
                radius="sm"
                size="lg"
                styles={{ root: { maxWidth: 'none' } }}
                rightSection={
                  canWrite ? (
                    <CloseButton
                      size="xs"
                      aria-label={M.removeKeyword(k.keyword)}
                      onClick={() => deleteKeyword(k.id).then(() => res.setData((l) => l?.filter((x) => x.id !== k.id)), notifyError)}
                    />
                  ) : undefined
                }
              >
                {k.keyword}
              </Badge>
            ))}
          </Group>
        )}
        {canWrite && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!keyword.trim()) return setError(M.required);
              setBusy(true);
              setError(null);
              addKeyword(unitId, keyword.trim()).then(
                (k) => {
                  res.setData((l) => [...(l ?? []), k]);
                  setKeyword('');
                  setBusy(false);
                },
                (err: unknown) => {
                  setError(errorMessage(err, lang));
                  setBusy(false);
                },
              );
            }}
          >
            <Group align="flex-end" gap="xs" wrap="wrap">
              <TextInput
                label={M.keyword}
                value={keyword}
                onChange={(e) => setKeyword(e.currentTarget.value)}
                maxLength={MONITORING_LIMITS.keyword}
                style={{ flex: '1 1 220px' }}
                error={error}
              />
              <Button type="submit" loading={busy}>
                {M.addKeyword}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
