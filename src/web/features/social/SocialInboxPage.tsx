// Hộp thư mạng xã hội: messages and comments to the unit's pages, filtered by state and tag; open one to assign,
// tag, reply within the platform's window, close, or turn it into a portal question.
import { Badge, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime, today } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading, UnitChooser } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useUnitParam } from '../../app/use-unit-param.ts';
import { Link } from '../../router.tsx';
import { InboxItemPanel } from './InboxItemPanel.tsx';
import { INBOX_STATES, PLATFORM_LABELS, listInbox, type InboxState } from './social-api.ts';
import { socialStrings } from './strings.ts';

export const SOCIAL_INBOX_ROUTE = '/social-inbox';

export const INBOX_STATE_COLORS: Record<InboxState, string> = { new: 'blue', assigned: 'orange', answered: 'green', closed: 'gray' };

export function SocialInboxPage({ itemId }: { itemId: string | null }) {
  if (itemId) return <InboxItemPanel key={itemId} id={itemId} />;
  return <InboxList />;
}

function InboxList() {
  const { lang } = useI18n();
  const S = socialStrings(lang);
  const [unit, setUnit] = useUnitParam(SOCIAL_INBOX_ROUTE);
  const [state, setState] = useState<InboxState | ''>('');
  const [tag, setTag] = useState('');
  const res = useAsync(() => listInbox(unit.id, { state, tag }), [unit.id, state, tag]);
  const items = res.data?.items;
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {S.inboxTitle}
      </Title>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <div style={{ flex: '1 1 260px', minWidth: 0 }}>
            <UnitChooser label={S.unit} at={today()} value={unit} onChange={setUnit} testId="social-inbox-unit" />
          </div>
          <NativeSelect
            label={S.colState}
            value={state}
            onChange={(e) => setState(e.currentTarget.value as InboxState | '')}
            data={[{ value: '', label: S.allStates }, ...INBOX_STATES.map((s) => ({ value: s, label: S.inboxStates[s] }))]}
            w={{ base: '100%', xs: 180 }}
          />
          <NativeSelect
            label={S.tag}
            value={tag}
            onChange={(e) => setTag(e.currentTarget.value)}
            data={[{ value: '', label: S.allTags }, ...(res.data?.tags ?? []).map((t) => ({ value: t, label: t }))]}
            w={{ base: '100%', xs: 180 }}
          />
        </Group>
        <Text size="sm" c="dimmed" mt="xs">
          {S.inboxIntro(unit.name)}
        </Text>
      </Paper>
      <Paper withBorder p="sm">
        {res.loading && !res.data && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {items && items.length === 0 && <Text size="sm">{S.emptyInbox}</Text>}
        {items && items.length > 0 && (
          <div className="loa-table-wrap">
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="social-inbox">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{S.text}</Table.Th>
                  <Table.Th>{S.sender}</Table.Th>
                  <Table.Th>{S.colState}</Table.Th>
                  <Table.Th>{S.assignee}</Table.Th>
                  <Table.Th>{S.colWhen}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.id} data-testid="social-inbox-row" data-id={i.id}>
                    <Table.Td>
                      <Link to={`${SOCIAL_INBOX_ROUTE}/${encodeURIComponent(i.id)}`}>{i.text.length > 140 ? `${i.text.slice(0, 140)} …` : i.text}</Link>
                      <Group gap={4} mt={2}>
                        <Badge size="xs" variant="outline">
                          {PLATFORM_LABELS[i.platform]} · {S.kinds[i.kind]}
                        </Badge>
                        {i.tags.map((t) => (
                          <Badge key={t} size="xs" variant="light" color="gray">
                            {t}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{i.sender.label}</Table.Td>
                    <Table.Td>
                      <Badge color={INBOX_STATE_COLORS[i.state]} variant="light">
                        {S.inboxStates[i.state]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{i.assignee?.name ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(i.receivedAt, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
    </Stack>
  );
}
