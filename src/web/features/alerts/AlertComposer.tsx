// Compose or edit a CAP alert: the CAP enumerations with Vietnamese labels, the vi-VN texts and an optional en-US
// block, the times in Vietnam time, and the areas (communes of the issuer's area). The server checks everything again.
import { Alert, Button, Checkbox, Group, MultiSelect, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { useSession } from '../../app/session.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { navigate, useRoute } from '../../router.tsx';
import {
  ALERT_LIMITS,
  CAP_CATEGORIES,
  CAP_CERTAINTIES,
  CAP_SEVERITIES,
  CAP_STATUSES,
  CAP_URGENCIES,
  areaChoices,
  createAlert,
  fromLocalInput,
  getAlert,
  toLocalInput,
  updateAlert,
} from './alerts-api.ts';
import type { AlertView, CapCategory, CapCertainty, CapSeverity, CapStatus, CapUrgency } from './alerts-api.ts';
import { alertStrings } from './strings.ts';

export function AlertComposer({ id }: { id: string | null }) {
  const res = useAsync(() => (id ? getAlert(id) : Promise.resolve(null)), [id]);
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (res.loading || res.data === undefined) return <Loading />;
  return <ComposerForm alert={res.data} />;
}

interface Texts {
  headline: string;
  description: string;
  instruction: string;
  contact: string;
  event: string;
}

interface Form {
  status: CapStatus;
  categories: CapCategory[];
  event: string;
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  vi: Texts;
  withEn: boolean;
  en: Texts;
  effective: string;
  onset: string;
  expires: string;
  areaUnitIds: string[];
  note: string;
}

const texts = (t: AlertView['vi'] | null | undefined): Texts => ({
  headline: t?.headline ?? '',
  description: t?.description ?? '',
  instruction: t?.instruction ?? '',
  contact: t?.contact ?? '',
  event: t?.event ?? '',
});

function initial(a: AlertView | null): Form {
  return {
    status: a?.status ?? 'Actual',
    categories: a?.categories ?? ['Met'],
    event: a?.event ?? '',
    urgency: a?.urgency ?? 'Expected',
    severity: a?.severity ?? 'Severe',
    certainty: a?.certainty ?? 'Likely',
    vi: texts(a?.vi),
    withEn: Boolean(a?.en),
    en: texts(a?.en),
    effective: toLocalInput(a?.effective),
    onset: toLocalInput(a?.onset),
    expires: toLocalInput(a?.expires ?? new Date(Date.now() + 24 * 3600_000).toISOString()),
    areaUnitIds: a?.areaUnitIds ?? [],
    note: a?.note ?? '',
  };
}

function TextsFields({ value, onChange, withEvent }: { value: Texts; onChange: (t: Texts) => void; withEvent: boolean }) {
  const { lang } = useI18n();
  const S = alertStrings(lang);
  const set = (p: Partial<Texts>) => onChange({ ...value, ...p });
  return (
    <Stack gap="xs">
      {withEvent && <TextInput label={S.fEventEn} maxLength={ALERT_LIMITS.event} value={value.event} onChange={(e) => set({ event: e.currentTarget.value })} />}
      <TextInput label={S.fHeadline} required maxLength={ALERT_LIMITS.headline} value={value.headline} onChange={(e) => set({ headline: e.currentTarget.value })} />
      <Textarea
        label={S.fDescription}
        required
        autosize
        minRows={3}
        maxLength={ALERT_LIMITS.description}
        value={value.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
      />
      <Textarea
        label={S.fInstruction}
        autosize
        minRows={2}
        maxLength={ALERT_LIMITS.instruction}
        value={value.instruction}
        onChange={(e) => set({ instruction: e.currentTarget.value })}
      />
      <TextInput label={S.fContact} maxLength={ALERT_LIMITS.contact} value={value.contact} onChange={(e) => set({ contact: e.currentTarget.value })} />
    </Stack>
  );
}

function ComposerForm({ alert }: { alert: AlertView | null }) {
  const { lang } = useI18n();
  const S = alertStrings(lang);
  const { me } = useSession();
  const route = useRoute();
  const { notify } = useNotify();
  const unitId = alert?.unitId ?? route.query.get('unit') ?? me.unitId;
  const areas = useAsync(() => areaChoices(unitId), [unitId]);
  const [form, setForm] = useState<Form>(() => initial(alert));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const patch = (p: Partial<Form>) => setForm((f) => ({ ...f, ...p }));
  const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((v) => ({ value: v, label: `${labels[v]} (${v})` }));

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const body = {
        status: form.status,
        scope: 'Public' as const,
        categories: form.categories,
        event: form.event,
        urgency: form.urgency,
        severity: form.severity,
        certainty: form.certainty,
        vi: { ...form.vi, event: null },
        en: form.withEn ? { ...form.en, event: form.en.event.trim() || null } : null,
        effective: fromLocalInput(form.effective),
        onset: fromLocalInput(form.onset),
        expires: fromLocalInput(form.expires) ?? '',
        areaUnitIds: form.areaUnitIds,
        note: form.note.trim() || null,
      };
      const saved = alert ? await updateAlert(alert.id, body) : await createAlert({ ...body, unitId });
      notify('success', S.saved);
      navigate(`/alerts/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      setError(errorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  }

  // Areas already chosen stay listed even if the picker no longer offers them (the server says why).
  const areaData = [...(areas.data ?? []), ...(alert?.areas ?? []).filter((a) => !(areas.data ?? []).some((u) => u.id === a.id))].map((u) => ({
    value: u.id,
    label: u.code ? `${u.name} (${u.code})` : u.name,
  }));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <Stack gap="md">
        <Title order={1} size="h3">
          {alert ? S.editTitle : S.newTitle}
          {alert && alert.msgType !== 'Alert' ? ` · ${S.msgTypes[alert.msgType]}` : ''}
        </Title>
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <Radio.Group label={S.fStatus} value={form.status} onChange={(v) => patch({ status: CAP_STATUSES.find((s) => s === v) ?? 'Actual' })}>
              <Group gap="md" mt={6}>
                {CAP_STATUSES.map((s) => (
                  <Radio key={s} value={s} label={`${S.statuses[s]} (${s})`} data-testid={`a-status-${s}`} />
                ))}
              </Group>
            </Radio.Group>
            <Checkbox.Group label={S.fCategories} value={form.categories} onChange={(v) => patch({ categories: CAP_CATEGORIES.filter((c) => v.includes(c)) })}>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing={6} mt={6}>
                {CAP_CATEGORIES.map((c) => (
                  <Checkbox key={c} value={c} label={`${S.categories[c]} (${c})`} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <TextInput
              label={S.fEvent}
              required
              maxLength={ALERT_LIMITS.event}
              value={form.event}
              onChange={(e) => patch({ event: e.currentTarget.value })}
              data-testid="a-event"
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect
                label={S.fUrgency}
                value={form.urgency}
                onChange={(e) => patch({ urgency: e.currentTarget.value as CapUrgency })}
                data={options(CAP_URGENCIES, S.urgencies)}
              />
              <NativeSelect
                label={S.fSeverity}
                value={form.severity}
                onChange={(e) => patch({ severity: e.currentTarget.value as CapSeverity })}
                data={options(CAP_SEVERITIES, S.severities)}
              />
              <NativeSelect
                label={S.fCertainty}
                value={form.certainty}
                onChange={(e) => patch({ certainty: e.currentTarget.value as CapCertainty })}
                data={options(CAP_CERTAINTIES, S.certainties)}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
        <Paper withBorder p="sm">
          <Text fw={600} mb="xs">
            {S.viBlock}
          </Text>
          <TextsFields value={form.vi} onChange={(vi) => patch({ vi })} withEvent={false} />
          <Checkbox mt="md" label={S.fEnglish} checked={form.withEn} onChange={(e) => patch({ withEn: e.currentTarget.checked })} data-testid="a-with-en" />
          {form.withEn && (
            <Stack gap="xs" mt="sm">
              <Text fw={600}>{S.enBlock}</Text>
              <TextsFields value={form.en} onChange={(en) => patch({ en })} withEvent />
            </Stack>
          )}
        </Paper>
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput type="datetime-local" label={S.fEffective} value={form.effective} onChange={(e) => patch({ effective: e.currentTarget.value })} />
              <TextInput type="datetime-local" label={S.fOnset} value={form.onset} onChange={(e) => patch({ onset: e.currentTarget.value })} />
              <TextInput
                type="datetime-local"
                label={S.fExpires}
                required
                value={form.expires}
                onChange={(e) => patch({ expires: e.currentTarget.value })}
                data-testid="a-expires"
              />
            </SimpleGrid>
            {areas.error != null && <LoadError error={areas.error} onRetry={areas.reload} />}
            <MultiSelect
              label={S.fAreas}
              description={S.fAreasHelp}
              required
              searchable
              data={areaData}
              value={form.areaUnitIds}
              onChange={(v) => patch({ areaUnitIds: v })}
              maxValues={ALERT_LIMITS.areas}
              data-testid="a-areas"
            />
            <Textarea label={S.fNote} autosize minRows={1} maxLength={ALERT_LIMITS.note} value={form.note} onChange={(e) => patch({ note: e.currentTarget.value })} />
          </Stack>
        </Paper>
        {error && (
          <Alert color="red" role="alert" data-testid="a-error">
            {error}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy} data-testid="a-save">
            {S.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
