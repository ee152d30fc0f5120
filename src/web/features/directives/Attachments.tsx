// A directive's attached files: the upload/delete block of the editor and the read-only list.
import { Alert, Anchor, Button, CloseButton, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { ATTACHMENT_KINDS, deleteDirectiveAttachment, uploadDirectiveAttachment, type AttachmentKind, type DirectiveCapabilities, type DirectiveFile } from './directives-api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { formatFileSize } from './attachments.ts';
import { directiveStrings } from './strings.ts';

function FileRow({ file, onDelete, busy }: { file: DirectiveFile; onDelete?: () => void; busy?: boolean }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  return (
    <li data-testid="attachment-row" data-kind={file.kind}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <div style={{ minWidth: 0 }}>
          <Anchor href={file.url} download={file.name} data-testid="attachment-link" style={{ wordBreak: 'break-all' }}>
            {file.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {file.kindLabel} · {formatFileSize(file.sizeBytes, lang)}
          </Text>
        </div>
        {onDelete && <CloseButton size="sm" aria-label={S.attachments.delete({ name: file.name })} disabled={busy} onClick={onDelete} data-testid="attachment-delete" />}
      </Group>
    </li>
  );
}

function FileList({ files, onDelete, busyId }: { files: DirectiveFile[]; onDelete?: (f: DirectiveFile) => void; busyId?: string | null }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  if (files.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {S.attachments.none}
      </Text>
    );
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }} aria-label={S.attachments.title} data-testid="attachment-list">
      {files.map((f) => (
        <FileRow key={f.id} file={f} busy={busyId === f.id} onDelete={onDelete ? () => onDelete(f) : undefined} />
      ))}
    </ul>
  );
}

/** Read-only list with download links (detail and inbox views). */
export function AttachmentList({ files }: { files: DirectiveFile[] }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  if (files.length === 0) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-label={S.attachments.title}>
      <Stack gap="xs">
        <Title order={2} size="h5">
          {S.attachments.title}
        </Title>
        <FileList files={files} />
      </Stack>
    </Paper>
  );
}

/**
 * The editor's "Tệp đính kèm" block. Keeps its own copy of the file list so uploading does not
 * reset unsaved form fields; a new (unsaved) draft only shows a hint.
 */
export function AttachmentsEditor({
  directiveId,
  capabilities,
  initial,
}: {
  directiveId: string | null;
  /** What the server allows now (attach, detach); null before the draft is first saved. */
  capabilities: DirectiveCapabilities | null;
  initial: DirectiveFile[];
}) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const { notify, notifyError } = useNotify();
  const [files, setFiles] = useState<DirectiveFile[]>(initial);
  const [picked, setPicked] = useState<File | null>(null);
  const [kind, setKind] = useState<AttachmentKind>('attachment');
  const [uploading, setUploading] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const title = S.attachments.title;

  const canUpload = directiveId !== null && Boolean(capabilities?.attach);
  const canDelete = directiveId !== null && Boolean(capabilities?.detach);

  async function upload() {
    if (!directiveId || !picked) return;
    setUploading(true);
    setError(null);
    try {
      const f = await uploadDirectiveAttachment(directiveId, picked, picked.name, kind);
      setFiles((fs) => [...fs, f]);
      setPicked(null);
      if (inputRef.current) inputRef.current.value = '';
      notify('success', S.attachments.uploaded);
    } catch (err) {
      setError(errorMessage(err, lang));
      notifyError(err);
    } finally {
      setUploading(false);
    }
  }

  async function remove(f: DirectiveFile) {
    if (!directiveId) return;
    setDeleting(f.id);
    setError(null);
    try {
      await deleteDirectiveAttachment(directiveId, f.id);
      setFiles((fs) => fs.filter((x) => x.id !== f.id));
      notify('success', S.attachments.deleted);
    } catch (err) {
      setError(errorMessage(err, lang));
      notifyError(err);
    } finally {
      setDeleting(null);
    }
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label={title} data-testid="attachments">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {title}
        </Title>
        {directiveId === null ? (
          <Text size="sm" c="dimmed">
            {S.attachments.saveFirst}
          </Text>
        ) : (
          <>
            <FileList files={files} busyId={deleting} onDelete={canDelete ? (f) => void remove(f) : undefined} />
            {canUpload && (
              <>
                <div>
                  <Text component="label" htmlFor={inputId} size="sm" fw={500} display="block" mb={4}>
                    {S.attachments.file}
                  </Text>
                  <input
                    ref={inputRef}
                    id={inputId}
                    type="file"
                    accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.mp3,.mp4"
                    aria-describedby={hintId}
                    data-testid="attachment-input"
                    onChange={(e) => {
                      setPicked(e.currentTarget.files?.[0] ?? null);
                      setError(null);
                    }}
                  />
                  <Text id={hintId} size="xs" c="dimmed" mt={4}>
                    {S.attachments.fileHint}
                  </Text>
                </div>
                <Group gap="xs" align="flex-end" wrap="wrap">
                  <NativeSelect
                    label={S.attachments.kindLabel}
                    value={kind}
                    onChange={(e) => setKind(e.currentTarget.value as AttachmentKind)}
                    data={ATTACHMENT_KINDS.map((k) => ({ value: k, label: S.attachments.kind[k] }))}
                    data-testid="attachment-kind"
                  />
                  <Button variant="light" loading={uploading} disabled={!picked || uploading} onClick={() => void upload()} data-testid="attachment-upload">
                    {S.attachments.upload}
                  </Button>
                </Group>
              </>
            )}
            {error && (
              <Alert color="red" role="alert" data-testid="attachment-error">
                {error}
              </Alert>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
