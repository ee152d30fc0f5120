// A telco request (issue #12 point 7: no SMS account, seed 001's way): the công văn drafted on approval (a link to
// it in "Văn bản đi", its status and number once issued), the telcos' replies ("đã nhắn N thuê bao") with their
// total, a small form to record a reply, and "Kết thúc" — each shown only when the broadcast's capabilities allow it.
import { Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { Link } from '../../router.tsx';
import { STATUS_LABELS } from '../../../shared/contracts/directives-vocabulary.ts';
import type { DirectiveStatus } from '../../../shared/contracts/directives-vocabulary.ts';
import type { BroadcastView } from './broadcasts-api.ts';
import { broadcastStrings } from './strings.ts';
import { finishBroadcast, recordTelcoResult } from './telco-request-api.ts';

const OTHER = '';

export function TelcoRequestPanel({ broadcast: b, onChanged }: { broadcast: BroadcastView; onChanged: (b: BroadcastView) => void }) {
  const { lang } = useI18n();
  const T = broadcastStrings(lang).telcoRequest;
  const { notify, notifyError } = useNotify();
  const [finishing, setFinishing] = useState(false);
  const r = b.telcoRequest;
  const statusLabel = r?.status ? (STATUS_LABELS[r.status as DirectiveStatus] ?? r.status) : null;

  async function finish(): Promise<void> {
    setFinishing(true);
    try {
      onChanged(await finishBroadcast(b.id));
      notify('success', T.finished);
    } catch (err) {
      notifyError(err);
    } finally {
      setFinishing(false);
    }
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label={T.title} data-testid="telco-request">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {T.title}
        </Title>
        {r && (
          <Group gap="sm" wrap="wrap" data-testid="telco-request-directive" data-status={r.status ?? ''}>
            <Text size="sm" fw={600}>
              {T.directive}:
            </Text>
            {r.status ? (
              <>
                <Link to={`/outgoing/${encodeURIComponent(r.directiveId)}`} data-testid="telco-request-link">
                  {r.number && r.symbol ? T.directiveNumber(r.symbol) : T.openDirective}
                </Link>
                {statusLabel && <Text size="sm">{T.directiveStatus(statusLabel)}</Text>}
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {T.directiveHidden}
              </Text>
            )}
          </Group>
        )}
        <Title order={3} size="h6">
          {T.results}
        </Title>
        {b.telcoResults.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="telco-results-empty">
            {T.noResults}
          </Text>
        ) : (
          <div className="loa-table-wrap" tabIndex={0} role="region" aria-label={T.results}>
            <Table verticalSpacing={4} data-testid="telco-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{T.colTelco}</Table.Th>
                  <Table.Th ta="right">{T.colSubscribers}</Table.Th>
                  <Table.Th>{T.colReportedAt}</Table.Th>
                  <Table.Th>{T.colNote}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {b.telcoResults.map((x) => (
                  <Table.Tr key={x.id} data-testid="telco-result-row">
                    <Table.Td>{x.telcoName}</Table.Td>
                    <Table.Td ta="right">{x.subscribers.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</Table.Td>
                    <Table.Td>{formatDateTime(x.reportedAt, lang)}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{x.note ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        <Text size="sm" fw={600} data-testid="telco-total" data-total={b.telcoTotal}>
          {T.total}: {T.subscribers(b.telcoTotal.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'))}
        </Text>
        {b.capabilities.recordTelcoResult && <RecordForm broadcast={b} onChanged={onChanged} />}
        {b.capabilities.finish && (
          <Group gap="sm" align="center">
            <Button variant="default" loading={finishing} onClick={() => void finish()} data-testid="telco-finish">
              {T.finish}
            </Button>
            <Text size="xs" c="dimmed">
              {T.finishHint}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function RecordForm({ broadcast: b, onChanged }: { broadcast: BroadcastView; onChanged: (b: BroadcastView) => void }) {
  const { lang } = useI18n();
  const T = broadcastStrings(lang).telcoRequest;
  const { notify } = useNotify();
  const choices = b.telcoRequest?.telcos ?? [];
  const [telcoUnitId, setTelcoUnitId] = useState<string>(choices[0]?.id ?? OTHER);
  const [telcoName, setTelcoName] = useState('');
  const [subscribers, setSubscribers] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(): Promise<void> {
    const n = typeof subscribers === 'number' ? subscribers : Number(subscribers);
    if (telcoUnitId === OTHER && !telcoName.trim()) return setError(T.needTelco);
    if (subscribers === '' || !Number.isInteger(n) || n < 0) return setError(T.needSubscribers);
    setError(null);
    setBusy(true);
    try {
      const out = await recordTelcoResult(b.id, {
        telcoUnitId: telcoUnitId === OTHER ? null : telcoUnitId,
        telcoName: telcoUnitId === OTHER ? telcoName.trim() : null,
        subscribers: n,
        note: note.trim() || null,
      });
      notify('success', T.saved);
      setSubscribers('');
      setNote('');
      onChanged(out.broadcast);
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
      aria-label={T.record}
      data-testid="telco-result-form"
    >
      <Stack gap="xs">
        <Title order={3} size="h6">
          {T.record}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={T.fTelco}
            value={telcoUnitId}
            onChange={(e) => setTelcoUnitId(e.currentTarget.value)}
            data={[...choices.map((c) => ({ value: c.id, label: c.name })), { value: OTHER, label: T.fTelcoOther }]}
            w={240}
            maw="100%"
            data-testid="telco-f-unit"
          />
          {telcoUnitId === OTHER && (
            <TextInput label={T.fTelcoName} value={telcoName} onChange={(e) => setTelcoName(e.currentTarget.value)} maxLength={200} w={220} maw="100%" data-testid="telco-f-name" />
          )}
          <NumberInput
            label={T.fSubscribers}
            value={subscribers}
            onChange={setSubscribers}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={lang === 'vi' ? '.' : ','}
            decimalSeparator={lang === 'vi' ? ',' : '.'}
            w={200}
            maw="100%"
            data-testid="telco-f-subscribers"
          />
        </Group>
        <TextInput label={T.fNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} data-testid="telco-f-note" />
        {error && (
          <Text c="red.8" size="sm" role="alert" data-testid="telco-f-error">
            {error}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={busy} data-testid="telco-f-save">
            {T.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
