// Each channel's rendition of the one emergency message, in tabs, for the official to edit before launching: the SMS
// (with its parts, unaccented or not), the loudspeakers' script, the LED text, the portal notice, the post, the CAP texts.
import { Group, Stack, Switch, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { segment, stripVietnamese } from '../../../shared/sms/segments.ts';
import type { Renditions } from './emergency-api.ts';
import { emergencyStrings } from './strings.ts';

export function RenditionTabs({ r, onChange }: { r: Renditions; onChange: (r: Renditions) => void }) {
  const { lang } = useI18n();
  const S = emergencyStrings(lang);
  const sent = r.sms.unaccented ? stripVietnamese(r.sms.text) : r.sms.text;
  const parts = useMemo(() => segment(sent), [sent]);
  const set = <K extends keyof Renditions>(k: K, v: Partial<Renditions[K]>) => onChange({ ...r, [k]: { ...r[k], ...v } });
  return (
    <Stack gap={4}>
      <Text fw={500} size="sm">
        {S.renditions}
      </Text>
      <Tabs defaultValue="sms" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sms">{S.rSms}</Tabs.Tab>
          <Tabs.Tab value="radio">{S.rRadio}</Tabs.Tab>
          <Tabs.Tab value="led">{S.rLed}</Tabs.Tab>
          <Tabs.Tab value="banner">{S.rBanner}</Tabs.Tab>
          <Tabs.Tab value="social">{S.rSocial}</Tabs.Tab>
          <Tabs.Tab value="cap">{S.rCap}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sms" pt="xs">
          <Textarea aria-label={S.rSms} value={r.sms.text} onChange={(e) => set('sms', { text: e.currentTarget.value })} autosize minRows={3} maxLength={1600} />
          <Group justify="space-between" mt={4}>
            <Switch label={S.rSmsUnaccented} checked={r.sms.unaccented} onChange={(e) => set('sms', { unaccented: e.currentTarget.checked })} />
            <Text size="sm" c="dimmed">
              {S.rSmsParts(parts.parts, parts.text.length)}
            </Text>
          </Group>
        </Tabs.Panel>
        <Tabs.Panel value="radio" pt="xs">
          <Textarea aria-label={S.rRadio} value={r.radio.text} onChange={(e) => set('radio', { text: e.currentTarget.value })} autosize minRows={4} maxLength={4000} />
        </Tabs.Panel>
        <Tabs.Panel value="led" pt="xs">
          <Textarea aria-label={S.rLed} value={r.led.text} onChange={(e) => set('led', { text: e.currentTarget.value })} autosize minRows={2} maxLength={480} />
        </Tabs.Panel>
        <Tabs.Panel value="banner" pt="xs">
          <TextInput aria-label={S.rBanner} value={r.banner.headline} onChange={(e) => set('banner', { headline: e.currentTarget.value })} maxLength={300} />
          <TextInput label={S.rBannerLink} value={r.banner.link ?? ''} onChange={(e) => set('banner', { link: e.currentTarget.value.trim() || null })} mt={4} />
        </Tabs.Panel>
        <Tabs.Panel value="social" pt="xs">
          <Textarea aria-label={S.rSocial} value={r.social.text} onChange={(e) => set('social', { text: e.currentTarget.value })} autosize minRows={4} maxLength={5000} />
        </Tabs.Panel>
        <Tabs.Panel value="cap" pt="xs">
          <TextInput label={S.rCapHeadline} value={r.cap.vi.headline} onChange={(e) => set('cap', { vi: { ...r.cap.vi, headline: e.currentTarget.value } })} maxLength={160} />
          <Textarea
            label={S.rCapDescription}
            value={r.cap.vi.description}
            onChange={(e) => set('cap', { vi: { ...r.cap.vi, description: e.currentTarget.value } })}
            autosize
            minRows={3}
          />
          <Textarea
            label={S.rCapInstruction}
            value={r.cap.vi.instruction}
            onChange={(e) => set('cap', { vi: { ...r.cap.vi, instruction: e.currentTarget.value } })}
            autosize
            minRows={2}
          />
          <Switch
            mt="xs"
            label={S.rCapEnglish}
            checked={r.cap.en != null}
            onChange={(e) => set('cap', { en: e.currentTarget.checked ? { headline: r.cap.vi.headline, description: r.cap.vi.description, instruction: '' } : null })}
          />
          {r.cap.en && <EnglishCap en={r.cap.en} onChange={(en) => set('cap', { en })} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

type CapText = Renditions['cap']['vi'];

function EnglishCap({ en, onChange }: { en: CapText; onChange: (en: CapText) => void }) {
  const { lang } = useI18n();
  const S = emergencyStrings(lang);
  return (
    <>
      <TextInput label={`${S.rCapHeadline} (en)`} value={en.headline} onChange={(e) => onChange({ ...en, headline: e.currentTarget.value })} maxLength={160} />
      <Textarea label={`${S.rCapDescription} (en)`} value={en.description} onChange={(e) => onChange({ ...en, description: e.currentTarget.value })} autosize minRows={2} />
      <Textarea label={`${S.rCapInstruction} (en)`} value={en.instruction} onChange={(e) => onChange({ ...en, instruction: e.currentTarget.value })} autosize minRows={2} />
    </>
  );
}
