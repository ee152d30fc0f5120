// Accounts of the unit's subtree whose sign-in is locked for an address; the unit admin lifts a lock.
import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { listLockouts, unlockUser, type Lockout } from './lockouts-api.ts';
import { lockoutStrings } from './lockout-strings.ts';

export function LockoutsPanel({ unitId }: { unitId: string }) {
  const { lang } = useI18n();
  const s = lockoutStrings(lang);
  const { notify, notifyError } = useNotify();
  const res = useAsync(() => listLockouts(unitId), [unitId]);
  const [busy, setBusy] = useState<string | null>(null);

  async function unlock(l: Lockout) {
    const key = `${l.userId} ${l.source}`;
    setBusy(key);
    try {
      await unlockUser(l.userId, l.source);
      res.setData((list) => list?.filter((x) => !(x.userId === l.userId && x.source === l.source)));
      notify('success', s.unlocked(l.displayName));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Paper withBorder p="sm" data-testid="lockouts-panel">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {s.title}
        </Title>
        <Text size="xs" c="dimmed">
          {s.hint}
        </Text>
        {res.loading && !res.data && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {res.data && res.data.length === 0 && (
          <Text size="sm" data-testid="lockouts-empty">
            {s.empty}
          </Text>
        )}
        {res.data && res.data.length > 0 && (
          <div className="loa-table-wrap">
            <Table striped verticalSpacing="xs" data-testid="lockouts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{s.colUser}</Table.Th>
                  <Table.Th>{s.colSource}</Table.Th>
                  <Table.Th>{s.colFailures}</Table.Th>
                  <Table.Th>{s.colUntil}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {res.data.map((l) => (
                  <Table.Tr key={`${l.userId} ${l.source}`} data-testid="lockout-row">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {l.displayName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {l.username} · {l.unitName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {l.source}
                      </Text>
                    </Table.Td>
                    <Table.Td>{l.failures}</Table.Td>
                    <Table.Td>{formatDateTime(l.lockedUntil, lang)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="light"
                        loading={busy === `${l.userId} ${l.source}`}
                        onClick={() => void unlock(l)}
                        aria-label={s.unlockNamed(l.displayName, l.source)}
                        data-testid="lockout-unlock"
                      >
                        {s.unlock}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
