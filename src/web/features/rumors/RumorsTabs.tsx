// The desk's sections as links (the current one marked for screen readers): cases, monitoring, figures.
import { Group } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import { href, useRoute } from '../../router.tsx';
import { rumorStrings } from './strings.ts';

export const RUMORS_ROUTE = '/rumors';

/** The desk's sections, as links (the current one marked for screen readers). */
export function RumorsTabs() {
  const { lang } = useI18n();
  const S = rumorStrings(lang);
  const route = useRoute();
  const tabs = [
    { to: RUMORS_ROUTE, label: S.tabCases },
    { to: `${RUMORS_ROUTE}/monitoring`, label: S.tabMonitoring },
    { to: `${RUMORS_ROUTE}/figures`, label: S.tabFigures },
    { to: `${RUMORS_ROUTE}/legal-bases`, label: S.tabLegalBases },
  ];
  return (
    <Group gap="xs" wrap="wrap" component="nav" aria-label={S.title} className="loa-nav" data-testid="rumors-tabs">
      {tabs.map((t) => (
        <a key={t.to} href={href(t.to)} aria-current={route.path === t.to ? 'page' : undefined}>
          {t.label}
        </a>
      ))}
    </Group>
  );
}
