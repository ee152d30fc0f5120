// "Cổng thông tin": the editorial admin of the public portal. Sub-routes:
//   /portal                      sections (owner, delegate; delegation)
//   /portal/questions            citizens' questions
//   /portal/s/:id[/media|/situation]  a section's posts / files / daily figures
//   /portal/s/:id/new            new post in a section
//   /portal/p/:id                one post (editor + workflow)
// Tabs are used only here: their stylesheet rides in this lazy chunk (app/styles.ts lists the shared ones).
import '@mantine/core/styles/Tabs.css';
import { Anchor, Group, Tabs, Title } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import { navigate } from '../../router.tsx';
import { PostEditorPage } from './PostEditor.tsx';
import { QuestionsPanel } from './QuestionsPanel.tsx';
import { SectionPage } from './SectionPage.tsx';
import { SectionsList } from './SectionsList.tsx';
import { portalStrings } from './strings.ts';

export function PortalPage({ path }: { path: readonly string[] }) {
  const { lang } = useI18n();
  const s = portalStrings(lang);
  const [first, second, third] = path;

  if (first === 's' && second) {
    if (third === 'new') return <PostEditorPage sectionId={second} postId={null} />;
    return <SectionPage sectionId={second} tab={third === 'situation' || third === 'media' ? third : 'posts'} />;
  }
  if (first === 'p' && second) return <PostEditorPage sectionId={null} postId={second} />;

  const tab = first === 'questions' ? 'questions' : 'sections';
  return (
    <div data-testid="portal-page">
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
        <Title order={1} size="h3">
          {s.title}
        </Title>
        <Anchor href="/" target="_blank" rel="noopener" size="sm">
          {s.publicSite} ↗
        </Anchor>
      </Group>
      <Tabs value={tab} onChange={(v) => navigate(v === 'questions' ? '/portal/questions' : '/portal')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="sections" data-testid="portal-tab-sections">
            {s.tabSections}
          </Tabs.Tab>
          <Tabs.Tab value="questions" data-testid="portal-tab-questions">
            {s.tabQuestions}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sections">
          <SectionsList />
        </Tabs.Panel>
        <Tabs.Panel value="questions">
          <QuestionsPanel />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
