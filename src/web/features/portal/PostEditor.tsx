// One post: the editor form (title, summary, simple-HTML body, featured image,
// source of a republished press article, correction note) and the workflow
// buttons its status and the user's roles allow.
import { Alert, Anchor, Button, FileInput, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { href, navigate } from '../../router.tsx';
import { canEditPost, postActions, sectionAccess, type PostAction } from './access.ts';
import { createPost, getPost, PORTAL_LIMITS, postStep, updatePost, uploadMedia, type Post, type Section } from './portal-api.ts';
import { EMPTY_FORM, formFromPost, localToIso, toInput, validatePost, type FormErrors, type PostForm } from './post-form.ts';
import { PostStatusBadge, useSection } from './shared.tsx';
import { portalStrings } from './strings.ts';
import { PublishToPages } from '../social/PublishToPages.tsx';

export function PostEditorPage({ sectionId, postId }: { sectionId: string | null; postId: string | null }) {
  const res = useAsync(() => (postId ? getPost(postId) : Promise.resolve(null)), [postId]);
  const section = useSection(res.data?.sectionId ?? sectionId);
  if ((res.loading && res.data === undefined) || (section.loading && section.data === undefined)) return <Loading />;
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (section.error != null) return <LoadError error={section.error} onRetry={section.reload} />;
  if (!section.data) return <LoadError error={new Error('?')} />;
  return <PostEditor key={postId ?? 'new'} post={res.data ?? null} section={section.data} onChange={(p) => res.setData(() => p)} />;
}

function PostEditor({ post, section, onChange }: { post: Post | null; section: Section; onChange: (p: Post) => void }) {
  const { lang, t } = useI18n();
  const s = portalStrings(lang);
  const { notify, notifyError } = useNotify();
  const access = sectionAccess(section);
  const [form, setForm] = useState<PostForm>(post ? formFromPost(post) : EMPTY_FORM);
  const [saved, setSaved] = useState<PostForm>(form);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [scheduleOpen, setScheduleOpen] = useState(false);
  const [scheduleAt, setScheduleAt] = useState('');
  const [scheduleError, setScheduleError] = useState<string | null>(null);
  const [confirmUnpublish, setConfirmUnpublish] = useState(false);

  useEffect(() => {
    if (post) {
      const f = formFromPost(post);
      setForm(f);
      setSaved(f);
    }
  }, [post]);

  const status = post?.status ?? 'draft';
  const editable = !access.loading && (post ? canEditPost(post) : access.write);
  const live = status === 'published' || status === 'scheduled';
  const dirty = JSON.stringify(form) !== JSON.stringify(saved);
  const actions: PostAction[] = post && !access.loading ? postActions(post) : [];
  const sectionHref = href(`/portal/s/${encodeURIComponent(section.id)}`);

  const set = <K extends keyof PostForm>(k: K, v: PostForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  /** Saves the form; returns the saved post, or null when invalid / failed. */
  async function save(): Promise<Post | null> {
    const errs = validatePost(form, s);
    setErrors(errs);
    if (Object.keys(errs).length > 0) return null;
    try {
      if (!post) {
        const created = await createPost({ sectionId: section.id, ...toInput(form) });
        notify('success', s.created);
        navigate(`/portal/p/${encodeURIComponent(created.id)}`, { replace: true });
        return created;
      }
      const note = form.revisionNote.trim();
      const updated = await updatePost(post.id, { ...toInput(form), ...(note ? { revisionNote: note } : {}) });
      onChange(updated);
      notify('success', s.saved);
      return updated;
    } catch (err) {
      notifyError(err);
      return null;
    }
  }

  async function onSave() {
    setBusy('save');
    await save();
    setBusy(null);
  }

  async function act(action: PostAction, publishAt?: string) {
    if (!post) return;
    setBusy(action);
    try {
      if (dirty && editable && !(await save())) return;
      const step = action === 'schedule' ? { step: 'publish' as const, ...(publishAt ? { publishAt } : {}) } : { step: action };
      const updated = await postStep(post.id, step);
      onChange(updated);
      notify('success', s.stepDone[action]);
      setScheduleOpen(false);
      setConfirmUnpublish(false);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  }

  function confirmSchedule() {
    const iso = localToIso(scheduleAt);
    if (!iso || new Date(iso).getTime() <= Date.now()) {
      setScheduleError(s.scheduleInPast);
      return;
    }
    setScheduleError(null);
    void act('schedule', iso);
  }

  async function onUpload(file: File | null) {
    if (!file) return;
    setBusy('upload');
    try {
      const m = await uploadMedia(file, form.title.trim() || file.name, section.id, lang);
      set('featuredImageUrl', m.url);
      notify('success', s.uploaded);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  }

  const buttonLabel: Record<PostAction, string> = {
    submit: s.submit,
    publish: s.publishNow,
    schedule: s.schedule,
    return: s.return,
    unpublish: s.unpublish,
  };

  return (
    <Stack gap="md" data-testid="post-editor">
      <Anchor href={sectionHref} size="sm">
        ← {section.name}
      </Anchor>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h3">
            {post ? s.editorEdit : s.editorNew}
          </Title>
          <Text size="sm" c="dimmed">
            {s.inSection(section.name)}
          </Text>
        </div>
        {post && (
          <Group gap="xs">
            <PostStatusBadge status={post.status} />
            {post.status === 'scheduled' && <Text size="sm">{s.scheduledFor(formatDateTime(post.publishAt, lang))}</Text>}
            {post.status === 'published' && (
              <>
                <Text size="sm">{s.publishedAt(formatDateTime(post.publishedAt, lang))}</Text>
                <Anchor href={`/bai-viet/${encodeURIComponent(post.slug)}`} target="_blank" rel="noopener" size="sm" data-testid="post-public-link">
                  {s.viewPublic} ↗
                </Anchor>
              </>
            )}
          </Group>
        )}
      </Group>

      {post?.status === 'published' && <PublishToPages source={{ kind: 'post', postId: post.id }} />}

      {!access.loading && !editable && !post && (
        <Alert color="gray" data-testid="portal-readonly">
          {s.readOnly}
        </Alert>
      )}

      <Paper
        withBorder
        p="sm"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="sm">
            <TextInput
              label={s.fTitle}
              required
              value={form.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={errors.title}
              maxLength={PORTAL_LIMITS.title}
              data-testid="post-title"
            />
            <Textarea
              label={s.fSummary}
              value={form.summary}
              onChange={(e) => set('summary', e.currentTarget.value)}
              error={errors.summary}
              autosize
              minRows={2}
              maxLength={PORTAL_LIMITS.summary}
              data-testid="post-summary"
            />
            <Textarea
              label={s.fBody}
              description={s.fBodyHint}
              value={form.body}
              onChange={(e) => set('body', e.currentTarget.value)}
              error={errors.body}
              autosize
              minRows={8}
              maxRows={30}
              styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 } }}
              data-testid="post-body"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={s.fImage}
                description={s.fImageHint}
                value={form.featuredImageUrl}
                onChange={(e) => set('featuredImageUrl', e.currentTarget.value)}
                error={errors.featuredImageUrl}
                data-testid="post-image"
              />
              <FileInput
                label={s.fUpload}
                accept="image/*"
                clearable={false}
                value={null}
                onChange={(f) => void onUpload(f)}
                disabled={!editable || busy === 'upload'}
                data-testid="post-image-upload"
              />
              <TextInput
                label={s.fSourceName}
                description={s.fSourceHint}
                value={form.sourceName}
                onChange={(e) => set('sourceName', e.currentTarget.value)}
                error={errors.sourceName}
                data-testid="post-source-name"
              />
              <TextInput
                label={s.fSourceUrl}
                type="url"
                value={form.sourceUrl}
                onChange={(e) => set('sourceUrl', e.currentTarget.value)}
                error={errors.sourceUrl}
                data-testid="post-source-url"
              />
            </SimpleGrid>
            {post && live && (
              <Textarea
                label={s.fRevision}
                description={s.fRevisionHint}
                value={form.revisionNote}
                onChange={(e) => set('revisionNote', e.currentTarget.value)}
                error={errors.revisionNote}
                autosize
                minRows={2}
                data-testid="post-revision"
              />
            )}
            {editable && (
              <Group justify="flex-end">
                <Button type="submit" loading={busy === 'save'} disabled={busy !== null && busy !== 'save'} variant={post ? 'default' : 'filled'} data-testid="post-save">
                  {s.save}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </Paper>

      {actions.length > 0 && (
        <Group gap="sm" data-testid="post-actions">
          {actions.map((a) => (
            <Button
              key={a}
              variant={a === 'publish' ? 'filled' : a === 'unpublish' || a === 'return' ? 'light' : 'default'}
              color={a === 'unpublish' ? 'red' : a === 'return' ? 'orange' : undefined}
              loading={busy === a}
              disabled={busy !== null && busy !== a}
              onClick={() => {
                if (a === 'schedule') setScheduleOpen(true);
                else if (a === 'unpublish') setConfirmUnpublish(true);
                else void act(a);
              }}
              data-testid={`post-${a}`}
            >
              {buttonLabel[a]}
            </Button>
          ))}
        </Group>
      )}

      {post && post.revisions.length > 0 && (
        <Paper withBorder p="sm">
          <Title order={2} size="h6" mb={4}>
            {s.revisions}
          </Title>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {post.revisions.map((r) => (
              <li key={r.at}>
                <Text size="sm" span c="dimmed">
                  {formatDateTime(r.at, lang)}:
                </Text>{' '}
                <Text size="sm" span>
                  {r.note}
                </Text>
              </li>
            ))}
          </ul>
        </Paper>
      )}

      {post && post.bodyHtml && (
        <Paper withBorder p="sm">
          <Title order={2} size="h6" mb={4}>
            {s.preview}
          </Title>
          {/* bodyHtml comes back sanitised by the server (publishing/sanitize.ts). */}
          <div className="loa-post-preview" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        </Paper>
      )}

      <Modal opened={scheduleOpen} onClose={() => setScheduleOpen(false)} title={s.schedule} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="sm">
          <TextInput
            type="datetime-local"
            label={s.scheduleAt}
            value={scheduleAt}
            onChange={(e) => setScheduleAt(e.currentTarget.value)}
            error={scheduleError}
            data-testid="post-schedule-at"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setScheduleOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy === 'schedule'} onClick={confirmSchedule} data-testid="post-schedule-confirm">
              {s.scheduleConfirm}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={confirmUnpublish} onClose={() => setConfirmUnpublish(false)} title={s.unpublish} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="sm">
          <Text size="sm">{s.unpublishConfirm}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmUnpublish(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy === 'unpublish'} onClick={() => void act('unpublish')} data-testid="post-unpublish-confirm">
              {s.unpublish}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
