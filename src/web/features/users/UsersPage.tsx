// Users of a unit: list, invite (create), edit roles / disable; sign-in lockouts of the subtree.
import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { listUsers, type User } from './users-api.ts';
import { useAtDate } from '../../app/at-date.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading, RoleBadges, UnitChooser } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useUnitParam } from '../../app/use-unit-param.ts';
import { LockoutsPanel } from './LockoutsPanel.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { userStrings } from './strings.ts';

export function UsersPage() {
  const { t, lang } = useI18n();
  const userText = userStrings(lang);
  const [at] = useAtDate();
  const [unit, setUnit] = useUnitParam('/users');
  const res = useAsync(() => listUsers(unit.id), [unit.id]);
  const [editing, setEditing] = useState<User | 'new' | null>(null);

  const upsert = (u: User) =>
    res.setData((list) => {
      const items = list ?? [];
      return items.some((x) => x.id === u.id) ? items.map((x) => (x.id === u.id ? u : x)) : [...items, u];
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h3">
          {userText.title}
        </Title>
        <Button onClick={() => setEditing('new')} data-testid="user-create">
          + {userText.create}
        </Button>
      </Group>
      <Paper withBorder p="sm">
        <UnitChooser key={unit.id} label={t('common.unit')} at={at} value={unit} onChange={setUnit} testId="users-unit" />
      </Paper>
      <Paper withBorder p="sm">
        {res.loading && !res.data && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {res.data && res.data.length === 0 && <Text size="sm">{userText.empty}</Text>}
        {res.data && res.data.length > 0 && (
          <div className="loa-table-wrap">
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{userText.displayName}</Table.Th>
                  <Table.Th>{userText.email}</Table.Th>
                  <Table.Th>{userText.roles}</Table.Th>
                  <Table.Th>{userText.status}</Table.Th>
                  <Table.Th>{userText.lastLogin}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {res.data.map((u) => (
                  <Table.Tr key={u.id} data-testid="user-row">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {u.displayName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {u.username}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{u.email ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <RoleBadges roles={u.roles} />
                    </Table.Td>
                    <Table.Td>
                      {u.disabled ? (
                        <Badge color="gray" variant="filled" tt="none">
                          {userText.disabled}
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light" tt="none">
                          {userText.active}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(u.lastLoginAt, lang)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="light" onClick={() => setEditing(u)} aria-label={userText.editNamed({ name: u.displayName })}>
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
      <LockoutsPanel unitId={unit.id} />
      <UserFormModal
        target={editing}
        unit={unit}
        onClose={() => setEditing(null)}
        onSaved={(u) => {
          upsert(u);
          setEditing(null);
        }}
      />
    </Stack>
  );
}
