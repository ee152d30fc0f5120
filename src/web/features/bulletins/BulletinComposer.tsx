// Compose or edit a bulletin: title, priority (TT 39/2020, each level explained), the source — text read aloud with a
// preview player, an audio file, or a live relay URL — repeats and validity. Targets default to every commune of the
// issuer's area; the LED pages are built from the title and text (shown on the detail page).
import { Alert, Button, FileInput, Group, NumberInput, Paper, Radio, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { useSession } from '../../app/session.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { navigate, useRoute } from '../../router.tsx';
import { BULLETIN_LIMITS } from '../../../shared/contracts/bulletins.ts';
import { BULLETIN_SOURCES, createBulletin, getBulletin, PRIORITIES, ttsPreview, updateBulletin, uploadAudio } from './bulletins-api.ts';
import type { BulletinSource, BulletinView, Priority } from './bulletins-api.ts';
import { bulletinStrings } from './strings.ts';

export function BulletinComposer({ id }: { id: string | null }) {
  const res = useAsync(() => (id ? getBulletin(id) : Promise.resolve(null)), [id]);
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (res.loading || res.data === undefined) return <Loading />;
  return <ComposerForm bulletin={res.data} />;
}

interface Form {
  title: string;
  priority: Priority;
  source: BulletinSource;
  text: string;
  streamUrl: string;
  repeat: number;
}

function ComposerForm({ bulletin }: { bulletin: BulletinView | null }) {
  const { lang } = useI18n();
  const S = bulletinStrings(lang);
  const { me } = useSession();
  const route = useRoute();
  const { notify } = useNotify();
  const unitId = bulletin?.unitId ?? route.query.get('unit') ?? me.unitId;
  const [form, setForm] = useState<Form>(() => ({
    title: bulletin?.title ?? '',
    priority: bulletin?.priority ?? 'thuong',
    source: bulletin?.source ?? 'tts',
    text: bulletin?.text ?? '',
    streamUrl: bulletin?.streamUrl ?? '',
    repeat: bulletin?.repeat ?? 1,
  }));
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ spokenText: string; src: string } | null>(null);
  const patch = (p: Partial<Form>) => setForm((f) => ({ ...f, ...p }));

  async function listen() {
    setError(null);
    try {
      const out = await ttsPreview(form.text);
      setPreview({ spokenText: out.spokenText, src: `data:audio/wav;base64,${out.wavBase64}` });
    } catch (err) {
      setError(errorMessage(err, lang));
    }
  }

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const input = {
        title: form.title,
        priority: form.priority,
        source: form.source,
        text: form.text,
        streamUrl: form.source === 'stream' ? form.streamUrl.trim() || null : null,
        repeat: form.repeat,
      };
      let saved = bulletin ? await updateBulletin(bulletin.id, input) : await createBulletin({ ...input, unitId });
      if (form.source === 'audio' && file) saved = await uploadAudio(saved.id, file);
      notify('success', file ? S.uploaded : S.saved);
      navigate(`/bulletins/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      setError(errorMessage(err, lang));
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
          {bulletin ? S.editTitle : S.newTitle}
        </Title>
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <TextInput
              label={S.fTitle}
              required
              maxLength={BULLETIN_LIMITS.title}
              value={form.title}
              onChange={(e) => patch({ title: e.currentTarget.value })}
              data-testid="b-title"
            />
            <Radio.Group label={S.fPriority} value={form.priority} onChange={(v) => patch({ priority: PRIORITIES.find((p) => p === v) ?? 'thuong' })} data-testid="b-priority">
              <Stack gap={6} mt={6}>
                {PRIORITIES.map((p) => (
                  <Radio key={p} value={p} label={S.priorities[p]} description={S.priorityHelp[p]} data-testid={`b-priority-${p}`} />
                ))}
              </Stack>
            </Radio.Group>
            <Tabs value={form.source} onChange={(v) => patch({ source: (BULLETIN_SOURCES as readonly string[]).includes(v ?? '') ? (v as BulletinSource) : 'tts' })}>
              <Tabs.List aria-label={S.fSource}>
                {BULLETIN_SOURCES.map((s) => (
                  <Tabs.Tab key={s} value={s} data-testid={`b-source-${s}`}>
                    {S.sources[s]}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value="tts" pt="sm">
                <Stack gap="xs">
                  <Textarea label={S.fText} autosize minRows={5} maxRows={16} value={form.text} onChange={(e) => patch({ text: e.currentTarget.value })} data-testid="b-text" />
                  <Group>
                    <Button variant="light" onClick={() => void listen()} disabled={!form.text.trim()} data-testid="b-preview">
                      {S.preview}
                    </Button>
                  </Group>
                  {preview && (
                    <Stack gap={4} data-testid="b-preview-result">
                      <Text size="sm">
                        {S.previewSpoken} {preview.spokenText}
                      </Text>
                      <audio controls src={preview.src} aria-label={S.preview} />
                    </Stack>
                  )}
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="audio" pt="sm">
                <FileInput label={S.fFile} accept="audio/mpeg,audio/wav,audio/ogg,.mp3,.wav,.ogg" value={file} onChange={setFile} clearable data-testid="b-file" />
              </Tabs.Panel>
              <Tabs.Panel value="stream" pt="sm">
                <TextInput label={S.fStream} value={form.streamUrl} onChange={(e) => patch({ streamUrl: e.currentTarget.value })} data-testid="b-stream" />
              </Tabs.Panel>
            </Tabs>
            <NumberInput label={S.fRepeat} min={1} max={BULLETIN_LIMITS.repeat} value={form.repeat} onChange={(v) => patch({ repeat: typeof v === 'number' ? v : 1 })} w={220} />
            <Text size="sm" c="dimmed">
              {S.fTargets}
            </Text>
          </Stack>
        </Paper>
        {error && (
          <Alert color="red" role="alert" data-testid="b-error">
            {error}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy} data-testid="b-save">
            {S.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
