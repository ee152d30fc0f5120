// Trang mạng xã hội: the unit's connected Facebook pages and Zalo OAs (tokens masked, status, webhook settings,
// disconnect), the connect form for unit admins, free-text posting and every cross-post with its result per platform.
import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { today } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading, UnitChooser } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useUnitParam } from '../../app/use-unit-param.ts';
import { ConnectForm } from './ConnectForm.tsx';
import { PublicationsTable, PublishTextForm } from './PublicationsPanel.tsx';
import { PLATFORM_LABELS, disconnectAccount, listAccounts, listPublications, type SocialAccountView } from './social-api.ts';
import { socialStrings } from './strings.ts';

export const SOCIAL_ROUTE = '/social';

export function SocialPagesPage() {
  const { lang } = useI18n();
  const S = socialStrings(lang);
  const [unit, setUnit] = useUnitParam(SOCIAL_ROUTE);
  const accounts = useAsync(() => listAccounts(unit.id), [unit.id]);
  const publications = useAsync(() => listPublications(unit.id), [unit.id], Boolean(accounts.data));
  const caps = accounts.data?.capabilities;
  const items = accounts.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h3">
          {S.pagesTitle}
        </Title>
        <Button variant="default" onClick={() => (accounts.reload(), publications.reload())}>
          {S.refresh}
        </Button>
      </Group>
      <Paper withBorder p="sm">
        <UnitChooser label={S.unit} at={today()} value={unit} onChange={setUnit} testId="social-unit" />
        <Text size="sm" c="dimmed" mt="xs">
          {S.pagesIntro(unit.name)}
        </Text>
      </Paper>
      {accounts.loading && !accounts.data && <Loading />}
      {accounts.error != null && <LoadError error={accounts.error} onRetry={accounts.reload} />}
      {accounts.data && (
        <Paper withBorder p="sm">
          {items.length === 0 ? <Text size="sm">{S.noAccounts}</Text> : <AccountsTable items={items} manage={caps?.manage ?? false} onChanged={accounts.reload} />}
        </Paper>
      )}
      {caps?.manage && <ConnectForm unitId={unit.id} onConnected={accounts.reload} />}
      {caps?.publish && items.length > 0 && <PublishTextForm key={unit.id + items.length} unitId={unit.id} accounts={items} onQueued={publications.reload} />}
      {accounts.data && (
        <Paper withBorder p="sm">
          <Title order={2} size="h5" mb="xs">
            {S.publicationsTitle}
          </Title>
          {publications.error != null && <LoadError error={publications.error} onRetry={publications.reload} />}
          {publications.data && <PublicationsTable items={publications.data} onChanged={publications.reload} />}
        </Paper>
      )}
    </Stack>
  );
}

function AccountsTable({ items, manage, onChanged }: { items: SocialAccountView[]; manage: boolean; onChanged: () => void }) {
  const { lang } = useI18n();
  const S = socialStrings(lang);
  const { notify, notifyError } = useNotify();
  async function disconnect(a: SocialAccountView): Promise<void> {
    if (!window.confirm(S.disconnectConfirm(a.displayName))) return;
    try {
      await disconnectAccount(a.id);
      notify('success', S.disconnected);
      onChanged();
    } catch (err) {
      notifyError(err);
    }
  }
  return (
    <div className="loa-table-wrap">
      <Table verticalSpacing="xs" data-testid="social-accounts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{S.displayName}</Table.Th>
            <Table.Th>{S.tokenMasked}</Table.Th>
            <Table.Th>{S.webhook}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id} data-testid="social-account" data-platform={a.platform}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {a.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {PLATFORM_LABELS[a.platform]} · {a.pageId}
                  {a.appId ? ` · App ${a.appId}` : ''}
                </Text>
                <Badge mt={4} color={a.status === 'connected' ? 'green' : 'red'} variant="light">
                  {S.statuses[a.status]}
                </Badge>
                {a.status === 'token_invalid' && (
                  <Alert color="red" mt={4} p="xs">
                    {a.statusMessage ?? S.statuses.token_invalid}
                  </Alert>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {S.tokenMasked}: <Code>{a.accessTokenMasked}</Code>
                </Text>
                <Text size="xs">
                  {S.secretMasked}: <Code>{a.appSecretMasked}</Code>
                </Text>
              </Table.Td>
              <Table.Td>
                <Code style={{ wordBreak: 'break-all' }}>{a.webhookUrl}</Code>
                {a.verifyToken && (
                  <Text size="xs" mt={4}>
                    {S.verifyToken}: <Code>{a.verifyToken}</Code>
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {manage && (
                  <Button size="compact-xs" color="red" variant="light" onClick={() => void disconnect(a)}>
                    {S.disconnect}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
