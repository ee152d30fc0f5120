// Compose or edit an SMS campaign: title, priority, the text with its live counter and the "bỏ dấu" switch, the
// brandname sender, the audience (units of the tree in force and subscriber lists) and the schedule.
import { Button, Group, NativeSelect, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useSession } from '../../app/session.tsx';
import { navigate, useRoute } from '../../router.tsx';
import { AudiencePicker } from './AudiencePicker.tsx';
import { BROADCAST_LIMITS, createBroadcast, getBroadcast, PRIORITIES, previewAudience, updateBroadcast, type BroadcastView, type Priority } from './broadcasts-api.ts';
import { checkForm, emptyForm, formFromView, formToInput, type BroadcastForm, type FormErrors } from './broadcast-form.ts';
import { SmsCounter } from './SmsCounter.tsx';
import { WindowFields } from './WindowFields.tsx';
import { broadcastStrings } from './strings.ts';
import { getBroadcastRoutes, type BroadcastRoute } from './telco-request-api.ts';

export function BroadcastEditor({ id }: { id: string | null }) {
  const res = useAsync(() => (id ? getBroadcast(id) : Promise.resolve(null)), [id]);
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (res.loading || res.data === undefined) return <Loading />;
  return <EditorForm broadcast={res.data} />;
}

function EditorForm({ broadcast }: { broadcast: BroadcastView | null }) {
  const { t, lang } = useI18n();
  const S = broadcastStrings(lang);
  const { me } = useSession();
  const route = useRoute();
  const { notify } = useNotify();
  const unitId = broadcast?.unitId ?? route.query.get('unit') ?? me.unitId;
  const [form, setForm] = useState<BroadcastForm>(() => (broadcast ? formFromView(broadcast) : emptyForm()));
  const [errors, setErrors] = useState<FormErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const patch = (p: Partial<BroadcastForm>) => {
    setForm((f) => ({ ...f, ...p }));
    // A field's message goes as soon as it is edited (checked again on save).
    const fields = Object.keys(p).map((k) => (k === 'unitIds' || k === 'listIds' ? 'audience' : k === 'windowStart' || k === 'windowEnd' ? 'window' : k));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fields.includes(k))));
  };
  // The saved draft's audience, counted by the server, gives the counter its total.
  const preview = useAsync(() => previewAudience(broadcast!.id), [broadcast?.id], broadcast !== null);
  const [recipients, setRecipients] = useState<number | null>(null);
  // Which routes this Loa offers: without an SMS account the message goes as a công văn to the telcos.
  const routes = useAsync(() => getBroadcastRoutes(), []);
  const smsAccount = routes.data?.smsAccount ?? true;
  const chosenRoute: BroadcastRoute = form.route ?? routes.data?.defaultRoute ?? 'smpp';
  useEffect(() => setRecipients(preview.data?.recipients ?? null), [preview.data]);

  async function save() {
    const errs = checkForm(form, S);
    setErrors(errs);
    setSaveError(null);
    if (Object.keys(errs).length > 0) return;
    setBusy(true);
    try {
      const input = formToInput({ ...form, route: form.route ?? routes.data?.defaultRoute ?? null });
      const saved = broadcast ? await updateBroadcast(broadcast.id, input) : await createBroadcast({ ...input, unitId });
      notify('success', S.saved);
      navigate(`/sms/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      setSaveError(errorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  }

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
          {broadcast ? S.editTitle : S.newTitle}
        </Title>
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <TextInput
              label={S.fTitle}
              required
              maxLength={BROADCAST_LIMITS.title}
              value={form.title}
              onChange={(e) => patch({ title: e.currentTarget.value })}
              error={errors.title}
              data-testid="f-title"
            />
            <NativeSelect
              label={S.fPriority}
              value={form.priority}
              onChange={(e) => patch({ priority: e.currentTarget.value as Priority })}
              data={PRIORITIES.map((p) => ({ value: p, label: S.priorities[p] }))}
              w={220}
              data-testid="f-priority"
            />
            <Radio.Group
              label={S.telcoRequest.fRoute}
              value={chosenRoute}
              onChange={(v) => patch({ route: v === 'telco_request' ? 'telco_request' : 'smpp' })}
              description={!smsAccount ? S.telcoRequest.noAccount : chosenRoute === 'telco_request' ? S.telcoRequest.routeTelcoHint : undefined}
              data-testid="f-route"
            >
              <Stack gap={6} mt={6}>
                <Radio value="smpp" label={S.telcoRequest.routeSms} disabled={!smsAccount && chosenRoute !== 'smpp'} data-testid="f-route-smpp" />
                <Radio value="telco_request" label={S.telcoRequest.routeTelco} data-testid="f-route-telco" />
              </Stack>
            </Radio.Group>
            <Textarea
              label={S.fText}
              required
              autosize
              minRows={4}
              maxRows={14}
              maxLength={BROADCAST_LIMITS.smsText}
              value={form.smsText}
              onChange={(e) => patch({ smsText: e.currentTarget.value })}
              error={errors.smsText}
              data-testid="f-sms-text"
            />
            <SmsCounter text={form.smsText} unaccented={form.unaccented} onUnaccented={(v) => patch({ unaccented: v })} recipients={recipients} />
            <TextInput
              label={S.fSender}
              description={S.fSenderHint}
              value={form.senderName}
              onChange={(e) => patch({ senderName: e.currentTarget.value })}
              error={errors.senderName}
              w={260}
              maw="100%"
              data-testid="f-sender"
            />
            <TextInput
              type="datetime-local"
              label={S.fSchedule}
              description={S.fScheduleHint}
              value={form.scheduleAt}
              onChange={(e) => patch({ scheduleAt: e.currentTarget.value })}
              w={260}
              maw="100%"
              data-testid="f-schedule"
            />
            <WindowFields start={form.windowStart} end={form.windowEnd} onChange={patch} error={errors.window} />
          </Stack>
        </Paper>
        <AudiencePicker
          ownerUnitId={unitId}
          unitIds={form.unitIds}
          listIds={form.listIds}
          onChange={(a) => {
            patch(a);
            setRecipients(null);
          }}
          error={errors.audience}
        />
        {saveError && (
          <Text c="red.8" size="sm" role="alert" data-testid="broadcast-save-error">
            {saveError}
          </Text>
        )}
        <Group gap="sm">
          <Button type="submit" loading={busy} data-testid="broadcast-save">
            {S.save}
          </Button>
          <Button variant="default" onClick={() => navigate(broadcast ? `/sms/${encodeURIComponent(broadcast.id)}` : '/sms')}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
