// Căn cứ pháp lý: the unit's editable list of legal bases a police hand-off cites (title, excerpt, in use or not,
// order); new ones with a short code. Editing needs rumor.write (the list's capabilities say so).
import { Button, Group, NumberInput, Paper, Stack, Switch, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { useSession } from '../../app/session.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { createLegalBasis, listLegalBases, updateLegalBasis, type RumorLegalBaseView } from './actions-api.ts';
import { actionStrings } from './actions-strings.ts';
import { RumorsTabs } from './RumorsTabs.tsx';
import { RUMOR_LIMITS } from './rumors-api.ts';

export function LegalBasesPage() {
  const { lang } = useI18n();
  const A = actionStrings(lang);
  const { me } = useSession();
  const res = useAsync(() => listLegalBases(me.unitId), [me.unitId]);
  const edit = res.data?.capabilities.edit ?? false;
  const items = res.data?.items;
  const replace = (b: RumorLegalBaseView) => res.setData((d) => d && { ...d, items: d.items.map((x) => (x.id === b.id ? b : x)) });
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {A.basesTitle}
      </Title>
      <RumorsTabs />
      <Text size="sm" c="dimmed">
        {A.basesIntro}
      </Text>
      <Paper withBorder p="sm">
        {res.loading && !items && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {items && (
          <div className="loa-table-wrap">
            <Table verticalSpacing="xs" data-testid="rumor-legal-bases-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{A.basisTitle}</Table.Th>
                  <Table.Th>{A.basisActive}</Table.Th>
                  {edit && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((b) => (
                  <BasisRow key={b.id} b={b} edit={edit} onChanged={replace} />
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
      {edit && <NewBasis unitId={me.unitId} onCreated={(b) => res.setData((d) => d && { ...d, items: [...d.items, b] })} />}
    </Stack>
  );
}

function BasisRow({ b, edit, onChanged }: { b: RumorLegalBaseView; edit: boolean; onChanged: (b: RumorLegalBaseView) => void }) {
  const { lang } = useI18n();
  const A = actionStrings(lang);
  const { notify, notifyError } = useNotify();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(b.title);
  const [excerpt, setExcerpt] = useState(b.excerpt);
  const [position, setPosition] = useState<number>(b.position);
  const [busy, setBusy] = useState(false);
  const save = (patch: Parameters<typeof updateLegalBasis>[1], after?: () => void) => {
    setBusy(true);
    updateLegalBasis(b.id, patch).then(
      (out) => {
        onChanged(out);
        notify('success', A.basisSaved);
        setBusy(false);
        after?.();
      },
      (err: unknown) => {
        notifyError(err);
        setBusy(false);
      },
    );
  };
  return (
    <Table.Tr data-testid="rumor-legal-basis">
      <Table.Td style={{ minWidth: 240 }}>
        {editing ? (
          <Stack gap="xs">
            <TextInput label={A.basisTitle} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={RUMOR_LIMITS.title} />
            <Textarea label={A.basisExcerpt} autosize minRows={2} value={excerpt} onChange={(e) => setExcerpt(e.currentTarget.value)} maxLength={RUMOR_LIMITS.note} />
            <NumberInput label={A.basisPosition} min={0} max={10_000} value={position} onChange={(v) => setPosition(typeof v === 'number' ? v : 0)} w={140} />
            <Group gap="xs">
              <Button size="xs" loading={busy} disabled={!title.trim()} onClick={() => save({ title: title.trim(), excerpt: excerpt.trim(), position }, () => setEditing(false))}>
                {A.basisSave}
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                {A.cancel}
              </Button>
            </Group>
          </Stack>
        ) : (
          <>
            <Text size="sm" fw={600}>
              {b.title}
            </Text>
            {b.excerpt && (
              <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {b.excerpt}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {b.code}
            </Text>
          </>
        )}
      </Table.Td>
      <Table.Td>
        <Switch aria-label={`${A.basisActive}: ${b.title}`} checked={b.active} disabled={!edit || busy} onChange={(e) => save({ active: e.currentTarget.checked })} />
      </Table.Td>
      {edit && (
        <Table.Td>
          {!editing && (
            <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)}>
              {A.basisEdit}
            </Button>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function NewBasis({ unitId, onCreated }: { unitId: string; onCreated: (b: RumorLegalBaseView) => void }) {
  const { lang } = useI18n();
  const A = actionStrings(lang);
  const { notify } = useNotify();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [excerpt, setExcerpt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper withBorder p="sm">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!code.trim() || !title.trim()) return setError(A.required);
          setBusy(true);
          setError(null);
          createLegalBasis({ unitId, code: code.trim(), title: title.trim(), excerpt: excerpt.trim() }).then(
            (b) => {
              onCreated(b);
              notify('success', A.basisSaved);
              setCode('');
              setTitle('');
              setExcerpt('');
              setBusy(false);
            },
            (err: unknown) => {
              setError(errorMessage(err, lang));
              setBusy(false);
            },
          );
        }}
      >
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {A.basisNew}
          </Text>
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={A.basisCode}
              description={A.basisCodeHint}
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              maxLength={100}
              w={{ base: '100%', xs: 220 }}
            />
            <TextInput label={A.basisTitle} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={RUMOR_LIMITS.title} style={{ flex: '1 1 260px' }} />
          </Group>
          <Textarea label={A.basisExcerpt} autosize minRows={2} value={excerpt} onChange={(e) => setExcerpt(e.currentTarget.value)} maxLength={RUMOR_LIMITS.note} />
          {error && (
            <Text c="red.8" size="sm" role="alert">
              {error}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={busy}>
              {A.basisAdd}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
