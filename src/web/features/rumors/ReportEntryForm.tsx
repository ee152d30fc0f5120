// "Nhập phản ánh": staff enter a report (description, links, when it was seen, an optional file, an optional
// informant contact that the server seals at once); the answer says which case it joined or opened.
import { Alert, Button, FileInput, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { Link, navigate } from '../../router.tsx';
import { fileStaffReport, RUMOR_FILE_MIME, RUMOR_FILE_TYPES, splitLinks } from './intake-api.ts';
import { intakeStrings } from './intake-strings.ts';
import { RUMOR_LIMITS, fromVietnamLocal } from './rumors-api.ts';
import { rumorStrings } from './strings.ts';

const ACCEPT = Object.values(RUMOR_FILE_MIME).join(',');
/** The accepted kinds as people name them (JPEG, PNG, …), from the contract. */
const KINDS = RUMOR_FILE_TYPES.map((t) => (t === 'jpeg' ? 'JPEG' : t === 'webp' ? 'WebP' : t.toUpperCase())).join(', ');

/** The links typed one per line, or the Vietnamese reason they are refused. */
export function parseLinks(text: string, S: ReturnType<typeof intakeStrings>): string[] | { error: string } {
  const links = splitLinks(text);
  if (links.length > RUMOR_LIMITS.urls) return { error: S.tooManyLinks };
  for (const l of links) {
    let ok = false;
    try {
      const p = new URL(l).protocol;
      ok = p === 'http:' || p === 'https:';
    } catch {
      ok = false;
    }
    if (!ok || l.length > RUMOR_LIMITS.url) return { error: S.badLink(l) };
  }
  return links;
}

export function ReportEntryForm() {
  const { lang } = useI18n();
  const S = intakeStrings(lang);
  const { notify } = useNotify();
  const [description, setDescription] = useState('');
  const [links, setLinks] = useState('');
  const [seen, setSeen] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [socialId, setSocialId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function submit() {
    const urls = parseLinks(links, S);
    if (!Array.isArray(urls)) return setError(urls.error);
    if (!description.trim() && urls.length === 0) return setError(S.needOne);
    if (file && file.size > RUMOR_LIMITS.fileBytes) return setError(S.fileTooBig);
    if (file && file.type && !Object.values<string>(RUMOR_FILE_MIME).includes(file.type)) return setError(S.fileType(KINDS));
    const informant = Object.fromEntries(Object.entries({ name: name.trim(), phone: phone.trim(), email: email.trim(), socialId: socialId.trim() }).filter(([, v]) => v !== ''));
    setBusy(true);
    setError(null);
    fileStaffReport({
      description: description.trim(),
      urls,
      seenAt: fromVietnamLocal(seen) ?? undefined,
      informant: Object.keys(informant).length > 0 ? informant : undefined,
      file,
    }).then(
      (out) => {
        notify('success', out.opened ? S.filedNew(out.report.code, out.case.code) : S.filedJoined(out.report.code, out.case.code));
        navigate(`/rumors/${encodeURIComponent(out.case.id)}`);
      },
      (err: unknown) => {
        setError(errorMessage(err, lang));
        setBusy(false);
      },
    );
  }

  return (
    <Stack gap="md">
      <Link to="/rumors">{rumorStrings(lang).back}</Link>
      <Title order={1} size="h3">
        {S.title}
      </Title>
      <Text size="sm" c="dimmed">
        {S.intro}
      </Text>
      <Paper withBorder p="sm">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          data-testid="rumor-entry-form"
        >
          <Stack gap="sm">
            <Textarea
              label={S.description}
              autosize
              minRows={3}
              maxLength={RUMOR_LIMITS.description}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              data-testid="rumor-entry-description"
            />
            <Textarea label={S.links} autosize minRows={2} value={links} onChange={(e) => setLinks(e.currentTarget.value)} data-testid="rumor-entry-links" />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput type="datetime-local" label={S.seenAt} value={seen} onChange={(e) => setSeen(e.currentTarget.value)} data-testid="rumor-entry-seen" />
              <FileInput label={S.file(KINDS)} accept={ACCEPT} value={file} onChange={setFile} clearable data-testid="rumor-entry-file" />
            </SimpleGrid>
            <Paper withBorder p="xs">
              <Stack gap="xs">
                <Text size="sm" fw={600}>
                  {S.informant}
                </Text>
                <Text size="xs" c="dimmed">
                  {S.informantNote}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label={S.name}
                    value={name}
                    onChange={(e) => setName(e.currentTarget.value)}
                    maxLength={RUMOR_LIMITS.name}
                    autoComplete="off"
                    data-testid="rumor-entry-name"
                  />
                  <TextInput
                    label={S.phone}
                    type="tel"
                    value={phone}
                    onChange={(e) => setPhone(e.currentTarget.value)}
                    maxLength={RUMOR_LIMITS.contact}
                    autoComplete="off"
                    data-testid="rumor-entry-phone"
                  />
                  <TextInput label={S.email} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} maxLength={RUMOR_LIMITS.contact} autoComplete="off" />
                  <TextInput label={S.socialId} value={socialId} onChange={(e) => setSocialId(e.currentTarget.value)} maxLength={RUMOR_LIMITS.contact} autoComplete="off" />
                </SimpleGrid>
              </Stack>
            </Paper>
            {error && (
              <Alert color="red" role="alert" data-testid="rumor-entry-error">
                {error}
              </Alert>
            )}
            <Group gap="xs">
              <Button type="submit" loading={busy} data-testid="rumor-entry-submit">
                {S.submit}
              </Button>
              <Button variant="default" component="a" href="#/rumors">
                {S.cancel}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
