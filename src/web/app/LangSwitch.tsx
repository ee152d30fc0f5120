import { SegmentedControl } from '@mantine/core';
import { useI18n } from './i18n-context.tsx';

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={lang}
      onChange={(v) => setLang(v)}
      data={[
        { value: 'vi', label: 'VI' },
        { value: 'en', label: 'EN' },
      ]}
      data-testid="lang-switch"
    />
  );
}
