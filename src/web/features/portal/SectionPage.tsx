// One section: its posts with status, its files (drafts until published), or its daily situation figures.
import { Alert, Anchor, Button, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useUnitName } from '../../app/unit-names.ts';
import { useAsync } from '../../app/use-async.ts';
import { href, navigate } from '../../router.tsx';
import { sectionAccess } from './access.ts';
import { MediaPanel } from './MediaPanel.tsx';
import { listPosts, type Section } from './portal-api.ts';
import { PostStatusBadge, useSection } from './shared.tsx';
import { SituationPanel } from './SituationPanel.tsx';
import { portalStrings } from './strings.ts';

function PostsPanel({ section, canWrite }: { section: Section; canWrite: boolean }) {
  const { lang } = useI18n();
  const s = portalStrings(lang);
  const res = useAsync(() => listPosts({ sectionId: section.id }), [section.id]);
  return (
    <Stack gap="sm">
      {canWrite && (
        <Group justify="flex-end">
          <Button component="a" href={href(`/portal/s/${encodeURIComponent(section.id)}/new`)} data-testid="portal-post-new">
            + {s.newPost}
          </Button>
        </Group>
      )}
      {res.loading && !res.data && <Loading />}
      {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
      {res.data && res.data.length === 0 && (
        <Paper withBorder p="sm">
          <Text size="sm">{s.postsEmpty}</Text>
        </Paper>
      )}
      {res.data && res.data.length > 0 && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={600}>
            <Table striped verticalSpacing="xs" data-testid="portal-posts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{s.colTitle}</Table.Th>
                  <Table.Th>{s.colStatus}</Table.Th>
                  <Table.Th>{s.colPublished}</Table.Th>
                  <Table.Th>{s.colUpdated}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {res.data.map((p) => (
                  <Table.Tr key={p.id} data-testid="portal-post-row">
                    <Table.Td>
                      <a href={href(`/portal/p/${encodeURIComponent(p.id)}`)}>{p.title}</a>
                    </Table.Td>
                    <Table.Td>
                      <PostStatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td>{p.status === 'scheduled' ? formatDateTime(p.publishAt, lang) : formatDateTime(p.publishedAt, lang)}</Table.Td>
                    <Table.Td>{formatDateTime(p.updatedAt, lang)}</Table.Td>
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

export function SectionPage({ sectionId, tab }: { sectionId: string; tab: 'posts' | 'media' | 'situation' }) {
  const { lang, t } = useI18n();
  const s = portalStrings(lang);
  const res = useSection(sectionId);
  const section = res.data ?? null;
  const access = sectionAccess(section);
  const owner = useUnitName(section?.ownerUnitId ?? null);
  const delegate = useUnitName(section?.delegateUnitId ?? null);

  if (res.loading && !res.data) return <Loading />;
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!section) return <Alert color="yellow">{t('error.notFound')}</Alert>;
  const base = `/portal/s/${encodeURIComponent(section.id)}`;

  return (
    <Stack gap="md" data-testid="portal-section-page">
      <Anchor href={href('/portal')} size="sm">
        {s.back}
      </Anchor>
      <div>
        <Title order={1} size="h3">
          {section.name}
        </Title>
        <Text size="sm" c="dimmed">
          {s.colOwner}: {owner ?? '…'}
          {section.delegateUnitId ? ` · ${s.colDelegate}: ${delegate ?? '…'}` : ''}
        </Text>
      </div>
      {!access.loading && !access.write && !access.situation && (
        <Alert color="gray" data-testid="portal-readonly">
          {s.readOnly}
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => navigate(v === 'situation' || v === 'media' ? `${base}/${v}` : base)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="posts" data-testid="portal-tab-posts">
            {s.tabPosts}
          </Tabs.Tab>
          <Tabs.Tab value="media" data-testid="portal-tab-media">
            {s.tabMedia}
          </Tabs.Tab>
          {section.situationFields && (
            <Tabs.Tab value="situation" data-testid="portal-tab-situation">
              {s.tabSituation}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="posts">
          <PostsPanel section={section} canWrite={!access.loading && access.write} />
        </Tabs.Panel>
        <Tabs.Panel value="media">
          <MediaPanel section={section} canWrite={!access.loading && access.write} canPublish={!access.loading && access.publish} />
        </Tabs.Panel>
        <Tabs.Panel value="situation">
          <SituationPanel section={section} canWrite={!access.loading && access.situation} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
