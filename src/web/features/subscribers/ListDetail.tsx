// One subscriber list: the import (when the role may write) and its numbers, 100 a page, with the telco guess
// and the opt-out state; staff opt a subscriber out with a reason.
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { SUBSCRIBER_LIMITS } from '../../../shared/contracts/subscribers.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { deleteList, listSubscribers, optIn, optOut, type Subscriber, type SubscriberList } from './subscribers-api.ts';
import { subscriberStrings } from './strings.ts';

const PAGE = SUBSCRIBER_LIMITS.pageSize;

export function ListDetail({ list, onChanged, onDeleted }: { list: SubscriberList; onChanged: () => void; onDeleted: () => void }) {
  const { lang } = useI18n();
  const S = subscriberStrings(lang);
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [optingOut, setOptingOut] = useState<Subscriber | null>(null);
  const [deleting, setDeleting] = useState(false);
  const page = useAsync(() => listSubscribers(list.id, { q, offset, limit: PAGE }), [list.id, q, offset]);
  const refresh = () => {
    page.reload();
    onChanged();
  };

  return (
    <Stack gap="md">
      {list.capabilities.write && <ImportPanel listId={list.id} onImported={refresh} />}
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-end" mb="xs" wrap="wrap">
          <Title order={2} size="h5">
            {list.name} · {S.kinds[list.kind]}
          </Title>
          <TextInput
            placeholder={S.search}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setOffset(0);
            }}
            w={280}
            data-testid="subscriber-search"
          />
          {list.capabilities.write && (
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(true)} data-testid="subscriber-list-delete">
              {S.deleteList}
            </Button>
          )}
        </Group>
        {list.description && (
          <Text size="sm" c="dimmed" mb="xs">
            {list.description}
          </Text>
        )}
        {!list.capabilities.readPhones && (
          <Text size="sm" c="dimmed" mb="xs" data-testid="subscriber-masked-hint">
            {S.maskedHint}
          </Text>
        )}
        {page.loading && !page.data && <Loading />}
        {page.error != null && <LoadError error={page.error} onRetry={page.reload} />}
        {page.data && page.data.total === 0 && <Text size="sm">{S.noSubscribers}</Text>}
        {page.data && page.data.items.length > 0 && (
          <>
            <div className="loa-table-wrap">
              <Table striped verticalSpacing="xs" data-testid="subscriber-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{S.colName}</Table.Th>
                    <Table.Th>{S.colPhone}</Table.Th>
                    <Table.Th>
                      <Tooltip label={S.telcoHint}>
                        <span>{S.colTelco} *</span>
                      </Tooltip>
                    </Table.Th>
                    <Table.Th>{S.colVillage}</Table.Th>
                    <Table.Th>{S.colStatus}</Table.Th>
                    {list.capabilities.write && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.data.items.map((s) => (
                    <Table.Tr key={s.id} data-testid="subscriber-row">
                      <Table.Td>{s.fullName ?? '—'}</Table.Td>
                      <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="subscriber-phone">
                        {s.phone}
                      </Table.Td>
                      <Table.Td>{S.telcos[s.telco]}</Table.Td>
                      <Table.Td>{s.village ?? '—'}</Table.Td>
                      <Table.Td>
                        {s.optedOut ? (
                          <Tooltip label={s.optOutReason ?? ''} disabled={!s.optOutReason}>
                            <Badge color="gray" variant="light">
                              {S.optedOut}
                              {s.optOutSource === 'sms_keyword' ? ` (${S.bySms})` : ''}
                            </Badge>
                          </Tooltip>
                        ) : (
                          <Badge color="green" variant="light">
                            {S.receiving}
                          </Badge>
                        )}
                      </Table.Td>
                      {list.capabilities.write && (
                        <Table.Td>
                          {s.optedOut ? (
                            <Button size="compact-xs" variant="subtle" onClick={() => setOptingOut(s)} data-testid="subscriber-opt-in">
                              {S.optIn}
                            </Button>
                          ) : (
                            <Button size="compact-xs" variant="subtle" color="red" onClick={() => setOptingOut(s)} data-testid="subscriber-opt-out">
                              {S.optOut}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
            <Group justify="space-between" mt="xs">
              <Text size="sm" c="dimmed">
                {S.total(page.data.total)}
              </Text>
              <Group gap="xs">
                <Button size="compact-sm" variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  {S.prev}
                </Button>
                <Button size="compact-sm" variant="default" disabled={offset + PAGE >= page.data.total} onClick={() => setOffset(offset + PAGE)}>
                  {S.next}
                </Button>
              </Group>
            </Group>
          </>
        )}
      </Paper>
      {deleting && <DeleteListDialog list={list} onClose={() => setDeleting(false)} onDeleted={onDeleted} />}
      {optingOut && (
        <OptOutDialog
          subscriber={optingOut}
          onClose={(changed) => {
            setOptingOut(null);
            if (changed) refresh();
          }}
        />
      )}
    </Stack>
  );
}

function OptOutDialog({ subscriber, onClose }: { subscriber: Subscriber; onClose: (changed: boolean) => void }) {
  const { lang } = useI18n();
  const S = subscriberStrings(lang);
  const { notify, notifyError } = useNotify();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const back = subscriber.optedOut;
  const submit = async () => {
    setBusy(true);
    try {
      await (back ? optIn : optOut)(subscriber.id, reason);
      notify('success', back ? S.optedInDone : S.optedOutDone);
      onClose(true);
    } catch (e) {
      notifyError(e);
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={() => onClose(false)} title={back ? S.optInTitle : S.optOutTitle}>
      <Stack gap="sm">
        <Text size="sm">
          {subscriber.fullName ?? '—'} · {subscriber.phone}
        </Text>
        <Text size="sm" c="dimmed">
          {back ? S.optInHint : S.optOutHint}
        </Text>
        <TextInput label={S.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required data-autofocus data-testid="subscriber-opt-out-reason" />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={() => onClose(false)}>
            {S.cancel}
          </Button>
          <Button color={back ? 'blue' : 'red'} onClick={() => void submit()} loading={busy} disabled={!reason.trim()} data-testid="subscriber-opt-out-confirm">
            {back ? S.optIn : S.confirmOptOut}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DeleteListDialog({ list, onClose, onDeleted }: { list: SubscriberList; onClose: () => void; onDeleted: () => void }) {
  const { lang } = useI18n();
  const S = subscriberStrings(lang);
  const { notify, notifyError } = useNotify();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await deleteList(list.id);
      notify('success', S.deleted);
      onDeleted();
    } catch (e) {
      notifyError(e);
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={S.deleteTitle}>
      <Stack gap="sm">
        <Text size="sm">{S.deleteHint(list.name, list.subscribers)}</Text>
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {S.cancel}
          </Button>
          <Button color="red" onClick={() => void submit()} loading={busy} data-testid="subscriber-list-delete-confirm">
            {S.deleteList}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
