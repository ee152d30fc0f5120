// A section's files: drafts until a publisher of the section publishes them (like posts).
import { Anchor, Badge, Button, FileInput, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { listMedia, mediaReviewUrl, mediaStep, PORTAL_LIMITS, uploadMedia, type Media, type Section } from './portal-api.ts';
import { portalStrings } from './strings.ts';

export function MediaPanel({ section, canWrite, canPublish }: { section: Section; canWrite: boolean; canPublish: boolean }) {
  const { lang } = useI18n();
  const s = portalStrings(lang);
  const { notify, notifyError } = useNotify();
  const res = useAsync(async () => (await listMedia()).filter((m) => m.sectionId === section.id), [section.id]);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const replace = (m: Media) => res.setData((list) => (list?.some((x) => x.id === m.id) ? list.map((x) => (x.id === m.id ? m : x)) : [m, ...(list ?? [])]));

  async function onUpload(file: File | null) {
    if (!file) return;
    setBusy('upload');
    try {
      const m = await uploadMedia(file, title.trim() || file.name, section.id, lang);
      replace(m);
      setTitle('');
      notify('success', s.mediaUploaded(m.title));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  }

  async function step(m: Media, action: 'publish' | 'unpublish') {
    setBusy(m.id);
    try {
      replace(await mediaStep(m.id, action));
      notify('success', action === 'publish' ? s.mediaPublished(m.title) : s.mediaUnpublished(m.title));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="sm" data-testid="portal-media">
      <Text size="sm" c="dimmed">
        {s.mediaHint}
      </Text>
      {canWrite && (
        <Paper withBorder p="sm">
          <Group align="flex-end" wrap="wrap">
            <TextInput label={s.mediaUploadTitle} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={PORTAL_LIMITS.mediaTitle} data-testid="media-title" />
            <FileInput
              label={s.mediaUploadFile}
              aria-label={s.mediaUpload}
              clearable={false}
              value={null}
              onChange={(f) => void onUpload(f)}
              disabled={busy === 'upload'}
              data-testid="media-upload"
            />
          </Group>
        </Paper>
      )}
      {res.loading && !res.data && <Loading />}
      {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
      {res.data && res.data.length === 0 && (
        <Paper withBorder p="sm">
          <Text size="sm">{s.mediaEmpty}</Text>
        </Paper>
      )}
      {res.data && res.data.length > 0 && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={600}>
            <Table striped verticalSpacing="xs" data-testid="media-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{s.mediaColTitle}</Table.Th>
                  <Table.Th>{s.mediaColStatus}</Table.Th>
                  <Table.Th>{s.mediaColCreated}</Table.Th>
                  <Table.Th>{s.colActions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {res.data.map((m) => (
                  <Table.Tr key={m.id} data-testid="media-row" data-status={m.status}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {m.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {m.fileName} · {m.mime}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={m.status === 'published' ? 'green' : 'gray'} variant="light" tt="none" radius="sm">
                        {s.mediaStatus[m.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDateTime(m.createdAt, lang)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor href={m.status === 'published' ? m.url : mediaReviewUrl(m.id)} target="_blank" rel="noopener" size="sm">
                          {s.mediaView}
                        </Anchor>
                        {canPublish && m.status === 'draft' && (
                          <Button
                            size="compact-sm"
                            loading={busy === m.id}
                            onClick={() => void step(m, 'publish')}
                            aria-label={s.mediaPublishNamed(m.title)}
                            data-testid="media-publish"
                          >
                            {s.mediaPublish}
                          </Button>
                        )}
                        {canPublish && m.status === 'published' && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="red"
                            loading={busy === m.id}
                            onClick={() => void step(m, 'unpublish')}
                            aria-label={s.mediaUnpublishNamed(m.title)}
                            data-testid="media-unpublish"
                          >
                            {s.mediaUnpublish}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
